package dev.forja.app.data;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.forja.app.ForjaHome;
import dev.forja.app.cli.Console;
import dev.forja.app.cli.ExitCode;
import dev.forja.app.cli.OutputOptions;
import dev.forja.core.ForjaException;
import dev.forja.core.ingest.Dataset;
import dev.forja.core.profile.DataProfile;
import dev.forja.core.profile.Profiler;
import dev.forja.core.report.ProfileReport;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code forja profile <data>}: the exploratory analysis a data scientist would otherwise do by hand in a
 * notebook, as a self-contained HTML report and its JSON twin.
 */
@Command(name = "profile", mixinStandardHelpOptions = true,
        description = {
            "Profile a dataset: per-column statistics and charts, the target's distribution, each column's",
            "association with the target, and warnings (constant, ID-like, high-cardinality, leakage, duplicates,",
            "class imbalance, mixed types, sentinels). Writes one self-contained HTML report."
        })
public final class ProfileCommand implements Callable<Integer> {
    private final Console console;

    @Parameters(index = "0", paramLabel = "DATA", description = "A data file (csv, tsv, arff, parquet, jsonl; .gz too) or a jdbc: URL.")
    String source;

    @Option(names = "--target", paramLabel = "COLUMN", description = "The column to predict: adds its distribution and each column's association with it.")
    String target;

    @Option(names = "--out", paramLabel = "FILE",
            description = "Where to write the HTML report (default: FORJA_HOME/reports/<data file name>.profile.html).")
    Path out;

    @Mixin
    DataSourceOptions data = new DataSourceOptions();

    @Mixin
    OutputOptions output = new OutputOptions();

    public ProfileCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() {
        Dataset dataset = DataArgument.read(source, data, console);
        if (target != null && !dataset.frame().has(target)) {
            throw new ForjaException("no column '" + target + "' in " + source,
                    "the columns are: " + String.join(", ", dataset.frame().columnNames()));
        }
        DataProfile profile = Profiler.profile(dataset, target, console.progress());
        Path report = out != null ? out : defaultReportPath();
        ProfileReport.write(profile, report);

        ObjectNode doc = profile.toJson();
        doc.put("format", dataset.format().id());
        doc.set("read", ReadReportJson.of(dataset.report()));
        doc.put("report", report.toString());
        if (output.json) {
            console.printJson(doc);
        } else {
            printSummary(doc);
        }
        return ExitCode.OK;
    }

    /** {@code FORJA_HOME/reports/<file name>.profile.html}, so titanic.csv and titanic.jsonl do not collide. */
    private Path defaultReportPath() {
        String name = source.startsWith("jdbc:") ? "query" : Path.of(source).getFileName().toString();
        name = name.replaceAll("[^A-Za-z0-9._-]", "_");
        return ForjaHome.fromEnvironment().directory("reports").resolve(name + ".profile.html");
    }

    /** A terminal-sized digest of the JSON: one line per column, then the warnings. */
    private void printSummary(ObjectNode doc) {
        var o = console.out();
        o.printf("%s: %d rows, %d columns%n", doc.path("source").asText(), doc.path("rows").asLong(), doc.path("columns").size());
        int width = 6;
        for (JsonNode c : doc.path("columns")) {
            width = Math.max(width, c.path("name").asText().length());
        }
        o.printf("  %-" + width + "s  %-11s %8s %9s  %s%n", "column", "kind", "missing", "distinct", "summary");
        for (JsonNode c : doc.path("columns")) {
            o.printf("  %-" + width + "s  %-11s %8d %9s  %s%n", c.path("name").asText(), c.path("kind").asText(),
                    c.path("missing").asLong(), c.path("distinct").isNull() ? "-" : c.path("distinct").asText(), summary(c));
        }
        JsonNode t = doc.path("target");
        if (!t.isMissingNode() && !t.isNull()) {
            StringBuilder dist = new StringBuilder();
            var it = t.path("distribution").fields();
            while (it.hasNext() && dist.length() < 120) {
                var e = it.next();
                dist.append(dist.length() == 0 ? "" : ", ").append(e.getKey()).append(": ").append(e.getValue().asText());
            }
            o.printf("target %s (%s%s)%s%n", t.path("name").asText(), t.path("kind").asText(),
                    t.path("task").isTextual() ? ", " + t.path("task").asText() : "", dist.length() > 0 ? ": " + dist : "");
            JsonNode assoc = doc.path("associations");
            if (assoc.size() > 0) {
                o.println("strongest associations with the target:");
                for (int i = 0; i < Math.min(5, assoc.size()); i++) {
                    JsonNode a = assoc.get(i);
                    o.printf(Locale.ROOT, "  %-" + width + "s  %s %.3f%s%n", a.path("column").asText(), a.path("measure").asText(),
                            a.path("value").asDouble(), a.path("pps").isNumber()
                                    ? String.format(Locale.ROOT, "  predictive power %.3f", a.path("pps").asDouble()) : "");
                }
            }
        }
        JsonNode warnings = doc.path("warnings");
        if (warnings.size() > 0) {
            o.printf("%d warning(s):%n", warnings.size());
            for (JsonNode w : warnings) {
                String col = w.path("column").isNull() || w.path("column").isMissingNode() ? "" : w.path("column").asText() + ": ";
                o.printf("  [%s] %s%s%n", w.path("kind").asText(), col, w.path("message").asText());
            }
        }
        o.println("report: " + doc.path("report").asText());
    }

    private static String summary(JsonNode c) {
        if (c.path("mean").isNumber()) {
            return String.format(Locale.ROOT, "mean %.4g  std %.4g  min %.4g  max %.4g",
                    c.path("mean").asDouble(), c.path("std").asDouble(), c.path("min").asDouble(), c.path("max").asDouble());
        }
        JsonNode length = c.path("length");
        if (length.isObject()) {
            return String.format(Locale.ROOT, "length mean %.1f  min %d  max %d", length.path("mean").asDouble(),
                    length.path("min").asLong(), length.path("max").asLong());
        }
        JsonNode top = c.path("top");
        if (top.isArray() && top.size() > 0) {
            StringBuilder sb = new StringBuilder("top ");
            for (int i = 0; i < Math.min(3, top.size()); i++) {
                JsonNode e = top.get(i);
                sb.append(i == 0 ? "" : ", ").append(e.path("value").asText()).append(" (").append(e.path("count").asText()).append(')');
            }
            return sb.toString();
        }
        if (c.path("min").isTextual()) {
            return c.path("min").asText() + " .. " + c.path("max").asText();
        }
        return "";
    }
}

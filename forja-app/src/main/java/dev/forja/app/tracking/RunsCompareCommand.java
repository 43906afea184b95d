package dev.forja.app.tracking;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.forja.app.cli.Console;
import dev.forja.app.cli.ExitCode;
import dev.forja.app.cli.OutputOptions;
import dev.forja.store.tracking.Metric;
import dev.forja.store.tracking.Run;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.function.BiFunction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code forja runs compare RUN RUN…}: params and metrics side by side, rows that differ marked. */
@Command(name = "compare", mixinStandardHelpOptions = true, description = "Compare runs: params and metrics side by side; '*' marks what differs.")
public final class RunsCompareCommand implements Callable<Integer> {
    private final Console console;

    @Parameters(arity = "2..*", paramLabel = "RUN", description = "Two or more run ids.")
    List<String> runIds = new ArrayList<>();

    @Mixin
    TrackingOptions tracking = new TrackingOptions();

    @Mixin
    OutputOptions output = new OutputOptions();

    public RunsCompareCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() {
        List<Run> runs = new ArrayList<>();
        try (Tracking t = tracking.open()) {
            for (String id : runIds) {
                runs.add(t.store().getRun(id));
            }
        }
        TreeSet<String> paramKeys = new TreeSet<>();
        TreeSet<String> metricKeys = new TreeSet<>();
        runs.forEach(r -> {
            paramKeys.addAll(r.params().keySet());
            metricKeys.addAll(r.metrics().keySet());
        });
        BiFunction<Run, String, String> param = (r, k) -> r.params().get(k);
        BiFunction<Run, String, String> metric = (r, k) -> {
            Metric m = r.metrics().get(k);
            return m == null ? null : RunJson.number(m.value());
        };
        if (output.json) {
            ObjectNode doc = JsonNodeFactory.instance.objectNode();
            var list = doc.putArray("runs");
            runs.forEach(r -> list.addObject().put("run_id", r.id()).put("run_name", r.info().runName()));
            doc.set("params", rows(runs, paramKeys, (r, k) -> r.params().get(k)));
            doc.set("metrics", rows(runs, metricKeys, (r, k) -> r.metrics().get(k)));
            console.printJson(doc);
            return ExitCode.OK;
        }
        int width = 14;
        var o = console.out();
        StringBuilder header = new StringBuilder(String.format("  %-26s", ""));
        runs.forEach(r -> header.append(String.format(" %-" + width + "s", shorten(r.info().runName(), width))));
        o.println(header);
        table(o, "params", runs, paramKeys, param, width);
        table(o, "metrics", runs, metricKeys, metric, width);
        return ExitCode.OK;
    }

    private static void table(java.io.PrintStream o, String title, List<Run> runs, TreeSet<String> keys, BiFunction<Run, String, String> value,
                              int width) {
        o.println(title + ":");
        for (String k : keys) {
            List<String> values = runs.stream().map(r -> value.apply(r, k)).toList();
            boolean differs = values.stream().distinct().count() > 1;
            StringBuilder line = new StringBuilder(String.format("%s %-26s", differs ? "*" : " ", shorten(k, 26)));
            values.forEach(v -> line.append(String.format(" %-" + width + "s", v == null ? "-" : shorten(v, width))));
            o.println(line);
        }
    }

    private static com.fasterxml.jackson.databind.node.ArrayNode rows(List<Run> runs, TreeSet<String> keys,
                                                                       BiFunction<Run, String, Object> value) {
        var out = JsonNodeFactory.instance.arrayNode();
        for (String k : keys) {
            ObjectNode row = out.addObject();
            row.put("key", k);
            ObjectNode values = row.putObject("values");
            List<Object> seen = new ArrayList<>();
            for (Run r : runs) {
                Object v = value.apply(r, k);
                seen.add(v instanceof Metric m ? (Object) m.value() : v);
                if (v == null) {
                    values.putNull(r.id());
                } else if (v instanceof Metric m) {
                    if (Double.isFinite(m.value())) {
                        values.put(r.id(), m.value());
                    } else {
                        values.putNull(r.id());
                    }
                } else {
                    values.put(r.id(), (String) v);
                }
            }
            row.put("differs", seen.stream().map(x -> Objects.toString(x, null)).distinct().count() > 1);
        }
        return out;
    }

    private static String shorten(String s, int width) {
        return s.length() <= width ? s : s.substring(0, width - 1) + "…";
    }
}

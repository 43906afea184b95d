package dev.forja.app.quickstart;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.forja.app.cli.Console;
import dev.forja.app.cli.InProcess;
import dev.forja.app.cli.ExitCode;
import dev.forja.app.cli.OutputOptions;
import dev.forja.app.serve.ServeCommand;
import dev.forja.app.tracking.LazyTracking;
import dev.forja.app.tracking.TrackingOptions;
import dev.forja.core.ForjaException;
import dev.forja.serve.http.ServingServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code forja quickstart}: the lifecycle end to end on an example dataset, on the embedded store —
 * profile, select a model with AutoML (baselines first) and register it, alias {@code production}, serve on a free loopback
 * port, one real prediction over HTTP, shut down — printing each step, its figures, and the commands
 * that do the same by hand. Each step runs the real command, in process.
 */
@Command(name = "quickstart", mixinStandardHelpOptions = true, description = {
    "Run the whole lifecycle once on example data: profile, automl (baselines, simple and tuned models), register, alias, serve,",
    "predict over HTTP, stop.",
    "Uses the embedded store in FORJA_HOME; prints the commands to do each step by hand."})
public final class QuickstartCommand implements Callable<Integer> {
    private static final String MODEL_NAME = "titanic";

    private final Console console;

    @Option(names = "--data", defaultValue = "examples/data/titanic.csv", paramLabel = "CSV", description = "The example data (default: ${DEFAULT-VALUE}).")
    Path data;

    @Option(names = "--target", defaultValue = "Survived", paramLabel = "COLUMN", description = "Its target column (default: ${DEFAULT-VALUE}).")
    String target;

    @Option(names = "--time", defaultValue = "20s", paramLabel = "DURATION", description = "The model search's budget (default: ${DEFAULT-VALUE}).")
    String budget;

    @Mixin
    OutputOptions output = new OutputOptions();

    public QuickstartCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (!Files.isRegularFile(data)) {
            throw new ForjaException("the example data " + data + " is not here", "run forja quickstart from the repository's root, or give --data");
        }
        String file = data.toString();
        List<String> byHand = new ArrayList<>();
        ObjectNode summary = Console.mapper().createObjectNode();

        step(1, "profile the data");
        JsonNode profile = forja(byHand, "profile", file, "--target", target, "--json");
        say("  %d rows, %d columns; %d warnings; report %s", profile.path("rows").asLong(), profile.path("columns").size(),
                profile.path("warnings").size(), profile.path("report").asText());
        summary.set("profile", Console.mapper().createObjectNode().put("rows", profile.path("rows").asLong()).put("report",
                profile.path("report").asText()));

        step(2, "automl for " + budget + ": baselines, simple models, tuned forest and XGBoost, stacking; register the pick");
        JsonNode auto = forja(byHand, "automl", file, "--target", target, "--time", budget, "--experiment", "quickstart", "--register", MODEL_NAME,
                "--json");
        String metric = auto.path("metric").asText();
        JsonNode best = auto.path("best");
        double score = best.path("test_metrics").path(metric).asDouble();
        double baseline = best.path("baseline_test_metrics").path(metric).asDouble();
        say("  %d candidates on the same folds; chose %s (cv %s %.4f); test %s %.4f (baseline %.4f); run %s", auto.path("leaderboard").size(),
                best.path("model").asText(), metric, best.path("cv_metric").asDouble(), metric, score, baseline, best.path("run_id").asText());
        String uri = best.path("model_uri").asText();
        long version = Long.parseLong(uri.substring(uri.lastIndexOf('/') + 1));
        say("  registered %s", uri);
        summary.set("train", Console.mapper().createObjectNode().put("run_id", best.path("run_id").asText()).put("model", best.path("model").asText())
                .put("metric", metric).put("score", score).put("baseline", baseline).put("version", version));

        step(3, "point the production alias at it");
        forja(byHand, "models", "alias", MODEL_NAME, Long.toString(version), "production", "--json");
        say("  models:/%s@production -> version %d", MODEL_NAME, version);

        step(4, "serve it and ask for one prediction over HTTP");
        byHand.add("./forja serve models:/" + MODEL_NAME + "@production --port 8080");
        String row = firstRowAsJson(file);
        try (LazyTracking tracking = new LazyTracking(new TrackingOptions());
             ServingServer server = ServeCommand.startOne("models:/" + MODEL_NAME + "@production", MODEL_NAME, tracking,
                     ServingServer.Options.loopback(0))) {
            long start = System.nanoTime();
            while (!server.ready()) {
                if (System.nanoTime() - start > 60_000_000_000L) {
                    throw new ForjaException("the model did not load within a minute", "see the log above");
                }
                Thread.sleep(20);
            }
            say("  serving on %s (ready in %d ms)", server.url(), (System.nanoTime() - start) / 1_000_000);
            String body = "{\"instances\": [" + row + "]}";
            HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.url() + "/v1/models/"
                    + MODEL_NAME + ":predict")).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw new ForjaException("the server answered " + answer.statusCode() + ": " + answer.body(), "see the log above");
            }
            say("  POST /v1/models/%s:predict %s", MODEL_NAME, row);
            say("  -> %s (answered by %s)", answer.body(), answer.headers().firstValue("X-Forja-Model-Version").orElse("?"));
            byHand.add("curl -X POST localhost:8080/v1/models/" + MODEL_NAME + ":predict -H 'Content-Type: application/json' -d '" + body + "'");
            summary.set("prediction", Console.mapper().readTree(answer.body()));
            summary.put("url", server.url());
        }
        step(5, "stopped the server");
        if (output.json) {
            var commands = summary.putArray("commands");
            byHand.forEach(commands::add);
            console.printJson(summary);
        } else {
            console.out().println();
            console.out().println("To do the same by hand:");
            byHand.forEach(c -> console.out().println("  " + c));
            console.out().println("  ./forja runs list --experiment quickstart");
        }
        return ExitCode.OK;
    }

    private void step(int n, String what) {
        note(String.format(Locale.ROOT, "[%d/5] %s", n, what));
    }

    private void say(String format, Object... args) {
        note(String.format(Locale.ROOT, format, args));
    }

    /** Progress for people: stdout in text mode, stderr under --json (stdout then holds one document). */
    private void note(String line) {
        if (output.json) {
            console.err().println(line);
        } else {
            console.out().println(line);
        }
    }

    /** Runs a real forja command in process and returns its JSON; remembers the command for the user. */
    private JsonNode forja(List<String> byHand, String... args) {
        List<String> shown = new ArrayList<>(List.of(args));
        shown.remove("--json");
        byHand.add("./forja " + String.join(" ", shown));
        return InProcess.json(List.of(args));
    }

    /** The data's first row as a JSON object of its raw values (numbers as numbers, empty as null). */
    private String firstRowAsJson(String file) throws IOException {
        List<String> lines = Files.readAllLines(Path.of(file)).stream().limit(2).toList();
        List<String> header = csv(lines.get(0));
        List<String> values = csv(lines.get(1));
        StringBuilder sb = new StringBuilder("{");
        for (int i = 0; i < header.size(); i++) {
            if (header.get(i).equals(target)) {
                continue;
            }
            String v = i < values.size() ? values.get(i) : "";
            sb.append(sb.length() > 1 ? ", " : "").append('"').append(header.get(i)).append("\": ");
            if (v.isEmpty()) {
                sb.append("null");
            } else if (v.matches("-?[0-9]+(\\.[0-9]+)?")) {
                sb.append(v);
            } else {
                sb.append('"').append(v.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
            }
        }
        return sb.append('}').toString();
    }

    private static List<String> csv(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                out.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        out.add(field.toString());
        return out;
    }
}

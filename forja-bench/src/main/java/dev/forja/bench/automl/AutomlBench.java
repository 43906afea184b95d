package dev.forja.bench.automl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.forja.app.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;

/**
 * AutoML quality against the committed reference (scripts/reference/automl_reference.py: XGBoost tuned
 * by Optuna's TPE, 50 trials, 5-fold CV, on the same train / test files): for each dataset, forja automl
 * on the training file under the budget (2% of it kept as automl's own test part, since the reference
 * trains on all of it) optimising the reference's metric (AUC, macro one-vs-rest for several classes;
 * RMSE), then forja evaluate of the chosen model on the test file.
 *
 * <pre>AutomlBench REFERENCE_JSON SPLITS_DIR BUDGET [NAME,NAME...]</pre>
 */
public final class AutomlBench {
    private static final ObjectMapper JSON = new ObjectMapper();

    private AutomlBench() {
    }

    public static void main(String[] args) throws Exception {
        JsonNode reference = JSON.readTree(Path.of(args[0]).toFile());
        Path splits = Path.of(args[1]);
        String budget = args[2];
        java.util.Set<String> only = args.length > 3 ? java.util.Set.of(args[3].split(",")) : null;
        System.out.printf(Locale.ROOT, "%-20s %-6s %12s %12s %10s %-12s %8s%n", "dataset", "metric", "forja test", "optuna test", "forja s", "chosen",
                "better?");
        for (JsonNode d : reference.path("datasets")) {
            String name = d.path("name").asText();
            if (only != null && !only.contains(name)) {
                continue;
            }
            String metric = d.path("metric").asText();
            Path dir = splits.resolve(name);
            long t0 = System.nanoTime();
            // train.csv is all the training data the reference had: keep only a sliver for automl's own test part
            JsonNode auto = run("automl", dir.resolve(d.path("train_file").asText("train.csv")).toString(), "--target", d.path("target").asText(), "--time",
                    budget, "--test-size", "0.02", "--metric", metric, "--experiment", "bench-" + name, "--json");
            double seconds = (System.nanoTime() - t0) / 1e9;
            JsonNode eval = run("evaluate", auto.path("best").path("model_uri").asText(), dir.resolve(d.path("test_file").asText("test.csv")).toString(),
                    "--bootstrap", "0", "--json");
            double forja = eval.path("metrics").path(metric).asDouble();
            double optuna = d.path("test").asDouble();
            boolean better = metric.equals("rmse") ? forja <= optuna : forja >= optuna;
            System.out.printf(Locale.ROOT, "%-20s %-6s %12.4f %12.4f %10.1f %-12s %8s%n", name, metric, forja, optuna, seconds,
                    auto.path("best").path("model").asText(), better ? "yes" : "no");
        }
    }

    private static JsonNode run(String... args) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        if (code != 0) {
            throw new IllegalStateException("forja " + String.join(" ", args) + " failed: " + err.toString(StandardCharsets.UTF_8));
        }
        return JSON.readTree(out.toString(StandardCharsets.UTF_8));
    }
}

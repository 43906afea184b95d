package dev.forja.bench.learn;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Reads JMH's JSON results of the learning benchmarks and prints what the README table needs: rows/s
 * of batch scoring and the speed ratio to XGBoost4J, the training overhead of Forja's XGBoost learner,
 * and forest fitting times.
 */
public final class LearnBenchReport {
    public static void main(String[] args) throws IOException {
        Map<String, double[]> ms = new LinkedHashMap<>();
        for (String file : args) {
            for (JsonNode r : new ObjectMapper().readTree(Files.readAllBytes(Path.of(file)))) {
                String bench = r.path("benchmark").asText();
                String name = bench.substring(bench.lastIndexOf('.', bench.lastIndexOf('.') - 1) + 1);
                String param = r.path("params").path("model").asText("");
                JsonNode m = r.path("primaryMetric");
                ms.put(param.isEmpty() ? name : name + "[" + param + "]",
                        new double[] {m.path("score").asDouble(), m.path("scoreError").asDouble()});
            }
        }
        for (Map.Entry<String, double[]> e : ms.entrySet()) {
            String k = e.getKey();
            double v = e.getValue()[0];
            String extra = k.startsWith("TreeScoringBenchmark") ? String.format(Locale.ROOT, "%,.0f rows/s", TreeScoringBenchmark.ROWS / (v / 1000)) : "";
            System.out.printf(Locale.ROOT, "%-52s %10.1f ms ± %-8.1f %s%n", k, v, e.getValue()[1], extra);
        }
        ratio(ms, "TreeScoringBenchmark.forjaParallel", "TreeScoringBenchmark.xgboostDMatrix", "scoring: forja vs XGBoost DMatrix+predict, speed ratio");
        ratio(ms, "TreeScoringBenchmark.forjaParallel", "TreeScoringBenchmark.xgboostInplace", "scoring: forja vs XGBoost inplace_predict, speed ratio");
        Double forja = get(ms, "XGBoostTrainingBenchmark.forja");
        Double direct = get(ms, "XGBoostTrainingBenchmark.direct");
        if (forja != null && direct != null) {
            System.out.printf(Locale.ROOT, "training: forja / direct XGBoost4J = %.3f (overhead %+.1f %%)%n", forja / direct, 100 * (forja / direct - 1));
        }
    }

    private static Double get(Map<String, double[]> ms, String k) {
        double[] v = ms.get(k);
        return v == null ? null : v[0];
    }

    private static void ratio(Map<String, double[]> ms, String ours, String theirs, String what) {
        Double a = get(ms, ours);
        Double b = get(ms, theirs);
        if (a != null && b != null) {
            System.out.printf(Locale.ROOT, "%s: %.2fx%n", what, b / a);
        }
    }
}

package dev.forja.bench.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Turns JMH's JSON result of {@link CsvReadBenchmark} into MB/s and rows/s per reader and file, and the
 * ratios of Forja to the baselines measured in the same run.
 */
public final class ReadBenchReport {
    public static void main(String[] args) throws IOException {
        JsonNode results = new ObjectMapper().readTree(Files.readAllBytes(Path.of(args[0])));
        Map<String, Map<String, Double>> ms = new LinkedHashMap<>();
        for (JsonNode r : results) {
            String bench = r.path("benchmark").asText();
            String method = bench.substring(bench.lastIndexOf('.') + 1);
            String file = r.path("params").path("file").asText();
            ms.computeIfAbsent(file, f -> new LinkedHashMap<>()).put(method, r.path("primaryMetric").path("score").asDouble());
        }
        System.out.printf(Locale.ROOT, "%-8s %-13s %9s %9s %12s%n", "file", "reader", "ms", "MB/s", "rows/s");
        for (Map.Entry<String, Map<String, Double>> e : ms.entrySet()) {
            Path p = e.getKey().equals("numeric") ? BenchData.numeric() : BenchData.mixed();
            double mb = Files.size(p) / 1e6;
            for (Map.Entry<String, Double> m : e.getValue().entrySet()) {
                double s = m.getValue() / 1000;
                System.out.printf(Locale.ROOT, "%-8s %-13s %9.0f %9.0f %12.0f%n", e.getKey(), m.getKey(), m.getValue(), mb / s, BenchData.ROWS / s);
            }
            Double forja = e.getValue().get("forja");
            if (forja != null) {
                for (String base : new String[] {"duckdb", "fastcsvSplit"}) {
                    Double b = e.getValue().get(base);
                    if (b != null) {
                        System.out.printf(Locale.ROOT, "%-8s forja is %.2fx the speed of %s%n", e.getKey(), b / forja, base);
                    }
                }
            }
        }
    }
}

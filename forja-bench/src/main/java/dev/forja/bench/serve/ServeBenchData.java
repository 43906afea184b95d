package dev.forja.bench.serve;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Data and request bodies for the serving benchmark (bench-serve.sh), seeded: a training CSV of 20
 * gaussian features and a binary label that depends non-linearly on 8 of them (so trees of depth 6 use
 * their depth), and the bodies wrk sends: one row for {@code /v1}, one row in MLflow's
 * {@code dataframe_split}, and 100 rows for {@code /v1}.
 *
 * <pre>ServeBenchData DIR</pre>
 */
public final class ServeBenchData {
    static final int FEATURES = 20;

    private ServeBenchData() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        Files.createDirectories(dir);
        SplittableRandom r = new SplittableRandom(2026);
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(dir.resolve("train.csv")))) {
            StringBuilder header = new StringBuilder();
            for (int j = 0; j < FEATURES; j++) {
                header.append('f').append(j).append(',');
            }
            w.println(header.append('y'));
            for (int i = 0; i < 20_000; i++) {
                double[] x = row(r);
                double s = x[0] + 0.8 * x[1] * x[2] - 0.6 * Math.abs(x[3]) + 0.5 * Math.sin(2 * x[4]) + 0.4 * x[5] * (x[6] > 0 ? 1 : -1)
                        + 0.3 * x[7] * x[7] + r.nextGaussian() * 0.8;
                StringBuilder line = new StringBuilder();
                for (double v : x) {
                    line.append(String.format(Locale.ROOT, "%.5f", v)).append(',');
                }
                w.println(line.append(s > 0.2 ? 1 : 0));
            }
        }
        Files.writeString(dir.resolve("v1-1.json"), "{\"instances\":[" + record(row(r)) + "]}");
        StringBuilder batch = new StringBuilder("{\"instances\":[");
        for (int i = 0; i < 100; i++) {
            batch.append(i == 0 ? "" : ",").append(record(row(r)));
        }
        Files.writeString(dir.resolve("v1-100.json"), batch.append("]}").toString());
        double[] one = row(r);
        StringBuilder split = new StringBuilder("{\"dataframe_split\":{\"columns\":[");
        for (int j = 0; j < FEATURES; j++) {
            split.append(j == 0 ? "" : ",").append("\"f").append(j).append('"');
        }
        split.append("],\"data\":[[");
        for (int j = 0; j < FEATURES; j++) {
            split.append(j == 0 ? "" : ",").append(String.format(Locale.ROOT, "%.5f", one[j]));
        }
        Files.writeString(dir.resolve("invocations-1.json"), split.append("]]}}").toString());
    }

    private static double[] row(SplittableRandom r) {
        double[] x = new double[FEATURES];
        for (int j = 0; j < FEATURES; j++) {
            x[j] = r.nextGaussian();
        }
        return x;
    }

    private static String record(double[] x) {
        StringBuilder sb = new StringBuilder("{");
        for (int j = 0; j < FEATURES; j++) {
            sb.append(j == 0 ? "" : ",").append("\"f").append(j).append("\":").append(String.format(Locale.ROOT, "%.5f", x[j]));
        }
        return sb.append('}').toString();
    }
}

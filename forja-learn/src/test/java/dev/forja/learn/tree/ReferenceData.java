package dev.forja.learn.tree;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.forja.core.task.Task;
import dev.forja.core.task.TaskKind;
import dev.forja.learn.features.FeatureMatrix;
import dev.forja.learn.learners.TrainingSet;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * The real data sets of scripts/reference/trees_reference.py, encoded as that script does: categorical
 * columns to codes in order of first appearance ('?' its own level, or NaN), rows with index % 4 == 0
 * for testing. Test code only: the tree tests must not depend on the feature pipeline.
 */
public final class ReferenceData {
    public static final Task ADULT_TASK = new Task(TaskKind.BINARY, "income", List.of("<=50K", ">50K"), ">50K", "auc", null);
    public static final Task BIKE_TASK = new Task(TaskKind.REGRESSION, "cnt", List.of(), null, "rmse", null);
    private static final List<String> BIKE_FEATURES = List.of("season", "yr", "mnth", "holiday", "weekday", "workingday",
            "weathersit", "temp", "atemp", "hum", "windspeed");

    /** Training and test parts. */
    public record Split(TrainingSet train, TrainingSet test) {
    }

    private ReferenceData() {
    }

    public static Path root() {
        return Path.of(System.getProperty("forja.root", "..")).toAbsolutePath().normalize();
    }

    public static JsonNode fixture(String name) throws IOException {
        try (InputStream in = ReferenceData.class.getResourceAsStream("/reference/trees/" + name)) {
            return new ObjectMapper().readTree(in);
        }
    }

    public static Split adult(boolean questionMarkIsMissing) throws IOException {
        List<String[]> rows = new ArrayList<>();
        String[] header;
        Path file = root().resolve("examples/data/adult.csv.gz");
        try (BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(file)),
                StandardCharsets.UTF_8))) {
            header = r.readLine().split(",");
            String line;
            while ((line = r.readLine()) != null) {
                rows.add(line.split(",", -1));
            }
        }
        int target = Arrays.asList(header).indexOf("income");
        List<String> names = new ArrayList<>();
        for (int j = 0; j < header.length; j++) {
            if (j != target) {
                names.add(header[j]);
            }
        }
        int n = rows.size();
        int w = names.size();
        double[] x = new double[n * w];
        double[] y = new double[n];
        List<Map<String, Integer>> levels = new ArrayList<>();
        for (int j = 0; j < header.length; j++) {
            levels.add(new HashMap<>());
        }
        boolean[] numeric = new boolean[header.length];
        for (int j = 0; j < header.length; j++) {
            numeric[j] = rows.get(0)[j].matches("-?[0-9]+");
        }
        for (int i = 0; i < n; i++) {
            String[] row = rows.get(i);
            int c = 0;
            for (int j = 0; j < header.length; j++) {
                if (j == target) {
                    y[i] = row[j].equals(">50K") ? 1 : 0;
                    continue;
                }
                String v = row[j];
                double d;
                if (numeric[j]) {
                    d = Double.parseDouble(v);
                } else if (v.equals("?") && questionMarkIsMissing) {
                    d = Double.NaN;
                } else {
                    Map<String, Integer> lv = levels.get(j);
                    d = lv.computeIfAbsent(v, k -> lv.size());
                }
                x[i * w + c++] = d;
            }
        }
        return split(names, n, x, y, ADULT_TASK);
    }

    public static Split bike() throws IOException {
        List<String> lines = Files.readAllLines(root().resolve("examples/data/bike_sharing_day.csv"));
        List<String> header = Arrays.asList(lines.get(0).split(","));
        int n = lines.size() - 1;
        int w = BIKE_FEATURES.size();
        double[] x = new double[n * w];
        double[] y = new double[n];
        int target = header.indexOf("cnt");
        for (int i = 0; i < n; i++) {
            String[] row = lines.get(i + 1).split(",");
            for (int j = 0; j < w; j++) {
                x[i * w + j] = Double.parseDouble(row[header.indexOf(BIKE_FEATURES.get(j))]);
            }
            y[i] = Double.parseDouble(row[target]);
        }
        return split(BIKE_FEATURES, n, x, y, BIKE_TASK);
    }

    private static Split split(List<String> names, int n, double[] x, double[] y, Task task) {
        int tests = (n + 3) / 4;
        int[] test = new int[tests];
        int[] train = new int[n - tests];
        int a = 0;
        int b = 0;
        for (int i = 0; i < n; i++) {
            if (i % 4 == 0) {
                test[a++] = i;
            } else {
                train[b++] = i;
            }
        }
        FeatureMatrix all = new FeatureMatrix(names, n, x);
        return new Split(new TrainingSet(all.select(train), pick(y, train), null, task),
                new TrainingSet(all.select(test), pick(y, test), null, task));
    }

    private static double[] pick(double[] v, int[] rows) {
        double[] out = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = v[rows[i]];
        }
        return out;
    }

    /** Area under the ROC curve of scores for labels 0/1 (ties count one half), by ranks. */
    public static double auc(double[] label, double[] score) {
        int n = label.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (p, q) -> Double.compare(score[p], score[q]));
        double rankSum = 0;
        long positives = 0;
        int i = 0;
        while (i < n) {
            int j = i;
            while (j + 1 < n && score[order[j + 1]] == score[order[i]]) {
                j++;
            }
            double rank = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                if (label[order[k]] == 1) {
                    rankSum += rank;
                    positives++;
                }
            }
            i = j + 1;
        }
        long negatives = n - positives;
        return (rankSum - positives * (positives + 1) / 2.0) / (positives * (double) negatives);
    }

    public static double rmse(double[] y, double[] p) {
        double s = 0;
        for (int i = 0; i < y.length; i++) {
            s += (y[i] - p[i]) * (y[i] - p[i]);
        }
        return Math.sqrt(s / y.length);
    }
}

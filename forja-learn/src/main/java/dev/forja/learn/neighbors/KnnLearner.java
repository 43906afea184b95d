package dev.forja.learn.neighbors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.forja.core.ForjaException;
import dev.forja.core.ProgressListener;
import dev.forja.core.task.TaskKind;
import dev.forja.learn.features.FeatureMatrix;
import dev.forja.learn.learners.FeatureNeeds;
import dev.forja.learn.learners.Learner;
import dev.forja.learn.learners.ParamSpec;
import dev.forja.learn.learners.Params;
import dev.forja.learn.learners.Predictor;
import dev.forja.learn.learners.TrainingSet;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * k-nearest neighbours by brute force (every query scans the training rows: O(n·p) per row, fine for
 * the tens of thousands of rows this learner suits). Classification predicts the neighbours' vote
 * shares (weighted by 1/distance with {@code weights=distance}); regression their (weighted) mean.
 * Equal distances are broken by training order, so results are deterministic. The training matrix is
 * saved as a binary file in the predictor directory.
 */
public final class KnnLearner implements Learner {
    static final String FILE = "knn-train.bin";

    @Override
    public String id() {
        return "knn";
    }

    @Override
    public String description() {
        return "k-nearest neighbours (brute force), euclidean or manhattan distance";
    }

    @Override
    public Set<TaskKind> tasks() {
        return Set.of(TaskKind.BINARY, TaskKind.MULTICLASS, TaskKind.REGRESSION);
    }

    @Override
    public List<ParamSpec> params() {
        return List.of(ParamSpec.integer("k", 5, 1, 100_000, "neighbours per prediction"),
                ParamSpec.choice("weights", "uniform", List.of("uniform", "distance"), "uniform votes, or 1/distance"),
                ParamSpec.choice("metric", "euclidean", List.of("euclidean", "manhattan"), "distance between standardised features"));
    }

    @Override
    public FeatureNeeds needs() {
        return FeatureNeeds.LINEAR;
    }

    @Override
    public Predictor fit(TrainingSet train, TrainingSet valid, Params params, long seed, ProgressListener progress) {
        int k = params.getInt("k");
        if (k > train.rows()) {
            throw new ForjaException("k = " + k + " neighbours but only " + train.rows() + " training rows", "use a smaller --param k");
        }
        for (int i = 0; i < train.x().values().length; i++) {
            if (Double.isNaN(train.x().values()[i])) {
                throw new ForjaException("feature '" + train.x().names().get(i % train.x().width()) + "' has missing values, which k-NN cannot take",
                        "impute them: --impute median");
            }
        }
        return new Model(train.x().values().clone(), train.y().clone(), train.x().width(), train.task().isClassification() ? train.task().outputs() : 0,
                k, params.get("weights").equals("distance"), params.get("metric").equals("manhattan"));
    }

    @Override
    public Predictor load(JsonNode saved, Path dir) throws IOException {
        int rows = saved.path("rows").asInt();
        int width = saved.path("width").asInt();
        double[] x = new double[rows * width];
        double[] y = new double[rows];
        try (DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(Files.newInputStream(dir.resolve(FILE))))) {
            for (int i = 0; i < x.length; i++) {
                x[i] = in.readDouble();
            }
            for (int i = 0; i < rows; i++) {
                y[i] = in.readDouble();
            }
        }
        return new Model(x, y, width, saved.path("classes").asInt(), saved.path("k").asInt(), saved.path("weights").asText().equals("distance"),
                saved.path("metric").asText().equals("manhattan"));
    }

    static final class Model implements Predictor {
        private final double[] x;
        private final double[] y;
        private final int width;
        private final int classes;
        private final int k;
        private final boolean distanceWeights;
        private final boolean manhattan;
        private final ThreadLocal<double[]> bestD;
        private final ThreadLocal<int[]> bestI;

        Model(double[] x, double[] y, int width, int classes, int k, boolean distanceWeights, boolean manhattan) {
            this.x = x;
            this.y = y;
            this.width = width;
            this.classes = classes;
            this.k = k;
            this.distanceWeights = distanceWeights;
            this.manhattan = manhattan;
            this.bestD = ThreadLocal.withInitial(() -> new double[k]);
            this.bestI = ThreadLocal.withInitial(() -> new int[k]);
        }

        @Override
        public int outputs() {
            return classes == 0 ? 1 : classes;
        }

        @Override
        public void predict(double[] q, double[] out) {
            double[] d = bestD.get();
            int[] idx = bestI.get();
            int found = 0;
            int rows = y.length;
            for (int r = 0; r < rows; r++) {
                double s = 0;
                int base = r * width;
                for (int j = 0; j < width; j++) {
                    double diff = q[j] - x[base + j];
                    s += manhattan ? Math.abs(diff) : diff * diff;
                }
                if (found < k) {
                    insert(d, idx, found++, s, r);
                } else if (s < d[k - 1]) {
                    insert(d, idx, k - 1, s, r);
                }
            }
            java.util.Arrays.fill(out, 0, outputs(), 0);
            double total = 0;
            for (int i = 0; i < found; i++) {
                double dist = manhattan ? d[i] : Math.sqrt(d[i]);
                double w = distanceWeights ? (dist == 0 ? 1e300 : 1 / dist) : 1;
                if (classes == 0) {
                    out[0] += w * y[idx[i]];
                } else {
                    out[(int) y[idx[i]]] += w;
                }
                total += w;
            }
            for (int c = 0; c < outputs(); c++) {
                out[c] /= total;
            }
        }

        /** Batch scoring in parallel over rows: each query is independent and scans all training rows. */
        @Override
        public void predict(FeatureMatrix q, double[] out) {
            int k = outputs();
            java.util.stream.IntStream.range(0, q.rows()).parallel().forEach(r -> {
                double[] row = new double[q.width()];
                double[] one = new double[k];
                q.row(r, row);
                predict(row, one);
                System.arraycopy(one, 0, out, r * k, k);
            });
        }

        /** Insertion into the sorted best list; an equal distance stays behind the earlier training row. */
        private static void insert(double[] d, int[] idx, int from, double s, int r) {
            int i = from;
            while (i > 0 && d[i - 1] > s) {
                d[i] = d[i - 1];
                idx[i] = idx[i - 1];
                i--;
            }
            d[i] = s;
            idx[i] = r;
        }

        @Override
        public ObjectNode save(Path dir) throws IOException {
            try (DataOutputStream out = new DataOutputStream(new java.io.BufferedOutputStream(Files.newOutputStream(dir.resolve(FILE))))) {
                for (double v : x) {
                    out.writeDouble(v);
                }
                for (double v : y) {
                    out.writeDouble(v);
                }
            }
            ObjectNode n = JsonNodeFactory.instance.objectNode();
            n.put("rows", y.length);
            n.put("width", width);
            n.put("classes", classes);
            n.put("k", k);
            n.put("weights", distanceWeights ? "distance" : "uniform");
            n.put("metric", manhattan ? "manhattan" : "euclidean");
            n.put("file", FILE);
            return n;
        }
    }
}

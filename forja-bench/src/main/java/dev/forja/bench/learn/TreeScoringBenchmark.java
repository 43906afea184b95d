package dev.forja.bench.learn;

import dev.forja.learn.boosting.XGBoostModelCompiler;
import dev.forja.learn.tree.eval.TreeEnsemble;
import java.io.ByteArrayOutputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Batch scoring of 1,000,000 rows × 20 features with a 100-tree, depth-6 XGBoost model (binary
 * logistic), in the same run:
 * <ul>
 *   <li>{@code forjaParallel}: Forja's pure-Java {@link TreeEnsemble} compiled from the booster's JSON,
 *       from the row-major doubles a FeatureMatrix holds, over the common fork-join pool (all cores);</li>
 *   <li>{@code forjaOneThread}: the same on the calling thread only;</li>
 *   <li>{@code xgboostDMatrix}: XGBoost4J's own batch path: a DMatrix from a float[] plus
 *       {@code predict} ({@code nthread} = all cores);</li>
 *   <li>{@code xgboostInplace}: XGBoost4J's {@code inplace_predict} straight from the float[].</li>
 * </ul>
 * XGBoost gets its input as floats, ready made; Forja gets doubles. Both produce the same probabilities
 * (the test suite checks agreement to 1e-6). The model is trained once in setup on 200,000 of the rows.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 4)
@Measurement(iterations = 5, time = 4)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g", "-XX:+UseParallelGC"})
public class TreeScoringBenchmark {
    static final int ROWS = 1_000_000;

    private LearnBenchData data;
    private float[] floats;
    private Booster booster;
    private TreeEnsemble ensemble;
    private double[] out;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        data = new LearnBenchData(ROWS, 42);
        floats = data.floats();
        int trainRows = 200_000;
        float[] trainX = new float[trainRows * LearnBenchData.FEATURES];
        System.arraycopy(floats, 0, trainX, 0, trainX.length);
        float[] labels = new float[trainRows];
        System.arraycopy(data.floatLabels(), 0, labels, 0, trainRows);
        DMatrix train = new DMatrix(trainX, trainRows, LearnBenchData.FEATURES, Float.NaN);
        train.setLabel(labels);
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("objective", "binary:logistic");
        params.put("max_depth", 6);
        params.put("eta", 0.3);
        params.put("tree_method", "hist");
        params.put("nthread", Runtime.getRuntime().availableProcessors());
        params.put("seed", 1);
        booster = XGBoost.train(train, params, 100, new LinkedHashMap<>(), null, null);
        train.dispose();
        ByteArrayOutputStream json = new ByteArrayOutputStream();
        booster.saveModel(json, "json");
        ensemble = XGBoostModelCompiler.compile(XGBoostModelCompiler.parse(json.toByteArray()));
        out = new double[ROWS * ensemble.outputs()];
        int nodes = ensemble.nodes();
        int maxDepth = 0;
        for (int t = 0; t < ensemble.trees(); t++) {
            maxDepth = Math.max(maxDepth, ensemble.depth(t));
        }
        System.out.printf("%nmodel: %d trees, %d nodes, max depth %d%n", ensemble.trees(), nodes, maxDepth);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        booster.dispose();
    }

    @Benchmark
    public double[] forjaParallel() {
        ensemble.predictParallel(data.x, ROWS, out);
        return out;
    }

    @Benchmark
    public double[] forjaOneThread() {
        ensemble.predict(data.x, ROWS, out);
        return out;
    }

    @Benchmark
    public float[][] xgboostDMatrix() throws XGBoostError {
        DMatrix d = new DMatrix(floats, ROWS, LearnBenchData.FEATURES, Float.NaN);
        try {
            return booster.predict(d);
        } finally {
            d.dispose();
        }
    }

    @Benchmark
    public float[][] xgboostInplace() throws XGBoostError {
        return booster.inplace_predict(floats, ROWS, LearnBenchData.FEATURES, Float.NaN);
    }
}

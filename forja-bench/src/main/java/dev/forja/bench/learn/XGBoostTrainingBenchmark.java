package dev.forja.bench.learn;

import dev.forja.core.ProgressListener;
import dev.forja.core.task.Task;
import dev.forja.core.task.TaskKind;
import dev.forja.learn.boosting.XGBoostLearner;
import dev.forja.learn.features.FeatureMatrix;
import dev.forja.learn.learners.Params;
import dev.forja.learn.learners.Predictor;
import dev.forja.learn.learners.TrainingSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * Training overhead of going through Forja: 100 rounds of depth-6 hist boosting on 1,000,000 × 20,
 * in the same run,
 * <ul>
 *   <li>{@code direct}: XGBoost4J called directly on a ready float[] (DMatrix, labels, {@code train});</li>
 *   <li>{@code forja}: {@link XGBoostLearner#fit} from a FeatureMatrix of doubles: the float copy,
 *       the DMatrix, the rounds one by one with progress, then the JSON model saved, parsed and
 *       compiled into the pure-Java evaluator.</li>
 * </ul>
 * Same XGBoost parameters both ways; threads = all cores. Issue 4's target: forja ≤ 1.15 × direct.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xms6g", "-Xmx6g", "-XX:+UseParallelGC"})
public class XGBoostTrainingBenchmark {
    static final int ROWS = 1_000_000;
    static final int ROUNDS = 100;

    private float[] floats;
    private float[] labels;
    private TrainingSet set;
    private Params params;
    private Map<String, Object> raw;

    @Setup(Level.Trial)
    public void setUp() {
        LearnBenchData data = new LearnBenchData(ROWS, 7);
        floats = data.floats();
        labels = data.floatLabels();
        List<String> names = IntStream.range(0, LearnBenchData.FEATURES).mapToObj(i -> "f" + i).toList();
        Task task = new Task(TaskKind.BINARY, "y", List.of("0", "1"), "1", "auc", null);
        set = new TrainingSet(new FeatureMatrix(names, ROWS, data.x), data.y, null, task);
        int threads = Runtime.getRuntime().availableProcessors();
        XGBoostLearner learner = new XGBoostLearner();
        params = Params.of(learner, Map.of("n_estimators", Integer.toString(ROUNDS), "nthread", Integer.toString(threads)));
        // The learner's defaults, spelled out as a direct XGBoost4J user would.
        raw = new LinkedHashMap<>();
        raw.put("objective", "binary:logistic");
        raw.put("eta", 0.3);
        raw.put("max_depth", 6);
        raw.put("min_child_weight", 1.0);
        raw.put("subsample", 1.0);
        raw.put("colsample_bytree", 1.0);
        raw.put("lambda", 1.0);
        raw.put("alpha", 0.0);
        raw.put("gamma", 0.0);
        raw.put("tree_method", "hist");
        raw.put("max_bin", 256);
        raw.put("scale_pos_weight", 1.0);
        raw.put("eval_metric", "logloss");
        raw.put("nthread", threads);
        raw.put("seed", 1L);
        raw.put("verbosity", 1);
    }

    @Benchmark
    public Booster direct() throws XGBoostError {
        DMatrix d = new DMatrix(floats, ROWS, LearnBenchData.FEATURES, Float.NaN);
        try {
            d.setLabel(labels);
            Booster b = XGBoost.train(d, raw, ROUNDS, new LinkedHashMap<>(), null, null);
            b.dispose();
            return b;
        } finally {
            d.dispose();
        }
    }

    @Benchmark
    public Predictor forja() {
        return new XGBoostLearner().fit(set, null, params, 1L, ProgressListener.NONE);
    }
}

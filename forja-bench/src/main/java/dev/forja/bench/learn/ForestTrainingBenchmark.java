package dev.forja.bench.learn;

import dev.forja.core.ProgressListener;
import dev.forja.core.task.Task;
import dev.forja.core.task.TaskKind;
import dev.forja.learn.features.FeatureMatrix;
import dev.forja.learn.learners.Learner;
import dev.forja.learn.learners.Learners;
import dev.forja.learn.learners.Params;
import dev.forja.learn.learners.Predictor;
import dev.forja.learn.learners.TrainingSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Growing 100 trees on 50,000 × 20 (binary): Forja's random forest (255 bins, and exact), extra trees,
 * and one exact decision tree, on all cores. The target: a forest in seconds on 2 cores.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g", "-XX:+UseParallelGC"})
public class ForestTrainingBenchmark {
    @Param({"forest", "forest-exact", "extra-trees", "tree"})
    public String model;

    private TrainingSet set;
    private Learner learner;
    private Params params;

    @Setup(Level.Trial)
    public void setUp() {
        LearnBenchData data = new LearnBenchData(50_000, 3);
        List<String> names = IntStream.range(0, LearnBenchData.FEATURES).mapToObj(i -> "f" + i).toList();
        Task task = new Task(TaskKind.BINARY, "y", List.of("0", "1"), "1", "auc", null);
        set = new TrainingSet(new FeatureMatrix(names, data.rows, data.x), data.y, null, task);
        learner = Learners.get(model.equals("forest-exact") ? "forest" : model);
        params = Params.of(learner, model.equals("forest-exact") ? Map.of("max_bins", "0") : Map.of());
    }

    @Benchmark
    public Predictor fit() {
        return learner.fit(set, null, params, 1L, ProgressListener.NONE);
    }
}

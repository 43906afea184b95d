package dev.forja.learn.train;

import dev.forja.core.task.Task;
import dev.forja.learn.features.PipelineSpec;
import java.util.Map;

/**
 * Everything {@code forja train} can be told; null fields mean "infer" or "default".
 *
 * @param testSize   fraction held out for the final test metrics (never fitted on)
 * @param validSize  fraction of the rest held out for early stopping (0 = none unless the learner wants one)
 * @param cvFolds    0 = no cross-validation; otherwise k-fold CV on the training part, reported next to the test metrics
 * @param splitBy    datetime column: the latest rows are the test part (time-based split)
 * @param groupBy    column whose values never straddle train and test (e.g. a customer id)
 * @param balance    null, "weights", "over" or "under" (training part only)
 * @param pipeline   user overrides of the automatic pipeline, applied after the learner's defaults (null = automatic)
 * @param checkOverfit also fit a tiny subset and report whether the model can fit it almost perfectly
 */
public record TrainOptions(String target, Task.Overrides task, String model, Map<String, String> params, double testSize,
                           double validSize, int cvFolds, String splitBy, String groupBy, String balance, long seed,
                           java.util.function.UnaryOperator<PipelineSpec> pipeline, boolean checkOverfit) {
    public TrainOptions {
        params = Map.copyOf(params);
    }
}

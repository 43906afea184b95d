package dev.forja.learn.train;

import dev.forja.core.ProgressListener;
import dev.forja.core.frame.Frame;
import dev.forja.core.metrics.Metrics;
import dev.forja.core.split.Splits;
import dev.forja.core.task.Task;
import dev.forja.learn.features.FeaturePipeline;
import dev.forja.learn.features.PipelineSpec;
import dev.forja.learn.learners.Learner;
import dev.forja.learn.learners.Params;
import dev.forja.learn.learners.Predictor;
import dev.forja.learn.learners.TrainingSet;
import java.util.List;
import java.util.Locale;

/**
 * The debugging check from practice: a model that cannot fit a handful of rows almost perfectly has a
 * bug, or too little capacity, or features that do not carry the target. Fits on a tiny stratified
 * subset of the training part and scores it on the same rows: accuracy for classification (pass at
 * 0.95), R² for regression (pass at 0.9).
 */
final class OverfitProbe {
    static final int ROWS = 32;

    private OverfitProbe() {
    }

    static TrainResult.OverfitCheck run(Frame train, double[] y, Task task, Learner learner, Params params, PipelineSpec spec,
                                        List<String> inputs, long seed) {
        int n = Math.min(ROWS, train.rowCount());
        int[] all = java.util.stream.IntStream.range(0, train.rowCount()).toArray();
        int[] rows;
        if (n == train.rowCount()) {
            rows = all;
        } else {
            double fraction = (double) n / train.rowCount();
            rows = Splits.holdout(all, task.isClassification() ? y : null, Math.max(fraction, 1.0 / train.rowCount()), 0, seed).test();
        }
        double[] yy = Trainer.pick(y, rows);
        FeaturePipeline.Fitted fitted = FeaturePipeline.fit(train.select(rows), yy, task, inputs, spec, seed);
        Predictor p = learner.fit(new TrainingSet(fitted.training(), yy, null, task), null, params, seed, ProgressListener.NONE);
        double[] pred = Trainer.predict(p, fitted.training(), task);
        String metric = task.isClassification() ? "accuracy" : "r2";
        double target = task.isClassification() ? 0.95 : 0.9;
        double score = Metrics.evaluate(task, yy, pred, null).get(metric);
        boolean passed = score >= target;
        String message = String.format(Locale.ROOT, "%s on %d training rows fitted and scored on themselves: %.4f (%s %.2f)%s",
                metric, rows.length, score, passed ? "at least" : "below", target,
                passed ? "" : "; the model cannot memorise a handful of rows: check the features, the target, or give it more capacity");
        return new TrainResult.OverfitCheck(rows.length, metric, score, target, passed, message);
    }
}

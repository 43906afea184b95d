package dev.forja.learn.evaluate;

import dev.forja.core.ProgressListener;
import dev.forja.core.ingest.Dataset;
import dev.forja.core.metrics.Metrics;
import dev.forja.core.task.Task;
import dev.forja.learn.model.Model;
import dev.forja.learn.train.TrainOptions;
import dev.forja.learn.train.TrainResult;
import dev.forja.learn.train.Trainer;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Score against training-set size: the model's learner, with the same parameters, pipeline and seed,
 * refitted on growing seeded subsamples of the training data, each scored on the rows it was fitted on
 * (train) and on the evaluation data (validation). A gap that stays wide says more data would help
 * less than a simpler model; curves that keep rising say more data would help.
 */
public final class LearningCurve {
    static final double[] FRACTIONS = {0.1, 0.2, 0.4, 0.6, 0.8, 1.0};

    private LearningCurve() {
    }

    /** One point: the fraction and number of training rows, the task's metric on them and on the evaluation data. */
    public record Point(double fraction, int rows, double train, double validation) {
    }

    public static List<Point> measure(Model model, Dataset training, Dataset evaluation, long seed) {
        Task task = model.task();
        String metric = task.metric();
        int n = training.frame().rowCount();
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        double[] yEval = task.encode(evaluation.frame());
        int[] labelled = java.util.stream.IntStream.range(0, yEval.length).filter(r -> !Double.isNaN(yEval[r])).toArray();
        List<Point> out = new ArrayList<>();
        for (double fraction : FRACTIONS) {
            int rows = (int) Math.round(fraction * n);
            if (rows < 20) {
                continue; // too few rows to split and fit
            }
            int[] subset = java.util.Arrays.copyOf(order, rows);
            java.util.Arrays.sort(subset);
            Dataset part = new Dataset(training.source(), training.format(), training.frame().select(subset), training.report());
            TrainOptions options = new TrainOptions(task.target(), new Task.Overrides(task.kind(), task.positiveClass(), task.metric(), task.cost()),
                    model.learner(), model.provenance().params(), 0.1, 0, 0, null, null, null, model.provenance().seed(),
                    spec -> model.pipeline().spec(), false);
            TrainResult fitted = Trainer.train(part, options, ProgressListener.NONE);
            Model m = fitted.model();
            if (!m.task().classes().equals(task.classes())) {
                continue; // a subsample that misses a class cannot be scored against the full label set
            }
            double[] yPart = task.encode(part.frame());
            double train = Metrics.evaluate(task, yPart, m.predict(part.frame(), training.source()), null).get(metric);
            double[] pEval = m.predict(evaluation.frame(), evaluation.source());
            double[] y = new double[labelled.length];
            double[] p = new double[labelled.length * task.outputs()];
            for (int i = 0; i < labelled.length; i++) {
                y[i] = yEval[labelled[i]];
                System.arraycopy(pEval, labelled[i] * task.outputs(), p, i * task.outputs(), task.outputs());
            }
            out.add(new Point(fraction, rows, train, Metrics.evaluate(task, y, p, null).get(metric)));
        }
        return out;
    }
}

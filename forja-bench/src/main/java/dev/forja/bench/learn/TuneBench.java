package dev.forja.bench.learn;

import dev.forja.core.frame.Column;
import dev.forja.core.frame.Frame;
import dev.forja.core.frame.NumericColumn;
import dev.forja.core.ingest.DataFormat;
import dev.forja.core.ingest.Dataset;
import dev.forja.core.ingest.ReadReport;
import dev.forja.core.task.Task;
import dev.forja.learn.learners.Learners;
import dev.forja.learn.train.CrossValidation;
import dev.forja.learn.train.TrainOptions;
import dev.forja.learn.tune.SearchSpaces;
import dev.forja.learn.tune.Tuner;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Tuning overhead: a TPE search of XGBoost on a 10,000-row dataset (20 gaussian features, a non-linear
 * binary label), trials in parallel on the cores. Prints the search's wall time, the seconds spent
 * inside the learner's own fits (the baseline, measured in the same run), the overhead (everything
 * else: sampling, pruning, predicting the folds, metrics, scheduling) as a share of the trials' time,
 * and the CPU utilisation of the cores.
 *
 * <pre>TuneBench TRIALS PARALLEL</pre>
 */
public final class TuneBench {
    private TuneBench() {
    }

    public static void main(String[] args) {
        int trials = Integer.parseInt(args[0]);
        int parallel = Integer.parseInt(args[1]);
        SplittableRandom r = new SplittableRandom(2026);
        int n = 10_000;
        int features = 20;
        double[][] x = new double[features][n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < features; j++) {
                x[j][i] = r.nextGaussian();
            }
            double s = x[0][i] + 0.8 * x[1][i] * x[2][i] - 0.6 * Math.abs(x[3][i]) + 0.5 * Math.sin(2 * x[4][i]) + r.nextGaussian() * 0.8;
            y[i] = s > 0 ? 1 : 0;
        }
        List<Column> cols = new ArrayList<>();
        for (int j = 0; j < features; j++) {
            cols.add(NumericColumn.of("f" + j, x[j]));
        }
        cols.add(NumericColumn.of("y", y));
        Dataset data = new Dataset("bench", DataFormat.CSV, Frame.of(cols), ReadReport.clean(n));
        TrainOptions o = new TrainOptions("y", new Task.Overrides(dev.forja.core.task.TaskKind.BINARY, null, null, null), "xgboost", Map.of(), 0.2, 0, 0,
                null, null, null, 1, null, false);
        var learner = Learners.get("xgboost");
        CrossValidation cv = CrossValidation.prepare(data, o, learner, 5);
        // reproducible (trial n waits to see exactly trials up to n - parallel) against trials that never wait, in the same run
        for (boolean reproducible : new boolean[] {true, false}) {
            double fitsBefore = cv.fitSeconds();
            long t0 = System.nanoTime();
            Tuner.Result res = Tuner.run(cv, learner, SearchSpaces.defaultFor("xgboost", cv.task()), new Tuner.Options("tpe", trials, null, parallel, 1, 3,
                    "median", reproducible), () -> false, t -> { }, null);
            double wall = (System.nanoTime() - t0) / 1e9;
            double trialSeconds = res.trials().stream().mapToDouble(t -> t.seconds()).sum();
            double fits = cv.fitSeconds() - fitsBefore;
            System.out.printf(java.util.Locale.ROOT, "%s: %d trials (%d pruned) of xgboost on %d rows, %d at a time: wall %.1f s; trials %.1f s, of which "
                    + "the learner's fits %.1f s; overhead %.1f%% of trial time; CPU utilisation %.0f%% of %d cores; best cv auc %.4f%n",
                    reproducible ? "reproducible" : "never waiting", res.trials().size(), res.pruned(), n, parallel, wall, trialSeconds, fits,
                    100 * (trialSeconds - fits) / trialSeconds, 100 * trialSeconds / (wall * parallel), parallel, res.best().metric());
        }
    }
}

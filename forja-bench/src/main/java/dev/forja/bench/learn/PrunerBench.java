package dev.forja.bench.learn;

import dev.forja.core.ingest.DataReaders;
import dev.forja.core.ingest.Dataset;
import dev.forja.core.task.Task;
import dev.forja.learn.learners.Learner;
import dev.forja.learn.learners.Learners;
import dev.forja.learn.train.CrossValidation;
import dev.forja.learn.train.TrainOptions;
import dev.forja.learn.tune.SearchSpaces;
import dev.forja.learn.tune.Trial;
import dev.forja.learn.tune.Tuner;
import java.util.Locale;
import java.util.Map;

/**
 * What early stopping saves and what it costs: the same random search of XGBoost (the same trials, one
 * seed) on the same 5 folds with each pruner: none (the baseline, in the same run), median over folds,
 * successive halving on the boosting rounds, successive halving on the data. Prints the search's wall
 * time, trials stopped early, and the best CV metric found. Random search, so that every pruner sees
 * exactly the same configurations and only the stopping differs.
 *
 * <pre>PrunerBench FILE TARGET TRIALS PARALLEL</pre>
 */
public final class PrunerBench {
    private PrunerBench() {
    }

    public static void main(String[] args) {
        Dataset data = DataReaders.read(args[0]);
        int trials = Integer.parseInt(args[2]);
        int parallel = Integer.parseInt(args[3]);
        Learner learner = Learners.get("xgboost");
        CrossValidation cv = CrossValidation.prepare(data, new TrainOptions(args[1], Task.Overrides.none(), "xgboost", Map.of(), 0.2, 0, 0, null, null,
                null, 1, null, false), learner, 5);
        System.out.printf(Locale.ROOT, "%s: random search of xgboost, %d trials, %d at a time, 5-fold cv %s%n", args[0], trials, parallel,
                cv.task().metric());
        System.out.printf(Locale.ROOT, "%-10s %10s %8s %12s %14s%n", "pruner", "seconds", "pruned", "best cv", "vs none");
        double baseline = Double.NaN;
        for (String pruner : new String[] {"none", "median", "asha", "asha-data"}) {
            Tuner.Result r = Tuner.run(cv, learner, SearchSpaces.defaultFor("xgboost", cv.task()), new Tuner.Options("random", trials, null, parallel, 7, 3,
                    pruner), () -> false, t -> { }, null);
            if (pruner.equals("none")) {
                baseline = r.seconds();
            }
            Trial best = r.best();
            System.out.printf(Locale.ROOT, "%-10s %10.1f %8d %12.4f %13.2fx%n", pruner, r.seconds(), r.pruned(), best.metric(), r.seconds() / baseline);
        }
    }
}

package dev.forja.learn.train;

import dev.forja.core.ForjaException;
import dev.forja.core.ProgressListener;
import dev.forja.core.frame.Column;
import dev.forja.core.frame.Frame;
import dev.forja.core.ingest.Dataset;
import dev.forja.core.metrics.Metrics;
import dev.forja.core.split.Fold;
import dev.forja.core.split.Rebalance;
import dev.forja.core.split.Split;
import dev.forja.core.split.Splits;
import dev.forja.core.task.Task;
import dev.forja.learn.features.FeatureMatrix;
import dev.forja.learn.features.FeaturePipeline;
import dev.forja.learn.features.PipelineSpec;
import dev.forja.learn.learners.Learner;
import dev.forja.learn.learners.Learners;
import dev.forja.learn.learners.Params;
import dev.forja.learn.learners.Predictor;
import dev.forja.learn.learners.TrainingSet;
import dev.forja.learn.model.Model;
import dev.forja.learn.model.Provenance;
import dev.forja.learn.model.ReferenceStats;
import dev.forja.learn.model.Signature;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One training run, end to end: frame the task, split (the test part is set aside before anything is
 * fitted), fit the feature pipeline and the learner on the training part only, fit the baseline next
 * to it, and score both on the test part. Everything random flows from the one seed.
 */
public final class Trainer {
    private Trainer() {
    }

    public static TrainResult train(Dataset data, TrainOptions o, ProgressListener progress) {
        Frame all = data.frame();
        Task task = Task.infer(all, o.target(), o.task());
        Learner learner = Learners.get(o.model());
        if (!learner.tasks().contains(task.kind())) {
            List<String> fit = Learners.all().stream().filter(l -> l.tasks().contains(task.kind())).map(Learner::id).toList();
            throw new ForjaException("the " + learner.id() + " model cannot do a " + task.kind().id() + " task",
                    fit.isEmpty() ? "no model does that yet" : "models for " + task.kind().id() + ": " + String.join(", ", fit));
        }
        Params params = Params.of(learner, o.params());
        List<String> notes = new ArrayList<>();

        double[] y = task.encode(all);
        int[] labelled = labelledRows(y);
        if (labelled.length < y.length) {
            notes.add((y.length - labelled.length) + " row(s) with a missing target were left out");
        }
        List<String> candidates = candidateInputs(all, o, notes);
        Split split = split(all, y, labelled, task, o);

        Frame train = all.select(split.train());
        double[] yTrain = pick(y, split.train());
        PipelineSpec spec = PipelineSpec.auto(learner.needs());
        if (o.pipeline() != null) {
            spec = o.pipeline().apply(spec);
        }
        FeaturePipeline.Fitted fitted = FeaturePipeline.fit(train, yTrain, task, candidates, spec, o.seed());
        notes.addAll(fitted.notes());
        FeaturePipeline pipeline = fitted.pipeline();
        TrainingSet trainSet = balance(new TrainingSet(fitted.training(), yTrain, null, task), o.balance(), o.seed(), notes);
        TrainingSet validSet = null;
        if (split.valid().length > 0) {
            validSet = new TrainingSet(pipeline.transform(all.select(split.valid())), pick(y, split.valid()), null, task);
        }

        long start = System.nanoTime();
        Predictor predictor = learner.fit(trainSet, validSet, params, o.seed(), progress);
        double seconds = (System.nanoTime() - start) / 1e9;
        Learner baselineLearner = Learners.get("baseline");
        Predictor baseline = baselineLearner.fit(trainSet, null, Params.of(baselineLearner, Map.of()), o.seed(), ProgressListener.NONE);

        FeatureMatrix testX = pipeline.transform(all.select(split.test()));
        pipeline.resetUnseen();
        double[] yTest = pick(y, split.test());
        double[] testPred = predict(predictor, testX, task);
        Map<String, Double> metrics = Metrics.evaluate(task, yTest, testPred, null);
        Map<String, Double> baselineMetrics = Metrics.evaluate(task, yTest, predict(baseline, testX, task), null);

        double[] trainPred = predict(predictor, fitted.training(), task);
        Signature signature = Signature.of(train, pipeline.inputColumns());
        Provenance provenance = new Provenance(null, data.source(), data.fingerprint(), train.rowCount(), split.description(),
                learner.id(), params.asMap(), o.seed(), Provenance.runtimeVersions());
        Model model = new Model(task, signature, pipeline, learner.id(), null, predictor, metrics, baselineMetrics, provenance,
                ReferenceStats.of(train, signature, task, trainPred));

        double[] cv = o.cvFolds() > 1 ? crossValidate(all, y, split, task, learner, params, spec, candidates, o) : new double[0];
        TrainResult.OverfitCheck overfit = o.checkOverfit() ? OverfitProbe.run(train, yTrain, task, learner, params, spec, candidates, o.seed()) : null;
        return new TrainResult(model, metrics, baselineMetrics, split.train().length, split.valid().length, split.test(), testPred,
                cv, seconds, notes, overfit);
    }

    static Split split(Frame all, double[] y, int[] rows, Task task, TrainOptions o) {
        if (o.splitBy() != null && o.groupBy() != null) {
            throw new ForjaException("--split-by and --group-by cannot be combined", "choose a time split or a group split");
        }
        if (o.splitBy() != null) {
            return Splits.byTime(all, o.splitBy(), rows, o.testSize(), o.validSize());
        }
        if (o.groupBy() != null) {
            return Splits.byGroup(all, o.groupBy(), rows, o.testSize(), o.validSize(), o.seed());
        }
        return Splits.holdout(rows, task.isClassification() ? y : null, o.testSize(), o.validSize(), o.seed());
    }

    static TrainingSet balance(TrainingSet t, String how, long seed, List<String> notes) {
        if (how == null || how.equals("none")) {
            return t;
        }
        if (!t.task().isClassification()) {
            throw new ForjaException("--balance applies to classification only", "drop --balance for a regression task");
        }
        int k = t.task().outputs();
        switch (how) {
            case "weights":
                notes.add("training rows weighted by inverse class frequency (--balance weights)");
                return new TrainingSet(t.x(), t.y(), Rebalance.balancedWeights(t.y(), k), t.task());
            case "over":
            case "under": {
                int[] rows = how.equals("over") ? Rebalance.oversample(t.y(), k, seed) : Rebalance.undersample(t.y(), k, seed);
                notes.add(String.format(Locale.ROOT, "training part %s-sampled from %d to %d rows (--balance %s)", how, t.rows(), rows.length, how));
                return new TrainingSet(t.x().select(rows), pick(t.y(), rows), null, t.task());
            }
            default:
                throw new ForjaException("--balance '" + how + "' is not weights, over or under", "use --balance weights|over|under");
        }
    }

    /** K-fold CV of the whole recipe (pipeline + learner) on the training part; the optimised metric per fold. */
    private static double[] crossValidate(Frame all, double[] y, Split split, Task task, Learner learner, Params params, PipelineSpec spec,
                                          List<String> inputs, TrainOptions o) {
        List<Fold> folds = Splits.kFold(all, split.train(), task.isClassification() && o.groupBy() == null ? y : null, o.groupBy(),
                o.cvFolds(), o.seed());
        double[] scores = new double[folds.size()];
        for (int f = 0; f < folds.size(); f++) {
            Fold fold = folds.get(f);
            double[] yFit = pick(y, fold.train());
            FeaturePipeline.Fitted fitted = FeaturePipeline.fit(all.select(fold.train()), yFit, task, inputs, spec, o.seed() + f);
            TrainingSet ts = balance(new TrainingSet(fitted.training(), yFit, null, task), o.balance(), o.seed() + f, new ArrayList<>());
            Predictor p = learner.fit(ts, null, params, o.seed() + f, ProgressListener.NONE);
            FeatureMatrix vx = fitted.pipeline().transform(all.select(fold.valid()));
            scores[f] = Metrics.evaluate(task, pick(y, fold.valid()), predict(p, vx, task), null).get(task.metric());
        }
        return scores;
    }

    static double[] predict(Predictor p, FeatureMatrix x, Task task) {
        double[] out = new double[x.rows() * task.outputs()];
        p.predict(x, out);
        return out;
    }

    static int[] labelledRows(double[] y) {
        return java.util.stream.IntStream.range(0, y.length).filter(r -> !Double.isNaN(y[r])).toArray();
    }

    static double[] pick(double[] y, int[] rows) {
        double[] out = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = y[rows[i]];
        }
        return out;
    }

    /** Every column but the target and the split / group columns (which would leak or identify rows). */
    static List<String> candidateInputs(Frame frame, TrainOptions o, List<String> notes) {
        List<String> inputs = new ArrayList<>();
        for (Column c : frame.columns()) {
            String name = c.name();
            if (name.equals(o.target())) {
                continue;
            }
            if (name.equals(o.groupBy())) {
                notes.add("column '" + name + "' (--group-by) is not used as a feature");
                continue;
            }
            if (name.equals(o.splitBy())) {
                notes.add("column '" + name + "' (--split-by) is not used as a feature");
                continue;
            }
            inputs.add(name);
        }
        if (inputs.isEmpty()) {
            throw new ForjaException("no input columns besides the target", "give data with at least one feature column");
        }
        return inputs;
    }
}

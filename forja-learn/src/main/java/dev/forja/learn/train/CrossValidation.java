package dev.forja.learn.train;

import dev.forja.core.ProgressListener;
import dev.forja.core.frame.Frame;
import dev.forja.core.ingest.Dataset;
import dev.forja.core.metrics.Metrics;
import dev.forja.core.split.Fold;
import dev.forja.core.split.Split;
import dev.forja.core.split.Splits;
import dev.forja.core.task.Task;
import dev.forja.learn.features.FeatureMatrix;
import dev.forja.learn.features.FeaturePipeline;
import dev.forja.learn.features.PipelineSpec;
import dev.forja.learn.learners.Learner;
import dev.forja.learn.learners.Params;
import dev.forja.learn.learners.Predictor;
import dev.forja.learn.learners.TrainingSet;
import java.util.ArrayList;
import java.util.List;

/**
 * K-fold cross-validation (or one holdout part) of one learner on the training part that {@link Trainer} would use with the
 * same options (the test part is never touched), prepared once for many configurations: the folds
 * (stratified or grouped as in training), each fold's fitted feature pipeline, training set and
 * validation features. A tuning trial then costs only the learner's fits and a prediction per fold:
 * every trial sees exactly the same folds.
 */
public final class CrossValidation {
    private final Task task;
    private final Learner learner;
    private final List<TrainingSet> train = new ArrayList<>();
    private final List<FeatureMatrix> validX = new ArrayList<>();
    private final List<double[]> validY = new ArrayList<>();
    private final int trainingRows;
    private final long seed;
    /** Nanoseconds spent inside the learner's own fit, over every score call: what tuning overhead is measured against. */
    private final java.util.concurrent.atomic.LongAdder fitNanos = new java.util.concurrent.atomic.LongAdder();
    /** The shares of a fold's training rows successive halving fits on: the same rows for every configuration, so cut once. */
    private final java.util.Map<String, TrainingSet> shares = new java.util.concurrent.ConcurrentHashMap<>();

    private CrossValidation(Task task, Learner learner, int trainingRows, long seed) {
        this.task = task;
        this.learner = learner;
        this.trainingRows = trainingRows;
        this.seed = seed;
    }

    public static CrossValidation prepare(Dataset data, TrainOptions o, Learner learner, int k) {
        // with a time column the folds respect time too: train on the past, validate on what follows
        return prepare(data, o, learner, (all, y, task, rows) -> o.splitBy() != null ? Splits.timeFolds(all, o.splitBy(), rows, k)
                : Splits.kFold(all, rows, task.isClassification() && o.groupBy() == null ? y : null, o.groupBy(), k, o.seed()));
    }

    /**
     * One validation part of the training part instead of k folds: {@code fraction} of its rows, cut the
     * way the test part was (stratified, by group, or the latest rows by time), with the rest to fit on.
     * Cheaper than k folds by a factor of k, and noisier: the choice for large data or slow learners.
     */
    public static CrossValidation prepareHoldout(Dataset data, TrainOptions o, Learner learner, double fraction) {
        if (!(fraction > 0 && fraction < 1)) {
            throw new dev.forja.core.ForjaException("holdout fraction " + fraction + " must be between 0 and 1 (exclusive)", "use e.g. --holdout 0.2");
        }
        return prepare(data, o, learner, (all, y, task, rows) -> {
            Split s = o.splitBy() != null ? Splits.byTime(all, o.splitBy(), rows, fraction, 0)
                    : o.groupBy() != null ? Splits.byGroup(all, o.groupBy(), rows, fraction, 0, o.seed() + 1)
                    : Splits.holdout(rows, task.isClassification() ? y : null, fraction, 0, o.seed() + 1);
            return List.of(new Fold(s.train(), s.test()));
        });
    }

    /** How the training part's rows become folds. */
    private interface FoldPlan {
        List<Fold> folds(Frame all, double[] y, Task task, int[] trainingRows);
    }

    private static CrossValidation prepare(Dataset data, TrainOptions o, Learner learner, FoldPlan plan) {
        Frame all = data.frame();
        Task task = Task.infer(all, o.target(), o.task());
        if (!learner.tasks().contains(task.kind())) {
            throw new dev.forja.core.ForjaException("the " + learner.id() + " model cannot do a " + task.kind().id() + " task",
                    "pick a model for " + task.kind().id());
        }
        double[] y = task.encode(all);
        int[] labelled = Trainer.labelledRows(y);
        List<String> inputs = Trainer.candidateInputs(all, o, new ArrayList<>());
        Split split = Trainer.split(all, y, labelled, task, o);
        List<Fold> folds = plan.folds(all, y, task, split.train());
        PipelineSpec spec = PipelineSpec.auto(learner.needs());
        if (o.pipeline() != null) {
            spec = o.pipeline().apply(spec);
        }
        CrossValidation cv = new CrossValidation(task, learner, split.train().length, o.seed());
        for (int f = 0; f < folds.size(); f++) {
            Fold fold = folds.get(f);
            double[] yFit = Trainer.pick(y, fold.train());
            FeaturePipeline.Fitted fitted = FeaturePipeline.fit(all.select(fold.train()), yFit, task, inputs, spec, o.seed() + f);
            cv.train.add(Trainer.balance(new TrainingSet(fitted.training(), yFit, null, task), o.balance(), o.seed() + f, new ArrayList<>()));
            cv.validX.add(fitted.pipeline().transform(all.select(fold.valid())));
            cv.validY.add(Trainer.pick(y, fold.valid()));
        }
        return cv;
    }

    /**
     * The same folds and features scored with another learner that needs the same pipeline (AutoML
     * compares many learners on one preparation).
     */
    public CrossValidation with(Learner other) {
        if (!other.needs().equals(learner.needs())) {
            throw new IllegalArgumentException(other.id() + " needs another feature pipeline than " + learner.id());
        }
        if (!other.tasks().contains(task.kind())) {
            throw new dev.forja.core.ForjaException("the " + other.id() + " model cannot do a " + task.kind().id() + " task", "pick another model");
        }
        CrossValidation cv = new CrossValidation(task, other, trainingRows, seed);
        cv.train.addAll(train);
        cv.validX.addAll(validX);
        cv.validY.addAll(validY);
        return cv;
    }

    /** Seconds spent in the learner's fits by {@link #score} so far (all threads together). */
    public double fitSeconds() {
        return fitNanos.sum() / 1e9;
    }

    public Task task() {
        return task;
    }

    public int folds() {
        return train.size();
    }

    /** Rows of the training part (the folds split these). */
    public int trainingRows() {
        return trainingRows;
    }

    /**
     * What serving this configuration would cost, measured on fold 0: the fit's seconds, the time to
     * score one row through the one-row path (median over up to 1,000 rows, after a warm-up), and the
     * saved predictor's size in bytes.
     */
    public record Profile(double fitSeconds, double latencyMs, long sizeBytes) {
    }

    public Profile profile(Params params) {
        long t0 = System.nanoTime();
        Predictor p = learner.fit(train.get(0), null, params, seed, ProgressListener.NONE);
        double fit = (System.nanoTime() - t0) / 1e9;
        FeatureMatrix x = validX.get(0);
        int rows = Math.min(1_000, x.rows());
        double[] row = new double[x.width()];
        double[] out = new double[task.outputs()];
        for (int r = 0; r < rows; r++) {
            x.row(r, row);
            p.predict(row, out);
        }
        long[] ns = new long[rows];
        for (int r = 0; r < rows; r++) {
            x.row(r, row);
            long s = System.nanoTime();
            p.predict(row, out);
            ns[r] = System.nanoTime() - s;
        }
        java.util.Arrays.sort(ns);
        double latency = rows == 0 ? Double.NaN : ns[rows / 2] / 1e6;
        long size;
        try {
            java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("forja-profile");
            try {
                size = p.save(dir).toString().length();
                try (var files = java.nio.file.Files.walk(dir)) {
                    size += files.filter(java.nio.file.Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
                }
            } finally {
                try (var files = java.nio.file.Files.walk(dir)) {
                    files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
                }
            }
        } catch (java.io.IOException e) {
            size = -1;
        }
        return new Profile(fit, latency, size);
    }

    /**
     * The task's metric on fold {@code f}'s validation rows for a learner fitted on a random share of
     * the fold's training rows (the same rows for every configuration): a cheap, noisier look, for
     * successive halving.
     */
    public double scoreOnShare(int f, Params params, double share) {
        return fitAndScore(f, shares.computeIfAbsent(f + ":" + share, key -> share(train.get(f), share, seed + 7919L * f)), params);
    }

    /** A seeded random share of a training set's rows (at least 20 of them), kept in their order. */
    private static TrainingSet share(TrainingSet all, double share, long seed) {
        int n = all.rows();
        double fraction = Math.max(share, Math.min(n, 20) / (double) n);
        if (fraction >= 1 || n < 3) {
            return all;
        }
        int[] rows = Splits.holdout(java.util.stream.IntStream.range(0, n).toArray(), null, fraction, 0, seed).test();
        java.util.Arrays.sort(rows);
        return new TrainingSet(all.x().select(rows), Trainer.pick(all.y(), rows), all.weights() == null ? null : Trainer.pick(all.weights(), rows),
                all.task());
    }

    /** The task's metric on fold {@code f}'s validation rows, for a learner fitted with {@code params} on the rest. */
    public double score(int f, Params params) {
        return fitAndScore(f, train.get(f), params);
    }

    private double fitAndScore(int f, TrainingSet fit, Params params) {
        long t0 = System.nanoTime();
        Predictor p = learner.fit(fit, null, params, seed + f, ProgressListener.NONE);
        fitNanos.add(System.nanoTime() - t0);
        return Metrics.evaluate(task, validY.get(f), Trainer.predict(p, validX.get(f), task), null).get(task.metric());
    }
}

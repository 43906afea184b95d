package dev.forja.app.tune;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.forja.app.cli.Console;
import dev.forja.app.cli.ExitCode;
import dev.forja.app.cli.OutputOptions;
import dev.forja.app.cli.Quantities;
import dev.forja.app.data.DataArgument;
import dev.forja.app.data.DataSourceOptions;
import dev.forja.app.train.Refit;
import dev.forja.app.tracking.LazyTracking;
import dev.forja.app.tracking.NestedRuns;
import dev.forja.app.tracking.TrackingOptions;
import dev.forja.core.ForjaException;
import dev.forja.core.ingest.Dataset;
import dev.forja.core.task.Task;
import dev.forja.core.task.TaskKind;
import dev.forja.learn.learners.Learner;
import dev.forja.learn.learners.Learners;
import dev.forja.learn.train.CrossValidation;
import dev.forja.learn.train.TrainOptions;
import dev.forja.learn.tune.Dimension;
import dev.forja.learn.tune.SearchSpace;
import dev.forja.learn.tune.SearchSpaces;
import dev.forja.learn.tune.Trial;
import dev.forja.learn.tune.Tuner;
import dev.forja.store.tracking.Metric;
import dev.forja.store.tracking.RunStatus;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code forja tune DATA --target COL --model M}: a hyperparameter search under a trial and / or time
 * budget, every trial scored by the same K folds of the training part (the test part is never seen),
 * hopeless trials pruned after a fold, trials in parallel on the cores. The best configuration is
 * refitted by {@code forja train} on the whole training part, tested, logged (and registered); every
 * trial is logged as a nested run under it. Ctrl-C stops the search and keeps the best so far.
 */
@Command(name = "tune", mixinStandardHelpOptions = true, description = {
    "Tune a learner's hyperparameters: grid, random or TPE search, K-fold cross-validation on the training part, median pruning,",
    "parallel trials, a trial and/or time budget. Refits the best on the training part, tests it, logs every trial as a nested run."})
public final class TuneCommand implements Callable<Integer> {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private final Console console;

    @Parameters(index = "0", paramLabel = "DATA", description = "The data (any format forja reads).")
    String source;

    @Option(names = "--target", required = true, paramLabel = "COLUMN", description = "The column to predict.")
    String target;

    @Option(names = "--model", defaultValue = "xgboost", paramLabel = "NAME", description = "The learner to tune (default: ${DEFAULT-VALUE}).")
    String model;

    @Option(names = "--search", defaultValue = "tpe", paramLabel = "grid|random|tpe", description = "The sampler (default: ${DEFAULT-VALUE}).")
    String search;

    @Option(names = "--trials", paramLabel = "N", description = "At most N trials (default: 50 when no --time is given).")
    Integer trials;

    @Option(names = "--time", paramLabel = "DURATION", description = "At most this long, e.g. 10m; trials still running then are abandoned.")
    String time;

    @Option(names = "--cv", paramLabel = "K", description = "Folds of the training part scoring each trial (default: 5).")
    Integer folds;

    @Option(names = "--holdout", paramLabel = "FRACTION", description = "Score each trial on this fraction of the training part instead of k folds "
            + "(cut like the test part: stratified, by group or by time); k times cheaper, noisier.")
    Double holdout;

    @Option(names = "--metric", paramLabel = "NAME", description = "The metric to optimise (default: the task's: auc, log_loss for multiclass, rmse).")
    String metric;

    @Option(names = "--task", paramLabel = "KIND", description = "binary, multiclass or regression (default: inferred).")
    String task;

    @Option(names = "--space", paramLabel = "FILE", description = "YAML overriding the learner's search space: NAME: {low, high, log}, NAME: [choices], "
            + "NAME: value (fixed), NAME: null (default).")
    Path space;

    @Option(names = "--parallel", paramLabel = "N", description = "Trials at a time (default: the cores).")
    Integer parallel;

    @Option(names = "--grid-points", defaultValue = "3", paramLabel = "N", description = "Grid search: values per numeric range (default: ${DEFAULT-VALUE}).")
    int gridPoints;

    @Option(names = "--pruner", defaultValue = "median", paramLabel = "median|asha|asha-data|none", description = "Stop hopeless trials early: median "
            + "(after a fold, below the median of completed trials), asha (successive halving: a ninth, then a third of the learner's own budget - "
            + "boosting rounds, trees - or of the data where it has none), asha-data (always the data), none (default: ${DEFAULT-VALUE}).")
    String pruner;

    @Option(names = "--reproducible", description = "With --parallel above 1: trial n sees exactly the trials up to n - parallel (waiting for slow "
            + "ones), so the same seed gives the same trials; cores idle now and then (one at a time is always reproducible).")
    boolean reproducible;

    @Option(names = "--no-prune", description = "Run every trial's folds to the end (same as --pruner none).")
    boolean noPrune;

    @Option(names = "--split-by", paramLabel = "COLUMN", description = "A time column: the latest rows are the test part and the folds are "
            + "time-ordered (train on the past, validate on what follows).")
    String splitBy;

    @Option(names = "--group-by", paramLabel = "COLUMN", description = "Rows with the same value of this column stay together: in the test part or "
            + "not, and in one fold (grouped cross-validation).")
    String groupBy;

    @Option(names = "--test-size", defaultValue = "0.2", paramLabel = "FRACTION", description = "Held-out test fraction (default: ${DEFAULT-VALUE}).")
    double testSize;

    @Option(names = "--seed", defaultValue = "42", paramLabel = "N", description = "Seed of the split, the folds and the sampler (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--experiment", defaultValue = "Default", paramLabel = "NAME", description = "Experiment to log in (default: ${DEFAULT-VALUE}).")
    String experiment;

    @Option(names = "--register", paramLabel = "NAME", description = "Register the refitted best model as a new version of NAME.")
    String register;

    @Option(names = "--out", paramLabel = "DIR", description = "Also write the refitted best model here.")
    Path out;

    @Mixin
    DataSourceOptions data = new DataSourceOptions();

    @Mixin
    TrackingOptions tracking = new TrackingOptions();

    @Mixin
    OutputOptions output = new OutputOptions();

    public TuneCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() throws IOException {
        Duration budget = time == null ? null : Quantities.duration(time, "--time");
        int maxTrials = trials != null ? trials : budget == null && !search.equals("grid") ? 50 : 0;
        if (maxTrials < 0) {
            throw new ForjaException("--trials " + maxTrials + " is negative", "give a positive number of trials");
        }
        if (folds != null && holdout != null) {
            throw new ForjaException("--cv and --holdout cannot be combined", "score trials on k folds (--cv K) or on one holdout part (--holdout 0.2)");
        }
        int k = folds == null ? 5 : folds;
        if (holdout == null && k < 2) {
            throw new ForjaException("--cv " + k + ": cross-validation needs at least 2 folds", "give --cv 3 or more (5 is usual), or --holdout 0.2");
        }
        Learner learner = Learners.get(model);
        Dataset dataset = DataArgument.read(source, data, console);
        TrainOptions options = new TrainOptions(target, new Task.Overrides(task == null ? null : TaskKind.parse(task), null, metric, null), model, Map.of(),
                testSize, 0, 0, splitBy, groupBy, null, seed, null, false);
        long started = System.nanoTime();
        String objective = holdout != null ? "holdout " + holdout + " of the training part" : k + "-fold cv";
        console.note("forja: preparing the " + objective + " of " + source);
        CrossValidation cv = holdout != null ? CrossValidation.prepareHoldout(dataset, options, learner, holdout)
                : CrossValidation.prepare(dataset, options, learner, k);
        SearchSpace sp = SearchSpaces.defaultFor(model, cv.task());
        if (space != null) {
            sp = sp.override(YAML.readTree(space.toFile()), learner, space.toString());
        }
        int threads = parallel != null ? parallel : Math.max(1, Runtime.getRuntime().availableProcessors());
        console.note("forja: " + search + " search over " + String.join("; ", sp.dimensions().stream().map(Dimension::describe).toList())
                + (maxTrials > 0 ? "; " + maxTrials + " trials" : "") + (budget != null ? "; " + budget : "") + "; " + threads + " at a time");

        AtomicBoolean stop = new AtomicBoolean();
        CountDownLatch finished = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            stop.set(true);
            try {
                // let the search end and the best so far be refitted and logged
                finished.await(120, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            Tuner.Result r = Tuner.run(cv, learner, sp, new Tuner.Options(search, maxTrials, budget, threads, seed, gridPoints, noPrune ? "none" : pruner,
                    reproducible), stop::get,
                    t -> { }, console.progress());
            JsonNode refit = refit(r, sp);
            List<String> trialRuns = logTrials(r, sp, refit.path("run_id").asText(null), objective);
            report(r, refit, trialRuns, (System.nanoTime() - started) / 1e9, threads, objective, cv.folds() > 1);
        } finally {
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // shutting down already: the hook is running and waits for us
            }
        }
        return ExitCode.OK;
    }

    /** The best configuration through forja train: the same split and seed, the whole training part, logged and registered like any model. */
    private JsonNode refit(Tuner.Result r, SearchSpace sp) {
        Map<String, String> params = new LinkedHashMap<>(r.best().params());
        // one thread per trial was for running trials side by side; the final fit takes every core
        sp.fixed().forEach((k, v) -> {
            if (!k.equals("nthread")) {
                params.put(k, v);
            }
        });
        Map<String, String> optional = new LinkedHashMap<>();
        optional.put("--metric", metric);
        optional.put("--task", task);
        optional.put("--group-by", groupBy);
        optional.put("--split-by", splitBy);
        return new Refit(source, target, model, params, testSize, seed, experiment, "tune-" + model + "-best", optional, register, out, tracking, data)
                .run(console, "the best configuration");
    }

    /** Every trial as a run nested under the refitted model's run (MLflow's mlflow.parentRunId), in one pass after the search. */
    private List<String> logTrials(Tuner.Result r, SearchSpace sp, String parentRunId, String objective) {
        long now = System.currentTimeMillis();
        String key = "cv_" + r.metric();
        List<NestedRuns.Child> children = new ArrayList<>();
        for (Trial t : r.trials()) {
            Map<String, String> params = new LinkedHashMap<>(sp.fixed());
            params.putAll(t.params());
            params.put("model", model);
            Map<String, String> tags = new LinkedHashMap<>();
            tags.put("forja.trial.number", Integer.toString(t.number()));
            tags.put("forja.trial.state", t.state().name().toLowerCase(Locale.ROOT));
            tags.put("forja.tune.search", search);
            if (t.error() != null) {
                tags.put("forja.trial.error", t.error());
            }
            List<Metric> metrics = new ArrayList<>();
            for (int f = 0; f < t.foldScores().length; f++) {
                metrics.add(new Metric(key, t.foldScores()[f], now, f));
            }
            if (!Double.isNaN(t.metric())) {
                metrics.add(new Metric(key + "_mean", t.metric(), now, 0));
                metrics.add(new Metric(key + "_std", t.std(), now, 0));
            }
            metrics.add(new Metric("trial_seconds", t.seconds(), now, 0));
            RunStatus status = switch (t.state()) {
                case COMPLETE -> RunStatus.FINISHED;
                case PRUNED -> RunStatus.KILLED;
                default -> RunStatus.FAILED;
            };
            children.add(new NestedRuns.Child("trial-" + t.number(), params, tags, metrics, status));
        }
        List<String> ids = NestedRuns.record(tracking, experiment, parentRunId, children);
        if (parentRunId != null) {
            try (LazyTracking lazy = new LazyTracking(tracking)) {
                lazy.get().store().logBatch(parentRunId, List.of(new Metric(key + "_best", r.best().metric(), now, 0),
                        new Metric(key + "_best_std", r.best().std(), now, 0), new Metric("tune_trials", r.trials().size(), now, 0),
                        new Metric("tune_pruned", r.pruned(), now, 0), new Metric("tune_seconds", r.seconds(), now, 0)), Map.of(),
                        Map.of("forja.tune.search", search, "forja.tune.best_trial", Integer.toString(r.best().number()), "forja.tune.objective", objective,
                                "forja.tune.pruning", r.pruning()));
            }
        }
        return ids;
    }

    /** @param spread whether the metric has a spread over folds (a holdout has none) */
    private void report(Tuner.Result r, JsonNode refit, List<String> trialRuns, double elapsed, int threads, String objective, boolean spread) {
        double busy = r.trials().stream().mapToDouble(Trial::seconds).sum();
        if (output.json) {
            ObjectNode doc = Console.mapper().createObjectNode();
            ObjectNode best = doc.putObject("best");
            ObjectNode params = best.putObject("params");
            r.best().params().forEach(params::put);
            best.put("trial", r.best().number()).put("cv_metric", r.best().metric());
            if (spread) {
                best.put("cv_std", r.best().std());
            } else {
                best.putNull("cv_std");
            }
            doc.put("metric", r.metric());
            doc.put("objective", objective);
            doc.put("pruning", r.pruning());
            doc.put("reproducible", reproducible || threads == 1);
            doc.put("search", search);
            doc.put("trials", r.trials().size());
            doc.put("pruned", r.pruned());
            doc.put("failed", r.failed());
            doc.put("stopped_by", r.stoppedBy());
            doc.put("elapsed_seconds", elapsed);
            doc.put("search_seconds", r.seconds());
            doc.put("cpu_utilisation", r.seconds() > 0 ? Math.min(1, busy / (r.seconds() * threads)) : 0);
            doc.put("model_dir", refit.path("model_dir").asText());
            doc.put("run_id", refit.path("run_id").asText());
            doc.put("model_uri", refit.path("model_uri").asText());
            doc.set("test_metrics", refit.path("metrics"));
            if (refit.has("registered")) {
                doc.set("registered", refit.path("registered"));
            }
            ArrayNode list = doc.putArray("trial_list");
            for (int i = 0; i < r.trials().size(); i++) {
                Trial t = r.trials().get(i);
                ObjectNode n = list.addObject().put("number", t.number()).put("state", t.state().name().toLowerCase(Locale.ROOT))
                        .put("seconds", t.seconds()).put("run_id", trialRuns.get(i));
                if (!Double.isNaN(t.metric())) {
                    n.put("cv_metric", t.metric());
                    if (spread) {
                        n.put("cv_std", t.std());
                    }
                }
                ObjectNode p = n.putObject("params");
                t.params().forEach(p::put);
            }
            console.printJson(doc);
            return;
        }
        var o = console.out();
        o.printf(Locale.ROOT, "%s search of %s: %d trials (%d pruned, %d failed) in %.1f s, stopped by %s%n", search, model, r.trials().size(), r.pruned(),
                r.failed(), r.seconds(), r.stoppedBy());
        o.printf(Locale.ROOT, "scored on the %s; pruning: %s%n", objective, r.pruning());
        o.printf(Locale.ROOT, "best: trial %d, %s %s %.4f%s%n", r.best().number(), spread ? "cv" : "holdout", r.metric(), r.best().metric(),
                spread ? String.format(Locale.ROOT, " ± %.4f", r.best().std()) : "");
        r.best().params().forEach((k, v) -> o.printf("  %s = %s%n", k, v));
        o.printf(Locale.ROOT, "refitted on the training part: test %s %.4f; run %s%n", r.metric(), refit.path("metrics").path(r.metric()).asDouble(),
                refit.path("run_id").asText());
        if (refit.has("registered")) {
            o.println("registered " + refit.path("registered").path("model_uri").asText());
        }
        o.println("top trials:");
        r.trials().stream().filter(t -> t.state() == Trial.State.COMPLETE).sorted((a, b) -> Double.compare(b.score(), a.score())).limit(5)
                .forEach(t -> o.printf(Locale.ROOT, "  #%-4d %.4f ± %.4f  %s%n", t.number(), t.metric(), t.std(), t.params()));
    }
}

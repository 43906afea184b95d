package dev.forja.app.automl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.forja.app.cli.Console;
import dev.forja.app.cli.ExitCode;
import dev.forja.app.cli.OutputOptions;
import dev.forja.app.cli.Quantities;
import dev.forja.app.data.DataArgument;
import dev.forja.app.data.DataSourceOptions;
import dev.forja.app.train.Refit;
import dev.forja.app.tracking.NestedRuns;
import dev.forja.app.tracking.TrackingOptions;
import dev.forja.core.ForjaException;
import dev.forja.core.ingest.Dataset;
import dev.forja.core.task.Task;
import dev.forja.core.task.TaskKind;
import dev.forja.learn.automl.AutoMl;
import dev.forja.learn.automl.Candidate;
import dev.forja.learn.train.TrainOptions;
import dev.forja.store.tracking.Metric;
import dev.forja.store.tracking.RunStatus;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code forja automl DATA --target COL --time 5m}: the model-selection discipline in one command —
 * baseline, simple models, tuned forests and boosted trees, a stacked ensemble, all on the same folds —
 * then the pick (best under the constraints) refitted by {@code forja train}, tested on the held-out
 * part, logged, registered. Ends within the time budget: a share is kept for the refit.
 */
@Command(name = "automl", mixinStandardHelpOptions = true, description = {
    "Select a model under a time budget: baselines, simple models, tuned forests and XGBoost, a stacked ensemble, all on the same folds;",
    "a leaderboard of score, spread, fit time, latency, size and interpretability; the best under --max-latency-ms / --interpretable",
    "is refitted, tested on the held-out part, logged and (--register) registered."})
public final class AutomlCommand implements Callable<Integer> {
    private final Console console;

    @Parameters(index = "0", paramLabel = "DATA", description = "The data (any format forja reads).")
    String source;

    @Option(names = "--target", required = true, paramLabel = "COLUMN", description = "The column to predict.")
    String target;

    @Option(names = "--time", defaultValue = "5m", paramLabel = "DURATION", description = "The whole budget, refit included (default: ${DEFAULT-VALUE}).")
    String time;

    @Option(names = "--metric", paramLabel = "NAME", description = "The metric to optimise (default: the task's).")
    String metric;

    @Option(names = "--task", paramLabel = "KIND", description = "binary, multiclass or regression (default: inferred).")
    String task;

    @Option(names = "--cv", defaultValue = "5", paramLabel = "K", description = "Folds every candidate is scored on (default: ${DEFAULT-VALUE}).")
    int folds;

    @Option(names = "--max-latency-ms", paramLabel = "MS", description = "Only pick a model that scores one row within this time.")
    Double maxLatencyMs;

    @Option(names = "--interpretable", description = "Only pick a model a person can read (linear, naive Bayes, a shallow tree).")
    boolean interpretable;

    @Option(names = "--parallel", paramLabel = "N", description = "Trials at a time while tuning (default: the cores).")
    Integer parallel;

    @Option(names = "--test-size", defaultValue = "0.2", paramLabel = "FRACTION", description = "Held-out test fraction (default: ${DEFAULT-VALUE}).")
    double testSize;

    @Option(names = "--seed", defaultValue = "42", paramLabel = "N", description = "Seed of the split, folds and searches (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--experiment", defaultValue = "automl", paramLabel = "NAME", description = "Experiment to log in (default: ${DEFAULT-VALUE}).")
    String experiment;

    @Option(names = "--register", paramLabel = "NAME", description = "Register the chosen model as a new version of NAME.")
    String register;

    @Option(names = "--out", paramLabel = "DIR", description = "Also write the chosen model here.")
    Path out;

    @Mixin
    DataSourceOptions data = new DataSourceOptions();

    @Mixin
    TrackingOptions tracking = new TrackingOptions();

    @Mixin
    OutputOptions output = new OutputOptions();

    public AutomlCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() {
        long started = System.nanoTime();
        Duration budget = Quantities.duration(time, "--time");
        if (budget.toMillis() < 10_000) {
            throw new ForjaException("--time " + time + " is too short to compare models", "give at least 10s (30s or more is sensible)");
        }
        Dataset dataset = DataArgument.read(source, data, console);
        TrainOptions base = new TrainOptions(target, new Task.Overrides(task == null ? null : TaskKind.parse(task), null, metric, null), "baseline", Map.of(),
                testSize, 0, 0, null, null, null, seed, null, false);
        // the refit, its test and logging happen after the search, inside the budget
        long reserve = Math.max(3_000, budget.toMillis() / 8);
        Duration search = budget.minusMillis(reserve).minusNanos(System.nanoTime() - started);
        int threads = parallel != null ? parallel : Math.max(1, Runtime.getRuntime().availableProcessors());
        AtomicBoolean stop = new AtomicBoolean();
        Thread hook = new Thread(() -> stop.set(true));
        Runtime.getRuntime().addShutdownHook(hook);
        AutoMl.Result r;
        try {
            r = AutoMl.run(dataset, base, new AutoMl.Options(search, folds, threads, seed, maxLatencyMs == null ? Double.NaN : maxLatencyMs, interpretable),
                    stop::get, p -> console.note(String.format(Locale.ROOT, "forja: automl: %s; %d candidates; best %s; %.0f s left", p.stage(), p.done(),
                            p.best() == null ? "-" : p.best().model() + " " + fmt(p.best().cvMetric()), p.secondsLeft())));
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // shutting down
            }
        }
        if (r.best() == null) {
            throw new ForjaException("no candidate meets the constraints (" + (interpretable ? "interpretable" : "") + (maxLatencyMs != null ? " latency <= "
                    + maxLatencyMs + " ms" : "") + ")", "relax --max-latency-ms or --interpretable; the leaderboard is in the log above");
        }
        double left = budget.toMillis() / 1000.0 - (System.nanoTime() - started) / 1e9;
        // the best candidate under the constraints whose refit (on a quarter more rows than a fold's) fits in the time left
        Candidate pick = r.leaderboard().stream().filter(c -> meets(c) && refitEstimate(c) <= left).findFirst().orElse(r.best());
        if (pick != r.best()) {
            console.note("forja: automl: " + r.best().model() + " scored best but its refit would overrun the budget; refitting " + pick.model());
        }
        JsonNode refit = refit(pick);
        List<String> candidateRuns = logCandidates(r, refit.path("run_id").asText(null));
        report(r, pick, refit, candidateRuns, (System.nanoTime() - started) / 1e9, budget);
        return ExitCode.OK;
    }

    private boolean meets(Candidate c) {
        return (!interpretable || c.interpretable()) && (maxLatencyMs == null || c.latencyMs() <= maxLatencyMs);
    }

    private static double refitEstimate(Candidate c) {
        return c.trainSeconds() * 1.5 + 1;
    }

    private JsonNode refit(Candidate c) {
        Map<String, String> optional = new LinkedHashMap<>();
        optional.put("--metric", metric);
        optional.put("--task", task);
        return new Refit(source, target, c.model(), c.params(), testSize, seed, experiment, "automl-" + c.model(), optional, register, out, tracking, data)
                .run(console, c.model());
    }

    /** Each leaderboard candidate as a run nested under the chosen model's run. */
    private List<String> logCandidates(AutoMl.Result r, String parentRunId) {
        long now = System.currentTimeMillis();
        String key = "cv_" + r.task().metric();
        List<NestedRuns.Child> children = new ArrayList<>();
        for (Candidate c : r.leaderboard()) {
            Map<String, String> params = new LinkedHashMap<>(c.params());
            params.put("model", c.model());
            Map<String, String> tags = Map.of("forja.automl.stage", c.stage(), "forja.automl.interpretable", Boolean.toString(c.interpretable()));
            List<Metric> metrics = List.of(new Metric(key + "_mean", c.cvMetric(), now, 0), new Metric(key + "_std", c.cvStd(), now, 0),
                    new Metric("train_seconds", c.trainSeconds(), now, 0), new Metric("latency_ms", c.latencyMs(), now, 0),
                    new Metric("size_bytes", c.sizeBytes(), now, 0), new Metric("trials", c.trials(), now, 0));
            children.add(new NestedRuns.Child("automl-" + c.model(), params, tags, metrics, RunStatus.FINISHED));
        }
        return NestedRuns.record(tracking, experiment, parentRunId, children);
    }

    private void report(AutoMl.Result r, Candidate pick, JsonNode refit, List<String> runs, double elapsed, Duration budget) {
        String m = r.task().metric();
        if (output.json) {
            ObjectNode doc = Console.mapper().createObjectNode();
            doc.put("metric", m);
            ArrayNode board = doc.putArray("leaderboard");
            for (int i = 0; i < r.leaderboard().size(); i++) {
                Candidate c = r.leaderboard().get(i);
                ObjectNode n = board.addObject().put("model", c.model());
                ObjectNode p = n.putObject("params");
                c.params().forEach(p::put);
                n.put("cv_metric", c.cvMetric()).put("cv_std", c.cvStd()).put("train_seconds", c.trainSeconds()).put("latency_ms", c.latencyMs())
                        .put("size_bytes", c.sizeBytes()).put("interpretable", c.interpretable()).put("trials", c.trials()).put("stage", c.stage())
                        .put("meets_constraints", meets(c)).put("run_id", runs.get(i));
            }
            ObjectNode best = doc.putObject("best");
            best.put("model", pick.model()).put("cv_metric", pick.cvMetric());
            best.set("test_metrics", refit.path("metrics"));
            best.set("baseline_test_metrics", refit.path("baseline_metrics"));
            best.put("model_uri", refit.has("registered") ? refit.path("registered").path("model_uri").asText() : refit.path("model_uri").asText());
            best.put("run_id", refit.path("run_id").asText());
            best.put("model_dir", refit.path("model_dir").asText());
            doc.put("elapsed_seconds", elapsed);
            doc.put("budget_seconds", budget.toMillis() / 1000.0);
            console.printJson(doc);
            return;
        }
        var o = console.out();
        o.printf(Locale.ROOT, "automl on %s (%s), %d-fold cv %s, %.0f s of %d s:%n", source, r.task().kind().id(), folds, m, elapsed, budget.toSeconds());
        o.printf(Locale.ROOT, "  %-12s %9s %8s %7s %10s %11s %8s %6s%n", "model", m, "± std", "trials", "fit s", "latency ms", "size KB", "interp");
        for (Candidate c : r.leaderboard()) {
            o.printf(Locale.ROOT, "  %-12s %9.4f %8.4f %7d %10.3f %11.4f %8.1f %6s%s%n", c.model(), c.cvMetric(), c.cvStd(), c.trials(), c.trainSeconds(),
                    c.latencyMs(), c.sizeBytes() / 1024.0, c.interpretable() ? "yes" : "no", c == pick ? "  <- chosen" : meets(c) ? "" : "  (constraints)");
        }
        o.printf(Locale.ROOT, "chosen: %s, test %s %.4f; %s%n", pick.model(), m, refit.path("metrics").path(m).asDouble(),
                refit.has("registered") ? "registered " + refit.path("registered").path("model_uri").asText() : "run " + refit.path("run_id").asText());
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }
}

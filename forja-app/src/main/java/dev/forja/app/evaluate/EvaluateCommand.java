package dev.forja.app.evaluate;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.forja.app.cli.Console;
import dev.forja.app.cli.ExitCode;
import dev.forja.app.cli.OutputOptions;
import dev.forja.app.data.DataArgument;
import dev.forja.app.data.DataSourceOptions;
import dev.forja.app.tracking.LazyTracking;
import dev.forja.app.tracking.ModelUris;
import dev.forja.app.tracking.TrackingOptions;
import dev.forja.core.ForjaException;
import dev.forja.core.frame.ColumnKind;
import dev.forja.core.ingest.Dataset;
import dev.forja.core.task.CostMatrix;
import dev.forja.learn.evaluate.Check;
import dev.forja.learn.evaluate.Evaluation;
import dev.forja.learn.evaluate.EvaluationReport;
import dev.forja.learn.evaluate.Evaluator;
import dev.forja.learn.evaluate.LearningCurve;
import dev.forja.learn.evaluate.Simpson;
import dev.forja.learn.model.InputSpec;
import dev.forja.learn.model.Model;
import dev.forja.learn.model.ModelArtifact;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code forja evaluate MODEL DATA}: the model on labelled data it has not seen: every metric with a
 * bootstrap interval, the confusion matrix, calibration, the threshold and its costs, metrics per
 * slice, and declarative checks. Exits 1 when a check fails, so it can gate a pipeline.
 */
@Command(name = "evaluate", mixinStandardHelpOptions = true, description = {
    "Evaluate a model on labelled data: metrics with bootstrap intervals, confusion matrix, calibration (ECE, reliability),",
    "threshold curve and the cost-optimal threshold (--cost), metrics per slice (--slices), and checks (--checks).",
    "Exits 1 when a check fails."})
public final class EvaluateCommand implements Callable<Integer> {
    private final Console console;

    @Parameters(index = "0", paramLabel = "MODEL", description = "runs:/<run>/model, models:/<name>/<version>, models:/<name>@<alias>, or a directory.")
    String modelUri;

    @Parameters(index = "1", paramLabel = "DATA", description = "Labelled data the model has not seen.")
    String source;

    @Option(names = "--target", paramLabel = "COLUMN", description = "The target column (default: the one the model was trained on).")
    String target;

    @Option(names = "--slices", split = ",", paramLabel = "COLUMN", description = "Columns to slice by: categories, or quartile bins of numbers.")
    List<String> slices = new ArrayList<>();

    @Option(names = "--cost", paramLabel = "fp=X,fn=Y", description = "Costs of a false positive and a false negative (binary): finds the cheapest threshold.")
    String cost;

    @Option(names = "--checks", paramLabel = "FILE", description = "A YAML list of checks: auc >= 0.8, ece <= 0.05, slice_min(auc, by: sex) >= 0.75.")
    Path checksFile;

    @Option(names = "--compare", paramLabel = "MODEL", description = "Another model on the same rows: both metrics, the paired bootstrap difference, "
            + "and a warning when the ranking flips between the whole data and every slice (Simpson's paradox).")
    String compareUri;

    @Option(names = "--learning-curve", paramLabel = "TRAIN_DATA", description = "Refit the model's learner on growing parts of this training data "
            + "and score each on it and on DATA: score against training-set size.")
    String learningCurveData;

    @Option(names = "--report", paramLabel = "FILE", description = "Also write a self-contained HTML report (inline SVG charts).")
    Path report;

    @Option(names = "--behaviour", description = "Also measure behaviour: perturbation (noise, category swaps) and permutation importance.")
    boolean behaviour;

    @Option(names = "--invariant", paramLabel = "COLUMN", description = "A column that must not change predictions, e.g. a sensitive attribute (repeatable; implies --behaviour).")
    List<String> invariant = new ArrayList<>();

    @Option(names = "--monotone", paramLabel = "+COLUMN|-COLUMN", description = "A declared direction: +size means more size must not lower the prediction (repeatable; implies --behaviour).")
    List<String> monotone = new ArrayList<>();

    @Option(names = "--repeats", defaultValue = "5", paramLabel = "N", description = "Shuffles per column for permutation importance (default: ${DEFAULT-VALUE}).")
    int repeats;

    @Option(names = "--bootstrap", defaultValue = "200", paramLabel = "N", description = "Bootstrap resamples for the intervals (default: ${DEFAULT-VALUE}; 0 for none).")
    int bootstrap;

    @Option(names = "--seed", defaultValue = "42", paramLabel = "N", description = "Seed of the resamples (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--calibrate", paramLabel = "platt|isotonic", description = "Fit a calibrator on a part of DATA (--calibration-fraction) and "
            + "evaluate the calibrated model on the rest, against the original on the same rows; write it with --out or --register.")
    String calibrate;

    @Option(names = "--calibration-fraction", defaultValue = "0.5", paramLabel = "F", description = "Share of DATA the calibrator is fitted on, "
            + "stratified (default: ${DEFAULT-VALUE}).")
    double calibrationFraction;

    @Option(names = "--out", paramLabel = "DIR", description = "With --calibrate: where to write the calibrated model.")
    Path out;

    @Option(names = "--register", paramLabel = "NAME", description = "With --calibrate: log the calibrated model as a run and register it as NAME's next version.")
    String register;

    @Mixin
    DataSourceOptions data = new DataSourceOptions();

    @Mixin
    TrackingOptions tracking = new TrackingOptions();

    @Mixin
    OutputOptions output = new OutputOptions();

    public EvaluateCommand(Console console) {
        this.console = console;
    }

    /** A model URI evaluated on a data source; what evaluate and the promotion gate share. */
    record Result(Model model, Evaluation evaluation, List<Check.Result> checks) {
        boolean passed() {
            return checks.stream().allMatch(Check.Result::passed);
        }
    }

    /** The evaluation options a list of checks needs: the slices, invariances and directions they read. */
    static Evaluator.Options optionsFor(List<Check> checks, int bootstrap, long seed, List<String> slices, String cost, boolean behaviour,
                                         List<String> invariant, List<String> monotone, int repeats) {
        List<String> s = new ArrayList<>(slices);
        List<String> inv = new ArrayList<>(invariant);
        List<String> mono = new ArrayList<>(monotone);
        boolean b = behaviour || !invariant.isEmpty() || !monotone.isEmpty();
        boolean latency = false;
        for (Check c : checks) {
            if (c.function() == null) {
                b |= c.metric() != null && c.metric().startsWith("perturbation_");
                latency |= c.metric() != null && c.metric().startsWith("latency_");
            } else if (c.function().equals("invariance")) {
                b = true;
                if (!inv.contains(c.by())) {
                    inv.add(c.by());
                }
            } else if (c.function().equals("direction")) {
                b = true;
                if (!mono.contains(c.by())) {
                    mono.add(c.by());
                }
            } else if (!s.contains(c.by())) {
                s.add(c.by());
            }
        }
        if (bootstrap < 0) {
            throw new ForjaException("--bootstrap " + bootstrap + " is negative", "give 0 (no intervals) or more, e.g. 200");
        }
        return new Evaluator.Options(bootstrap, seed, s, cost == null ? null : CostMatrix.parse(cost), b, inv, mono, repeats, latency || behaviour);
    }

    static Result run(String modelUri, String source, String target, Evaluator.Options options, List<Check> checks, DataSourceOptions data,
                      LazyTracking tracking, Console console) {
        Model model = load(modelUri, target, tracking);
        Dataset dataset = readLabelled(source, model, data, console);
        Evaluation e = Evaluator.evaluate(model, dataset.frame(), source, options);
        List<Check.Result> results = checks.stream().map(c -> c.evaluate(e)).toList();
        return new Result(model, e, results);
    }

    private static Model load(String modelUri, String target, LazyTracking tracking) {
        Model model = ModelArtifact.read(ModelUris.resolve(modelUri, tracking));
        if (target != null && !target.equals(model.task().target())) {
            throw new ForjaException("the model predicts '" + model.task().target() + "', not '" + target + "'", "drop --target, or evaluate another model");
        }
        return model;
    }

    private static Dataset readLabelled(String source, Model model, DataSourceOptions data, Console console) {
        Dataset dataset = DataArgument.read(source, data, console, kindsOf(model));
        if (dataset.frame().find(model.task().target()).isEmpty()) {
            throw new ForjaException(source + " has no column '" + model.task().target() + "', the target the model predicts",
                    "evaluate on labelled data");
        }
        return dataset;
    }

    /** {@code --calibrate}: the calibrated model evaluated on the part of DATA its calibrator did not see, and saved. */
    private Result calibrated(Evaluator.Options options, List<Check> checks, LazyTracking store, ObjectNode[] summary) {
        if (out == null && register == null) {
            throw new ForjaException("--calibrate writes a calibrated model, and neither --out nor --register says where",
                    "add --out DIR, or --register NAME to log it and register a new version");
        }
        if (compareUri != null) {
            throw new ForjaException("--compare cannot be combined with --calibrate", "compare the calibrated model in a second forja evaluate");
        }
        Model model = load(modelUri, target, store);
        Dataset dataset = readLabelled(source, model, data, console);
        CalibrationStep.Calibrated c = CalibrationStep.fit(model, dataset.frame(), source, calibrate, calibrationFraction, seed);
        Evaluation e = Evaluator.evaluate(c.model(), c.evaluationRows(), source + " (evaluation part)", options);
        summary[0] = CalibrationStep.save(c, e, calibrate, modelUri, out, register, register == null ? null : store.get());
        return new Result(c.model(), e, checks.stream().map(check -> check.evaluate(e)).toList());
    }

    /** The other model on the same data and options: metrics side by side, the paired difference, Simpson's paradox warnings. */
    private ObjectNode compare(Result mine, List<Check> checks) {
        String metric = mine.model().task().metric();
        Evaluator.Options options = optionsFor(checks, 0, seed, slices, cost, false, List.of(), List.of(), repeats);
        Result other;
        Evaluator.Comparison paired = null;
        try (LazyTracking store = new LazyTracking(tracking)) {
            other = run(compareUri, source, target, options, List.of(), data, store, console);
            if (bootstrap > 0) {
                Dataset d = DataArgument.read(source, data, console, kindsOf(mine.model()));
                paired = Evaluator.compare(mine.model(), other.model(), d.frame(), source, bootstrap, seed);
            }
        }
        ObjectNode c = Console.mapper().createObjectNode().put("model", compareUri).put("metric", metric)
                .put("this", mine.evaluation().metrics().get(metric)).put("other", other.evaluation().metrics().get(metric));
        if (paired != null) {
            c.putArray("difference_interval").add(paired.differenceLow()).add(paired.differenceHigh());
        }
        var warnings = c.putArray("warnings");
        Simpson.warnings(mine.evaluation(), other.evaluation(), metric, modelUri, compareUri).forEach(warnings::add);
        return c;
    }

    private static Map<String, ColumnKind> kindsOf(Model model) {
        Map<String, ColumnKind> kinds = new LinkedHashMap<>();
        for (InputSpec s : model.signature().inputs()) {
            kinds.put(s.name(), s.kind());
        }
        return kinds;
    }

    @Override
    public Integer call() {
        List<Check> checks = checksFile == null ? List.of() : Check.read(checksFile);
        if (calibrate == null && (out != null || register != null)) {
            throw new ForjaException("--out and --register save a calibrated model and need --calibrate", "add --calibrate platt or isotonic");
        }
        Result r;
        ObjectNode[] calibration = new ObjectNode[1];
        try (LazyTracking store = new LazyTracking(tracking)) {
            Evaluator.Options options = optionsFor(checks, bootstrap, seed, slices, cost, behaviour, invariant, monotone, repeats);
            r = calibrate == null ? run(modelUri, source, target, options, checks, data, store, console)
                    : calibrated(options, checks, store, calibration);
        }
        Evaluation e = r.evaluation();
        ObjectNode comparison = null;
        if (compareUri != null) {
            comparison = compare(r, checks);
        }
        List<LearningCurve.Point> curve = List.of();
        if (learningCurveData != null) {
            Map<String, ColumnKind> kinds = kindsOf(r.model());
            curve = LearningCurve.measure(r.model(), DataArgument.read(learningCurveData, data, console, kinds),
                    DataArgument.read(source, data, console, kinds), seed);
        }
        if (report != null) {
            EvaluationReport.write(e, modelUri, source, r.model().task().metric(), r.checks(), curve, report);
        }
        if (output.json) {
            ObjectNode doc = EvaluationJson.of(e, r.checks());
            doc.put("model", modelUri);
            doc.put("data", source);
            if (comparison != null) {
                doc.set("comparison", comparison);
            }
            if (calibration[0] != null) {
                doc.set("calibrated", calibration[0]);
            }
            if (learningCurveData != null) {
                var lc = doc.putArray("learning_curve");
                for (LearningCurve.Point pt : curve) {
                    lc.addObject().put("fraction", pt.fraction()).put("rows", pt.rows()).put("train", pt.train()).put("validation", pt.validation());
                }
            }
            if (report != null) {
                doc.put("report", report.toString());
            } else {
                doc.putNull("report");
            }
            console.printJson(doc);
        } else {
            var o = console.out();
            o.printf(Locale.ROOT, "%s on %s: %d rows%s%n", modelUri, source, e.rows(), e.skippedRows() > 0 ? " (" + e.skippedRows()
                    + " without a target left out)" : "");
            o.printf(Locale.ROOT, "  %-18s %10s   %s%n", "metric", "value", bootstrap > 0 ? "95% bootstrap interval" : "");
            e.metrics().forEach((k, v) -> {
                double[] ci = e.intervals().get(k);
                o.printf(Locale.ROOT, "  %-18s %10.4f   %s%n", k, v, ci == null ? "" : String.format(Locale.ROOT, "[%.4f, %.4f]", ci[0], ci[1]));
            });
            if (e.confusion() != null) {
                o.println("confusion matrix (rows: actual, columns: predicted) " + e.labels());
                for (int i = 0; i < e.confusion().length; i++) {
                    o.printf("  %-10s %s%n", e.labels().get(i), Arrays.toString(Arrays.stream(e.confusion()[i]).mapToLong(x -> (long) x).toArray()));
                }
            }
            if (e.calibration() != null) {
                o.printf(Locale.ROOT, "calibration: ECE %.4f, Brier %.4f%n", e.calibration().ece(), e.calibration().brier());
            }
            if (e.threshold() != null && e.threshold().best() != null) {
                o.printf(Locale.ROOT, "cheapest threshold: %.2f (expected cost %.4f per row; the model uses %.2f)%n", e.threshold().best(),
                        e.threshold().bestCost(), e.threshold().current());
            }
            e.slices().forEach((column, list) -> {
                o.println("slices by " + column + ":");
                String metric = r.model().task().metric();
                list.forEach(s -> o.printf(Locale.ROOT, "  %-24s n=%-7d %s %.4f%n", s.value(), s.count(), metric, s.metrics().get(metric)));
            });
            if (e.behaviour() != null) {
                var b = e.behaviour();
                o.printf(Locale.ROOT, "perturbation: %.2f%% of predictions flip, %s drops by %.4f%n", 100 * b.perturbationFlipRate(),
                        r.model().task().metric(), b.perturbationMetricDrop());
                b.invariance().forEach((c, v) -> o.printf(Locale.ROOT, "invariance to %s: %.2f%% of predictions change%n", c, 100 * v));
                b.direction().forEach((c, v) -> o.printf(Locale.ROOT, "direction %s: %.2f%% of rows move the wrong way%n", c, 100 * v));
                o.println("permutation importance (" + r.model().task().metric() + " lost when shuffled):");
                b.importance().stream().limit(10).forEach(i -> o.printf(Locale.ROOT, "  %-24s %.4f ± %.4f%n", i.column(), i.mean(), i.std()));
                if (!b.contributions().isEmpty()) {
                    o.println("XGBoost contributions (mean |SHAP| in log-odds / value units, mean signed):");
                    b.contributions().stream().limit(10).forEach(c -> o.printf(Locale.ROOT, "  %-24s %.4f  %+.4f%n", c.name(), c.meanAbsolute(), c.mean()));
                }
            }
            if (comparison != null) {
                o.printf(Locale.ROOT, "against %s: %s %.4f vs %.4f%s%n", compareUri, comparison.path("metric").asText(),
                        comparison.path("this").asDouble(), comparison.path("other").asDouble(), comparison.has("difference_interval")
                                ? String.format(Locale.ROOT, ", 95%% interval of the gain [%.4f, %.4f]", comparison.path("difference_interval").get(0).asDouble(),
                                comparison.path("difference_interval").get(1).asDouble()) : "");
                comparison.path("warnings").forEach(w -> console.note("forja: warning: " + w.asText()));
            }
            if (!curve.isEmpty()) {
                o.println("learning curve (" + r.model().task().metric() + "): rows, train, validation");
                curve.forEach(pt -> o.printf(Locale.ROOT, "  %7d  %.4f  %.4f%n", pt.rows(), pt.train(), pt.validation()));
            }
            if (calibration[0] != null) {
                ObjectNode c = calibration[0];
                o.printf(Locale.ROOT, "calibrated (%s) on %d rows, evaluated on the other %d: ECE %.4f -> %.4f, Brier %.4f -> %.4f, log loss %.4f -> %.4f%n",
                        calibrate, c.path("calibration_rows").asInt(), c.path("evaluation_rows").asInt(), c.path("before").path("ece").asDouble(),
                        c.path("after").path("ece").asDouble(), c.path("before").path("brier").asDouble(), c.path("after").path("brier").asDouble(),
                        c.path("before").path("log_loss").asDouble(), c.path("after").path("log_loss").asDouble());
                if (c.has("model_dir")) {
                    o.println("calibrated model: " + c.path("model_dir").asText());
                }
                if (c.has("model_uri")) {
                    o.println("registered " + c.path("model_uri").asText());
                }
            }
            if (report != null) {
                o.println("report: " + report);
            }
            for (Check.Result c : r.checks()) {
                o.printf(Locale.ROOT, "check %-40s %s (%s)%s%n", c.check().text(), c.passed() ? "passed" : "FAILED",
                        Double.isNaN(c.value()) ? "n/a" : String.format(Locale.ROOT, "%.4f", c.value()), c.note() == null ? "" : ": " + c.note());
            }
        }
        return r.passed() ? ExitCode.OK : ExitCode.FAILURE;
    }
}

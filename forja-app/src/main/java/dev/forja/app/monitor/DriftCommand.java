package dev.forja.app.monitor;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.forja.app.cli.Console;
import dev.forja.app.cli.ExitCode;
import dev.forja.app.cli.OutputOptions;
import dev.forja.app.data.DataArgument;
import dev.forja.app.data.DataSourceOptions;
import dev.forja.app.tracking.LazyTracking;
import dev.forja.app.tracking.ModelUris;
import dev.forja.app.tracking.TrackingOptions;
import dev.forja.core.frame.Column;
import dev.forja.core.frame.ColumnKind;
import dev.forja.core.frame.Frame;
import dev.forja.core.ingest.Dataset;
import dev.forja.learn.model.InputSpec;
import dev.forja.learn.model.Model;
import dev.forja.learn.model.ModelArtifact;
import dev.forja.serve.monitor.MonitorPolicy;
import dev.forja.serve.monitor.drift.DriftHtml;
import dev.forja.serve.monitor.drift.DriftJson;
import dev.forja.serve.monitor.drift.DriftReference;
import dev.forja.serve.monitor.drift.DriftReport;
import dev.forja.serve.monitor.drift.DriftThresholds;
import dev.forja.serve.monitor.drift.DriftWindow;
import dev.forja.serve.monitor.drift.FeatureDrift;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code forja drift REFERENCE CURRENT}: how far current data has moved from a reference, feature by
 * feature and for the model's predictions. REFERENCE is a model (its training-time reference.json) or
 * a dataset (compared raw, with the exact KS test).
 */
@Command(name = "drift", mixinStandardHelpOptions = true, description = {
    "Compare current data with a reference: a model's training statistics (models:/…, runs:/…, a model directory) or a reference dataset.",
    "Per feature: PSI, Kolmogorov-Smirnov, chi-square, Jensen-Shannon, missing, out-of-range and unseen rates, and a severity; the same for",
    "the model's predictions; an overall verdict. Exits 0 unless --fail-on-drift and the verdict is drift."})
public final class DriftCommand implements Callable<Integer> {
    private final Console console;

    @Parameters(index = "0", paramLabel = "REFERENCE", description = "A model URI or directory, or reference data.")
    String reference;

    @Parameters(index = "1", paramLabel = "CURRENT", description = "The current data.")
    String current;

    @Option(names = "--model", paramLabel = "MODEL", description = "With reference data: also compare this model's predictions on both.")
    String model;

    @Option(names = "--exclude", split = ",", paramLabel = "COLUMN", description = "Columns not to compare (e.g. an id).")
    List<String> exclude = new java.util.ArrayList<>();

    @Option(names = "--thresholds", paramLabel = "FILE", description = "YAML: psi: [warn, alert], js, missing, out_of_range, unseen (or the thresholds section of a monitor.yaml).")
    Path thresholds;

    @Option(names = "--report", paramLabel = "FILE", description = "Also write a self-contained HTML report (inline SVG).")
    Path report;

    @Option(names = "--fail-on-drift", description = "Exit 1 when the verdict is drift (for pipelines).")
    boolean failOnDrift;

    @Mixin
    DataSourceOptions data = new DataSourceOptions();

    @Mixin
    TrackingOptions tracking = new TrackingOptions();

    @Mixin
    OutputOptions output = new OutputOptions();

    public DriftCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() {
        DriftThresholds t = thresholds == null ? DriftThresholds.DEFAULT : MonitorPolicy.readThresholds(thresholds);
        DriftReport r;
        try (LazyTracking store = new LazyTracking(tracking)) {
            r = ModelOrData.isModel(reference) ? againstModel(store, t) : againstData(store, t);
        }
        if (report != null) {
            DriftHtml.write(r, reference, current, report);
        }
        if (output.json) {
            ObjectNode doc = DriftJson.of(r);
            doc.put("reference", reference).put("current", current);
            if (report == null) {
                doc.putNull("report");
            } else {
                doc.put("report", report.toString());
            }
            console.printJson(doc);
        } else {
            print(r);
        }
        return failOnDrift && r.verdict().equals("drift") ? ExitCode.FAILURE : ExitCode.OK;
    }

    private DriftReport againstModel(LazyTracking store, DriftThresholds t) {
        if (model != null) {
            console.note("forja: --model is ignored: the reference is already a model");
        }
        Model m = ModelArtifact.read(ModelUris.resolve(reference, store));
        DriftReference ref = DriftReference.of(m);
        Frame frame = DataArgument.read(current, data, console, kindsOf(m)).frame();
        DriftWindow w = ref.newWindow();
        w.addFrame(frame, current);
        w.addPredictions(m.task(), m.predict(frame, current), 0, frame.rowCount());
        return w.report(t);
    }

    private DriftReport againstData(LazyTracking store, DriftThresholds t) {
        Model m = model == null ? null : ModelArtifact.read(ModelUris.resolve(model, store));
        Dataset refData = DataArgument.read(reference, data, console, m == null ? Map.of() : kindsOf(m));
        Map<String, ColumnKind> kinds = new LinkedHashMap<>();
        for (Column c : refData.frame().columns()) {
            kinds.put(c.name(), c.kind());
        }
        Frame cur = DataArgument.read(current, data, console, kinds).frame();
        Set<String> skip = new HashSet<>(exclude);
        DriftReference ref = DriftReference.of(refData.frame(), skip, m, reference);
        DriftWindow w = ref.newWindow();
        w.addFrame(cur, current);
        if (m != null) {
            w.addPredictions(m.task(), m.predict(cur, current), 0, cur.rowCount());
        }
        return w.report(t);
    }

    private static Map<String, ColumnKind> kindsOf(Model m) {
        Map<String, ColumnKind> kinds = new LinkedHashMap<>();
        for (InputSpec s : m.signature().inputs()) {
            kinds.put(s.name(), s.kind());
        }
        return kinds;
    }

    private void print(DriftReport r) {
        var o = console.out();
        o.printf(Locale.ROOT, "%s against %s: %s (%d alert(s), %d warning(s)); %d reference rows, %d current rows%n", current, reference,
                r.verdict().equals("drift") ? "DRIFT" : "no drift", r.alerts(), r.warnings(), r.referenceRows(), r.currentRows());
        o.printf(Locale.ROOT, "  %-24s %-11s %-8s %8s %8s %10s %10s %8s %9s %8s %8s%n", "feature", "kind", "severity", "psi", "ks", "ks p", "chi2 p", "js",
                "missing", "range", "unseen");
        if (r.prediction() != null) {
            line(o, r.prediction());
        }
        r.features().forEach(f -> line(o, f));
        if (!r.skipped().isEmpty()) {
            o.println("not compared: " + String.join(", ", r.skipped()));
        }
        if (report != null) {
            o.println("report: " + report);
        }
    }

    private static void line(java.io.PrintStream o, FeatureDrift f) {
        o.printf(Locale.ROOT, "  %-24s %-11s %-8s %8s %8s %10s %10s %8s %9s %8s %8s%n", shorten(f.name()), f.kind(), f.severity().id(), n(f.psi()),
                n(f.ksStatistic()), p(f.ksPValue()), p(f.chi2PValue()), n(f.jsDistance()),
                Double.isNaN(f.missingRateChange()) ? "-" : String.format(Locale.ROOT, "%+.1f%%", 100 * f.missingRateChange()),
                pct(f.outOfRangeRate()), pct(f.unseenRate()));
    }

    private static String shorten(String s) {
        return s.length() <= 24 ? s : s.substring(0, 23) + "…";
    }

    private static String n(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.3f", v);
    }

    private static String p(double v) {
        return Double.isNaN(v) ? "-" : v < 1e-3 ? String.format(Locale.ROOT, "%.1e", v) : String.format(Locale.ROOT, "%.3f", v);
    }

    private static String pct(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.1f%%", 100 * v);
    }
}

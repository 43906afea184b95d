package dev.forja.bench.monitor;

import dev.forja.core.frame.Column;
import dev.forja.core.frame.Frame;
import dev.forja.core.frame.NumericColumn;
import dev.forja.learn.model.ReferenceStats;
import dev.forja.serve.monitor.drift.DriftReference;
import dev.forja.serve.monitor.drift.DriftReport;
import dev.forja.serve.monitor.drift.DriftThresholds;
import dev.forja.serve.monitor.drift.DriftWindow;
import dev.forja.serve.monitor.drift.FeatureReference;
import dev.forja.serve.monitor.drift.NumericReference;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Drift of F numeric features: N reference rows summarised as a model's reference.json holds them
 * (deciles and percentiles; summarising is training's work and not timed) against N current rows, half
 * of the features shifted. Each of R runs prints the time of the comparison next to two baselines
 * measured in the same run: one pass that only reads every current value (the floor), and the exact
 * two-sample comparison against the raw reference values (what a tool that keeps the training data
 * does: it sorts both samples per feature).
 *
 * <pre>DriftBench ROWS FEATURES RUNS</pre>
 */
public final class DriftBench {
    private DriftBench() {
    }

    public static void main(String[] args) {
        int n = Integer.parseInt(args[0]);
        int features = Integer.parseInt(args[1]);
        int runs = Integer.parseInt(args[2]);
        SplittableRandom r = new SplittableRandom(17);
        List<FeatureReference> summaries = new ArrayList<>();
        List<FeatureReference> raw = new ArrayList<>();
        List<Column> current = new ArrayList<>();
        for (int f = 0; f < features; f++) {
            double[] ref = new double[n];
            double[] cur = new double[n];
            for (int i = 0; i < n; i++) {
                ref[i] = r.nextGaussian();
                cur[i] = r.nextGaussian() + (f % 2 == 0 ? 0.5 : 0);
            }
            String name = "f" + f;
            var bins = ReferenceStats.bins(ref);
            summaries.add(NumericReference.fromSummary(name, bins, 0, n, Double.NaN, Double.NaN));
            raw.add(NumericReference.fromValues(name, ref));
            current.add(NumericColumn.of(name, cur));
        }
        Frame frame = Frame.of(current);
        DriftReference fromSummary = new DriftReference(n, summaries, null, List.of());
        DriftReference fromRaw = new DriftReference(n, raw, null, List.of());
        for (int run = 0; run < runs; run++) {
            long t0 = System.nanoTime();
            double sum = 0;
            for (Column c : current) {
                NumericColumn num = (NumericColumn) c;
                for (int i = 0; i < n; i++) {
                    sum += num.get(i);
                }
            }
            double floor = (System.nanoTime() - t0) / 1e9;
            long t1 = System.nanoTime();
            DriftWindow w = fromSummary.newWindow();
            w.addFrame(frame, "current");
            DriftReport report = w.report(DriftThresholds.DEFAULT);
            double summary = (System.nanoTime() - t1) / 1e9;
            long t2 = System.nanoTime();
            DriftWindow e = fromRaw.newWindow();
            e.addFrame(frame, "current");
            DriftReport exact = e.report(DriftThresholds.DEFAULT);
            double exactSeconds = (System.nanoTime() - t2) / 1e9;
            System.out.printf("run %d: %d features x %d rows against reference.json %.2f s (%d drifted); read-only pass %.2f s; "
                    + "exact two-sample against raw reference %.2f s (%d drifted); checksum %.1f%n", run + 1, features, n, summary, report.alerts()
                    + report.warnings(), floor, exactSeconds, exact.alerts() + exact.warnings(), sum);
        }
    }
}

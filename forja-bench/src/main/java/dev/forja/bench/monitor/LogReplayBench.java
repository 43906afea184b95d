package dev.forja.bench.monitor;

import dev.forja.core.ProgressListener;
import dev.forja.core.frame.Column;
import dev.forja.core.frame.Frame;
import dev.forja.core.frame.NumericColumn;
import dev.forja.core.ingest.DataFormat;
import dev.forja.core.ingest.Dataset;
import dev.forja.core.ingest.ReadReport;
import dev.forja.core.task.Task;
import dev.forja.learn.model.Model;
import dev.forja.learn.train.TrainOptions;
import dev.forja.learn.train.Trainer;
import dev.forja.serve.monitor.LogReplay;
import dev.forja.serve.monitor.WindowResult;
import dev.forja.serve.monitor.drift.DriftThresholds;
import dev.forja.store.Stores;
import dev.forja.store.jdbc.JdbcStore;
import dev.forja.store.predictions.LoggedPrediction;
import dev.forja.store.predictions.PredictionLog;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Per-window drift over a prediction log of REQUESTS x ROWS logged rows (five numeric inputs, a
 * logistic model), spread over ten one-hour windows, in the embedded SQLite store. Writing the log is
 * not timed. Replaying it is, and the peak heap is printed next to the log's size on disk: run with a
 * small -Xmx to see that the log is streamed, not loaded. The baseline in the same run is a scan that
 * only reads every logged request from the database.
 *
 * <pre>LogReplayBench DIR REQUESTS ROWS_PER_REQUEST</pre>
 */
public final class LogReplayBench {
    private static final int FEATURES = 5;

    private LogReplayBench() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int requests = Integer.parseInt(args[1]);
        int perRequest = Integer.parseInt(args[2]);
        Files.createDirectories(dir);
        SplittableRandom r = new SplittableRandom(5);
        Model model = train(r);
        long hour = 3_600_000L;
        long start = 1_700_000_000_000L / hour * hour;
        try (JdbcStore store = (JdbcStore) Stores.embedded(dir)) {
            PredictionLog log = store.predictionLog();
            if (log.firstTimestamp("bench") < 0) {
                List<LoggedPrediction> batch = new ArrayList<>();
                for (int q = 0; q < requests; q++) {
                    StringBuilder body = new StringBuilder(perRequest * 90).append("{\"instances\": [");
                    double shift = q >= requests / 2 ? 0.5 : 0;
                    for (int i = 0; i < perRequest; i++) {
                        body.append(i > 0 ? ", " : "").append('{');
                        for (int f = 0; f < FEATURES; f++) {
                            body.append(f > 0 ? ", " : "").append("\"x").append(f).append("\": ")
                                    .append(String.format(Locale.ROOT, "%.4f", r.nextGaussian() + shift));
                        }
                        body.append('}');
                    }
                    long t = start + (long) ((double) q / requests * 10 * hour);
                    batch.add(new LoggedPrediction("q" + q, "bench", "1", "v1", t, 100, perRequest, body.append("]}").toString(), "{}"));
                    if (batch.size() == 1000) {
                        log.append(batch);
                        batch.clear();
                        System.err.printf("\rwriting the log: %d / %d requests", q + 1, requests);
                    }
                }
                log.append(batch);
                System.err.println();
            }
            long size = Files.size(dir.resolve(Stores.EMBEDDED_FILE));
            for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
                p.resetPeakUsage();
            }
            long t0 = System.nanoTime();
            long[] read = new long[1];
            log.scan("bench", start, start + 10 * hour, p -> read[0] += p.request().length());
            double scan = (System.nanoTime() - t0) / 1e9;
            long t1 = System.nanoTime();
            List<WindowResult> windows = new LogReplay(log, "bench", model, DriftThresholds.DEFAULT).run(start, start + 10 * hour, hour, null);
            double replay = (System.nanoTime() - t1) / 1e9;
            long peak = 0;
            for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
                if (p.getType() == MemoryType.HEAP) {
                    peak += p.getPeakUsage().getUsed();
                }
            }
            long rows = windows.stream().mapToLong(WindowResult::rows).sum();
            System.out.printf("%d logged rows (%d requests, %.0f MB on disk) in %d windows: replayed in %.1f s (%.2f M rows/s); "
                    + "database scan alone %.1f s; peak heap %.0f MB of -Xmx %.0f MB; drift in windows %s%n", rows, requests, size / 1e6, windows.size(),
                    replay, rows / replay / 1e6, scan, peak / 1e6, Runtime.getRuntime().maxMemory() / 1e6,
                    windows.stream().map(w -> w.drift().verdict().equals("drift") ? "D" : ".").reduce("", String::concat));
        }
    }

    /** A logistic model on five gaussian inputs: training rows are not the point here, so a small model. */
    private static Model train(SplittableRandom r) {
        int n = 5_000;
        List<Column> cols = new ArrayList<>();
        double[][] x = new double[FEATURES][n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int f = 0; f < FEATURES; f++) {
                x[f][i] = r.nextGaussian();
                s += x[f][i] * (f + 1) / FEATURES;
            }
            y[i] = s + r.nextGaussian() > 0 ? 1 : 0;
        }
        for (int f = 0; f < FEATURES; f++) {
            cols.add(NumericColumn.of("x" + f, x[f]));
        }
        cols.add(NumericColumn.of("y", y));
        Dataset data = new Dataset("bench", DataFormat.CSV, Frame.of(cols), ReadReport.clean(n));
        return Trainer.train(data, new TrainOptions("y", new Task.Overrides(dev.forja.core.task.TaskKind.BINARY, null, null, null), "logistic",
                Map.of(), 0.2, 0, 0, null, null, null, 1, null, false), ProgressListener.NONE).model();
    }
}

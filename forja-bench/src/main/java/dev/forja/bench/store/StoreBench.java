package dev.forja.bench.store;

import dev.forja.store.Store;
import dev.forja.store.Stores;
import dev.forja.store.tracking.Metric;
import dev.forja.store.tracking.NewRun;
import dev.forja.store.tracking.Run;
import dev.forja.store.tracking.RunSearch;
import dev.forja.store.tracking.RunStatus;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The in-process side of the store benchmark (bench-store.sh): seeds a store with many runs for the
 * search benchmark, and measures log-batch straight into the store, the ceiling the REST API is
 * compared against in the same run.
 *
 * <pre>
 * StoreBench seed HOME N          N finished runs in experiment "bench" (seeded metrics and params)
 * StoreBench log-batch HOME SECS  1,000-point batches into one run for SECS seconds; prints points/s
 * StoreBench search HOME REPEATS  the benchmark search in process; prints the median milliseconds
 * </pre>
 */
public final class StoreBench {
    static final String FILTER = "metrics.auc > 0.9 and params.model = 'xgboost'";
    static final String ORDER = "metrics.auc DESC";

    private StoreBench() {
    }

    public static void main(String[] args) {
        Path home = Path.of(args[1]);
        try (Store store = Stores.embedded(home)) {
            switch (args[0]) {
                case "seed" -> seed(store, Integer.parseInt(args[2]));
                case "log-batch" -> logBatch(store, Integer.parseInt(args[2]));
                case "search" -> search(store, Integer.parseInt(args[2]));
                default -> throw new IllegalArgumentException("unknown mode " + args[0]);
            }
        }
    }

    private static void seed(Store store, int n) {
        String experiment = store.experimentIdFor("bench");
        Random random = new Random(42);
        String[] models = {"xgboost", "forest", "logistic", "tree"};
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            long t = 1_700_000_000_000L + i * 1000L;
            List<Metric> metrics = List.of(new Metric("auc", 0.5 + 0.5 * random.nextDouble(), t, 0),
                    new Metric("accuracy", 0.5 + 0.5 * random.nextDouble(), t, 0), new Metric("log_loss", random.nextDouble(), t, 0));
            Map<String, String> params = Map.of("model", models[random.nextInt(models.length)], "max_depth",
                    Integer.toString(2 + random.nextInt(8)), "seed", Integer.toString(i));
            store.recordRun(new NewRun(null, experiment, null, "bench", t, Map.of("team", i % 2 == 0 ? "growth" : "risk")), params,
                    metrics, List.of(), RunStatus.FINISHED, t + 500);
            if ((i + 1) % 10_000 == 0) {
                System.err.printf("seeded %d runs (%.0f runs/s)%n", i + 1, (i + 1) / ((System.nanoTime() - start) / 1e9));
            }
        }
        System.out.println(experiment);
    }

    private static void logBatch(Store store, int seconds) {
        Run run = store.createRun(new NewRun(null, "0", "log-batch-bench", "bench", System.currentTimeMillis(), Map.of()));
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        long points = 0;
        long batches = 0;
        long start = System.nanoTime();
        while (System.nanoTime() < deadline) {
            // The same points as forja-bench/store/log-batch.lua sends: ten metrics, steps increasing.
            List<Metric> batch = new ArrayList<>(1000);
            for (int k = 0; k < 1000; k++) {
                long step = batches * 100 + k / 10;
                batch.add(new Metric("loss_" + (k % 10), 1.0 / (step + 1), 1_700_000_000_000L + step, step));
            }
            batches++;
            store.logBatch(run.id(), batch, Map.of(), Map.of());
            points += batch.size();
        }
        System.out.printf("%.0f%n", points / ((System.nanoTime() - start) / 1e9));
    }

    private static void search(Store store, int repeats) {
        String experiment = store.findExperimentByName("bench").orElseThrow().id();
        RunSearch search = new RunSearch(List.of(experiment), FILTER, null, 100, List.of(ORDER), null);
        double[] ms = new double[repeats];
        for (int i = 0; i < repeats; i++) {
            long t = System.nanoTime();
            store.searchRuns(search);
            ms[i] = (System.nanoTime() - t) / 1e6;
        }
        java.util.Arrays.sort(ms);
        System.out.printf("%.1f%n", ms[repeats / 2]);
    }
}

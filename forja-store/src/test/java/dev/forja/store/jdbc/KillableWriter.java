package dev.forja.store.jdbc;

import dev.forja.store.Store;
import dev.forja.store.Stores;
import dev.forja.store.tracking.Metric;
import dev.forja.store.tracking.NewRun;
import dev.forja.store.tracking.Run;
import dev.forja.store.tracking.RunStatus;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A process that logs to a store as fast as it can until it is killed: whole runs in one step, runs
 * logged batch by batch, and model versions. {@link KillMidWriteTest} kills it at a random moment and
 * checks that the store holds only whole writes.
 */
public final class KillableWriter {
    static final int RECORDED_PARAMS = 20;
    static final int RECORDED_METRICS = 500;
    static final int BATCH = 200;

    private KillableWriter() {
    }

    public static void main(String[] args) {
        try (Store store = Stores.embedded(Path.of(args[0]))) {
            for (long i = 0; ; i++) {
                Map<String, String> params = new HashMap<>();
                for (int p = 0; p < RECORDED_PARAMS; p++) {
                    params.put("p" + p, Long.toString(i));
                }
                List<Metric> metrics = new ArrayList<>();
                for (int m = 0; m < RECORDED_METRICS; m++) {
                    metrics.add(new Metric("m" + (m % 10), m, m, m / 10));
                }
                store.recordRun(new NewRun(null, "0", null, "writer", System.currentTimeMillis(), Map.of("kind", "recorded")), params,
                        metrics, List.of(), RunStatus.FINISHED, System.currentTimeMillis());

                Run run = store.createRun(new NewRun(null, "0", null, "writer", System.currentTimeMillis(), Map.of("kind", "batched")));
                for (int b = 0; b < 5; b++) {
                    List<Metric> batch = new ArrayList<>();
                    for (int k = 0; k < BATCH; k++) {
                        batch.add(new Metric("loss", 1.0 / (1 + b * BATCH + k), k, b * BATCH + k));
                    }
                    store.logBatch(run.id(), batch, Map.of(), Map.of());
                }
                store.updateRun(run.id(), RunStatus.FINISHED, System.currentTimeMillis(), null);
                store.registerModel("writer-model", "runs:/" + run.id() + "/model", run.id(), Map.of("i", Long.toString(i)));
                System.out.println("tick " + i);
                System.out.flush();
            }
        }
    }
}

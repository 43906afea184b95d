package dev.forja.app.tracking;

import dev.forja.store.tracking.Metric;
import dev.forja.store.tracking.NewRun;
import dev.forja.store.tracking.RunStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Runs logged as children of another (MLflow's {@code mlflow.parentRunId} tag): the trials of a search
 * or the candidates of an AutoML leaderboard under the run of the model that was chosen.
 */
public final class NestedRuns {
    /** One child run: its name, params, tags (the parent's id is added), metrics and final status. */
    public record Child(String name, Map<String, String> params, Map<String, String> tags, List<Metric> metrics, RunStatus status) {
    }

    private NestedRuns() {
    }

    /** Records the children in {@code experiment} under {@code parentRunId} (none when null); their run ids in order. */
    public static List<String> record(TrackingOptions options, String experiment, String parentRunId, List<Child> children) {
        List<String> ids = new ArrayList<>();
        try (LazyTracking lazy = new LazyTracking(options)) {
            boolean remote = lazy.get().remote();
            var store = lazy.get().store();
            String experimentId = store.experimentIdFor(experiment);
            long now = System.currentTimeMillis();
            for (Child c : children) {
                Map<String, String> tags = new LinkedHashMap<>();
                if (parentRunId != null) {
                    tags.put("mlflow.parentRunId", parentRunId);
                }
                tags.putAll(c.tags());
                // a tracking server chooses run ids itself; a database store takes ours
                String id = remote ? null : UUID.randomUUID().toString().replace("-", "");
                ids.add(store.recordRun(new NewRun(id, experimentId, c.name(), System.getProperty("user.name", ""), now, tags), c.params(), c.metrics(),
                        List.of(), c.status(), now).id());
            }
        }
        return ids;
    }
}

package dev.forja.store.tracking;

import java.util.List;
import java.util.Map;

/** A run with everything logged to it: params, the latest point of each metric, tags and dataset inputs. */
public record Run(RunInfo info, Map<String, String> params, Map<String, Metric> metrics, Map<String, String> tags,
                  List<DatasetInput> inputs) {
    public Run {
        params = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(params));
        metrics = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(metrics));
        tags = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(tags));
        inputs = List.copyOf(inputs);
    }

    public String id() {
        return info.runId();
    }
}

package dev.forja.learn.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where a model came from, recorded on every model (as Tribuo does): the data (source, fingerprint,
 * rows), how it was split, the learner, every parameter value including defaults, the seed, and the
 * versions of Forja, Java and the libraries that did the fitting. No wall-clock time: the same data,
 * parameters and seed must give byte-identical model files; when a model was trained is recorded by
 * tracking, next to the run.
 *
 * @param runId null until the model is logged to a tracking store
 */
public record Provenance(String runId, String dataSource, String dataFingerprint, int trainingRows, String split,
                         String learner, Map<String, String> params, long seed, Map<String, String> versions) {
    public Provenance {
        params = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(params));
        versions = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(versions));
    }

    public ObjectNode toJson() {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        if (runId != null) {
            n.put("run_id", runId);
        }
        ObjectNode data = n.putObject("data");
        data.put("source", dataSource);
        data.put("fingerprint", dataFingerprint);
        data.put("training_rows", trainingRows);
        n.put("split", split);
        n.put("learner", learner);
        ObjectNode p = n.putObject("params");
        params.forEach(p::put);
        n.put("seed", seed);
        ObjectNode v = n.putObject("versions");
        versions.forEach(v::put);
        return n;
    }

    public static Provenance fromJson(JsonNode n) {
        Map<String, String> params = new LinkedHashMap<>();
        n.path("params").fields().forEachRemaining(e -> params.put(e.getKey(), e.getValue().asText()));
        Map<String, String> versions = new LinkedHashMap<>();
        n.path("versions").fields().forEachRemaining(e -> versions.put(e.getKey(), e.getValue().asText()));
        return new Provenance(n.hasNonNull("run_id") ? n.path("run_id").asText() : null, n.path("data").path("source").asText(),
                n.path("data").path("fingerprint").asText(), n.path("data").path("training_rows").asInt(), n.path("split").asText(),
                n.path("learner").asText(), params, n.path("seed").asLong(), versions);
    }

    /** Versions every model records: Forja's (from the build) and the Java runtime's. */
    public static Map<String, String> runtimeVersions() {
        Map<String, String> v = new LinkedHashMap<>();
        Package p = Provenance.class.getPackage();
        v.put("forja", p != null && p.getImplementationVersion() != null ? p.getImplementationVersion() : "development");
        v.put("java", System.getProperty("java.specification.version"));
        return v;
    }
}

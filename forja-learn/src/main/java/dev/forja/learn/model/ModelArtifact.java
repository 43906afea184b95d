package dev.forja.learn.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.forja.core.ForjaException;
import dev.forja.core.task.Task;
import dev.forja.learn.calibrate.CalibratedPredictor;
import dev.forja.learn.features.FeaturePipeline;
import dev.forja.learn.learners.Learner;
import dev.forja.learn.learners.Learners;
import dev.forja.learn.learners.Predictor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The model directory of DESIGN.md §5: {@code forja-model.json} (manifest: format, task, signature,
 * fitted pipeline, predictor description, metrics, provenance), {@code predictor/} (the predictor's
 * files), {@code reference.json} (drift baseline) and {@code card.md}. Plain JSON and binary arrays
 * only; reading a model never runs code chosen by the file (the learner is looked up in a fixed table).
 */
public final class ModelArtifact {
    public static final String MANIFEST = "forja-model.json";
    public static final int FORMAT_VERSION = 1;
    /** A decision tree's if/then rules, written next to the manifest for people to read. */
    public static final String RULES = "rules.txt";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ModelArtifact() {
    }

    /** Writes {@code model} into {@code dir} (created; an existing model there is replaced). */
    public static void write(Model model, Path dir) {
        try {
            Files.createDirectories(dir);
            Path predictorDir = dir.resolve("predictor");
            if (Files.exists(predictorDir)) {
                try (var files = Files.walk(predictorDir)) {
                    files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
            Files.createDirectories(predictorDir);
            ObjectNode saved = model.predictor().save(predictorDir);
            ObjectNode manifest = JsonNodeFactory.instance.objectNode();
            manifest.put("format", "forja-model");
            manifest.put("format_version", FORMAT_VERSION);
            manifest.set("task", model.task().toJson());
            manifest.set("signature", model.signature().toJson());
            manifest.set("pipeline", model.pipeline().toJson());
            ObjectNode predictor = manifest.putObject("predictor");
            predictor.put("learner", model.learner());
            predictor.put("outputs", model.predictor().outputs());
            predictor.set("saved", saved);
            if (model.predictor() instanceof CalibratedPredictor calibrated) {
                // the wrapped predictor's files as they were, and the calibration map beside them
                predictor.set("calibration", calibrated.calibrationJson());
            }
            ObjectNode metrics = manifest.putObject("metrics");
            metrics.set("test", numbers(model.metrics()));
            metrics.set("baseline", numbers(model.baselineMetrics()));
            manifest.set("provenance", model.provenance().toJson());
            Files.writeString(dir.resolve(MANIFEST), JSON.writeValueAsString(manifest) + "\n", StandardCharsets.UTF_8);
            Files.writeString(dir.resolve("reference.json"), JSON.writeValueAsString(model.reference()) + "\n", StandardCharsets.UTF_8);
            Files.writeString(dir.resolve("card.md"), ModelCard.render(model), StandardCharsets.UTF_8);
            Files.deleteIfExists(dir.resolve(RULES));
            if (model.predictor() instanceof dev.forja.learn.tree.DecisionTreePredictor tree) {
                // a single tree reads as if/then rules: the readable export the issue asks for
                Files.writeString(dir.resolve(RULES), tree.rules(model.pipeline().featureNames(), model.task().classes()), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new ForjaException("cannot write the model to " + dir + ": " + e.getMessage(), "check that the directory is writable", e);
        }
    }

    private static ObjectNode numbers(Map<String, Double> m) {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        m.forEach((k, v) -> {
            if (v == null || v.isNaN() || v.isInfinite()) {
                n.putNull(k);
            } else {
                n.put(k, v);
            }
        });
        return n;
    }

    /** Reads a model directory (or its manifest file). */
    public static Model read(Path path) {
        Path dir = Files.isDirectory(path) ? path : path.getParent();
        Path manifestFile = dir.resolve(MANIFEST);
        if (!Files.exists(manifestFile)) {
            throw new ForjaException(path + " is not a Forja model: no " + MANIFEST + " in it", "give the directory that forja train --out wrote");
        }
        JsonNode m;
        try {
            m = JSON.readTree(Files.readAllBytes(manifestFile));
        } catch (IOException e) {
            throw new ForjaException("cannot read " + manifestFile + ": " + e.getMessage(), "the model directory is damaged; train it again", e);
        }
        if (!"forja-model".equals(m.path("format").asText())) {
            throw new ForjaException(manifestFile + " is not a Forja model manifest", "give the directory that forja train --out wrote");
        }
        int version = m.path("format_version").asInt();
        if (version != FORMAT_VERSION) {
            throw new ForjaException(manifestFile + " has model format " + version + "; this Forja reads format " + FORMAT_VERSION,
                    "use the Forja version that wrote it, or train the model again");
        }
        try {
            Task task = Task.fromJson(m.path("task"));
            Signature signature = Signature.fromJson(m.path("signature"));
            FeaturePipeline pipeline = FeaturePipeline.fromJson(m.path("pipeline"));
            Learner learner = Learners.get(m.path("predictor").path("learner").asText());
            ObjectNode saved = (ObjectNode) m.path("predictor").path("saved");
            Predictor predictor = learner.load(saved, dir.resolve("predictor"));
            JsonNode calibration = m.path("predictor").path("calibration");
            if (calibration.isObject()) {
                predictor = CalibratedPredictor.fromJson(predictor, calibration);
            }
            Provenance provenance = Provenance.fromJson(m.path("provenance"));
            ObjectNode reference = Files.exists(dir.resolve("reference.json"))
                    ? (ObjectNode) JSON.readTree(Files.readAllBytes(dir.resolve("reference.json"))) : JsonNodeFactory.instance.objectNode();
            return new Model(task, signature, pipeline, learner.id(), saved, predictor, metricsOf(m.path("metrics").path("test")),
                    metricsOf(m.path("metrics").path("baseline")), provenance, reference);
        } catch (IOException e) {
            throw new ForjaException("cannot read the model in " + dir + ": " + e.getMessage(), "the model directory is damaged; train it again", e);
        }
    }

    private static Map<String, Double> metricsOf(JsonNode n) {
        Map<String, Double> m = new LinkedHashMap<>();
        n.fields().forEachRemaining(e -> m.put(e.getKey(), e.getValue().isNull() ? Double.NaN : e.getValue().asDouble()));
        return m;
    }
}

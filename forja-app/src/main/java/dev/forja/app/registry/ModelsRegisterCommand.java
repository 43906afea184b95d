package dev.forja.app.registry;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.forja.app.cli.Console;
import dev.forja.app.cli.ExitCode;
import dev.forja.app.cli.OutputOptions;
import dev.forja.app.tracking.ModelUris;
import dev.forja.app.tracking.Tracking;
import dev.forja.app.tracking.TrackingOptions;
import dev.forja.core.ForjaException;
import dev.forja.learn.model.ModelArtifact;
import dev.forja.store.StoreException;
import dev.forja.store.registry.ModelVersion;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code forja models register MODEL_URI NAME}: a new version of NAME (created if new). A run URI keeps
 * the lineage to the run; a registered version's URI registers the same artifact again under NAME; a
 * plain directory is recorded by its absolute path, and linked to its run when the model names one
 * this store knows.
 */
@Command(name = "register", mixinStandardHelpOptions = true, description = "Register a model as a new version of NAME.")
public final class ModelsRegisterCommand implements Callable<Integer> {
    private final Console console;

    @Parameters(index = "0", paramLabel = "MODEL_URI", description = "runs:/<run>/model, models:/<name>/<version>, models:/<name>@<alias>, or a directory.")
    String modelUri;

    @Parameters(index = "1", paramLabel = "NAME", description = "The registered model to add a version to.")
    String name;

    @Mixin
    TrackingOptions tracking = new TrackingOptions();

    @Mixin
    OutputOptions output = new OutputOptions();

    public ModelsRegisterCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() {
        ModelVersion version;
        try (Tracking t = tracking.open()) {
            String source;
            String runId = null;
            if (modelUri.startsWith("runs:/")) {
                source = modelUri;
                runId = modelUri.substring("runs:/".length()).split("/", 2)[0];
                ModelUris.resolve(modelUri, () -> t); // the run and its model must exist
            } else if (modelUri.startsWith("models:/")) {
                ModelVersion from = ModelUris.version(modelUri, t);
                source = from.source();
                runId = from.runId();
            } else {
                Path dir = Path.of(modelUri).toAbsolutePath().normalize();
                if (!Files.isDirectory(dir)) {
                    throw new ForjaException("model '" + modelUri + "' is not a directory",
                            "give a directory written by forja train, or runs:/<run>/model");
                }
                String logged = ModelArtifact.read(dir).provenance().runId();
                runId = logged != null && runExists(t, logged) ? logged : null;
                source = dir.toString();
                console.note("forja: note: version source is the path " + source + "; it resolves on this machine only. "
                        + "Register runs:/<run>/model to share it through a server.");
            }
            version = t.store().registerModel(name, source, runId, Map.of());
        }
        if (output.json) {
            ObjectNode doc = JsonNodeFactory.instance.objectNode();
            doc.put("name", version.name());
            doc.put("version", version.version());
            doc.put("source", version.source());
            if (version.runId() != null) {
                doc.put("run_id", version.runId());
            } else {
                doc.putNull("run_id");
            }
            doc.put("model_uri", "models:/" + version.name() + "/" + version.version());
            console.printJson(doc);
        } else {
            console.out().println("registered models:/" + version.name() + "/" + version.version() + " from " + version.source());
        }
        return ExitCode.OK;
    }

    private static boolean runExists(Tracking t, String runId) {
        try {
            t.store().getRun(runId);
            return true;
        } catch (StoreException e) {
            return false;
        }
    }
}

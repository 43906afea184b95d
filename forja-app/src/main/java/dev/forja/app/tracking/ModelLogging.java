package dev.forja.app.tracking;

import dev.forja.learn.model.Model;
import dev.forja.learn.model.ModelArtifact;
import dev.forja.store.tracking.Run;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/**
 * Logs a run that holds a model as its {@code model} artifact, so that a run in the store always has
 * its model. On a database store the model is put in place first and the run committed after, in one
 * transaction (a crash in between leaves only an unreferenced directory); a tracking server chooses
 * the run id itself, so there the run is logged first and the model, which records the id, uploaded
 * after.
 */
public final class ModelLogging {
    public static final String MODEL_PATH = "model";

    private ModelLogging() {
    }

    /** Records the run; {@code runId} is the id to use, or null when the store chooses it. */
    @FunctionalInterface
    public interface RunRecorder {
        Run record(String runId);
    }

    /** The logged run and where its model is. */
    public record Logged(Run run, String modelUri) {
    }

    /** @param alsoWriteTo a directory that gets a copy of the model, or null */
    public static Logged log(Tracking t, String experimentId, Model model, Path alsoWriteTo, RunRecorder recorder) {
        if (t.remote()) {
            Run run = recorder.record(null);
            String uri = run.info().artifactUri() + "/" + MODEL_PATH;
            put(t, model.withRunId(run.id()), uri, alsoWriteTo);
            return new Logged(run, uri);
        }
        String runId = UUID.randomUUID().toString().replace("-", "");
        String uri = t.store().getExperiment(experimentId).artifactLocation() + "/" + runId + "/artifacts/" + MODEL_PATH;
        put(t, model.withRunId(runId), uri, alsoWriteTo);
        return new Logged(recorder.record(runId), uri);
    }

    private static void put(Tracking t, Model model, String uri, Path alsoWriteTo) {
        Path staging = t.artifacts().staging();
        Path staged = staging.resolve(MODEL_PATH);
        ModelArtifact.write(model, staged);
        if (alsoWriteTo != null) {
            ModelArtifact.write(model, alsoWriteTo);
        }
        t.artifacts().put(staged, uri);
        try {
            Files.deleteIfExists(staging);
        } catch (IOException e) {
            // an empty staging directory left behind is harmless
        }
    }
}

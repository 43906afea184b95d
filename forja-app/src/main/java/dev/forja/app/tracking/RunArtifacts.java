package dev.forja.app.tracking;

import java.nio.file.Path;

/**
 * Run artifacts by URI ({@code mlflow-artifacts:/<experiment>/<run>/artifacts/model}): on this machine's
 * artifact root, or on a tracking server.
 */
public interface RunArtifacts {
    /** Moves or uploads a finished local directory to the URI; the directory is consumed. */
    void put(Path localDir, String artifactUri);

    /** A local directory with the URI's files: the place itself when local, a downloaded copy when remote. */
    Path fetch(String artifactUri);

    /** A scratch directory on the same file system as the artifacts, for writing before {@link #put}. */
    Path staging();

    static RunArtifacts local(Path root) {
        return new LocalRunArtifacts(root);
    }
}

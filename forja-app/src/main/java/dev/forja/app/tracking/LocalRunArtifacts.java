package dev.forja.app.tracking;

import dev.forja.core.ForjaException;
import dev.forja.store.artifacts.LocalArtifactStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Artifacts under a local root ({@code FORJA_HOME/artifacts}). A directory is renamed into place, so a
 * reader sees a run's model whole or not at all.
 */
final class LocalRunArtifacts implements RunArtifacts {
    private final LocalArtifactStore store;
    private final Path root;

    LocalRunArtifacts(Path root) {
        this.root = root;
        this.store = new LocalArtifactStore(root);
    }

    @Override
    public void put(Path localDir, String artifactUri) {
        Path target = store.resolveUri(artifactUri);
        try {
            Files.createDirectories(target.getParent());
            Files.move(localDir, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new ForjaException("cannot move " + localDir + " to " + target + ": " + e.getMessage(),
                    "check that " + root + " is writable and on one file system");
        }
    }

    @Override
    public Path fetch(String artifactUri) {
        Path dir = store.resolveUri(artifactUri);
        if (!Files.exists(dir)) {
            throw new ForjaException(artifactUri + " is not in the artifact root " + root + " (looked for " + dir + ")",
                    "point FORJA_HOME at the directory the run was logged in, or use --tracking-uri http://… for a server");
        }
        return dir;
    }

    @Override
    public Path staging() {
        try {
            Path tmp = root.resolve(".staging");
            Files.createDirectories(tmp);
            return Files.createTempDirectory(tmp, "put-");
        } catch (IOException e) {
            throw new ForjaException("cannot create a staging directory under " + root + ": " + e.getMessage(),
                    "check that FORJA_HOME is writable");
        }
    }
}

package dev.forja.app.monitor;

import dev.forja.app.tracking.ModelUris;
import dev.forja.learn.model.ModelArtifact;
import java.nio.file.Files;
import java.nio.file.Path;

/** Whether a command-line argument names a model (a URI, or a directory holding a model) or a data source. */
final class ModelOrData {
    private ModelOrData() {
    }

    static boolean isModel(String argument) {
        if (ModelUris.needsStore(argument)) {
            return true;
        }
        try {
            Path p = Path.of(argument);
            return Files.isDirectory(p) && Files.exists(p.resolve(ModelArtifact.MANIFEST));
        } catch (java.nio.file.InvalidPathException e) {
            return false;
        }
    }
}

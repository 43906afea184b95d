package dev.forja.app;

import dev.forja.core.ForjaException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where Forja keeps its state (tracking store, artifacts, reports): {@code FORJA_HOME}, or {@code ./.forja}
 * in the current directory so that a project's runs live next to the project.
 */
public final class ForjaHome {
    public static final String ENV = "FORJA_HOME";

    private final Path root;

    private ForjaHome(Path root) {
        this.root = root;
    }

    public static ForjaHome fromEnvironment() {
        // The system property lets in-process tests (and embedders) point Forja elsewhere without an environment.
        String property = System.getProperty("forja.home");
        if (property != null && !property.isBlank()) {
            return new ForjaHome(Path.of(property));
        }
        String env = System.getenv(ENV);
        return new ForjaHome(Path.of(env == null || env.isBlank() ? ".forja" : env));
    }

    public static ForjaHome at(Path root) {
        return new ForjaHome(root);
    }

    public Path root() {
        return root;
    }

    /** A sub-directory, created on demand. */
    public Path directory(String name) {
        Path dir = root.resolve(name);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new ForjaException("cannot create " + dir + ": " + e.getMessage(),
                    "set " + ENV + " to a writable directory");
        }
        return dir;
    }
}

package dev.forja.app;

import java.nio.file.Path;

/**
 * Points in-process CLI runs at a test's own FORJA_HOME (through the {@code forja.home} property) and
 * restores the previous one afterwards.
 */
public final class TemporaryForjaHome implements AutoCloseable {
    private final String previous;

    public TemporaryForjaHome(Path home) {
        previous = System.getProperty("forja.home");
        use(home);
    }

    public void use(Path home) {
        System.setProperty("forja.home", home.toString());
    }

    @Override
    public void close() {
        if (previous == null) {
            System.clearProperty("forja.home");
        } else {
            System.setProperty("forja.home", previous);
        }
    }
}

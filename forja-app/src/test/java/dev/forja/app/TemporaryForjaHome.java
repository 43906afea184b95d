package dev.forja.app;

import java.nio.file.Path;

/**
 * Points in-process CLI runs at a test's own FORJA_HOME (through the {@code forja.home} property) and
 * restores the previous one afterwards.
 */
final class TemporaryForjaHome implements AutoCloseable {
    private final String previous;

    TemporaryForjaHome(Path home) {
        previous = System.getProperty("forja.home");
        use(home);
    }

    void use(Path home) {
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

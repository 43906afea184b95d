package dev.forja.app.tracking;

import dev.forja.store.Store;

/**
 * An open store and where its runs' artifacts live: what a command needs to log or find runs and models.
 *
 * @param remote true for a tracking server, which chooses run ids itself and takes several calls to log a run
 */
public record Tracking(Store store, RunArtifacts artifacts, boolean remote) implements AutoCloseable {
    @Override
    public void close() {
        store.close();
    }
}

package dev.forja.store;

import dev.forja.store.registry.ModelRegistry;
import dev.forja.store.tracking.TrackingStore;

/**
 * Tracking and registry behind one handle: the embedded SQLite database, a PostgreSQL database, or a
 * remote Forja / MLflow server.
 */
public interface Store extends TrackingStore, ModelRegistry, AutoCloseable {
    /** Where this store lives, for messages ("sqlite .forja/forja.db", "http://host:5000"). */
    String describe();

    @Override
    void close();
}

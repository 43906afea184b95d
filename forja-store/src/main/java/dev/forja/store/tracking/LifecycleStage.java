package dev.forja.store.tracking;

import java.util.Locale;

/** Whether an experiment or run is live or soft-deleted (restorable), as MLflow names it. */
public enum LifecycleStage {
    ACTIVE, DELETED;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static LifecycleStage of(String id) {
        return valueOf(id.toUpperCase(Locale.ROOT));
    }
}

package dev.forja.store.tracking;

import dev.forja.store.StoreException;
import java.util.Locale;

/** A run's state, with MLflow's names. */
public enum RunStatus {
    RUNNING, SCHEDULED, FINISHED, FAILED, KILLED;

    public boolean terminal() {
        return this == FINISHED || this == FAILED || this == KILLED;
    }

    public static RunStatus parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw StoreException.invalid("run status '" + text + "' is not one of RUNNING, SCHEDULED, FINISHED, FAILED, KILLED");
        }
    }
}

package dev.forja.core;

/**
 * Receives progress of long work (reading, profiling, training). Implementations must be cheap:
 * callers report at most a few hundred times per task.
 */
@FunctionalInterface
public interface ProgressListener {
    ProgressListener NONE = (stage, done, total) -> { };

    /**
     * @param stage what is being done, e.g. {@code "reading titanic.csv"}
     * @param done  units done so far (bytes, rows, trees...)
     * @param total units in all, or {@code -1} when unknown
     */
    void update(String stage, long done, long total);
}

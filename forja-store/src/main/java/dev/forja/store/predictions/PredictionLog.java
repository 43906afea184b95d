package dev.forja.store.predictions;

import java.util.List;

/** Where served predictions and their late labels are kept, for monitoring. */
public interface PredictionLog {
    /** Appends answered requests, all or none. */
    void append(List<LoggedPrediction> predictions);

    /**
     * Stores late labels, all or none; a label for a request that was never logged, or for a row it did
     * not have, is refused naming it.
     */
    void feedback(List<Feedback> feedback);

    /** The logged requests of a model between two times (epoch ms, inclusive start, exclusive end), oldest first. */
    List<LoggedPrediction> predictions(String model, long from, long until);

    /** The late labels for the model's requests in that window. */
    List<Feedback> feedbackFor(String model, long from, long until);

    /**
     * The logged requests of a model between two times, oldest first, handed over one at a time from a
     * database cursor: a log of millions of requests is read in constant memory.
     */
    void scan(String model, long from, long until, java.util.function.Consumer<LoggedPrediction> each);

    /** The time of the model's oldest logged request, or -1 when it has none. */
    long firstTimestamp(String model);

    /**
     * Records an alert; a second alert for the same model, rule and window start is ignored (monitoring
     * that runs again over the same windows does not repeat itself).
     *
     * @return whether it was new
     */
    boolean alert(MonitorAlert alert);

    /** The model's alerts whose window starts at or after {@code since}, oldest first. */
    List<MonitorAlert> alerts(String model, long since);
}

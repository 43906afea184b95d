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
}

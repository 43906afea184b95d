package dev.forja.learn.calibrate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.forja.core.ForjaException;

/**
 * A monotone map from a model's probability for one class to a calibrated probability, fitted on
 * labelled rows the model was not trained on. Stored as plain numbers in the model manifest.
 */
public sealed interface Calibrator permits PlattScaling, IsotonicCalibration {
    /** The calibrated probability for an uncalibrated one. Allocation-free: it runs per served row. */
    double apply(double probability);

    /** The method's name on the command line. */
    String method();

    ObjectNode toJson();

    /**
     * Fits {@code method} ({@code platt} or {@code isotonic}) on probabilities and 0/1 outcomes.
     *
     * @throws ForjaException for an unknown method, or when the rows hold a single outcome
     */
    static Calibrator fit(String method, double[] probability, double[] outcome) {
        int positives = 0;
        for (double o : outcome) {
            positives += o == 1 ? 1 : 0;
        }
        if (positives == 0 || positives == outcome.length) {
            throw new ForjaException("the calibration rows hold only " + (positives == 0 ? "negatives" : "positives") + " for a class",
                    "calibrate on more rows, or a larger --calibration-fraction, so every class appears");
        }
        return switch (method) {
            case "platt" -> PlattScaling.fit(probability, outcome);
            case "isotonic" -> IsotonicCalibration.fit(probability, outcome);
            default -> throw new ForjaException("unknown calibration method '" + method + "'", "use platt or isotonic");
        };
    }

    static Calibrator fromJson(JsonNode n) {
        return switch (n.path("method").asText()) {
            case "platt" -> new PlattScaling(n.path("a").asDouble(), n.path("b").asDouble());
            case "isotonic" -> IsotonicCalibration.fromJson(n);
            default -> throw new ForjaException("unknown calibration method '" + n.path("method").asText() + "' in the model manifest",
                    "the model was written by a newer Forja; use that version");
        };
    }
}

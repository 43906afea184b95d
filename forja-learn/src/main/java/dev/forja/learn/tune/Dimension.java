package dev.forja.learn.tune;

import java.util.List;
import java.util.Locale;

/**
 * One tunable hyperparameter: an integer or real range (optionally on a log scale, for learning rates
 * and regularisation strengths) or a set of choices; optionally active only when another parameter
 * has a given value (e.g. {@code l1_ratio} only for {@code penalty=elasticnet}).
 *
 * @param whenParam the parameter this one depends on, or null
 * @param whenValue the value of {@code whenParam} that activates it
 */
public record Dimension(String name, Type type, double low, double high, boolean log, List<String> choices, String whenParam, String whenValue) {
    public enum Type { INT, REAL, CHOICE }

    public Dimension {
        choices = choices == null ? List.of() : List.copyOf(choices);
        if (type != Type.CHOICE && !(low <= high)) {
            throw new IllegalArgumentException(name + ": low " + low + " above high " + high);
        }
        if (log && !(low > 0)) {
            throw new IllegalArgumentException(name + ": a log scale needs a positive low bound, not " + low);
        }
        if (type == Type.CHOICE && choices.isEmpty()) {
            throw new IllegalArgumentException(name + ": no choices");
        }
    }

    public static Dimension integer(String name, int low, int high, boolean log) {
        return new Dimension(name, Type.INT, low, high, log, null, null, null);
    }

    public static Dimension real(String name, double low, double high, boolean log) {
        return new Dimension(name, Type.REAL, low, high, log, null, null, null);
    }

    public static Dimension choice(String name, String... choices) {
        return new Dimension(name, Type.CHOICE, 0, 0, false, List.of(choices), null, null);
    }

    /** The same dimension, active only when {@code param} is {@code value}. */
    public Dimension when(String param, String value) {
        return new Dimension(name, type, low, high, log, choices, param, value);
    }

    /** A position on the sampling scale (log of the value for log dimensions) into the parameter's text. */
    String format(double internal) {
        double v = log ? Math.exp(internal) : internal;
        if (type == Type.INT) {
            long n = Math.round(v);
            return Long.toString(Math.max((long) low, Math.min((long) high, n)));
        }
        v = Math.max(low, Math.min(high, v));
        return String.format(Locale.ROOT, "%.6g", v);
    }

    /** A parameter's text back onto the sampling scale. */
    double internal(String value) {
        double v = Double.parseDouble(value);
        return log ? Math.log(v) : v;
    }

    double lowInternal() {
        return log ? Math.log(low) : low;
    }

    double highInternal() {
        return log ? Math.log(high) : high;
    }

    public String describe() {
        return switch (type) {
            case CHOICE -> name + " in " + choices;
            case INT -> name + " int [" + (long) low + ", " + (long) high + "]" + (log ? " log" : "");
            default -> name + " [" + low + ", " + high + "]" + (log ? " log" : "");
        } + (whenParam == null ? "" : " when " + whenParam + "=" + whenValue);
    }
}

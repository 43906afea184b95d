package dev.forja.learn.learners;

import java.util.List;

/**
 * One documented hyperparameter: name (lower snake case, as on the command line {@code --param name=v}),
 * type, default, meaning, and its valid range or choices.
 */
public record ParamSpec(String name, Type type, String defaultValue, String description, double min, double max, List<String> choices) {
    public enum Type { INT, DOUBLE, BOOLEAN, CHOICE, STRING }

    public static ParamSpec integer(String name, int defaultValue, int min, int max, String description) {
        return new ParamSpec(name, Type.INT, Integer.toString(defaultValue), description, min, max, List.of());
    }

    public static ParamSpec real(String name, double defaultValue, double min, double max, String description) {
        return new ParamSpec(name, Type.DOUBLE, Double.toString(defaultValue), description, min, max, List.of());
    }

    public static ParamSpec flag(String name, boolean defaultValue, String description) {
        return new ParamSpec(name, Type.BOOLEAN, Boolean.toString(defaultValue), description, 0, 1, List.of());
    }

    public static ParamSpec choice(String name, String defaultValue, List<String> choices, String description) {
        return new ParamSpec(name, Type.CHOICE, defaultValue, description, 0, 0, List.copyOf(choices));
    }

    public static ParamSpec text(String name, String defaultValue, String description) {
        return new ParamSpec(name, Type.STRING, defaultValue, description, 0, 0, List.of());
    }
}

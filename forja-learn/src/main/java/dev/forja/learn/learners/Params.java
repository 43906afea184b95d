package dev.forja.learn.learners;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.forja.core.ForjaException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Validated hyperparameter values for one learner: every spec's default, overridden by what the user
 * gave. An unknown name, a value of the wrong type or out of range fails naming the parameter and
 * listing what is allowed, so a typo never silently falls back to a default.
 */
public final class Params {
    private final String learner;
    private final Map<String, String> values;

    private Params(String learner, Map<String, String> values) {
        this.learner = learner;
        this.values = values;
    }

    public static Params of(Learner learner, Map<String, String> given) {
        Map<String, ParamSpec> specs = new LinkedHashMap<>();
        for (ParamSpec s : learner.params()) {
            specs.put(s.name(), s);
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (ParamSpec s : specs.values()) {
            values.put(s.name(), s.defaultValue());
        }
        for (Map.Entry<String, String> e : given.entrySet()) {
            ParamSpec s = specs.get(e.getKey());
            if (s == null) {
                throw new ForjaException("the " + learner.id() + " model has no parameter '" + e.getKey() + "'",
                        specs.isEmpty() ? "it takes no parameters" : "its parameters are: " + String.join(", ", specs.keySet()));
            }
            values.put(s.name(), check(learner.id(), s, e.getValue().trim()));
        }
        return new Params(learner.id(), values);
    }

    private static String check(String learner, ParamSpec s, String v) {
        String where = "parameter " + s.name() + " of " + learner;
        switch (s.type()) {
            case INT: {
                long x;
                try {
                    x = Long.parseLong(v);
                } catch (NumberFormatException e) {
                    throw new ForjaException(where + " must be a whole number, not '" + v + "'", range(s));
                }
                if (x < s.min() || x > s.max()) {
                    throw new ForjaException(where + " is " + v + ", outside its range", range(s));
                }
                return Long.toString(x);
            }
            case DOUBLE: {
                double x;
                try {
                    x = Double.parseDouble(v);
                } catch (NumberFormatException e) {
                    throw new ForjaException(where + " must be a number, not '" + v + "'", range(s));
                }
                if (!(x >= s.min() && x <= s.max())) {
                    throw new ForjaException(where + " is " + v + ", outside its range", range(s));
                }
                return v;
            }
            case BOOLEAN: {
                String b = v.toLowerCase(Locale.ROOT);
                if (!b.equals("true") && !b.equals("false")) {
                    throw new ForjaException(where + " must be true or false, not '" + v + "'", null);
                }
                return b;
            }
            case CHOICE:
                if (!s.choices().contains(v)) {
                    throw new ForjaException(where + " must be one of " + s.choices() + ", not '" + v + "'", null);
                }
                return v;
            default:
                return v;
        }
    }

    private static String range(ParamSpec s) {
        return "use a value from " + fmt(s.min()) + " to " + fmt(s.max()) + " (default " + s.defaultValue() + ")";
    }

    private static String fmt(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }

    public int getInt(String name) {
        return Integer.parseInt(get(name));
    }

    public double getDouble(String name) {
        return Double.parseDouble(get(name));
    }

    public boolean getBoolean(String name) {
        return Boolean.parseBoolean(get(name));
    }

    public String get(String name) {
        String v = values.get(name);
        if (v == null && !values.containsKey(name)) {
            throw new IllegalArgumentException(learner + " declares no parameter " + name);
        }
        return v;
    }

    /** Every parameter with its value (defaults included), for provenance. */
    public Map<String, String> asMap() {
        return java.util.Collections.unmodifiableMap(values);
    }

    public ObjectNode toJson() {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        values.forEach(n::put);
        return n;
    }

    @Override
    public String toString() {
        return values.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "));
    }
}

package dev.forja.learn.tune;

import com.fasterxml.jackson.databind.JsonNode;
import dev.forja.core.ForjaException;
import dev.forja.learn.learners.Learner;
import dev.forja.learn.learners.ParamSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The hyperparameters a search varies, plus the parameters it holds fixed (e.g. one thread per trial
 * when trials run in parallel). Dimensions are in dependency order: a conditional one comes after the
 * parameter it depends on.
 */
public record SearchSpace(List<Dimension> dimensions, Map<String, String> fixed) {
    public SearchSpace {
        dimensions = List.copyOf(dimensions);
        fixed = Map.copyOf(fixed);
    }

    /** Whether {@code d} is active given the values chosen so far. */
    static boolean active(Dimension d, Map<String, String> chosen) {
        return d.whenParam() == null || d.whenValue().equals(chosen.get(d.whenParam()));
    }

    public SearchSpace withFixed(String name, String value) {
        Map<String, String> f = new LinkedHashMap<>(fixed);
        f.put(name, value);
        return new SearchSpace(dimensions, f);
    }

    /**
     * This space with the user's overrides (the YAML of {@code --space}): per parameter
     * {@code {low, high, log}} for a range, a list for choices, a scalar to fix it, or {@code null} to
     * leave it at its default. Names are checked against the learner's parameters.
     */
    public SearchSpace override(JsonNode yaml, Learner learner, String source) {
        if (yaml == null || yaml.isNull() || yaml.isMissingNode()) {
            return this;
        }
        if (!yaml.isObject()) {
            throw new ForjaException(source + " must map parameter names to ranges, lists or values", "e.g. max_depth: {low: 2, high: 8}");
        }
        Map<String, Dimension> dims = new LinkedHashMap<>();
        dimensions.forEach(d -> dims.put(d.name(), d));
        Map<String, String> f = new LinkedHashMap<>(fixed);
        var fields = yaml.fields();
        while (fields.hasNext()) {
            var e = fields.next();
            String name = e.getKey();
            ParamSpec spec = learner.params().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow(() -> new ForjaException(
                    source + ": '" + name + "' is not a parameter of " + learner.id(), "see forja learners " + learner.id()));
            JsonNode v = e.getValue();
            dims.remove(name);
            f.remove(name);
            if (v.isNull()) {
                continue;
            }
            if (v.isArray()) {
                List<String> choices = new ArrayList<>();
                v.forEach(c -> choices.add(c.asText()));
                dims.put(name, new Dimension(name, Dimension.Type.CHOICE, 0, 0, false, choices, null, null));
            } else if (v.isObject()) {
                if (!v.has("low") || !v.has("high")) {
                    throw new ForjaException(source + ": '" + name + "' needs low and high", "write " + name + ": {low: 1, high: 10, log: true}");
                }
                double low = v.path("low").asDouble();
                double high = v.path("high").asDouble();
                if (low < spec.min() || high > spec.max() || low > high) {
                    throw new ForjaException(source + ": '" + name + "' range [" + low + ", " + high + "] is outside [" + spec.min() + ", " + spec.max()
                            + "] or reversed", "give low <= high within the parameter's range");
                }
                boolean log = v.path("log").asBoolean(false);
                if (log && low <= 0) {
                    throw new ForjaException(source + ": '" + name + "' is on a log scale, so low must be positive", "raise low or drop log: true");
                }
                Dimension.Type type = spec.type() == ParamSpec.Type.INT ? Dimension.Type.INT : Dimension.Type.REAL;
                dims.put(name, new Dimension(name, type, low, high, log, null, null, null));
            } else {
                f.put(name, v.asText());
            }
        }
        return new SearchSpace(new ArrayList<>(dims.values()), f);
    }
}

package dev.forja.learn.evaluate;

import dev.forja.core.ForjaException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One declarative threshold of a checks file: {@code auc >= 0.80}, {@code ece <= 0.05},
 * {@code slice_min(auc, by: sex) >= 0.75}, {@code invariance(sex) <= 0.01}, {@code direction(+hours_per_week) <= 0.02},
 * {@code perturbation_flip_rate <= 0.05}. A checks file is a YAML list of such strings, one per line
 * ({@code - auc >= 0.80}); {@code #} starts a comment.
 */
public record Check(String text, String function, String metric, String by, String comparator, double bound) {
    private static final Pattern PLAIN = Pattern.compile("([a-z_][a-z0-9_]*)\\s*(>=|<=|>|<|==)\\s*(-?[0-9.]+(?:[eE]-?[0-9]+)?)");
    private static final Pattern BEHAVIOUR = Pattern.compile("(invariance|direction)\\(\\s*([+-]?[^)\\s]+)\\s*\\)\\s*(>=|<=|>|<|==)\\s*(-?[0-9.]+(?:[eE]-?[0-9]+)?)");
    private static final Pattern SLICE = Pattern.compile(
            "(slice_min|slice_max)\\(\\s*([a-z_][a-z0-9_]*)\\s*,\\s*by\\s*:\\s*([^)\\s]+)\\s*\\)\\s*(>=|<=|>|<|==)\\s*(-?[0-9.]+(?:[eE]-?[0-9]+)?)");

    /** A check's outcome with the measured value. */
    public record Result(Check check, boolean passed, double value, String note) {
    }

    public static List<Check> read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new ForjaException("cannot read the checks file " + file + ": " + e.getMessage(), "give a readable file");
        }
        List<Check> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).replaceFirst("#.*$", "").trim();
            if (line.isEmpty() || line.equals("checks:")) {
                continue;
            }
            if (line.startsWith("- ")) {
                line = line.substring(2).trim();
            }
            if ((line.startsWith("\"") && line.endsWith("\"")) || (line.startsWith("'") && line.endsWith("'"))) {
                line = line.substring(1, line.length() - 1);
            }
            try {
                out.add(parse(line));
            } catch (ForjaException e) {
                throw new ForjaException(file + ":" + (i + 1) + ": " + e.getMessage(), e.hint());
            }
        }
        return out;
    }

    public static Check parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        Matcher m = SLICE.matcher(t);
        if (m.matches()) {
            return new Check(text.trim(), m.group(1), m.group(2), text.trim().substring(text.trim().indexOf(':') + 1).replaceAll("\\).*", "").trim(),
                    m.group(4), Double.parseDouble(m.group(5)));
        }
        m = BEHAVIOUR.matcher(t);
        if (m.matches()) {
            String arg = text.trim().substring(text.trim().indexOf('(') + 1, text.trim().indexOf(')')).trim();
            return new Check(text.trim(), m.group(1), null, arg, m.group(3), Double.parseDouble(m.group(4)));
        }
        m = PLAIN.matcher(t);
        if (m.matches()) {
            return new Check(text.trim(), null, m.group(1), null, m.group(2), Double.parseDouble(m.group(3)));
        }
        throw new ForjaException("'" + text + "' is not a check this Forja evaluates",
                "write METRIC >= NUMBER (e.g. auc >= 0.8, ece <= 0.05), slice_min(METRIC, by: COLUMN) >= NUMBER, invariance(COLUMN) <= NUMBER "
                        + "or direction(+COLUMN) <= NUMBER");
    }

    /** Evaluates against an evaluation; a metric it does not have fails the check, saying so. */
    public Result evaluate(Evaluation e) {
        double value;
        if ("invariance".equals(function) || "direction".equals(function)) {
            Map<String, Double> measured = e.behaviour() == null ? null
                    : function.equals("invariance") ? e.behaviour().invariance() : e.behaviour().direction();
            Double v = measured == null ? null : measured.get(by);
            if (v == null) {
                return new Result(this, false, Double.NaN, function + " of '" + by + "' was not measured: evaluate with "
                        + (function.equals("invariance") ? "--invariant " + by : "--monotone " + by));
            }
            value = v;
        } else if (function != null) {
            List<Evaluation.Slice> slices = e.slices().get(by);
            if (slices == null) {
                return new Result(this, false, Double.NaN, "no slices by '" + by + "': evaluate with --slices " + by);
            }
            value = function.equals("slice_min") ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
            for (Evaluation.Slice s : slices) {
                Double v = s.metrics().get(metric);
                if (v != null && !v.isNaN()) {
                    value = function.equals("slice_min") ? Math.min(value, v) : Math.max(value, v);
                }
            }
            if (Double.isInfinite(value)) {
                return new Result(this, false, Double.NaN, "no slice of '" + by + "' has a value for " + metric);
            }
        } else if (metric.startsWith("perturbation_")) {
            if (e.behaviour() == null) {
                return new Result(this, false, Double.NaN, metric + " was not measured: evaluate with --behaviour");
            }
            value = metric.equals("perturbation_flip_rate") ? e.behaviour().perturbationFlipRate() : e.behaviour().perturbationMetricDrop();
        } else if (metric.equals("ece")) {
            value = e.calibration() == null ? Double.NaN : e.calibration().ece();
        } else {
            Double v = e.metrics().get(metric);
            if (v == null) {
                return new Result(this, false, Double.NaN, "the evaluation has no metric '" + metric + "'; it has " + e.metrics().keySet());
            }
            value = v;
        }
        if (Double.isNaN(value)) {
            return new Result(this, false, value, metric + " is undefined on this data");
        }
        boolean ok = switch (comparator) {
            case ">=" -> value >= bound;
            case "<=" -> value <= bound;
            case ">" -> value > bound;
            case "<" -> value < bound;
            default -> value == bound;
        };
        return new Result(this, ok, value, null);
    }
}

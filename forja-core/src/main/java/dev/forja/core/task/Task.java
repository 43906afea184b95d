package dev.forja.core.task;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.forja.core.ForjaException;
import dev.forja.core.frame.CategoricalColumn;
import dev.forja.core.frame.Column;
import dev.forja.core.frame.Frame;
import dev.forja.core.frame.NumericColumn;
import dev.forja.core.schema.NumberSyntax;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The framing of a supervised problem: what kind of prediction, of which column, which class counts as
 * positive, which metric decides, and what mistakes cost. Inferred from the target when not given
 * ({@link #infer}) and always recorded in the model.
 *
 * <p>Classes: for classification, {@code classes} lists the labels in the order of the model's
 * probability outputs. They are sorted (numerically when every label is a number), except that for a
 * binary task the positive class is always last, so "probability of class 1" is the positive one.
 *
 * @param metric a metric name in lower snake case ({@code auc}, {@code rmse}...)
 * @param cost   null unless the user gave one (binary only)
 */
public record Task(TaskKind kind, String target, List<String> classes, String positiveClass, String metric, CostMatrix cost) {
    /** Numeric targets with at most this many distinct whole-number values are inferred to be classes. */
    public static final int MAX_INTEGER_CLASSES = 20;
    private static final Set<String> POSITIVE_WORDS = Set.of("1", "yes", "y", "true", "t", "positive", "pos", "spam", ">50k");

    public Task {
        classes = classes == null ? List.of() : List.copyOf(classes);
        if (kind.isClassification() && classes.size() < 2) {
            throw new ForjaException("target '" + target + "' has " + classes.size() + " class(es); classification needs at least two",
                    "check the target column (is it constant, or all missing?)");
        }
        if (kind == TaskKind.BINARY && classes.size() != 2) {
            throw new ForjaException("target '" + target + "' has " + classes.size() + " classes, not 2", "use --task multiclass");
        }
        if (cost != null && kind != TaskKind.BINARY) {
            throw new ForjaException("a cost matrix applies to binary tasks only", "drop --cost, or frame the problem as binary");
        }
    }

    public boolean isClassification() {
        return kind.isClassification();
    }

    /** Model outputs per row: one probability per class, or one value for regression. */
    public int outputs() {
        return isClassification() ? classes.size() : 1;
    }

    /** Index of the positive class in {@link #classes()} (binary: always 1), or -1. */
    public int positiveIndex() {
        return positiveClass == null ? -1 : classes.indexOf(positiveClass);
    }

    /** What the user may fix before inference; any field may be null (= infer). */
    public record Overrides(TaskKind kind, String positiveClass, String metric, CostMatrix cost) {
        public static Overrides none() {
            return new Overrides(null, null, null, null);
        }
    }

    /**
     * Infers the task from the target column. Categorical targets are classification; numeric targets
     * are classification when they hold at most {@value #MAX_INTEGER_CLASSES} distinct whole numbers,
     * regression otherwise. Default metrics: {@code auc} (binary), {@code log_loss} (multiclass),
     * {@code rmse} (regression).
     */
    public static Task infer(Frame frame, String target, Overrides given) {
        Column y = frame.find(target).orElseThrow(() -> new ForjaException("no target column '" + target + "'",
                "the columns are: " + String.join(", ", frame.columnNames())));
        if (y.missingCount() == y.size()) {
            throw new ForjaException("target '" + target + "' is missing in every row", "choose another target column");
        }
        TaskKind kind = given.kind();
        List<String> labels = labels(y);
        if (kind == null) {
            boolean discrete = y instanceof CategoricalColumn
                    || (y instanceof NumericColumn && labels != null && labels.size() <= MAX_INTEGER_CLASSES);
            if (!(y instanceof CategoricalColumn) && !(y instanceof NumericColumn)) {
                throw new ForjaException("target '" + target + "' is " + y.kind().id() + "; it must be numeric or categorical",
                        "declare it with --column '" + target + ":categorical' if it holds labels");
            }
            kind = !discrete ? TaskKind.REGRESSION : labels.size() == 2 ? TaskKind.BINARY : TaskKind.MULTICLASS;
        }
        if (kind == TaskKind.REGRESSION) {
            if (!(y instanceof NumericColumn)) {
                throw new ForjaException("target '" + target + "' is " + y.kind().id() + "; regression needs a numeric target",
                        "use --task binary or multiclass for labels");
            }
            return new Task(kind, target, List.of(), null, metricOr(given.metric(), "rmse", kind), null);
        }
        if (labels == null) {
            throw new ForjaException("target '" + target + "' has " + distinctNumbers((NumericColumn) y) + " distinct values, too many (or not whole numbers) to be classes",
                    "use --task regression, or bin the target first");
        }
        List<String> classes = new ArrayList<>(labels);
        String positive = null;
        if (kind == TaskKind.BINARY) {
            if (classes.size() != 2) {
                throw new ForjaException("target '" + target + "' has " + classes.size() + " classes: " + classes, "use --task multiclass");
            }
            positive = given.positiveClass() != null ? given.positiveClass() : guessPositive(y, classes);
            if (!classes.contains(positive)) {
                throw new ForjaException("positive class '" + positive + "' is not one of the target's classes " + classes,
                        "pass --positive with one of " + classes);
            }
            classes.remove(positive);
            classes.add(positive);
        }
        String metric = metricOr(given.metric(), kind == TaskKind.BINARY ? "auc" : "log_loss", kind);
        return new Task(kind, target, classes, positive, metric, given.cost());
    }

    private static String metricOr(String metric, String fallback, TaskKind kind) {
        String m = metric == null ? fallback : metric;
        Set<String> allowed = kind == TaskKind.REGRESSION ? Set.of("rmse", "mse", "mae", "r2", "mape")
                : Set.of("auc", "pr_auc", "accuracy", "balanced_accuracy", "f1", "precision", "recall", "log_loss", "brier", "mcc");
        if (!allowed.contains(m)) {
            throw new ForjaException("metric '" + m + "' does not apply to a " + kind.id() + " task",
                    "use one of " + new java.util.TreeSet<>(allowed));
        }
        return m;
    }

    /** Distinct labels (sorted, numerically where all are numbers), or null for a numeric column that is not discrete. */
    private static List<String> labels(Column y) {
        if (y instanceof CategoricalColumn) {
            CategoricalColumn c = (CategoricalColumn) y;
            int[] counts = c.levelCounts();
            List<String> present = new ArrayList<>();
            for (int k = 0; k < counts.length; k++) {
                if (counts[k] > 0) {
                    present.add(c.level(k));
                }
            }
            boolean numeric = present.stream().allMatch(NumberSyntax::isNumber);
            present.sort(numeric ? Comparator.comparingDouble(NumberSyntax::parse) : Comparator.naturalOrder());
            return present;
        }
        if (y instanceof NumericColumn) {
            NumericColumn n = (NumericColumn) y;
            java.util.TreeSet<Double> values = new java.util.TreeSet<>();
            for (int r = 0; r < n.size(); r++) {
                double v = n.get(r);
                if (!Double.isNaN(v)) {
                    if (v != Math.rint(v) || Double.isInfinite(v)) {
                        return null;
                    }
                    values.add(v);
                    if (values.size() > MAX_INTEGER_CLASSES) {
                        return null;
                    }
                }
            }
            List<String> out = new ArrayList<>();
            for (double v : values) {
                out.add(label(v));
            }
            return out;
        }
        return null;
    }

    private static int distinctNumbers(NumericColumn n) {
        java.util.HashSet<Double> seen = new java.util.HashSet<>();
        for (int r = 0; r < n.size(); r++) {
            if (!n.isMissing(r)) {
                seen.add(n.get(r));
            }
        }
        return seen.size();
    }

    /** A whole number as a class label: {@code 1}, not {@code 1.0}. */
    public static String label(double v) {
        return v == (long) v ? Long.toString((long) v) : Double.toString(v);
    }

    /** The conventional positive spelling if there is one, else the rarer class. */
    private static String guessPositive(Column y, List<String> classes) {
        for (String c : classes) {
            if (POSITIVE_WORDS.contains(c.toLowerCase(java.util.Locale.ROOT))) {
                return c;
            }
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (int r = 0; r < y.size(); r++) {
            String v = labelOf(y, r);
            if (v != null) {
                counts.merge(v, 1, Integer::sum);
            }
        }
        return counts.getOrDefault(classes.get(0), 0) <= counts.getOrDefault(classes.get(1), 0) ? classes.get(0) : classes.get(1);
    }

    private static String labelOf(Column y, int row) {
        if (y.isMissing(row)) {
            return null;
        }
        return y instanceof NumericColumn ? label(((NumericColumn) y).get(row)) : ((CategoricalColumn) y).get(row);
    }

    /**
     * The target as numbers: the class index (in {@link #classes()} order) for classification, the value
     * for regression; {@code NaN} where the target is missing. A label the task does not know fails.
     */
    public double[] encode(Frame frame) {
        Column y = frame.column(target);
        double[] out = new double[y.size()];
        if (!isClassification()) {
            if (!(y instanceof NumericColumn)) {
                throw new ForjaException("target '" + target + "' is " + y.kind().id() + " but the task is regression", "check the data");
            }
            for (int r = 0; r < out.length; r++) {
                out[r] = ((NumericColumn) y).get(r);
            }
            return out;
        }
        Map<String, Integer> index = new LinkedHashMap<>();
        for (int k = 0; k < classes.size(); k++) {
            index.put(classes.get(k), k);
        }
        for (int r = 0; r < out.length; r++) {
            String v = labelOf(y, r);
            if (v == null) {
                out[r] = Double.NaN;
                continue;
            }
            Integer k = index.get(v);
            if (k == null) {
                throw new ForjaException("target '" + target + "' has the label '" + v + "' in row " + (r + 1) + ", which the task does not know " + classes,
                        "the model was trained on these classes only");
            }
            out[r] = k;
        }
        return out;
    }

    /** The probability above which a binary prediction is positive: the cost matrix's, else 0.5. */
    public double threshold() {
        return cost != null ? cost.threshold() : 0.5;
    }

    /**
     * The predicted class index of row {@code row} of row-major outputs: for binary, positive when its
     * probability reaches {@link #threshold()}; otherwise the most probable class (the first on ties).
     */
    public int decide(double[] outputs, int row) {
        int k = classes.size();
        if (kind == TaskKind.BINARY) {
            return outputs[row * 2 + 1] >= threshold() ? 1 : 0;
        }
        int best = 0;
        for (int c = 1; c < k; c++) {
            if (outputs[row * k + c] > outputs[row * k + best]) {
                best = c;
            }
        }
        return best;
    }

    public ObjectNode toJson() {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("kind", kind.id());
        n.put("target", target);
        var cls = n.putArray("classes");
        classes.forEach(cls::add);
        if (positiveClass != null) {
            n.put("positive_class", positiveClass);
        }
        n.put("metric", metric);
        if (cost != null) {
            ObjectNode c = n.putObject("cost");
            c.put("false_positive", cost.falsePositive());
            c.put("false_negative", cost.falseNegative());
        }
        return n;
    }

    public static Task fromJson(JsonNode n) {
        List<String> classes = new ArrayList<>();
        n.path("classes").forEach(c -> classes.add(c.asText()));
        CostMatrix cost = n.has("cost") ? new CostMatrix(n.path("cost").path("false_positive").asDouble(), n.path("cost").path("false_negative").asDouble()) : null;
        return new Task(TaskKind.parse(n.path("kind").asText()), n.path("target").asText(), classes,
                n.hasNonNull("positive_class") ? n.path("positive_class").asText() : null, n.path("metric").asText(), cost);
    }
}

package dev.forja.core.profile;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The rules that turn a profile into warnings. Every threshold is a constant here, and each rule is
 * documented where it is applied.
 */
public final class WarningRules {
    /** {@code high_missing}: more than this share of a column is missing (and not all of it). */
    public static final double HIGH_MISSING_RATE = 0.5;
    /** {@code high_cardinality}: a categorical column with more levels than this... */
    public static final int HIGH_CARDINALITY_LEVELS = 50;
    /** ...or with at least {@link #HIGH_CARDINALITY_MIN_LEVELS} levels, more than this share of its values. */
    public static final double HIGH_CARDINALITY_RATIO = 0.5;
    /** The ratio rule needs this many levels, so that small tables are not flagged for a handful of values. */
    public static final int HIGH_CARDINALITY_MIN_LEVELS = 10;
    /** {@code id_like} on a text column: only when its texts are short, on average at most this many characters (names, codes). */
    public static final double ID_LIKE_TEXT_MAX_LENGTH = 40;
    /** {@code class_imbalance}: the smallest class has fewer rows than this share of the largest. */
    public static final double CLASS_IMBALANCE_RATIO = 0.2;
    /** {@code target_leakage}: one column alone reaches this predictive power. */
    public static final double LEAKAGE_POWER = 0.95;
    /** {@code possible_leakage}: one column alone reaches this predictive power (but not {@link #LEAKAGE_POWER}). */
    public static final double POSSIBLE_LEAKAGE_POWER = 0.8;
    /** {@code skewed}: absolute skewness above this, for a numeric column with more than two values. */
    public static final double SKEWNESS = 2.0;

    private WarningRules() {
    }

    /**
     * Warnings for a profile's parts, most important kinds first ({@link Warning.Kind} order), then in
     * column order.
     */
    static List<Warning> of(List<ColumnProfile> columns, TargetProfile target, List<Association> associations,
                            long rows, long duplicateRows) {
        List<Warning> out = new ArrayList<>();
        Map<String, Boolean> idLike = new HashMap<>();
        for (ColumnProfile c : columns) {
            boolean isTarget = target != null && target.name().equals(c.name());
            idLike.put(c.name(), columnWarnings(c, isTarget, out));
        }
        if (duplicateRows > 0) {
            out.add(new Warning(null, Warning.Kind.DUPLICATE_ROWS, String.format(Locale.ROOT,
                    "%d of %d rows (%s) repeat an earlier row exactly; duplicates inflate some classes or values"
                            + " and leak between training and test splits: drop them unless they are real repeats",
                    duplicateRows, rows, percent((double) duplicateRows / rows))));
        }
        if (target != null) {
            targetWarnings(target, rows, out);
            for (Association a : associations) {
                if (Boolean.TRUE.equals(idLike.get(a.column())) || Double.isNaN(a.power())) {
                    continue;
                }
                leakageWarning(a, target, out);
            }
        }
        Map<String, Integer> position = new HashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            position.put(columns.get(i).name(), i);
        }
        out.sort(Comparator.comparing(Warning::kind)
                .thenComparingInt(w -> w.column() == null ? -1 : position.getOrDefault(w.column(), -1)));
        return List.copyOf(out);
    }

    /** Adds the warnings about one column; returns whether it is id-like. */
    private static boolean columnWarnings(ColumnProfile c, boolean isTarget, List<Warning> out) {
        String name = c.name();
        if (c.rows() > 0 && c.missing() == c.rows()) {
            out.add(new Warning(name, Warning.Kind.ALL_MISSING,
                    "every value is missing (" + c.rows() + " rows); the column carries no information: drop it"));
            return false;
        }
        if (c.missingRate() > HIGH_MISSING_RATE) {
            out.add(new Warning(name, Warning.Kind.HIGH_MISSING, String.format(Locale.ROOT,
                    "%d of %d values are missing (%s); impute with care, add a missing indicator, or drop the column",
                    c.missing(), c.rows(), percent(c.missingRate()))));
        }
        if (c.distinct() == 1) {
            out.add(new Warning(name, Warning.Kind.CONSTANT, String.format(Locale.ROOT,
                    "only one value, %s, in all %d non-missing rows; a constant cannot help a model: drop it",
                    quote(onlyValue(c)), c.present())));
            return false;
        }
        boolean idLike = !isTarget && isIdLike(c);
        if (idLike) {
            out.add(new Warning(name, Warning.Kind.ID_LIKE, String.format(Locale.ROOT,
                    "all %d non-missing values are distinct; it identifies rows rather than describing them, and a"
                            + " model would only memorise it: drop it or derive features from it", c.present())));
        }
        if (c instanceof CategoricalProfile cat) {
            categoricalWarnings(cat, idLike, out);
        } else if (c instanceof NumericProfile num) {
            numericWarnings(num, idLike, out);
        }
        return idLike;
    }

    /**
     * Id-like: at least two values, all distinct, and of a kind that can be an identifier: whole numbers,
     * categorical levels, or short texts (average length at most {@link #ID_LIKE_TEXT_MAX_LENGTH}
     * characters, such as names; long unique texts are just prose).
     */
    static boolean isIdLike(ColumnProfile c) {
        if (c.present() < 2 || c.distinct() != c.present()) {
            return false;
        }
        if (c instanceof NumericProfile num) {
            return num.summary().integral() && num.infinite() == 0;
        }
        if (c instanceof TextProfile text) {
            return text.length().mean() <= ID_LIKE_TEXT_MAX_LENGTH;
        }
        return c instanceof CategoricalProfile;
    }

    private static void categoricalWarnings(CategoricalProfile c, boolean idLike, List<Warning> out) {
        CategoricalProfile.LevelTypes types = c.levelTypes();
        if (types.mixed()) {
            out.add(new Warning(c.name(), Warning.Kind.MIXED_TYPE, String.format(Locale.ROOT,
                    "%d of %d levels are numbers (e.g. %s) and %d are not (e.g. %s), %s of the rows numeric;"
                            + " clean the stray values, or split the column into a number and a code",
                    types.numericLevels(), c.distinct(), quote(types.numericExample()), types.otherLevels(),
                    quote(types.nonNumericExample()), percent((double) types.numericRows() / c.present()))));
        }
        if (!idLike && (c.distinct() > HIGH_CARDINALITY_LEVELS
                || (c.distinct() >= HIGH_CARDINALITY_MIN_LEVELS && c.distinct() > HIGH_CARDINALITY_RATIO * c.present()))) {
            out.add(new Warning(c.name(), Warning.Kind.HIGH_CARDINALITY, String.format(Locale.ROOT,
                    "%d distinct levels for %d values (%s); one-hot encoding would add %d columns, most too rare"
                            + " to learn from: group rare levels, or use frequency or target encoding",
                    c.distinct(), c.present(), percent((double) c.distinct() / c.present()), c.distinct())));
        }
    }

    private static void numericWarnings(NumericProfile c, boolean idLike, List<Warning> out) {
        Sentinel s = c.sentinel();
        if (s != null) {
            out.add(new Warning(c.name(), Warning.Kind.SENTINEL, String.format(Locale.ROOT,
                    "%s holds %d of %d values (%s) and sits far from the others at the %s end; it looks like a code"
                            + " for 'unknown' or 'not applicable': turn it into missing plus an indicator column",
                    number(s.value()), s.count(), c.present(), percent(s.share()),
                    s.value() == c.summary().max() ? "top" : "bottom")));
        }
        if (c.infinite() > 0) {
            out.add(new Warning(c.name(), Warning.Kind.INFINITE, String.format(Locale.ROOT,
                    "%d values are infinite; most models cannot use them: replace them or treat them as missing",
                    c.infinite())));
        }
        // A sentinel skews the column by itself; its own warning says what to do, so skewness waits for that.
        double skew = c.summary().skewness();
        if (!idLike && s == null && c.distinct() > 2 && Math.abs(skew) > SKEWNESS) {
            boolean right = skew > 0;
            out.add(new Warning(c.name(), Warning.Kind.SKEWED, String.format(Locale.ROOT,
                    "skewness %.2f: a long %s tail (median %s, %s %s); a log or rank transform may help linear"
                            + " and distance-based models", skew, right ? "right" : "left",
                    number(c.summary().quantiles().median()), right ? "max" : "min",
                    number(right ? c.summary().max() : c.summary().min()))));
        }
    }

    private static void targetWarnings(TargetProfile t, long rows, List<Warning> out) {
        if (t.missing() > 0) {
            out.add(new Warning(t.name(), Warning.Kind.TARGET_MISSING, String.format(Locale.ROOT,
                    "%d of %d rows (%s) have no target value; they are left out of the associations and cannot be"
                            + " used for training", t.missing(), rows, percent((double) t.missing() / rows))));
        }
        double ratio = t.imbalanceRatio();
        if (t.task() == TargetProfile.Task.CLASSIFICATION && ratio < CLASS_IMBALANCE_RATIO) {
            TargetProfile.ClassCount min = null;
            TargetProfile.ClassCount max = null;
            for (TargetProfile.ClassCount c : t.classes()) {
                if (c.count() > 0 && (min == null || c.count() < min.count())) {
                    min = c;
                }
                if (max == null || c.count() > max.count()) {
                    max = c;
                }
            }
            out.add(new Warning(t.name(), Warning.Kind.CLASS_IMBALANCE, String.format(Locale.ROOT,
                    "the smallest class %s has %d rows against %d for %s (ratio %.3f); use stratified splits and"
                            + " metrics that see the small class (balanced accuracy, PR AUC), or class weights",
                    quote(min.label()), min.count(), max.count(), quote(max.label()), ratio)));
        }
    }

    private static void leakageWarning(Association a, TargetProfile target, List<Warning> out) {
        String score = a.powerMetric() == Association.PowerMetric.R2
                ? String.format(Locale.ROOT, "R² %.3f", a.power())
                : String.format(Locale.ROOT, "%.3f of the way from chance to perfect balanced accuracy", a.power());
        String on = a.via() == null ? "" : " (through its " + a.via() + ")";
        if (a.power() >= LEAKAGE_POWER) {
            out.add(new Warning(a.column(), Warning.Kind.TARGET_LEAKAGE, String.format(Locale.ROOT,
                    "on its own%s it predicts %s almost perfectly on held-out rows (%s); a feature that good is"
                            + " usually derived from the target or only known after it: check how it is collected",
                    on, quote(target.name()), score)));
        } else if (a.power() >= POSSIBLE_LEAKAGE_POWER) {
            out.add(new Warning(a.column(), Warning.Kind.POSSIBLE_LEAKAGE, String.format(Locale.ROOT,
                    "on its own%s it predicts %s very well on held-out rows (%s); make sure it is known at"
                            + " prediction time and is not a part or a consequence of the target",
                    on, quote(target.name()), score)));
        }
    }

    private static String onlyValue(ColumnProfile c) {
        if (c instanceof NumericProfile n) {
            return number(n.top().get(0).value());
        } else if (c instanceof CategoricalProfile k) {
            return k.top().get(0).value();
        } else if (c instanceof TextProfile t) {
            return t.top().get(0).value();
        }
        return ((DatetimeProfile) c).top().get(0).value();
    }

    static String quote(String s) {
        if (s == null) {
            return "none";
        }
        return "'" + (s.length() > 40 ? s.substring(0, 37) + "..." : s) + "'";
    }

    static String percent(double share) {
        return String.format(Locale.ROOT, "%.1f %%", share * 100);
    }

    /** A number as people write it: no trailing {@code .0} on whole numbers. */
    static String number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return String.format(Locale.ROOT, "%.4g", v);
    }
}

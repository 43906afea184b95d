package dev.forja.core.profile;

import dev.forja.core.ForjaException;
import dev.forja.core.frame.CategoricalColumn;
import dev.forja.core.frame.Column;
import dev.forja.core.frame.NumericColumn;
import java.util.Arrays;

/**
 * The target as the association step needs it: class codes for classification, numbers for regression.
 * See {@link TargetProfile} for the rule that decides between them.
 */
sealed interface TargetColumn {

    String name();

    /** Classes coded {@code 0..labels.length-1}, {@code -1} for a missing target. */
    record Classes(String name, int[] codes, String[] labels) implements TargetColumn {
    }

    /** Target values, {@code NaN} for a missing target. */
    record Numbers(String name, double[] values) implements TargetColumn {
    }

    static TargetColumn of(Column column) {
        if (column instanceof CategoricalColumn c) {
            int[] codes = new int[c.size()];
            for (int r = 0; r < codes.length; r++) {
                codes[r] = c.code(r);
            }
            return new Classes(c.name(), codes, c.levels().toArray(new String[0]));
        }
        if (column instanceof NumericColumn c) {
            double[] values = c.toArray();
            double[] classes = integerClasses(values);
            if (classes == null) {
                return new Numbers(c.name(), values);
            }
            int[] codes = new int[values.length];
            for (int r = 0; r < codes.length; r++) {
                codes[r] = Double.isNaN(values[r]) ? -1 : Arrays.binarySearch(classes, values[r] == 0 ? 0.0 : values[r]);
            }
            String[] labels = new String[classes.length];
            for (int k = 0; k < classes.length; k++) {
                labels[k] = Long.toString((long) classes[k]);
            }
            return new Classes(c.name(), codes, labels);
        }
        throw new ForjaException("column '" + column.name() + "' is " + column.kind().id()
                + " and cannot be a target: a target must be categorical (classification) or numeric",
                "choose another target, or declare the column's kind (e.g. --column '" + column.name() + ":categorical')");
    }

    /**
     * The distinct values ascending if they are at most {@link TargetProfile#MAX_INTEGER_CLASSES} whole
     * numbers, else {@code null}.
     */
    private static double[] integerClasses(double[] values) {
        double[] distinct = new double[TargetProfile.MAX_INTEGER_CLASSES];
        int k = 0;
        for (double v : values) {
            if (Double.isNaN(v)) {
                continue;
            }
            if (v != Math.rint(v) || Math.abs(v) > 1e15) {
                return null;
            }
            double x = v == 0 ? 0.0 : v;
            boolean seen = false;
            for (int i = 0; i < k && !seen; i++) {
                seen = distinct[i] == x;
            }
            if (!seen) {
                if (k == distinct.length) {
                    return null;
                }
                distinct[k++] = x;
            }
        }
        if (k == 0) {
            return null; // all missing: nothing says it holds classes
        }
        double[] out = Arrays.copyOf(distinct, k);
        Arrays.sort(out);
        return out;
    }
}

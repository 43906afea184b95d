package dev.forja.core.profile;

import dev.forja.core.frame.ColumnKind;
import java.util.List;

/**
 * The column to be predicted and how it is distributed.
 *
 * <p>Task rule: a categorical target is a classification target; so is a numeric one whose values are
 * all whole numbers and take at most {@value #MAX_INTEGER_CLASSES} distinct values (0/1 flags, ratings,
 * class numbers); any other numeric target is a regression target. Text and datetime columns cannot
 * be targets.
 *
 * @param name    the column
 * @param kind    the column's kind
 * @param task    classification or regression
 * @param missing rows without a target value
 * @param classes classification: every class with its count and rate, in class order (level order for a
 *                categorical target, ascending for a numeric one); empty for regression
 * @param summary regression: the distribution of the target; {@code null} for classification
 */
public record TargetProfile(String name, ColumnKind kind, Task task, long missing, List<ClassCount> classes,
                            Summary summary) {
    /** Most distinct whole numbers a numeric target may take to be read as classes. */
    public static final int MAX_INTEGER_CLASSES = dev.forja.core.task.Task.MAX_INTEGER_CLASSES;

    public TargetProfile {
        classes = List.copyOf(classes);
    }

    public enum Task {
        CLASSIFICATION,
        REGRESSION;

        /** Lower-case name used in JSON. */
        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * One class of a classification target.
     *
     * @param label the class as text ({@code "0"}, {@code "yes"})
     * @param count rows of the class
     * @param rate  count / rows with a target value
     */
    public record ClassCount(String label, long count, double rate) {
    }

    /** The least frequent class's count over the most frequent one's; {@code NaN} without two classes. */
    public double imbalanceRatio() {
        long min = Long.MAX_VALUE;
        long max = 0;
        int present = 0;
        for (ClassCount c : classes) {
            if (c.count() > 0) {
                present++;
                min = Math.min(min, c.count());
                max = Math.max(max, c.count());
            }
        }
        return present < 2 ? Double.NaN : (double) min / max;
    }
}

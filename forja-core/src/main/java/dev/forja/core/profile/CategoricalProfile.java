package dev.forja.core.profile;

import dev.forja.core.frame.ColumnKind;
import java.util.List;

/**
 * Profile of a categorical column.
 *
 * @param top        up to {@value Profiler#TOP} most frequent levels, most frequent first; ties: level
 *                   order (order of first appearance in the data, or the order the format declares)
 * @param levelTypes how many levels read as numbers (for mixed-type columns)
 */
public record CategoricalProfile(String name, long rows, long missing, long distinct, List<ValueCount> top,
                                 LevelTypes levelTypes) implements ColumnProfile {

    public CategoricalProfile {
        top = List.copyOf(top);
    }

    @Override
    public ColumnKind kind() {
        return ColumnKind.CATEGORICAL;
    }

    /**
     * Levels that parse as numbers versus those that do not (only levels present in the data count).
     *
     * @param numericLevels      levels that are numbers
     * @param otherLevels        levels that are not
     * @param numericRows        rows whose level is a number
     * @param numericExample     the first numeric level, or {@code null}
     * @param nonNumericExample  the first level that is not a number, or {@code null}
     */
    public record LevelTypes(long numericLevels, long otherLevels, long numericRows, String numericExample,
                             String nonNumericExample) {
        /** Some levels are numbers and some are not. */
        public boolean mixed() {
            return numericLevels > 0 && otherLevels > 0;
        }
    }
}

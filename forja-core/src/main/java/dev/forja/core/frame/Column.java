package dev.forja.core.frame;

/**
 * One typed column of a {@link Frame}. Columns are immutable; {@link #select(int[])} returns a view
 * that shares the values and only holds the selected row numbers.
 *
 * <p>Missing values: {@code NaN} in numeric columns, code {@code -1} in categorical columns,
 * {@code null} in text columns, {@link DatetimeColumn#MISSING} in datetime columns.
 */
public sealed interface Column permits NumericColumn, CategoricalColumn, TextColumn, DatetimeColumn {

    String name();

    ColumnKind kind();

    /** Number of rows. */
    int size();

    boolean isMissing(int row);

    /** Number of missing rows. */
    default int missingCount() {
        int n = 0;
        for (int i = 0, size = size(); i < size; i++) {
            if (isMissing(i)) {
                n++;
            }
        }
        return n;
    }

    /** A view of the given rows (row numbers of this column, in the given order); values are not copied. */
    Column select(int[] rows);

    /** The same values under another name. */
    Column rename(String newName);

    /** The value of a row as text (numbers in shortest round-trip form, datetimes in ISO-8601), or {@code null} if missing. */
    String format(int row);
}

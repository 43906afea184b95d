package dev.forja.core.profile;

import dev.forja.core.frame.ColumnKind;
import java.util.List;

/**
 * Profile of a numeric column.
 *
 * @param summary  distribution of the non-missing values (infinities included in min/max/quantiles)
 * @param top      up to {@value Profiler#TOP} most frequent values, most frequent first; ties: smaller value first
 * @param zeros    values equal to 0
 * @param infinite values that are +∞ or −∞
 * @param sentinel a placeholder value such as 999 or −1 found at one end of the range, or {@code null}
 *                 (see {@link Sentinel})
 */
public record NumericProfile(String name, long rows, long missing, long distinct, Summary summary,
                             List<NumberCount> top, long zeros, long infinite, Sentinel sentinel)
        implements ColumnProfile {

    public NumericProfile {
        top = List.copyOf(top);
    }

    @Override
    public ColumnKind kind() {
        return ColumnKind.NUMERIC;
    }
}

package dev.forja.core.profile;

import dev.forja.core.frame.ColumnKind;
import java.util.List;

/**
 * Profile of a datetime column. Instants are epoch milliseconds (UTC).
 *
 * @param min       earliest instant, or {@code null} when all are missing
 * @param max       latest instant, or {@code null}
 * @param quantiles 5/25/50/75/95 % quantiles of the epoch milliseconds (linear interpolation)
 * @param histogram rows over time in equal-width bins (edges in epoch milliseconds), or {@code null}
 * @param top       up to {@value Profiler#TOP} most frequent instants (ISO-8601); ties: earlier first
 */
public record DatetimeProfile(String name, long rows, long missing, long distinct, Long min, Long max,
                              Quantiles quantiles, Histogram histogram, List<ValueCount> top)
        implements ColumnProfile {

    public DatetimeProfile {
        top = List.copyOf(top);
    }

    @Override
    public ColumnKind kind() {
        return ColumnKind.DATETIME;
    }
}

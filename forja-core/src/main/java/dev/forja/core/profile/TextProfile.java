package dev.forja.core.profile;

import dev.forja.core.frame.ColumnKind;
import java.util.List;

/**
 * Profile of a free-text column.
 *
 * @param length    lengths of the texts in characters (Unicode code points)
 * @param words     words per text (runs of non-blank characters)
 * @param top       up to {@value Profiler#TOP} most frequent whole texts; ties: first appearance first
 * @param topTokens up to {@value Profiler#TOP} most frequent tokens (runs of letters and digits, lower-cased);
 *                  ties: first appearance first
 */
public record TextProfile(String name, long rows, long missing, long distinct, Summary length, Summary words,
                          List<ValueCount> top, List<ValueCount> topTokens) implements ColumnProfile {

    public TextProfile {
        top = List.copyOf(top);
        topTokens = List.copyOf(topTokens);
    }

    @Override
    public ColumnKind kind() {
        return ColumnKind.TEXT;
    }
}

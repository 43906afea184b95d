package dev.forja.core.profile;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@code k} largest counts of a stream of (value, count) pairs, largest first; among equal counts the
 * value offered first stays first. Callers offer values in their tie-break order (ascending numbers,
 * level order, first appearance), so the result is deterministic.
 */
final class TopCounts<T> {
    private final int k;
    private final Object[] values;
    private final long[] counts;
    private int size;

    TopCounts(int k) {
        this.k = k;
        this.values = new Object[k];
        this.counts = new long[k];
    }

    /** Whether a value with this count would enter the top (check before building the value). */
    boolean accepts(long count) {
        return k > 0 && (size < k || count > counts[size - 1]);
    }

    void offer(T value, long count) {
        if (!accepts(count)) {
            return;
        }
        int at = size < k ? size : k - 1; // when full, the last entry drops out
        // Move past every entry with a count >= this one, so earlier-offered ties stay ahead.
        while (at > 0 && counts[at - 1] < count) {
            values[at] = values[at - 1];
            counts[at] = counts[at - 1];
            at--;
        }
        values[at] = value;
        counts[at] = count;
        if (size < k) {
            size++;
        }
    }

    int size() {
        return size;
    }

    @SuppressWarnings("unchecked")
    T value(int i) {
        return (T) values[i];
    }

    long count(int i) {
        return counts[i];
    }

    List<ValueCount> toValueCounts(java.util.function.Function<T, String> label) {
        List<ValueCount> out = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            out.add(new ValueCount(label.apply(value(i)), counts[i]));
        }
        return out;
    }
}

package dev.forja.core.profile;

import dev.forja.core.frame.CategoricalColumn;
import dev.forja.core.frame.Column;
import dev.forja.core.frame.DatetimeColumn;
import dev.forja.core.frame.Frame;
import dev.forja.core.frame.NumericColumn;
import dev.forja.core.frame.TextColumn;
import java.util.Arrays;
import java.util.List;

/**
 * Counts rows that repeat an earlier row exactly, over all columns (pandas' {@code duplicated().sum()}):
 * the number of rows minus the number of distinct rows. Two missing values are equal, and so are
 * {@code 0.0} and {@code -0.0}.
 *
 * <p>Exact, not estimated: every row gets a 64-bit hash (column by column, so each column's values are
 * read in one sequential pass), rows are sorted by hash, and rows with equal hashes are compared value by
 * value, so a hash collision never counts as a duplicate.
 */
final class DuplicateRows {
    private DuplicateRows() {
    }

    static long count(Frame frame) {
        return count(frame, -1L);
    }

    /**
     * @param hashMask bits of the row hash kept; tests pass a narrow mask to force collisions and check that
     *                 they are resolved exactly
     */
    static long count(Frame frame, long hashMask) {
        int rows = frame.rowCount();
        List<Column> columns = frame.columns();
        if (rows < 2 || columns.isEmpty()) {
            return 0;
        }
        long[] hash = new long[rows];
        Arrays.fill(hash, 0x2545F4914F6CDD1DL);
        for (Column c : columns) {
            mix(c, hash);
        }
        if (hashMask != -1L) {
            for (int r = 0; r < rows; r++) {
                hash[r] &= hashMask;
            }
        }
        // Distinct hashes mean distinct rows: the common case ends after one primitive sort.
        long[] sortedHashes = hash.clone();
        NumberSort.sort(sortedHashes, 0, rows);
        boolean collision = false;
        for (int i = 1; i < rows; i++) {
            if (sortedHashes[i] == sortedHashes[i - 1]) {
                collision = true;
                break;
            }
        }
        if (!collision) {
            return 0;
        }
        return countWithEqualHashes(frame, hash, sortedHashes);
    }

    /** Only the rows whose hash is shared need comparing; there are usually few of them. */
    private static long countWithEqualHashes(Frame frame, long[] hash, long[] sortedHashes) {
        int rows = hash.length;
        // Hashes that occur more than once.
        long[] shared = new long[rows];
        int s = 0;
        for (int i = 1; i < rows; i++) {
            if (sortedHashes[i] == sortedHashes[i - 1] && (s == 0 || shared[s - 1] != sortedHashes[i])) {
                shared[s++] = sortedHashes[i];
            }
        }
        shared = Arrays.copyOf(shared, s);
        // Rows with a shared hash, grouped by hash (stable: in row order within a hash).
        int candidates = 0;
        for (int r = 0; r < rows; r++) {
            if (Arrays.binarySearch(shared, hash[r]) >= 0) {
                candidates++;
            }
        }
        long[] keyed = new long[candidates];
        int[] order = new int[candidates];
        int k = 0;
        for (int r = 0; r < rows; r++) {
            int group = Arrays.binarySearch(shared, hash[r]);
            if (group >= 0) {
                keyed[k++] = ((long) group << 32) | r;
            }
        }
        Arrays.sort(keyed);
        for (int i = 0; i < candidates; i++) {
            order[i] = (int) keyed[i];
        }
        List<Column> columns = frame.columns();
        long duplicates = 0;
        int start = 0;
        while (start < candidates) {
            int group = (int) (keyed[start] >>> 32);
            int end = start + 1;
            while (end < candidates && (int) (keyed[end] >>> 32) == group) {
                end++;
            }
            duplicates += duplicatesInGroup(columns, order, start, end);
            start = end;
        }
        return duplicates;
    }

    /** Rows of {@code order[start..end)} equal to an earlier row of the group. */
    private static long duplicatesInGroup(List<Column> columns, int[] order, int start, int end) {
        long duplicates = 0;
        int[] distinct = new int[end - start];
        int d = 0;
        for (int i = start; i < end; i++) {
            boolean seen = false;
            for (int j = 0; j < d && !seen; j++) {
                seen = equalRows(columns, distinct[j], order[i]);
            }
            if (seen) {
                duplicates++;
            } else {
                distinct[d++] = order[i];
            }
        }
        return duplicates;
    }

    private static boolean equalRows(List<Column> columns, int a, int b) {
        for (Column c : columns) {
            if (!equalCells(c, a, b)) {
                return false;
            }
        }
        return true;
    }

    private static boolean equalCells(Column c, int a, int b) {
        if (c instanceof NumericColumn n) {
            return canonical(n.get(a)) == canonical(n.get(b));
        } else if (c instanceof CategoricalColumn k) {
            return k.code(a) == k.code(b);
        } else if (c instanceof TextColumn t) {
            String x = t.get(a);
            String y = t.get(b);
            return x == null ? y == null : x.equals(y);
        } else {
            return ((DatetimeColumn) c).millis(a) == ((DatetimeColumn) c).millis(b);
        }
    }

    /** Bits of a number with all NaNs alike and -0.0 as 0.0. */
    private static long canonical(double v) {
        if (Double.isNaN(v)) {
            return 0x7ff8000000000000L;
        }
        return Double.doubleToRawLongBits(v == 0.0 ? 0.0 : v);
    }

    private static void mix(Column c, long[] hash) {
        int rows = hash.length;
        if (c instanceof NumericColumn n) {
            for (int r = 0; r < rows; r++) {
                hash[r] = step(hash[r], canonical(n.get(r)));
            }
        } else if (c instanceof CategoricalColumn k) {
            for (int r = 0; r < rows; r++) {
                hash[r] = step(hash[r], k.code(r));
            }
        } else if (c instanceof TextColumn t) {
            for (int r = 0; r < rows; r++) {
                String s = t.get(r);
                hash[r] = step(hash[r], s == null ? 0x9E3779B97F4A7C15L : s.hashCode() ^ ((long) s.length() << 32));
            }
        } else {
            DatetimeColumn dt = (DatetimeColumn) c;
            for (int r = 0; r < rows; r++) {
                hash[r] = step(hash[r], dt.millis(r));
            }
        }
    }

    /** Folds one value into a row hash (a multiply-xorshift round; collisions are resolved exactly anyway). */
    private static long step(long h, long v) {
        long z = (h ^ v) * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 32)) * 0xD6E8FEB86659FD93L;
        return z ^ (z >>> 32);
    }
}

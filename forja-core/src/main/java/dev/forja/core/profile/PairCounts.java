package dev.forja.core.profile;

import java.util.Arrays;

/**
 * The contingency table of two code columns (rows where both codes are {@code >= 0}, optionally only the
 * rows of one fold). Small tables are dense arrays; a table with more than {@link #DENSE_LIMIT} cells
 * (a column of a hundred thousand levels against many classes) is kept as sorted cell keys instead, so
 * memory stays proportional to the rows.
 */
final class PairCounts {
    static final int DENSE_LIMIT = 1 << 20;

    /** Receives the non-empty cells, ordered by {@code a} code, then {@code b} code. */
    interface CellVisitor {
        void cell(int a, int b, int count);
    }

    private final int bLevels;
    private final long[] aTotals;
    private final long[] bTotals;
    private final long n;
    private final int[] dense;   // a * bLevels + b -> count, or null
    private final long[] keys;   // sorted a * bLevels + b of every counted row, or null

    private PairCounts(int bLevels, long[] aTotals, long[] bTotals, long n, int[] dense, long[] keys) {
        this.bLevels = bLevels;
        this.aTotals = aTotals;
        this.bTotals = bTotals;
        this.n = n;
        this.dense = dense;
        this.keys = keys;
    }

    /** Counts all rows. */
    static PairCounts of(int[] a, int aLevels, int[] b, int bLevels) {
        return of(a, aLevels, b, bLevels, null, 0, DENSE_LIMIT);
    }

    /**
     * Counts the rows whose fold is {@code fold} ({@code folds == null}: every row).
     *
     * @param denseLimit largest table kept dense (a parameter so tests can cover both layouts)
     */
    static PairCounts of(int[] a, int aLevels, int[] b, int bLevels, byte[] folds, int fold, int denseLimit) {
        long[] aTotals = new long[aLevels];
        long[] bTotals = new long[bLevels];
        long n = 0;
        boolean dense = (long) aLevels * bLevels <= denseLimit;
        int[] table = dense ? new int[aLevels * bLevels] : null;
        long[] keys = dense ? null : new long[a.length];
        for (int i = 0; i < a.length; i++) {
            int x = a[i];
            int y = b[i];
            if (x < 0 || y < 0 || (folds != null && folds[i] != fold)) {
                continue;
            }
            aTotals[x]++;
            bTotals[y]++;
            if (dense) {
                table[x * bLevels + y]++;
            } else {
                keys[(int) n] = (long) x * bLevels + y;
            }
            n++;
        }
        if (!dense) {
            keys = Arrays.copyOf(keys, (int) n);
            Arrays.sort(keys);
        }
        return new PairCounts(bLevels, aTotals, bTotals, n, table, keys);
    }

    long total() {
        return n;
    }

    long aTotal(int a) {
        return aTotals[a];
    }

    long bTotal(int b) {
        return bTotals[b];
    }

    int aLevels() {
        return aTotals.length;
    }

    int bLevels() {
        return bTotals.length;
    }

    /** Non-empty levels of {@code a}. */
    int aPresent() {
        return present(aTotals);
    }

    /** Non-empty levels of {@code b}. */
    int bPresent() {
        return present(bTotals);
    }

    private static int present(long[] totals) {
        int k = 0;
        for (long t : totals) {
            if (t > 0) {
                k++;
            }
        }
        return k;
    }

    /** The table is a dense array, and {@link #forEachCell} can visit empty cells too. */
    boolean isDense() {
        return dense != null;
    }

    /**
     * Visits the non-empty cells, and with {@code withEmpty} on a dense table also the empty cells whose
     * row and column levels occur.
     */
    void forEachCell(CellVisitor visitor, boolean withEmpty) {
        if (dense != null) {
            for (int x = 0; x < aTotals.length; x++) {
                if (aTotals[x] == 0) {
                    continue;
                }
                int base = x * bLevels;
                for (int y = 0; y < bLevels; y++) {
                    int c = dense[base + y];
                    if (c > 0 || (withEmpty && bTotals[y] > 0)) {
                        visitor.cell(x, y, c);
                    }
                }
            }
            return;
        }
        int i = 0;
        while (i < keys.length) {
            long key = keys[i];
            int j = i + 1;
            while (j < keys.length && keys[j] == key) {
                j++;
            }
            visitor.cell((int) (key / bLevels), (int) (key % bLevels), j - i);
            i = j;
        }
    }
}

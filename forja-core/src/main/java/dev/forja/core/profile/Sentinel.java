package dev.forja.core.profile;

/**
 * A placeholder number standing in for "unknown" or "not applicable" (such as {@code pdays = 999} in the
 * bank-marketing data, or {@code -1}), which a model would read as a real, extreme value.
 *
 * <p>Rule: the smallest value is {@code -1} or a negative run of nines ({@code -9, -99, ...}) and every
 * other value is {@code >= 0}; or the largest value is a run of at least two nines ({@code 99, 999,
 * ...}) and the next largest value is below half of it. In both cases the column must hold at least
 * {@value #MIN_OTHER_DISTINCT} other distinct values (so a {-1, 0, 1} scale is not flagged) and the
 * value must take at least {@value #MIN_SHARE_PERCENT} % of the non-missing values and appear at least
 * twice.
 *
 * @param value the placeholder
 * @param count rows that hold it
 * @param share count / non-missing values
 */
public record Sentinel(double value, long count, double share) {
    static final int MIN_OTHER_DISTINCT = 3;
    static final int MIN_SHARE_PERCENT = 1;

    /** Looks for a sentinel at either end of the first {@code n} values of an ascending array. */
    static Sentinel find(double[] sorted, int n, long distinct) {
        if (n < 2 || distinct < MIN_OTHER_DISTINCT + 1) {
            return null;
        }
        double lo = sorted[0];
        if (isNegativeNines(lo)) {
            int run = runFrom(sorted, 0, n);
            if (run < n && sorted[run] >= 0) {
                Sentinel s = of(lo, run, n);
                if (s != null) {
                    return s;
                }
            }
        }
        double hi = sorted[n - 1];
        if (isNines(hi)) {
            int start = n - 1;
            while (start > 0 && sorted[start - 1] == hi) {
                start--;
            }
            if (start > 0 && sorted[start - 1] < hi / 2) {
                return of(hi, n - start, n);
            }
        }
        return null;
    }

    private static Sentinel of(double value, long count, int n) {
        double share = (double) count / n;
        if (count < 2 || share * 100 < MIN_SHARE_PERCENT) {
            return null;
        }
        return new Sentinel(value, count, share);
    }

    private static int runFrom(double[] sorted, int from, int n) {
        int i = from;
        while (i < n && sorted[i] == sorted[from]) {
            i++;
        }
        return i;
    }

    /** 99, 999, 9999 ... (two nines or more). */
    static boolean isNines(double v) {
        if (v < 99 || v > 1e15 || v != Math.rint(v)) {
            return false;
        }
        long x = (long) v;
        while (x > 0) {
            if (x % 10 != 9) {
                return false;
            }
            x /= 10;
        }
        return true;
    }

    /** -1, -9, -99, -999 ... */
    static boolean isNegativeNines(double v) {
        return v == -1 || (v < 0 && isNinesOrNine(-v));
    }

    private static boolean isNinesOrNine(double v) {
        return v == 9 || isNines(v);
    }
}

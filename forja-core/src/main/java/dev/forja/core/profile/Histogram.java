package dev.forja.core.profile;

import java.util.Arrays;

/**
 * Counts of values in contiguous bins: bin {@code i} covers {@code [edges[i], edges[i+1])}, the last one
 * also its right edge (numpy's convention). {@code edges.length == counts.length + 1}. For datetime
 * columns the edges are epoch milliseconds.
 */
public record Histogram(double[] edges, long[] counts) {
    /** Most bins a histogram gets; enough to see a shape, few enough to read. */
    public static final int MAX_BINS = 40;

    /** Integer-valued data spanning fewer than this many values gets one bin per integer. */
    static final int MAX_INTEGER_BINS = 50;

    public Histogram {
        if (edges.length != counts.length + 1) {
            throw new IllegalArgumentException(edges.length + " edges for " + counts.length + " bins");
        }
        edges = edges.clone();
        counts = counts.clone();
    }

    @Override
    public double[] edges() {
        return edges.clone();
    }

    @Override
    public long[] counts() {
        return counts.clone();
    }

    public int bins() {
        return counts.length;
    }

    public double edge(int i) {
        return edges[i];
    }

    public long count(int bin) {
        return counts[bin];
    }

    /**
     * The histogram of the finite values among the first {@code n} of an ascending array, or
     * {@code null} if there are none. Bins:
     * <ul>
     *   <li>a single value {@code v}: one bin {@code [v - 0.5, v + 0.5]} (as numpy does);</li>
     *   <li>integers spanning fewer than {@value #MAX_INTEGER_BINS} values: one bin per integer, edges
     *       halfway between them, so bars sit on the values (counts, ratings, flags);</li>
     *   <li>other integers: bins {@code w = ceil((max - min + 1) / r)} values wide, where {@code r} is the
     *       Rice number below, starting at {@code min - 0.5}: {@code ceil((max - min + 1) / w)} bins, each
     *       holding the same number of possible values;</li>
     *   <li>otherwise equal-width bins over {@code [min, max]}, {@code r = ceil(2 n^(1/3))} of them (the Rice
     *       rule), at most {@value #MAX_BINS}.</li>
     * </ul>
     * Values fall into bins exactly as in {@code numpy.histogram(x, bins, range)}.
     */
    static Histogram ofSorted(double[] sorted, int n, boolean integral) {
        int from = 0;
        int to = n;
        while (from < to && sorted[from] == Double.NEGATIVE_INFINITY) {
            from++;
        }
        while (to > from && sorted[to - 1] == Double.POSITIVE_INFINITY) {
            to--;
        }
        int finite = to - from;
        if (finite == 0) {
            return null;
        }
        double lo = sorted[from];
        double hi = sorted[to - 1];
        int bins;
        if (lo == hi) {
            bins = 1;
            lo -= 0.5;
            hi += 0.5;
        } else if (integral && hi - lo < MAX_INTEGER_BINS) {
            bins = (int) (hi - lo) + 1;
            lo -= 0.5;
            hi += 0.5;
        } else if (integral && hi - lo < 1e15) {
            // Whole numbers over a wide range: bins a whole number of values wide, edges halfway between
            // values, so that no bin holds one more value than its neighbour (a comb pattern otherwise).
            double values = hi - lo + 1;
            double width = Math.ceil(values / riceBins(finite));
            bins = (int) Math.ceil(values / width);
            lo -= 0.5;
            hi = lo + bins * width;
        } else {
            bins = riceBins(finite);
        }
        return equalWidth(sorted, from, to, lo, hi, bins);
    }

    /** The Rice rule, {@code ceil(2 n^(1/3))} bins, at most {@value #MAX_BINS}. */
    private static int riceBins(int n) {
        return (int) Math.min(MAX_BINS, Math.ceil(2 * Math.cbrt(n)));
    }

    /** numpy's equal-width binning of the values {@code sorted[from..to)} (all inside {@code [lo, hi]}). */
    static Histogram equalWidth(double[] values, int from, int to, double lo, double hi, int bins) {
        double[] edges = new double[bins + 1];
        double step = (hi - lo) / bins; // numpy.linspace: start + i * step, last edge exactly hi
        for (int i = 0; i < bins; i++) {
            edges[i] = lo + i * step;
        }
        edges[bins] = hi;
        long[] counts = new long[bins];
        double width = hi - lo;
        for (int i = from; i < to; i++) {
            double x = values[i];
            int k = (int) ((x - lo) / width * bins);
            if (k == bins) {
                k--;
            }
            if (x < edges[k]) {
                k--;
            } else if (k != bins - 1 && x >= edges[k + 1]) {
                k++;
            }
            counts[k]++;
        }
        return new Histogram(edges, counts);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Histogram h && Arrays.equals(edges, h.edges) && Arrays.equals(counts, h.counts);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(edges) + Arrays.hashCode(counts);
    }

    @Override
    public String toString() {
        return "Histogram[edges=" + Arrays.toString(edges) + ", counts=" + Arrays.toString(counts) + "]";
    }
}

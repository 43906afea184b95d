package dev.forja.core.split;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Class imbalance remedies for the training part only (never the test part, whose class balance is the
 * truth the model will meet): "balanced" class weights, and seeded random over- and under-sampling.
 */
public final class Rebalance {
    private Rebalance() {
    }

    /** scikit-learn's "balanced" weights: {@code n / (k × n_c)} for a row of class c. */
    public static double[] balancedWeights(double[] y, int classes) {
        int[] counts = counts(y, classes);
        int present = 0;
        for (int c : counts) {
            if (c > 0) {
                present++;
            }
        }
        double[] w = new double[y.length];
        for (int r = 0; r < y.length; r++) {
            w[r] = (double) y.length / (present * counts[(int) y[r]]);
        }
        return w;
    }

    /** Positions (into {@code y}) with every class repeated at random up to the largest class's count. */
    public static int[] oversample(double[] y, int classes, long seed) {
        int[] counts = counts(y, classes);
        int max = Arrays.stream(counts).max().orElse(0);
        SplittableRandom random = new SplittableRandom(seed);
        List<Integer> out = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            int[] members = members(y, c);
            for (int m : members) {
                out.add(m);
            }
            for (int extra = members.length; members.length > 0 && extra < max; extra++) {
                out.add(members[random.nextInt(members.length)]);
            }
        }
        return out.stream().mapToInt(Integer::intValue).sorted().toArray();
    }

    /** Positions with every class cut at random down to the smallest present class's count. */
    public static int[] undersample(double[] y, int classes, long seed) {
        int[] counts = counts(y, classes);
        int min = Arrays.stream(counts).filter(c -> c > 0).min().orElse(0);
        List<Integer> out = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            int[] members = Shuffle.copy(members(y, c), seed + 31L * c);
            for (int i = 0; i < Math.min(min, members.length); i++) {
                out.add(members[i]);
            }
        }
        return out.stream().mapToInt(Integer::intValue).sorted().toArray();
    }

    private static int[] counts(double[] y, int classes) {
        int[] counts = new int[classes];
        for (double v : y) {
            counts[(int) v]++;
        }
        return counts;
    }

    private static int[] members(double[] y, int c) {
        return java.util.stream.IntStream.range(0, y.length).filter(r -> (int) y[r] == c).toArray();
    }
}

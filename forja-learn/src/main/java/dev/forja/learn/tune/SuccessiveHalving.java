package dev.forja.learn.tune;

import java.util.ArrayList;
import java.util.List;

/**
 * Asynchronous successive halving (ASHA, Li et al. 2018) with the data as the budget: a trial is first
 * fitted on a ninth, then on a third of the first fold's training rows, and only if it ranks in the
 * best third of the trials seen at that rung does it go on to the full cross-validation. Decisions are
 * taken as trials arrive (no waiting for a rung to fill), so parallel workers never idle; with fewer
 * than three trials at a rung, only the best so far goes on.
 */
public final class SuccessiveHalving {
    static final int ETA = 3;
    /** The share of the first fold's training rows at each rung before the full cross-validation. */
    static final double[] FRACTIONS = {1.0 / 9, 1.0 / 3};
    private final List<List<Double>> rungs = new ArrayList<>();

    public SuccessiveHalving() {
        for (int r = 0; r < FRACTIONS.length; r++) {
            rungs.add(new ArrayList<>());
        }
    }

    /** Records a trial's score at a rung (higher is better) and says whether it goes on. */
    public synchronized boolean promote(int rung, double score) {
        List<Double> seen = rungs.get(rung);
        seen.add(score);
        int n = seen.size();
        int keep = Math.max(1, n / ETA);
        List<Double> sorted = new ArrayList<>(seen);
        sorted.sort((a, b) -> Double.compare(b, a));
        return score >= sorted.get(keep - 1);
    }
}

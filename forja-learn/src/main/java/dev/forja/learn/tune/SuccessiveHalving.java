package dev.forja.learn.tune;

import dev.forja.learn.learners.Learner;
import dev.forja.learn.learners.Params;
import dev.forja.learn.train.CrossValidation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Asynchronous successive halving (ASHA, Li et al. 2018): a trial is first scored on the first fold with
 * a ninth, then a third of a budget, and only if it ranks in the best third of the trials seen at that
 * rung does it go on to the full cross-validation. The budget is the learner's own where it has one
 * ({@link Learner#budgetParam()}: boosting rounds, trees; a ninth of the trial's rounds first), else the
 * data (a ninth of the fold's training rows first). Decisions are taken as trials arrive (no waiting for a
 * rung to fill), so parallel workers never idle; with fewer than three trials at a rung, only the best so
 * far goes on.
 *
 * <p>Like every low-budget look, it favours configurations that learn fast: a small learning rate
 * with many rounds looks worse after a ninth of them than it ends. Median pruning over folds has no
 * such bias but saves less.
 */
public final class SuccessiveHalving {
    static final int ETA = 3;
    /** The budget's share at each rung before the full cross-validation. */
    static final double[] FRACTIONS = {1.0 / 9, 1.0 / 3};
    private final String budgetParam;
    private final List<List<Double>> rungs = new ArrayList<>();

    /**
     * @param budgetParam the learner's budget hyperparameter, or null to halve on the data
     */
    private SuccessiveHalving(String budgetParam) {
        this.budgetParam = budgetParam;
        for (int r = 0; r < FRACTIONS.length; r++) {
            rungs.add(new ArrayList<>());
        }
    }

    /** On the learner's own budget where it has one, else on the data; on the data always when {@code dataOnly}. */
    public static SuccessiveHalving forLearner(Learner learner, boolean dataOnly) {
        return new SuccessiveHalving(dataOnly ? null : learner.budgetParam());
    }

    static int rungs() {
        return FRACTIONS.length;
    }

    /** What a trial is given at each rung, for provenance and the command's report. */
    public String describe() {
        String what = budgetParam == null ? "of the first fold's training rows" : "of each trial's " + budgetParam + " on the first fold";
        return "successive halving (asha): a ninth, then a third " + what + ", the best third going on to all folds";
    }

    /** The hyperparameter halved, or null for the data. */
    public String budgetParam() {
        return budgetParam;
    }

    /** The trial's score (in the metric's own direction) at {@code rung}: the first fold, fitted with that rung's share of the budget. */
    double score(CrossValidation cv, Learner learner, Map<String, String> params, int rung) {
        if (budgetParam == null) {
            return cv.scoreOnShare(0, Params.of(learner, params), FRACTIONS[rung]);
        }
        int full = Params.of(learner, params).getInt(budgetParam);
        Map<String, String> less = new LinkedHashMap<>(params);
        less.put(budgetParam, Integer.toString(Math.max(1, (int) Math.round(full * FRACTIONS[rung]))));
        return cv.score(0, Params.of(learner, less));
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

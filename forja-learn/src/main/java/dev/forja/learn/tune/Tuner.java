package dev.forja.learn.tune;

import dev.forja.core.ForjaException;
import dev.forja.core.ProgressListener;
import dev.forja.core.metrics.Metrics;
import dev.forja.learn.learners.Learner;
import dev.forja.learn.learners.Params;
import dev.forja.learn.train.CrossValidation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Runs a hyperparameter search: trials drawn by a {@link Sampler}, each scored by the same
 * cross-validation folds, stopped early by the {@link MedianPruner} or {@link SuccessiveHalving},
 * {@code parallel} at a time (each trial's learner on one thread), until the trial budget, the time
 * budget, the sampler's end (a finished grid) or a stop request (Ctrl-C) — whichever comes first; the
 * best trial so far is kept.
 *
 * <p>One trial at a time, a search is reproducible for a seed. In parallel, which trials TPE (or the
 * median rule) has seen depends on the order they happen to finish, as in Optuna, so two runs of the
 * same seed differ — unless {@code reproducible}: then trial n sees exactly the trials numbered up to
 * n − parallel, waiting for any of them still running, and the same seed gives the same trials whatever
 * the timing. The price is a core idling behind a slow trial: with median pruning, trial lengths vary
 * five-fold and two cores were 64% busy instead of 100% (forja-bench's TuneBench), hence off by default.
 * Successive halving decides on arrival and stays order-dependent; a time budget makes the number of
 * trials depend on speed.
 */
public final class Tuner {
    /**
     * @param trials     at most this many trials (0: no limit)
     * @param time       at most this long (null: no limit); a trial still running then is abandoned
     * @param gridPoints values per numeric range for a grid search
     * @param pruner     {@code median} (over folds), {@code asha} (successive halving on the learner's own budget, else
     *                   the data), {@code asha-data} (successive halving on a share of the data) or {@code none}
     */
    public record Options(String search, int trials, Duration time, int parallel, long seed, int gridPoints, String pruner, boolean reproducible) {
        public static final List<String> PRUNERS = List.of("median", "asha", "asha-data", "none");

        public Options {
            if (!PRUNERS.contains(pruner)) {
                throw new ForjaException("unknown pruner '" + pruner + "'", "use one of " + String.join(", ", PRUNERS));
            }
        }

        /** Trials never wait for each other (reproducible with one at a time only). */
        public Options(String search, int trials, Duration time, int parallel, long seed, int gridPoints, String pruner) {
            this(search, trials, time, parallel, seed, gridPoints, pruner, false);
        }

        /** With median pruning, or none; trials never wait for each other. */
        public Options(String search, int trials, Duration time, int parallel, long seed, int gridPoints, boolean prune) {
            this(search, trials, time, parallel, seed, gridPoints, prune ? "median" : "none");
        }

        /** Whether trial n must wait to see exactly the trials up to n − parallel: only where what it sees matters. */
        boolean waitsForEarlierTrials() {
            return reproducible && parallel > 1 && (search.equals("tpe") || pruner.equals("median"));
        }
    }

    /**
     * @param pruning how trials were stopped early, in words (for the report and the run's tags)
     */
    public record Result(Trial best, List<Trial> trials, long pruned, long failed, double seconds, String metric, String stoppedBy, String pruning) {
    }

    private Tuner() {
    }

    public static Result run(CrossValidation cv, Learner learner, SearchSpace space, Options o, BooleanSupplier stop, Consumer<Trial> onTrial,
                             ProgressListener progress) {
        return run(cv, learner, space, o, List.of(), stop, onTrial, progress);
    }

    /**
     * A search that continues from {@code previous} trials of the same space on the same folds: the
     * sampler sees them, new trials are numbered after them, and the result holds all of them.
     */
    public static Result run(CrossValidation cv, Learner learner, SearchSpace space, Options o, List<Trial> previous, BooleanSupplier stop,
                             Consumer<Trial> onTrial, ProgressListener progress) {
        if (o.trials() == 0 && o.time() == null && !o.search().equals("grid")) {
            throw new ForjaException("a " + o.search() + " search needs a budget", "give --trials N and/or --time 10m");
        }
        Sampler sampler = Sampler.named(o.search(), space, o.gridPoints());
        String metric = cv.task().metric();
        double sign = Metrics.higherIsBetter(metric) ? 1 : -1;
        long start = System.nanoTime();
        long deadline = o.time() == null ? Long.MAX_VALUE : start + o.time().toNanos();
        List<Trial> history = new ArrayList<>(previous);
        int first = previous.stream().mapToInt(Trial::number).max().orElse(-1) + 1;
        int[] next = {first};
        java.util.BitSet finished = new java.util.BitSet();
        int threads = Math.max(1, o.parallel());
        int limit = o.trials() > 0 ? next[0] + o.trials() : 0;
        String[] stoppedBy = {null};
        MedianPruner median = o.pruner().equals("median") ? new MedianPruner() : null;
        SuccessiveHalving halving = o.pruner().startsWith("asha") ? SuccessiveHalving.forLearner(learner, o.pruner().equals("asha-data")) : null;
        String pruning = halving != null ? halving.describe() : median != null ? median.describe() : "none";
        Runnable worker = () -> {
            while (true) {
                int number;
                Map<String, String> params;
                List<Trial> seen;
                synchronized (history) {
                    if (stoppedBy[0] != null) {
                        return;
                    }
                    if (stop.getAsBoolean()) {
                        stoppedBy[0] = "interrupted";
                        return;
                    }
                    if (limit > 0 && next[0] >= limit) {
                        stoppedBy[0] = "trials";
                        return;
                    }
                    if (System.nanoTime() >= deadline) {
                        stoppedBy[0] = "time";
                        return;
                    }
                    number = next[0]++;
                    if (o.waitsForEarlierTrials()) {
                        // trials first..number-threads must have finished: wait for the slow ones among them
                        int upTo = number - threads;
                        while (upTo >= first && finished.nextClearBit(first) <= upTo) {
                            if (stop.getAsBoolean() || System.nanoTime() >= deadline) {
                                stoppedBy[0] = stop.getAsBoolean() ? "interrupted" : "time";
                                return;
                            }
                            try {
                                history.wait(100);
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                                return;
                            }
                        }
                        seen = history.stream().filter(t -> t.number() < first || t.number() <= upTo)
                                .sorted((a, b) -> Integer.compare(a.number(), b.number())).toList();
                    } else {
                        seen = List.copyOf(history);
                    }
                    params = sampler.sample(space, seen, new SplittableRandom(o.seed() * 0x9E3779B97F4A7C15L + number));
                    if (params == null) {
                        stoppedBy[0] = "grid";
                        return;
                    }
                }
                Trial t = evaluate(number, params, cv, learner, space, sign, deadline, stop, seen, median, halving);
                synchronized (history) {
                    history.add(t);
                    finished.set(number);
                    history.notifyAll();
                    if (progress != null) {
                        Trial best = best(history);
                        progress.update(String.format(java.util.Locale.ROOT, "tuning %s: trial %d %s; best %s %.4f", learner.id(), number,
                                t.state().name().toLowerCase(java.util.Locale.ROOT), metric, best == null ? Double.NaN : best.metric()), history.size(),
                                o.trials() > 0 ? o.trials() : -1);
                    }
                }
                onTrial.accept(t);
            }
        };
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread th = new Thread(r, "forja-tune");
            th.setDaemon(true);
            return th;
        });
        for (int i = 0; i < threads; i++) {
            pool.execute(worker);
        }
        pool.shutdown();
        try {
            while (!pool.awaitTermination(200, TimeUnit.MILLISECONDS)) {
                // waiting; workers watch the budget and the stop request themselves
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<Trial> all;
        synchronized (history) {
            all = new ArrayList<>(history);
        }
        all.sort((a, b) -> Integer.compare(a.number(), b.number()));
        Trial best = best(all);
        if (best == null) {
            String why = all.stream().filter(t -> t.error() != null).map(Trial::error).findFirst().orElse("no trial finished within the budget");
            throw new ForjaException("no trial completed: " + why, "give more time (--time) or check the search space");
        }
        return new Result(best, all, all.stream().filter(t -> t.state() == Trial.State.PRUNED).count(),
                all.stream().filter(t -> t.state() == Trial.State.FAILED).count(), (System.nanoTime() - start) / 1e9, metric,
                stoppedBy[0] == null ? "done" : stoppedBy[0], pruning);
    }

    private static Trial evaluate(int number, Map<String, String> sampled, CrossValidation cv, Learner learner, SearchSpace space, double sign,
                                  long deadline, BooleanSupplier stop, List<Trial> seen, MedianPruner pruner, SuccessiveHalving halving) {
        long t0 = System.nanoTime();
        Map<String, String> all = new LinkedHashMap<>(space.fixed());
        all.putAll(sampled);
        int k = cv.folds();
        double[] scores = new double[k];
        try {
            Params params = Params.of(learner, all);
            if (halving != null) {
                for (int rung = 0; rung < SuccessiveHalving.rungs(); rung++) {
                    if (System.nanoTime() >= deadline || stop.getAsBoolean()) {
                        return new Trial(number, sampled, Trial.State.FAILED, Double.NaN, Double.NaN, Double.NaN, new double[0], seconds(t0),
                                "stopped by the budget before its folds finished");
                    }
                    double s = halving.score(cv, learner, all, rung);
                    if (Double.isNaN(s) || !halving.promote(rung, sign * s)) {
                        // stopped on a share of the budget: its score is not comparable with full cross-validation
                        return new Trial(number, sampled, Trial.State.PRUNED, Double.NEGATIVE_INFINITY, Double.NaN, Double.NaN, new double[0], seconds(t0),
                                null);
                    }
                }
            }
            for (int f = 0; f < k; f++) {
                if (System.nanoTime() >= deadline || stop.getAsBoolean()) {
                    return new Trial(number, sampled, Trial.State.FAILED, Double.NaN, Double.NaN, Double.NaN, java.util.Arrays.copyOf(scores, f),
                            seconds(t0), "stopped by the budget before its folds finished");
                }
                scores[f] = cv.score(f, params);
                double mean = java.util.Arrays.stream(scores, 0, f + 1).average().orElse(Double.NaN);
                if (pruner != null && pruner.prune(f, k, mean, seen, sign)) {
                    double[] done = java.util.Arrays.copyOf(scores, f + 1);
                    return new Trial(number, sampled, Trial.State.PRUNED, sign * mean, mean, std(done), done, seconds(t0), null);
                }
            }
        } catch (RuntimeException e) {
            // a user's mistake keeps its message; a learner's bug fails the trial too, rather than killing the
            // worker silently and leaving later trials waiting for this one
            String why = e instanceof ForjaException || e instanceof IllegalArgumentException ? e.getMessage() : e.toString();
            return new Trial(number, sampled, Trial.State.FAILED, Double.NaN, Double.NaN, Double.NaN, new double[0], seconds(t0), why);
        }
        double mean = java.util.Arrays.stream(scores).average().orElse(Double.NaN);
        if (Double.isNaN(mean)) {
            return new Trial(number, sampled, Trial.State.FAILED, Double.NaN, Double.NaN, Double.NaN, scores, seconds(t0), "the metric is undefined");
        }
        return new Trial(number, sampled, Trial.State.COMPLETE, sign * mean, mean, std(scores), scores, seconds(t0), null);
    }

    static Trial best(List<Trial> trials) {
        Trial best = null;
        for (Trial t : trials) {
            if (t.state() == Trial.State.COMPLETE && (best == null || t.score() > best.score()
                    || (t.score() == best.score() && t.number() < best.number()))) {
                best = t;
            }
        }
        return best;
    }

    private static double std(double[] v) {
        double mean = java.util.Arrays.stream(v).average().orElse(Double.NaN);
        double s = 0;
        for (double x : v) {
            s += (x - mean) * (x - mean);
        }
        return v.length < 2 ? 0 : Math.sqrt(s / (v.length - 1));
    }

    private static double seconds(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }
}

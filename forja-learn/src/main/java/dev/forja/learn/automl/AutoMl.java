package dev.forja.learn.automl;

import dev.forja.core.ForjaException;
import dev.forja.core.ProgressListener;
import dev.forja.core.ingest.Dataset;
import dev.forja.core.metrics.Metrics;
import dev.forja.core.task.Task;
import dev.forja.learn.learners.FeatureNeeds;
import dev.forja.learn.learners.Learner;
import dev.forja.learn.learners.Learners;
import dev.forja.learn.learners.Params;
import dev.forja.learn.train.CrossValidation;
import dev.forja.learn.train.TrainOptions;
import dev.forja.learn.tune.SearchSpace;
import dev.forja.learn.tune.SearchSpaces;
import dev.forja.learn.tune.Trial;
import dev.forja.learn.tune.Tuner;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Model selection as a discipline, under a time budget: the baseline first, then simple models with
 * their defaults, then forests and boosted trees tuned by TPE, then a stacked ensemble of the best
 * distinct learners — every candidate scored on the same folds of the training part. The result is a
 * leaderboard with the trade-offs a team weighs (score with its spread, fit time, latency per row,
 * size, interpretability); the pick is the best candidate that meets the constraints.
 */
public final class AutoMl {
    /**
     * @param budget        the whole search's time; a share is kept back for the caller's refit
     * @param maxLatencyMs  candidates slower per row are not picked (NaN: no limit)
     * @param interpretable only interpretable candidates may be picked
     */
    public record Options(Duration budget, int folds, int parallel, long seed, double maxLatencyMs, boolean interpretable) {
    }

    /** The leaderboard, best first, and the pick (null when no candidate meets the constraints). */
    public record Result(Task task, List<Candidate> leaderboard, Candidate best, double seconds) {
    }

    /** A progress line: what is running, candidates done, the best so far, seconds left. */
    public record Progress(String stage, int done, Candidate best, double secondsLeft) {
    }

    private AutoMl() {
    }

    public static Result run(Dataset data, TrainOptions base, Options o, BooleanSupplier stop, Consumer<Progress> progress) {
        long start = System.nanoTime();
        long deadline = start + o.budget().toNanos();
        Map<FeatureNeeds, CrossValidation> folds = new HashMap<>();
        Map<String, List<Trial>> searches = new LinkedHashMap<>();
        Map<String, CrossValidation> tunedFolds = new LinkedHashMap<>();
        Task task = null;
        List<Candidate> board = new ArrayList<>();
        Plan plan = null;
        for (Step step : Plan.steps()) {
            if (stop.getAsBoolean()) {
                break;
            }
            Learner learner = Learners.get(step.learner());
            if (task != null && (!learner.tasks().contains(task.kind()) || !plan.applies(step))) {
                continue;
            }
            CrossValidation cv = folds.computeIfAbsent(learner.needs(), n -> CrossValidation.prepare(data, options(base, learner.id()), learner, o.folds()))
                    .with(learner);
            if (task == null) {
                task = cv.task();
                plan = new Plan(task, cv.trainingRows());
            }
            double left = (deadline - System.nanoTime()) / 1e9;
            double share = step.share() * o.budget().toMillis() / 1000.0;
            if (left <= 0.5) {
                break;
            }
            progress.accept(new Progress(step.learner() + (step.tuned() ? " (tuned)" : ""), board.size(), best(board), left));
            Candidate c;
            if (step.learner().equals("stacking")) {
                c = stacking(board, cv, learner, task, o, deadline, stop);
            } else if (step.tuned()) {
                c = tuned(cv, learner, task, o, Math.min(share, left), List.of(), stop, searches);
                tunedFolds.put(learner.id(), cv);
            } else {
                c = defaults(cv, learner, task, o, deadline);
            }
            if (c != null) {
                board.add(c);
            }
        }
        if (task == null) {
            throw new ForjaException("no candidate could be evaluated", "give more time");
        }
        // time left over: continue the search of the best tuned learner where it stopped
        while (!stop.getAsBoolean() && !tunedFolds.isEmpty()) {
            double left = (deadline - System.nanoTime()) / 1e9;
            Candidate leader = board.stream().filter(c -> tunedFolds.containsKey(c.model())).max(Comparator.comparingDouble(Candidate::score)).orElse(null);
            if (leader == null || left < Math.max(2, 0.05 * o.budget().toMillis() / 1000.0)) {
                break;
            }
            progress.accept(new Progress(leader.model() + " (tuned further)", board.size(), best(board), left));
            Learner learner = Learners.get(leader.model());
            Candidate more = tuned(tunedFolds.get(leader.model()), learner, task, o, left, searches.get(leader.model()), stop, searches);
            if (more == null || more.trials() <= leader.trials()) {
                break;
            }
            board.remove(leader);
            board.add(more.score() >= leader.score() ? more : withTrials(leader, more.trials()));
        }
        board.sort(Comparator.comparingDouble(Candidate::score).reversed());
        Candidate pick = board.stream().filter(c -> meets(c, o)).findFirst().orElse(null);
        progress.accept(new Progress("done", board.size(), pick, (deadline - System.nanoTime()) / 1e9));
        return new Result(task, board, pick, (System.nanoTime() - start) / 1e9);
    }

    static boolean meets(Candidate c, Options o) {
        return (!o.interpretable() || c.interpretable()) && (Double.isNaN(o.maxLatencyMs()) || c.latencyMs() <= o.maxLatencyMs());
    }

    private static Candidate best(List<Candidate> board) {
        return board.stream().max(Comparator.comparingDouble(Candidate::score)).orElse(null);
    }

    private static TrainOptions options(TrainOptions base, String model) {
        return new TrainOptions(base.target(), base.task(), model, Map.of(), base.testSize(), 0, 0, base.splitBy(), base.groupBy(), base.balance(), base.seed(),
                null, false);
    }

    /** A learner with its defaults, fold after fold until the deadline. */
    private static Candidate defaults(CrossValidation cv, Learner learner, Task task, Options o, long deadline) {
        Map<String, String> fixed = learner.id().equals("tree") ? Map.of("max_depth", "6") : Map.of();
        Params params = Params.of(learner, fixed);
        double[] scores = new double[cv.folds()];
        long t0 = System.nanoTime();
        for (int f = 0; f < cv.folds(); f++) {
            if (System.nanoTime() >= deadline) {
                return null;
            }
            scores[f] = cv.score(f, params);
        }
        return candidate(cv, learner, task, fixed, scores, 1, "simple", (System.nanoTime() - t0) / 1e9 / cv.folds());
    }

    private static Candidate withTrials(Candidate c, int trials) {
        return new Candidate(c.model(), c.params(), c.cvMetric(), c.cvStd(), c.score(), trials, c.trainSeconds(), c.latencyMs(), c.sizeBytes(),
                c.interpretable(), c.stage());
    }

    private static Candidate tuned(CrossValidation cv, Learner learner, Task task, Options o, double seconds, List<Trial> previous, BooleanSupplier stop,
                                   Map<String, List<Trial>> searches) {
        if (seconds < 1) {
            return null;
        }
        SearchSpace space = SearchSpaces.defaultFor(learner.id(), task);
        Tuner.Result r;
        try {
            // successive halving on the learner's own budget (rounds, trees) where it has one: on Adult it found median
            // pruning's best in a third of the time (PrunerBench), so more trials fit in the budget. Under a time budget the
            // trials done depend on speed anyway: no waiting to make them reproducible.
            String pruner = learner.budgetParam() != null ? "asha" : "median";
            r = Tuner.run(cv, learner, space, new Tuner.Options("tpe", 0, Duration.ofMillis((long) (seconds * 1000)), o.parallel(), o.seed() + previous.size(),
                    3, pruner, false), previous, stop, t -> { }, null);
        } catch (ForjaException e) {
            return null; // no trial finished in the time this learner had
        }
        searches.put(learner.id(), r.trials());
        Map<String, String> params = new LinkedHashMap<>(r.best().params());
        double fit = r.trials().stream().filter(t -> t.state() == Trial.State.COMPLETE).mapToDouble(Trial::seconds).average().orElse(0) / cv.folds();
        return candidate(cv, learner, task, params, r.best().foldScores(), r.trials().size(), "tuned", fit);
    }

    /** A stacked ensemble of the best three distinct learners so far, each with its best configuration. */
    private static Candidate stacking(List<Candidate> board, CrossValidation cv, Learner learner, Task task, Options o, long deadline, BooleanSupplier stop) {
        List<Candidate> members = board.stream().filter(c -> !c.model().equals("baseline")).sorted(Comparator.comparingDouble(Candidate::score).reversed())
                .limit(3).toList();
        if (members.size() < 2) {
            return null;
        }
        // the ensemble refits each member about (inner folds + 1) times per outer fold
        double estimate = members.stream().mapToDouble(Candidate::trainSeconds).sum() * 4 * cv.folds() * 1.3;
        if (System.nanoTime() + (long) (estimate * 1e9) > deadline) {
            return null;
        }
        List<String> ids = new ArrayList<>();
        List<String> memberParams = new ArrayList<>();
        for (Candidate c : members) {
            ids.add(c.model());
            c.params().forEach((k, v) -> memberParams.add(c.model() + "." + k + "=" + v));
        }
        Map<String, String> params = new LinkedHashMap<>();
        params.put("members", String.join(",", ids));
        params.put("member_params", String.join(";", memberParams));
        params.put("cv", "3");
        Params p = Params.of(learner, params);
        double[] scores = new double[cv.folds()];
        long t0 = System.nanoTime();
        for (int f = 0; f < cv.folds(); f++) {
            if (System.nanoTime() >= deadline || stop.getAsBoolean()) {
                return null;
            }
            scores[f] = cv.score(f, p);
        }
        return candidate(cv, learner, task, params, scores, 1, "ensemble", (System.nanoTime() - t0) / 1e9 / cv.folds());
    }

    private static Candidate candidate(CrossValidation cv, Learner learner, Task task, Map<String, String> params, double[] scores, int trials, String stage,
                                       double fitSeconds) {
        double mean = java.util.Arrays.stream(scores).average().orElse(Double.NaN);
        double var = 0;
        for (double s : scores) {
            var += (s - mean) * (s - mean);
        }
        double std = scores.length < 2 ? 0 : Math.sqrt(var / (scores.length - 1));
        CrossValidation.Profile prof = cv.profile(Params.of(learner, params));
        double sign = Metrics.higherIsBetter(task.metric()) ? 1 : -1;
        return new Candidate(learner.id(), params, mean, std, Double.isNaN(mean) ? Double.NEGATIVE_INFINITY : sign * mean, trials,
                Math.max(fitSeconds, prof.fitSeconds()), prof.latencyMs(), prof.sizeBytes(), Plan.interpretable(learner.id(), params), stage);
    }

    /** A learner to try and its share of the budget when tuned. */
    record Step(String learner, boolean tuned, double share) {
    }

    /** The order of the discipline, and which learners fit the data (k-NN only on small data). */
    static final class Plan {
        private final Task task;
        private final int rows;

        Plan(Task task, int rows) {
            this.task = task;
            this.rows = rows;
        }

        static List<Step> steps() {
            return List.of(new Step("baseline", false, 0), new Step("logistic", false, 0), new Step("linear", false, 0),
                    new Step("naive-bayes", false, 0), new Step("tree", false, 0), new Step("knn", false, 0), new Step("forest", true, 0.25),
                    new Step("xgboost", true, 0.45), new Step("stacking", false, 0));
        }

        boolean applies(Step s) {
            return !s.learner().equals("knn") || rows <= 20_000;
        }

        static boolean interpretable(String model, Map<String, String> params) {
            return switch (model) {
                case "baseline", "logistic", "linear", "naive-bayes" -> true;
                case "tree" -> {
                    // a tree a person can follow: at most six questions deep
                    int depth = Integer.parseInt(params.getOrDefault("max_depth", "0"));
                    yield depth > 0 && depth <= 6;
                }
                default -> false;
            };
        }
    }
}

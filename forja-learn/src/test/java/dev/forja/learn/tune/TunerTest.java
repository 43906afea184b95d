package dev.forja.learn.tune;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.forja.core.ForjaException;
import dev.forja.core.ingest.DataReaders;
import dev.forja.core.ingest.Dataset;
import dev.forja.core.task.Task;
import dev.forja.learn.learners.Learners;
import dev.forja.learn.train.CrossValidation;
import dev.forja.learn.train.TrainOptions;
import com.fasterxml.jackson.databind.JsonNode;
import dev.forja.core.ProgressListener;
import dev.forja.core.task.TaskKind;
import dev.forja.learn.learners.FeatureNeeds;
import dev.forja.learn.learners.Learner;
import dev.forja.learn.learners.ParamSpec;
import dev.forja.learn.learners.Params;
import dev.forja.learn.learners.Predictor;
import dev.forja.learn.learners.TrainingSet;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Searches on real data (Titanic): the budget, reproducibility, pruning, and that tuning pays off against the defaults. */
class TunerTest {
    private static final Path ROOT = Path.of(System.getProperty("forja.root", "..")).toAbsolutePath().normalize();
    private static CrossValidation cv;

    @BeforeAll
    static void folds() {
        Dataset titanic = DataReaders.read(ROOT.resolve("examples/data/titanic.csv").toString());
        cv = CrossValidation.prepare(titanic, new TrainOptions("Survived", Task.Overrides.none(), "tree", Map.of(), 0.2, 0, 0, null, null, null, 3, null,
                false), Learners.get("tree"), 5);
    }

    private static Tuner.Result tune(String search, int trials, Duration time, int parallel, long seed) {
        return Tuner.run(cv, Learners.get("tree"), SearchSpaces.defaultFor("tree", cv.task()), new Tuner.Options(search, trials, time, parallel, seed, 3,
                true), () -> false, t -> { }, null);
    }

    @Test
    void oneTrialAtATimeTheSameSeedGivesTheSameTrials() {
        Tuner.Result a = tune("tpe", 15, null, 1, 7);
        Tuner.Result b = tune("tpe", 15, null, 1, 7);
        assertThat(a.trials()).hasSize(15);
        assertThat(a.trials()).extracting(Trial::params).isEqualTo(b.trials().stream().map(Trial::params).toList());
        assertThat(a.best().params()).isEqualTo(b.best().params());
    }

    @Test
    void theBestTrialBeatsTheLearnersDefaultsOnTheSameFolds() {
        Tuner.Result r = tune("random", 20, null, 2, 1);
        double defaults = 0;
        var params = dev.forja.learn.learners.Params.of(Learners.get("tree"), Map.of());
        for (int f = 0; f < cv.folds(); f++) {
            defaults += cv.score(f, params) / cv.folds();
        }
        // an unlimited tree overfits Titanic; a shallower one does better
        assertThat(r.best().metric()).isGreaterThan(defaults);
        assertThat(r.best().foldScores()).hasSize(5);
    }

    @Test
    void aTimeBudgetStopsTheSearchAndTheBestSoFarIsKept() {
        long start = System.nanoTime();
        Tuner.Result r = tune("random", 0, Duration.ofMillis(1500), 2, 2);
        double seconds = (System.nanoTime() - start) / 1e9;
        assertThat(r.stoppedBy()).isEqualTo("time");
        assertThat(seconds).isLessThan(3.0);
        assertThat(r.best()).isNotNull();
    }

    @Test
    void aStopRequestEndsTheSearchLikeCtrlC() {
        int[] seen = {0};
        Tuner.Result r = Tuner.run(cv, Learners.get("tree"), SearchSpaces.defaultFor("tree", cv.task()), new Tuner.Options("random", 1000, null, 1, 4, 3,
                false), () -> seen[0] >= 6, t -> seen[0]++, null);
        assertThat(r.stoppedBy()).isEqualTo("interrupted");
        assertThat(r.trials().size()).isBetween(6, 7);
    }

    @Test
    void pruningStopsSomeTrialsEarlyAndPrunedTrialsRunFewerFolds() {
        Tuner.Result r = tune("random", 30, null, 1, 5);
        assertThat(r.pruned()).isPositive();
        r.trials().stream().filter(t -> t.state() == Trial.State.PRUNED).forEach(t -> assertThat(t.foldScores().length).isLessThan(5));
    }

    @Test
    void aSearchWithoutABudgetIsRefusedButAGridEndsOnItsOwn() {
        assertThatThrownBy(() -> tune("random", 0, null, 1, 1)).isInstanceOf(ForjaException.class).hasMessageContaining("needs a budget");
        Tuner.Result grid = tune("grid", 0, null, 2, 1);
        assertThat(grid.stoppedBy()).isEqualTo("grid");
        assertThat(grid.trials()).hasSize(new GridSampler(SearchSpaces.defaultFor("tree", cv.task()), 3).size());
    }

    @Test
    void aSpaceFileReplacesRangesFixesValuesAndRejectsUnknownNames() throws Exception {
        ObjectMapper json = new ObjectMapper();
        SearchSpace s = SearchSpaces.defaultFor("tree", cv.task()).override(json.readTree("{\"max_depth\": {\"low\": 2, \"high\": 4}, "
                + "\"criterion\": \"entropy\", \"min_samples_leaf\": null}"), Learners.get("tree"), "space.yaml");
        assertThat(s.dimensions()).extracting(Dimension::name).containsExactly("max_depth");
        assertThat(s.fixed()).containsEntry("criterion", "entropy");
        assertThatThrownBy(() -> SearchSpaces.defaultFor("tree", cv.task()).override(json.readTree("{\"depth\": 3}"), Learners.get("tree"), "space.yaml"))
                .hasMessageContaining("space.yaml: 'depth' is not a parameter of tree");
        assertThatThrownBy(() -> SearchSpaces.defaultFor("tree", cv.task()).override(json.readTree("{\"max_depth\": {\"low\": 5, \"high\": 2}}"),
                Learners.get("tree"), "space.yaml")).hasMessageContaining("reversed");
    }

    @Test
    void aSearchContinuesFromPreviousTrialsNumberingAfterThem() {
        Tuner.Result first = tune("tpe", 12, null, 1, 3);
        Tuner.Result more = Tuner.run(cv, Learners.get("tree"), SearchSpaces.defaultFor("tree", cv.task()), new Tuner.Options("tpe", 5, null, 1, 4, 3,
                true), first.trials(), () -> false, t -> { }, null);
        assertThat(more.trials()).hasSize(17);
        assertThat(more.trials().subList(12, 17)).extracting(Trial::number).containsExactly(12, 13, 14, 15, 16);
        assertThat(more.best().score()).isGreaterThanOrEqualTo(first.best().score());
    }

    @Test
    void withATimeColumnTheFoldsAreTimeOrderedAndTheSearchRunsOnThem() {
        Dataset bikes = DataReaders.read(ROOT.resolve("examples/data/bike_sharing_day.csv").toString());
        CrossValidation timed = CrossValidation.prepare(bikes, new TrainOptions("cnt", Task.Overrides.none(), "tree", Map.of(), 0.2, 0, 0, "dteday", null, null,
                3, null, false), Learners.get("tree"), 4);
        assertThat(timed.folds()).isEqualTo(4);
        assertThat(timed.trainingRows()).isEqualTo(585);
        Tuner.Result r = Tuner.run(timed, Learners.get("tree"), SearchSpaces.defaultFor("tree", timed.task()), new Tuner.Options("random", 6, null, 1, 1, 3,
                false), () -> false, t -> { }, null);
        assertThat(r.best().foldScores()).hasSize(4);
        for (double rmse : r.best().foldScores()) {
            assertThat(rmse).isPositive();
        }
    }

    @Test
    void successiveHalvingSendsOnlyTheBestThirdOfEachRungToTheFullFolds() {
        Tuner.Result r = Tuner.run(cv, Learners.get("tree"), SearchSpaces.defaultFor("tree", cv.task()), new Tuner.Options("random", 27, null, 1, 8, 3,
                "asha-data"), () -> false, t -> { }, null);
        long complete = r.trials().stream().filter(t -> t.state() == Trial.State.COMPLETE).count();
        assertThat(r.pruned() + complete).isEqualTo(27);
        // a ninth of the trials survive two rungs when they arrive in random order (a few more early on, before rungs fill)
        assertThat(complete).isBetween(3L, 12L);
        r.trials().stream().filter(t -> t.state() == Trial.State.PRUNED).forEach(t -> {
            assertThat(t.foldScores()).isEmpty();
            assertThat(t.metric()).isNaN();
        });
        double prunedSeconds = r.trials().stream().filter(t -> t.state() == Trial.State.PRUNED).mapToDouble(Trial::seconds).average().orElseThrow();
        double completeSeconds = r.trials().stream().filter(t -> t.state() == Trial.State.COMPLETE).mapToDouble(Trial::seconds).average().orElseThrow();
        assertThat(prunedSeconds).isLessThan(completeSeconds);
    }

    @Test
    void theRungRuleKeepsTheBestThirdSoFar() {
        SuccessiveHalving sh = SuccessiveHalving.forLearner(Learners.get("tree"), true);
        assertThat(sh.promote(0, 0.5)).as("the first is the best so far").isTrue();
        assertThat(sh.promote(0, 0.4)).isFalse();
        assertThat(sh.promote(0, 0.9)).isTrue();
        assertThat(sh.promote(0, 0.6)).as("second of four: only the best one goes on").isFalse();
        assertThat(sh.promote(0, 0.7)).isFalse();
        assertThat(sh.promote(0, 0.8)).as("second of six: the best two go on").isTrue();
    }

    /** Forest, recording the rows and the trees of every fit. */
    private record Fit(int rows, int trees) {
    }

    /** A registered learner that runs {@code beforeFit} ahead of each fit: to watch what tuning asks of it, or to slow it down. */
    private static Learner watched(String id, java.util.function.BiConsumer<TrainingSet, Params> beforeFit) {
        Learner base = Learners.get(id);
        return new Learner() {
            public String id() {
                return base.id();
            }

            public String description() {
                return base.description();
            }

            public Set<TaskKind> tasks() {
                return base.tasks();
            }

            public List<ParamSpec> params() {
                return base.params();
            }

            public FeatureNeeds needs() {
                return base.needs();
            }

            public String budgetParam() {
                return base.budgetParam();
            }

            public Predictor fit(TrainingSet train, TrainingSet valid, Params params, long seed, ProgressListener progress) {
                beforeFit.accept(train, params);
                return base.fit(train, valid, params, seed, progress);
            }

            public Predictor load(JsonNode saved, Path dir) throws java.io.IOException {
                return base.load(saved, dir);
            }
        };
    }

    private static Learner recording(List<Fit> fits) {
        return watched("forest", (train, params) -> fits.add(new Fit(train.rows(), params.getInt("n_estimators"))));
    }

    private static final SearchSpace NINETY_TREES = new SearchSpace(List.of(Dimension.integer("min_samples_leaf", 1, 40, true),
            Dimension.integer("max_depth", 1, 12, false)), Map.of("n_estimators", "90", "nthread", "1"));

    @Test
    void successiveHalvingOnTheLearnersOwnBudgetGivesTrialsANinthThenAThirdOfTheirTreesOnTheWholeFold() {
        List<Fit> fits = java.util.Collections.synchronizedList(new ArrayList<>());
        Learner learner = recording(fits);
        CrossValidation forestFolds = cv.with(learner);
        Tuner.Result r = Tuner.run(forestFolds, learner, NINETY_TREES, new Tuner.Options("random", 18, null, 1, 3, 3, "asha"), () -> false, t -> { }, null);
        assertThat(r.pruning()).contains("n_estimators");
        int foldRows = fits.get(0).rows();
        assertThat(fits).allSatisfy(f -> assertThat(f.rows()).as("the budget is the trees, not the rows").isBetween(foldRows - 1, foldRows + 1));
        assertThat(fits).extracting(Fit::trees).containsOnly(10, 30, 90);
        long complete = r.trials().stream().filter(t -> t.state() == Trial.State.COMPLETE).count();
        assertThat(fits.stream().filter(f -> f.trees() == 10)).hasSize(18);
        assertThat(fits.stream().filter(f -> f.trees() == 90)).as("only trials that passed both rungs fit all their trees, on every fold")
                .hasSize((int) complete * 5);
        assertThat(complete).isBetween(1L, 8L);
        assertThat(r.pruned()).isEqualTo(18 - complete);
    }

    @Test
    void successiveHalvingOnDataHalvesTheRowsAndKeepsTheTrees() {
        List<Fit> fits = java.util.Collections.synchronizedList(new ArrayList<>());
        Learner learner = recording(fits);
        Tuner.Result r = Tuner.run(cv.with(learner), learner, NINETY_TREES, new Tuner.Options("random", 9, null, 1, 3, 3, "asha-data"), () -> false,
                t -> { }, null);
        assertThat(r.pruning()).contains("training rows");
        assertThat(fits).extracting(Fit::trees).containsOnly(90);
        int foldRows = fits.stream().mapToInt(Fit::rows).max().orElseThrow();
        assertThat(fits.stream().filter(f -> f.rows() < foldRows / 8)).as("every trial starts on a ninth of the rows").hasSize(9);
    }

    @Test
    void aLearnerWithoutABudgetIsHalvedOnTheData() {
        assertThat(Learners.get("tree").budgetParam()).isNull();
        Tuner.Result r = Tuner.run(cv, Learners.get("tree"), SearchSpaces.defaultFor("tree", cv.task()), new Tuner.Options("random", 6, null, 1, 8, 3,
                "asha"), () -> false, t -> { }, null);
        assertThat(r.pruning()).contains("training rows");
    }

    @Test
    void aHoldoutScoresEveryTrialOnOnePartOfTheTrainingRows() {
        Dataset titanic = DataReaders.read(ROOT.resolve("examples/data/titanic.csv").toString());
        CrossValidation holdout = CrossValidation.prepareHoldout(titanic, new TrainOptions("Survived", Task.Overrides.none(), "tree", Map.of(), 0.2, 0, 0,
                null, null, null, 3, null, false), Learners.get("tree"), 0.25);
        assertThat(holdout.folds()).isEqualTo(1);
        assertThat(holdout.trainingRows()).isEqualTo(cv.trainingRows());
        Tuner.Result r = Tuner.run(holdout, Learners.get("tree"), SearchSpaces.defaultFor("tree", holdout.task()), new Tuner.Options("random", 12, null, 1, 2,
                3, true), () -> false, t -> { }, null);
        assertThat(r.trials()).allSatisfy(t -> {
            assertThat(t.state()).as("one part: nothing to prune after").isEqualTo(Trial.State.COMPLETE);
            assertThat(t.foldScores()).hasSize(1);
        });
        assertThat(r.best().metric()).isBetween(0.7, 1.0);
    }

    @Test
    void aHoldoutFractionOutsideZeroAndOneIsRefused() {
        Dataset titanic = DataReaders.read(ROOT.resolve("examples/data/titanic.csv").toString());
        TrainOptions o = new TrainOptions("Survived", Task.Overrides.none(), "tree", Map.of(), 0.2, 0, 0, null, null, null, 3, null, false);
        assertThatThrownBy(() -> CrossValidation.prepareHoldout(titanic, o, Learners.get("tree"), 1.0)).isInstanceOf(ForjaException.class)
                .hasMessageContaining("holdout fraction 1.0");
    }

    /** Tree, with fits that take a random few milliseconds: trials finish in a different order every run. */
    private static Learner jittery() {
        return watched("tree", (train, params) -> {
            try {
                Thread.sleep(java.util.concurrent.ThreadLocalRandom.current().nextInt(1, 12));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    @Test
    void inParallelTheSameSeedGivesTheSameTrialsWhateverOrderTheyFinishIn() {
        Learner learner = jittery();
        CrossValidation folds = cv.with(learner);
        SearchSpace space = SearchSpaces.defaultFor("tree", cv.task());
        Tuner.Result a = Tuner.run(folds, learner, space, new Tuner.Options("tpe", 24, null, 3, 11, 3, "median", true), () -> false, t -> { }, null);
        Tuner.Result b = Tuner.run(folds, learner, space, new Tuner.Options("tpe", 24, null, 3, 11, 3, "median", true), () -> false, t -> { }, null);
        assertThat(a.trials()).extracting(Trial::params).isEqualTo(b.trials().stream().map(Trial::params).toList());
        assertThat(a.trials()).extracting(Trial::state).isEqualTo(b.trials().stream().map(Trial::state).toList());
        assertThat(a.best().number()).isEqualTo(b.best().number());
    }
}

package dev.forja.learn.tune;

import static org.assertj.core.api.Assertions.assertThat;

import dev.forja.core.task.Task;
import dev.forja.core.task.TaskKind;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

/** The samplers on their own: ranges, scales, conditions, grids, reproducibility, and TPE against random search. */
class SamplersTest {
    private static final Task BINARY = new Task(TaskKind.BINARY, "y", List.of("0", "1"), "1", "auc", null);

    @Test
    void randomDrawsStayInRangeOnTheirScaleAndRepeatForASeed() {
        SearchSpace space = SearchSpaces.defaultFor("xgboost", BINARY);
        Sampler s = new RandomSampler();
        int belowTenth = 0;
        for (int i = 0; i < 400; i++) {
            Map<String, String> p = s.sample(space, List.of(), new SplittableRandom(i));
            assertThat(p).isEqualTo(s.sample(space, List.of(), new SplittableRandom(i)));
            double lr = Double.parseDouble(p.get("learning_rate"));
            assertThat(lr).isBetween(0.01, 0.3);
            belowTenth += lr < Math.sqrt(0.01 * 0.3) ? 1 : 0;
            assertThat(Integer.parseInt(p.get("max_depth"))).isBetween(2, 10);
            assertThat(p.get("n_estimators")).doesNotContain(".");
        }
        // log-uniform: half the draws below the geometric mean of the bounds
        assertThat(belowTenth).isBetween(160, 240);
    }

    @Test
    void aConditionalDimensionIsOnlySampledWhereItApplies() {
        SearchSpace space = SearchSpaces.defaultFor("logistic", BINARY);
        for (int i = 0; i < 100; i++) {
            Map<String, String> p = new RandomSampler().sample(space, List.of(), new SplittableRandom(i));
            assertThat(p.containsKey("l1_ratio")).isEqualTo(p.get("penalty").equals("elasticnet"));
        }
    }

    @Test
    void aGridHandsOutEveryCombinationOnceThenEnds() {
        SearchSpace space = SearchSpaces.defaultFor("logistic", BINARY);
        GridSampler grid = new GridSampler(space, 3);
        // penalty l2 or l1: 3 values of c x 2 class weights; elasticnet: also 3 l1 ratios
        assertThat(grid.size()).isEqualTo(2 * 3 * 2 + 3 * 3 * 2);
        Set<Map<String, String>> seen = new HashSet<>();
        Map<String, String> p;
        while ((p = grid.sample(space, List.of(), new SplittableRandom(0))) != null) {
            assertThat(seen.add(p)).isTrue();
        }
        assertThat(seen).hasSize(grid.size());
        assertThat(seen).anyMatch(m -> m.get("c").equals("0.000100000")).anyMatch(m -> m.get("c").equals("10000.0"));
    }

    /** Best value found (higher is better) after {@code n} trials of a sampler on a known function. */
    private static double optimise(Sampler sampler, SearchSpace space, ToDoubleFunction<Map<String, String>> f, int n, long seed) {
        List<Trial> history = new ArrayList<>();
        double best = Double.NEGATIVE_INFINITY;
        for (int t = 0; t < n; t++) {
            Map<String, String> p = sampler.sample(space, history, new SplittableRandom(seed * 1000 + t));
            double v = f.applyAsDouble(p);
            history.add(new Trial(t, p, Trial.State.COMPLETE, v, v, 0, new double[] {v}, 0, null));
            best = Math.max(best, v);
        }
        return best;
    }

    @Test
    void tpeFindsBetterValuesThanRandomSearchAtEqualTrialsOnAverage() {
        SearchSpace space = new SearchSpace(List.of(Dimension.real("x", -5, 5, false), Dimension.real("rate", 1e-4, 1, true),
                Dimension.integer("depth", 1, 20, false), Dimension.choice("kind", "a", "b", "c")), Map.of());
        // a narrow optimum at x = 1.3, rate = 0.003, depth = 7, kind = b
        ToDoubleFunction<Map<String, String>> f = p -> -Math.pow(Double.parseDouble(p.get("x")) - 1.3, 2)
                - Math.pow(Math.log10(Double.parseDouble(p.get("rate"))) - Math.log10(0.003), 2)
                - Math.pow((Integer.parseInt(p.get("depth")) - 7) / 4.0, 2) - (p.get("kind").equals("b") ? 0 : 0.5);
        double tpe = 0;
        double random = 0;
        int seeds = 10;
        for (long s = 0; s < seeds; s++) {
            tpe += optimise(new TpeSampler(), space, f, 60, s) / seeds;
            random += optimise(new RandomSampler(), space, f, 60, s) / seeds;
        }
        assertThat(tpe).as("TPE %.4f vs random %.4f", tpe, random).isGreaterThan(random);
    }

    @Test
    void thePrunerWaitsForFiveCompletedTrialsAndStopsOnlyBelowTheMedian() {
        List<Trial> history = new ArrayList<>();
        MedianPruner pruner = new MedianPruner();
        assertThat(pruner.prune(0, 5, 0.1, history, 1)).isFalse();
        for (int i = 0; i < 5; i++) {
            double v = 0.7 + 0.02 * i;
            history.add(new Trial(i, Map.of(), Trial.State.COMPLETE, v, v, 0, new double[] {v, v, v, v, v}, 0, null));
        }
        assertThat(pruner.prune(0, 5, 0.70, history, 1)).isTrue();
        assertThat(pruner.prune(0, 5, 0.75, history, 1)).isFalse();
        assertThat(pruner.prune(4, 5, 0.10, history, 1)).as("never after the last fold").isFalse();
        // a lower-is-better metric: 0.70 log loss is better than the median 0.74
        assertThat(pruner.prune(0, 5, 0.70, history, -1)).isFalse();
    }

    @Test
    void tpeStopsSamplingAtRandomOnceTenTrialsFinishedPrunedOnesIncluded() {
        SearchSpace space = new SearchSpace(List.of(Dimension.real("x", 0, 1, false)), Map.of());
        List<Trial> history = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            boolean complete = i < 3;
            history.add(new Trial(i, Map.of("x", Double.toString(0.1 * i)), complete ? Trial.State.COMPLETE : Trial.State.PRUNED, complete ? 1 - 0.1 * i : -1,
                    1, 0, new double[0], 0, null));
        }
        List<Trial> nine = history.subList(0, 9);
        for (int seed = 0; seed < 20; seed++) {
            Map<String, String> random = new RandomSampler().sample(space, history, new SplittableRandom(seed));
            assertThat(new TpeSampler().sample(space, nine, new SplittableRandom(seed))).as("nine finished: still random").isEqualTo(random);
            assertThat(new TpeSampler().sample(space, history, new SplittableRandom(seed))).as("ten finished, seven of them pruned").isNotEqualTo(random);
        }
    }
}

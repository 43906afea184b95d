package dev.forja.learn.tune;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** Chooses the next configuration to try, given the trials so far. */
public interface Sampler {
    /**
     * @param history  finished trials (complete, pruned or failed), in the order they finished
     * @param random   this trial's own generator, derived from the seed and the trial's number
     * @return the values of the active dimensions, or null when the sampler has nothing left (a finished grid)
     */
    Map<String, String> sample(SearchSpace space, List<Trial> history, SplittableRandom random);

    static Sampler named(String name, SearchSpace space, int gridPoints) {
        return switch (name) {
            case "random" -> new RandomSampler();
            case "grid" -> new GridSampler(space, gridPoints);
            case "tpe" -> new TpeSampler();
            default -> throw new dev.forja.core.ForjaException("unknown search '" + name + "'", "use grid, random or tpe");
        };
    }
}

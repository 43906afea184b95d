package dev.forja.learn.tune;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** Independent uniform draws on each dimension's scale (log-uniform for log dimensions), as Bergstra and Bengio recommend over grids. */
public final class RandomSampler implements Sampler {
    @Override
    public Map<String, String> sample(SearchSpace space, List<Trial> history, SplittableRandom random) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Dimension d : space.dimensions()) {
            if (SearchSpace.active(d, out)) {
                out.put(d.name(), draw(d, random));
            }
        }
        return out;
    }

    static String draw(Dimension d, SplittableRandom random) {
        if (d.type() == Dimension.Type.CHOICE) {
            return d.choices().get(random.nextInt(d.choices().size()));
        }
        double lo = d.lowInternal();
        double hi = d.highInternal();
        if (d.type() == Dimension.Type.INT && !d.log()) {
            // every integer equally likely, the ends included
            return Long.toString((long) lo + random.nextLong((long) hi - (long) lo + 1));
        }
        return d.format(lo + random.nextDouble() * (hi - lo));
    }
}

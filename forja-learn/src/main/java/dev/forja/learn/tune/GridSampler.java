package dev.forja.learn.tune;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Every combination of the choices and of {@code points} evenly spaced values per range (on its scale;
 * integers deduplicated), in a fixed order; conditional dimensions only where they apply. Exhausted
 * when every combination has been handed out.
 */
public final class GridSampler implements Sampler {
    private final List<Map<String, String>> grid = new ArrayList<>();
    private int next;

    public GridSampler(SearchSpace space, int points) {
        expand(space.dimensions(), 0, new LinkedHashMap<>(), Math.max(2, points));
    }

    private void expand(List<Dimension> dims, int i, Map<String, String> chosen, int points) {
        if (i == dims.size()) {
            grid.add(new LinkedHashMap<>(chosen));
            return;
        }
        Dimension d = dims.get(i);
        if (!SearchSpace.active(d, chosen)) {
            expand(dims, i + 1, chosen, points);
            return;
        }
        for (String v : values(d, points)) {
            chosen.put(d.name(), v);
            expand(dims, i + 1, chosen, points);
            chosen.remove(d.name());
        }
    }

    static List<String> values(Dimension d, int points) {
        if (d.type() == Dimension.Type.CHOICE) {
            return d.choices();
        }
        LinkedHashSet<String> out = new LinkedHashSet<>();
        double lo = d.lowInternal();
        double hi = d.highInternal();
        for (int p = 0; p < points; p++) {
            out.add(d.format(lo + (hi - lo) * p / (points - 1)));
        }
        return new ArrayList<>(out);
    }

    public int size() {
        return grid.size();
    }

    @Override
    public synchronized Map<String, String> sample(SearchSpace space, List<Trial> history, SplittableRandom random) {
        return next < grid.size() ? grid.get(next++) : null;
    }
}

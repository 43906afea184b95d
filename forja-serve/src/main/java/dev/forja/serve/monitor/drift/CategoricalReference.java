package dev.forja.serve.monitor.drift;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A categorical feature's reference: rows per category (reference.json keeps the 100 most frequent and
 * pools the rest as {@code __other__}), the missing rate, and the categories seen in training (the
 * signature's), which decide what counts as unseen.
 *
 * @param levels  the reference's categories, {@code __other__} last when present
 * @param counts  reference rows per level
 * @param seen    every category training saw (may be larger than {@code levels})
 */
public record CategoricalReference(String name, List<String> levels, double[] counts, double missingRate, Set<String> seen)
        implements FeatureReference {
    public static final String OTHER = dev.forja.learn.model.ReferenceStats.OTHER;

    /** From shares of the present rows (reference.json's {@code frequencies}). */
    public static CategoricalReference fromShares(String name, Map<String, Double> shares, double missingRate, long rows, Set<String> seen) {
        List<String> levels = new ArrayList<>();
        double present = rows * (1 - missingRate);
        List<Double> counts = new ArrayList<>();
        shares.forEach((level, share) -> {
            if (!level.equals(OTHER)) {
                levels.add(level);
                counts.add(share * present);
            }
        });
        if (shares.containsKey(OTHER)) {
            levels.add(OTHER);
            counts.add(shares.get(OTHER) * present);
        }
        return new CategoricalReference(name, levels, counts.stream().mapToDouble(Double::doubleValue).toArray(), missingRate,
                seen.isEmpty() ? Set.copyOf(levels) : Set.copyOf(seen));
    }

    /** From raw reference values (null: missing). */
    public static CategoricalReference fromValues(String name, String[] values) {
        Map<String, Double> counts = new LinkedHashMap<>();
        int missing = 0;
        for (String v : values) {
            if (v == null) {
                missing++;
            } else {
                counts.merge(v, 1.0, Double::sum);
            }
        }
        List<String> levels = new ArrayList<>(counts.keySet());
        levels.sort((a, b) -> counts.get(b).equals(counts.get(a)) ? a.compareTo(b) : Double.compare(counts.get(b), counts.get(a)));
        double[] c = levels.stream().mapToDouble(counts::get).toArray();
        return new CategoricalReference(name, levels, c, values.length == 0 ? 0 : (double) missing / values.length, Set.copyOf(levels));
    }

    boolean pooled() {
        return !levels.isEmpty() && levels.get(levels.size() - 1).equals(OTHER);
    }

    @Override
    public CategoricalWindow newWindow() {
        return new CategoricalWindow(this);
    }
}

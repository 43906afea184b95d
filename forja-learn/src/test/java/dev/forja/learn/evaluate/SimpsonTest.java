package dev.forja.learn.evaluate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SimpsonTest {
    @Test
    void aRankingThatFlipsInEverySliceIsAParadox() {
        assertThat(Simpson.flips(0.02, List.of(-0.01, -0.03))).isTrue();
        assertThat(Simpson.flips(-0.02, List.of(0.01, 0.03, Double.NaN))).isTrue();
    }

    @Test
    void oneSliceAgreeingWithTheAggregateIsNoParadox() {
        assertThat(Simpson.flips(0.02, List.of(-0.01, 0.03))).isFalse();
        assertThat(Simpson.flips(0.02, List.of(-0.01))).as("one slice is not enough").isFalse();
        assertThat(Simpson.flips(0.0, List.of(-0.01, -0.02))).isFalse();
    }

    @Test
    void theClassicKidneyStoneNumbersWarn() {
        // Treatment A is better for small and for large stones, B is better overall (Charig et al., 1986).
        Evaluation a = evaluation(273.0 / 350, Map.of("small", 81.0 / 87, "large", 192.0 / 263));
        Evaluation b = evaluation(289.0 / 350, Map.of("small", 234.0 / 270, "large", 55.0 / 80));
        List<String> w = Simpson.warnings(a, b, "accuracy", "A", "B");
        assertThat(w).singleElement().asString().contains("B is better on accuracy overall but A is better in every slice of size");
    }

    private static Evaluation evaluation(double aggregate, Map<String, Double> slices) {
        List<Evaluation.Slice> list = slices.entrySet().stream().map(e -> new Evaluation.Slice(e.getKey(), 1, Map.of("accuracy", e.getValue())))
                .toList();
        return new Evaluation(1, 0, Map.of("accuracy", aggregate), Map.of(), List.of(), null, Map.of(), null, null, List.of(),
                Map.of("size", list), Map.of(), null, null);
    }
}

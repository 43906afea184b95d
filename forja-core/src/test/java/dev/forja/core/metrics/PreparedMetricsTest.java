package dev.forja.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.forja.core.task.Task;
import dev.forja.core.task.TaskKind;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A bootstrap resample measured as row counts must give exactly the metrics of the resample copied
 * out row by row: that equivalence is what lets the bootstrap skip the copy and the sort.
 */
class PreparedMetricsTest {
    @ParameterizedTest
    @ValueSource(ints = {2, 3, 1})
    void countsAsWeightsGiveTheMetricsOfTheMaterialisedResample(int classes) {
        SplittableRandom random = new SplittableRandom(classes);
        int n = 500;
        Task task = switch (classes) {
            case 1 -> new Task(TaskKind.REGRESSION, "y", List.of(), null, "rmse", null);
            case 2 -> new Task(TaskKind.BINARY, "y", List.of("a", "b"), "b", "auc", null);
            default -> new Task(TaskKind.MULTICLASS, "y", List.of("a", "b", "c"), null, "log_loss", null);
        };
        int k = task.outputs();
        double[] y = new double[n];
        double[] p = new double[n * k];
        for (int r = 0; r < n; r++) {
            if (classes == 1) {
                y[r] = random.nextGaussian();
                p[r] = y[r] + random.nextGaussian();
                continue;
            }
            y[r] = random.nextInt(classes);
            double sum = 0;
            for (int c = 0; c < k; c++) {
                // one decimal: many tied scores, the hard case for ranking metrics
                p[r * k + c] = Math.round((random.nextDouble() + (c == y[r] ? 0.7 : 0)) * 10) / 10.0 + 0.05;
                sum += p[r * k + c];
            }
            for (int c = 0; c < k; c++) {
                p[r * k + c] /= sum;
            }
        }
        Metrics.Prepared prepared = Metrics.prepare(task, y, p);
        for (int b = 0; b < 5; b++) {
            double[] counts = new double[n];
            double[] by = new double[n];
            double[] bp = new double[n * k];
            for (int i = 0; i < n; i++) {
                int r = random.nextInt(n);
                counts[r]++;
                by[i] = y[r];
                System.arraycopy(p, r * k, bp, i * k, k);
            }
            Map<String, Double> copied = Metrics.evaluate(task, by, bp, null);
            Map<String, Double> weighted = prepared.evaluate(counts);
            assertThat(weighted.keySet()).containsExactlyElementsOf(copied.keySet());
            copied.forEach((name, v) -> assertThat(weighted.get(name)).as(name).isCloseTo(v, within(1e-12)));
        }
    }
}

package dev.forja.bench.evaluate;

import dev.forja.core.metrics.Metrics;
import dev.forja.core.task.CostMatrix;
import dev.forja.core.task.Task;
import dev.forja.core.task.TaskKind;
import dev.forja.learn.evaluate.Evaluator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Evaluating a prediction set of N rows (binary): every metric, curves, calibration, thresholds,
 * 3 slice columns, with B bootstrap resamples; prints the seconds of each of R runs next to the task's
 * metrics alone on the same predictions (the baseline, measured in the same run). The first runs warm the JIT.
 *
 * <pre>EvaluateBench ROWS BOOTSTRAP RUNS</pre>
 */
public final class EvaluateBench {
    private EvaluateBench() {
    }

    public static void main(String[] args) {
        int n = Integer.parseInt(args[0]);
        int bootstrap = Integer.parseInt(args[1]);
        int runs = Integer.parseInt(args[2]);
        SplittableRandom r = new SplittableRandom(11);
        double[] y = new double[n];
        double[] p = new double[2 * n];
        String[][] slices = new String[3][n];
        String[] regions = {"north", "south", "east", "west", "centre"};
        for (int i = 0; i < n; i++) {
            y[i] = r.nextDouble() < 0.3 ? 1 : 0;
            double s = 1 / (1 + Math.exp(-(r.nextGaussian() + 1.5 * (y[i] - 0.3))));
            p[2 * i + 1] = s;
            p[2 * i] = 1 - s;
            slices[0][i] = regions[r.nextInt(regions.length)];
            slices[1][i] = r.nextBoolean() ? "a" : "b";
            slices[2][i] = "[" + r.nextInt(4) + "]";
        }
        Task task = new Task(TaskKind.BINARY, "y", List.of("0", "1"), "1", "auc", null);
        List<String> columns = List.of("region", "group", "bin");
        for (int run = 0; run < runs; run++) {
            // Baseline in the same run: the task's metrics alone, as forja train reports them.
            long b = System.nanoTime();
            double auc = Metrics.evaluate(task, y, p, null).get("auc");
            double baseline = (System.nanoTime() - b) / 1e9;
            long t = System.nanoTime();
            var e = Evaluator.measure(task, y, p, 0, new Evaluator.Options(bootstrap, 42, columns, new CostMatrix(1, 5)),
                    c -> slices[columns.indexOf(c)]);
            double full = (System.nanoTime() - t) / 1e9;
            System.out.printf("run %d: full evaluation %.2f s, metrics alone %.2f s (%.1fx) (auc %.4f = %.4f)%n", run + 1, full, baseline,
                    full / baseline, e.metrics().get("auc"), auc);
        }
    }
}

package dev.forja.learn.evaluate;

import dev.forja.core.ForjaException;
import dev.forja.core.frame.CategoricalColumn;
import dev.forja.core.frame.Column;
import dev.forja.core.frame.Frame;
import dev.forja.core.frame.NumericColumn;
import dev.forja.core.metrics.Metrics;
import dev.forja.core.task.Task;
import dev.forja.learn.boosting.XGBoostContributions;
import dev.forja.learn.boosting.XGBoostPredictor;
import dev.forja.learn.calibrate.CalibratedPredictor;
import dev.forja.learn.learners.Predictor;
import dev.forja.learn.model.Model;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * How the model behaves when its inputs change, measured by scoring changed copies of the data:
 * <ul>
 *   <li>perturbation: small gaussian noise on numbers (5% of the column's standard deviation) and 5% of
 *       categories swapped for another seen one; the share of predictions that change and the metric's drop;</li>
 *   <li>invariance of a column that must not matter (a sensitive attribute): every row's value replaced by
 *       another of the column's values; the share of predictions that change;</li>
 *   <li>directional expectations ({@code +size}: more size must not lower the prediction): the column
 *       raised by one standard deviation; the share of rows whose prediction (positive-class probability,
 *       or value) moves the wrong way;</li>
 *   <li>permutation importance, as scikit-learn's {@code permutation_importance}: the metric lost when one
 *       input column's values are shuffled, mean and standard deviation over repeats.</li>
 * </ul>
 * Every random choice is seeded.
 */
public final class Behaviour {
    static final double NOISE = 0.05;
    static final double SWAP_RATE = 0.05;

    private Behaviour() {
    }

    /** The outcome of the changed copies. */
    public record Result(double perturbationFlipRate, double perturbationMetricDrop, Map<String, Double> invariance, Map<String, Double> direction,
                         List<Importance> importance, List<XGBoostContributions.Feature> contributions) {
    }

    public record Importance(String column, double mean, double std) {
    }

    /**
     * @param frame     the evaluated rows (target present)
     * @param y         their encoded targets
     * @param invariant columns that must not change predictions
     * @param monotone  {@code +column} or {@code -column}
     */
    public static Result measure(Model model, Frame frame, String source, double[] y, List<String> invariant, List<String> monotone, int repeats,
                                 long seed) {
        Task task = model.task();
        String metric = task.metric();
        double sign = Metrics.higherIsBetter(metric) ? 1 : -1;
        double[] base = model.predict(frame, source);
        double baseScore = Metrics.evaluate(task, y, base, null).get(metric);
        SplittableRandom random = new SplittableRandom(seed);
        List<String> inputs = model.signature().names();

        // Perturbation of every input at once.
        List<Column> noisy = new ArrayList<>();
        for (Column c : frame.columns()) {
            noisy.add(inputs.contains(c.name()) ? perturb(c, random) : c);
        }
        double[] perturbed = model.predict(Frame.of(noisy), source);
        double flip = changedRate(task, base, perturbed);
        double drop = sign * (baseScore - Metrics.evaluate(task, y, perturbed, null).get(metric));

        Map<String, Double> invariance = new LinkedHashMap<>();
        for (String column : invariant) {
            Column c = column(frame, column, source);
            invariance.put(column, changedRate(task, base, model.predict(replace(frame, c, swapAll(c)), source)));
        }
        Map<String, Double> direction = new LinkedHashMap<>();
        for (String spec : monotone) {
            if (spec.length() < 2 || (spec.charAt(0) != '+' && spec.charAt(0) != '-')) {
                throw new ForjaException("monotone relation '" + spec + "' needs a sign", "write +size (more size, higher prediction) or -age");
            }
            Column c = column(frame, spec.substring(1), source);
            if (!(c instanceof NumericColumn num)) {
                throw new ForjaException("monotone relation '" + spec + "': column '" + c.name() + "' is not numeric", "declare it on a numeric column");
            }
            double[] raised = model.predict(replace(frame, c, shift(num, std(num))), source);
            direction.put(spec, violationRate(task, base, raised, spec.charAt(0) == '+'));
        }
        List<Importance> importance = new ArrayList<>();
        for (String column : inputs) {
            Column c = frame.find(column).orElse(null);
            if (c == null) {
                continue;
            }
            double[] losses = new double[repeats];
            for (int rep = 0; rep < repeats; rep++) {
                int[] order = permutation(frame.rowCount(), random);
                double score = Metrics.evaluate(task, y, model.predict(replace(frame, c, c.select(order)), source), null).get(metric);
                losses[rep] = sign * (baseScore - score);
            }
            double mean = java.util.Arrays.stream(losses).average().orElse(Double.NaN);
            double var = java.util.Arrays.stream(losses).map(l -> (l - mean) * (l - mean)).sum() / losses.length;
            importance.add(new Importance(column, mean, Math.sqrt(var)));
        }
        importance.sort((a, b) -> Double.compare(b.mean(), a.mean()));
        Predictor p = model.predictor() instanceof CalibratedPredictor c ? c.inner() : model.predictor();
        List<XGBoostContributions.Feature> contributions = p instanceof XGBoostPredictor xgb
                ? XGBoostContributions.summary(xgb, model.pipeline().transform(frame)) : List.of();
        return new Result(flip, drop, invariance, direction, importance, contributions);
    }

    private static Column column(Frame frame, String name, String source) {
        return frame.find(name).orElseThrow(() -> new ForjaException("column '" + name + "' is not in " + source,
                "give one of: " + String.join(", ", frame.columnNames())));
    }

    private static Frame replace(Frame frame, Column old, Column replacement) {
        List<Column> out = new ArrayList<>(frame.columns());
        out.set(frame.position(old.name()), replacement);
        return Frame.of(out);
    }

    private static int[] permutation(int n, SplittableRandom random) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }

    private static Column perturb(Column c, SplittableRandom random) {
        if (c instanceof NumericColumn num) {
            double sd = std(num);
            double[] v = new double[num.size()];
            for (int r = 0; r < v.length; r++) {
                v[r] = num.isMissing(r) ? Double.NaN : num.get(r) + random.nextGaussian() * NOISE * sd;
            }
            return NumericColumn.of(num.name(), v);
        }
        if (c instanceof CategoricalColumn cat && cat.levelCount() > 1) {
            int[] codes = new int[cat.size()];
            String[] levels = new String[cat.levelCount()];
            for (int l = 0; l < levels.length; l++) {
                levels[l] = cat.level(l);
            }
            for (int r = 0; r < codes.length; r++) {
                int code = cat.code(r);
                if (code != CategoricalColumn.MISSING && random.nextDouble() < SWAP_RATE) {
                    code = (code + 1 + random.nextInt(levels.length - 1)) % levels.length;
                }
                codes[r] = code;
            }
            return CategoricalColumn.of(cat.name(), codes, levels);
        }
        return c;
    }

    /** Every row's value replaced by another of the column's: the next category, or the value half a range away. */
    private static Column swapAll(Column c) {
        if (c instanceof CategoricalColumn cat) {
            if (cat.levelCount() < 2) {
                throw new ForjaException("column '" + c.name() + "' has one value only; invariance to it cannot be tested", "pick another column");
            }
            int[] codes = new int[cat.size()];
            String[] levels = new String[cat.levelCount()];
            for (int l = 0; l < levels.length; l++) {
                levels[l] = cat.level(l);
            }
            for (int r = 0; r < codes.length; r++) {
                int code = cat.code(r);
                codes[r] = code == CategoricalColumn.MISSING ? code : (code + 1) % levels.length;
            }
            return CategoricalColumn.of(cat.name(), codes, levels);
        }
        if (c instanceof NumericColumn num) {
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (int r = 0; r < num.size(); r++) {
                if (!num.isMissing(r)) {
                    min = Math.min(min, num.get(r));
                    max = Math.max(max, num.get(r));
                }
            }
            double half = (max - min) / 2;
            double[] v = new double[num.size()];
            for (int r = 0; r < v.length; r++) {
                double x = num.get(r);
                v[r] = num.isMissing(r) ? Double.NaN : x + half <= max ? x + half : x - half;
            }
            return NumericColumn.of(num.name(), v);
        }
        throw new ForjaException("invariance is measured on categorical or numeric columns; '" + c.name() + "' is " + c.kind().id(),
                "pick a categorical or numeric column");
    }

    private static Column shift(NumericColumn num, double by) {
        double[] v = new double[num.size()];
        for (int r = 0; r < v.length; r++) {
            v[r] = num.isMissing(r) ? Double.NaN : num.get(r) + by;
        }
        return NumericColumn.of(num.name(), v);
    }

    static double std(NumericColumn num) {
        double sum = 0;
        double sq = 0;
        int n = 0;
        for (int r = 0; r < num.size(); r++) {
            if (!num.isMissing(r)) {
                sum += num.get(r);
                sq += num.get(r) * num.get(r);
                n++;
            }
        }
        if (n < 2) {
            return 0;
        }
        double mean = sum / n;
        return Math.sqrt(Math.max(0, (sq - n * mean * mean) / (n - 1)));
    }

    /** The share of rows whose prediction changed: the decided class, or the value beyond rounding. */
    private static double changedRate(Task task, double[] a, double[] b) {
        int k = task.outputs();
        int n = a.length / k;
        int changed = 0;
        for (int r = 0; r < n; r++) {
            boolean diff = task.isClassification() ? task.decide(a, r) != task.decide(b, r)
                    : Math.abs(a[r] - b[r]) > 1e-9 * Math.max(1, Math.abs(a[r]));
            if (diff) {
                changed++;
            }
        }
        return n == 0 ? Double.NaN : (double) changed / n;
    }

    /** The share of rows whose prediction moved against the declared direction. */
    private static double violationRate(Task task, double[] before, double[] after, boolean increasing) {
        int k = task.outputs();
        int n = before.length / k;
        int index = task.isClassification() ? k - 1 : 0; // binary: the positive class's probability; regression: the value
        if (task.isClassification() && k != 2) {
            throw new ForjaException("directional expectations are defined for binary and regression tasks", "declare them on such a model");
        }
        int bad = 0;
        for (int r = 0; r < n; r++) {
            double delta = after[r * k + index] - before[r * k + index];
            if (increasing ? delta < -1e-12 : delta > 1e-12) {
                bad++;
            }
        }
        return n == 0 ? Double.NaN : (double) bad / n;
    }
}

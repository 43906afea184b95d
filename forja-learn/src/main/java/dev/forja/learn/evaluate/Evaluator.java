package dev.forja.learn.evaluate;

import dev.forja.core.ForjaException;
import dev.forja.core.frame.Column;
import dev.forja.core.frame.Frame;
import dev.forja.core.frame.NumericColumn;
import dev.forja.core.metrics.Confusion;
import dev.forja.core.metrics.Metrics;
import dev.forja.core.task.CostMatrix;
import dev.forja.core.task.Task;
import dev.forja.learn.model.Model;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Evaluates a model on labelled data it scores now: the same predictions {@code forja predict} makes,
 * against the data's target. Rows whose target is missing are left out and counted.
 */
public final class Evaluator {
    /** How to evaluate: bootstrap resamples (0 for none), their seed, slice columns, and optional costs. */
    public record Options(int bootstrap, long seed, List<String> sliceColumns, CostMatrix cost, boolean behaviour, List<String> invariant,
                          List<String> monotone, int repeats, boolean latency) {
        public Options {
            sliceColumns = List.copyOf(sliceColumns);
            invariant = List.copyOf(invariant);
            monotone = List.copyOf(monotone);
        }

        /** Metrics, intervals, calibration, thresholds and slices; no behavioural measurements. */
        public Options(int bootstrap, long seed, List<String> sliceColumns, CostMatrix cost) {
            this(bootstrap, seed, sliceColumns, cost, false, List.of(), List.of(), 0, false);
        }
    }

    static final int MAX_LEVELS = 20;

    private Evaluator() {
    }

    public static Evaluation evaluate(Model model, Frame frame, String source, Options options) {
        Task task = model.task();
        double[] all = model.predict(frame, source);
        double[] yAll = task.encode(frame);
        int k = task.outputs();
        int[] keep = java.util.stream.IntStream.range(0, yAll.length).filter(r -> !Double.isNaN(yAll[r])).toArray();
        if (keep.length == 0) {
            throw new ForjaException("no row of " + source + " has a value for the target '" + task.target() + "'",
                    "evaluate on labelled data: the target column must be filled");
        }
        double[] y = new double[keep.length];
        double[] p = new double[keep.length * k];
        for (int i = 0; i < keep.length; i++) {
            y[i] = yAll[keep[i]];
            System.arraycopy(all, keep[i] * k, p, i * k, k);
        }
        Evaluation e = measure(task, y, p, yAll.length - keep.length, options, column -> sliceKeys(frame.find(column).orElseThrow(() ->
                new ForjaException("slice column '" + column + "' is not in " + source, "give one of: " + String.join(", ", frame.columnNames()))),
                keep));
        if (options.latency()) {
            Frame labelled = keep.length == frame.rowCount() ? frame : frame.select(keep);
            double[] ms = latency(model, labelled);
            e.metrics().put("latency_p50_ms", ms[0]);
            e.metrics().put("latency_p99_ms", ms[1]);
        }
        if (!options.behaviour()) {
            return e;
        }
        Frame labelled = keep.length == frame.rowCount() ? frame : frame.select(keep);
        Behaviour.Result b = Behaviour.measure(model, labelled, source, y, options.invariant(), options.monotone(), Math.max(1, options.repeats()),
                options.seed());
        return new Evaluation(e.rows(), e.skippedRows(), e.metrics(), e.intervals(), e.labels(), e.confusion(), e.perClass(), e.calibration(),
                e.threshold(), e.confidence(), e.slices(), e.fairness(), b, e.curves());
    }

    /**
     * Everything measured from labels and predictions: {@code y} encoded as {@link Task#encode} does,
     * {@code p} row-major outputs; {@code sliceKeys} gives each row's slice of a column.
     */
    public static Evaluation measure(Task task, double[] y, double[] p, int skipped, Options options,
                              java.util.function.Function<String, String[]> sliceKeys) {
        int k = task.outputs();
        Map<String, Double> metrics = Metrics.evaluate(task, y, p, null);
        Map<String, double[]> intervals = options.bootstrap() > 0 ? bootstrap(task, y, p, options.bootstrap(), options.seed())
                : new LinkedHashMap<>();

        metrics = new LinkedHashMap<>(metrics);
        List<String> labels = List.of();
        double[][] confusion = null;
        Map<String, Map<String, Double>> perClass = new LinkedHashMap<>();
        Calibration calibration = null;
        Evaluation.Threshold threshold = null;
        Evaluation.Curves curves = null;
        List<double[]> confidence = List.of();
        Map<String, Map<String, Double>> fairness = new LinkedHashMap<>();
        if (!task.isClassification()) {
            double[] errors = new double[y.length];
            for (int r = 0; r < y.length; r++) {
                errors[r] = Math.abs(y[r] - p[r]);
            }
            Arrays.sort(errors);
            metrics.put("median_ae", errors.length % 2 == 1 ? errors[errors.length / 2] : (errors[errors.length / 2 - 1] + errors[errors.length / 2]) / 2);
        }
        if (task.isClassification()) {
            labels = task.classes();
            int[] truth = new int[y.length];
            int[] decided = new int[y.length];
            for (int r = 0; r < y.length; r++) {
                truth[r] = (int) y[r];
                decided[r] = task.decide(p, r);
            }
            Confusion cm = Confusion.of(truth, decided, k, null);
            confusion = new double[k][k];
            for (int t = 0; t < k; t++) {
                for (int q = 0; q < k; q++) {
                    confusion[t][q] = cm.count(t, q);
                }
            }
            perClass(cm, k, task.classes(), y.length, metrics, perClass);
            confidence = confidence(p, k, truth, decided);
            double[] prob = new double[y.length];
            double[] outcome = new double[y.length];
            for (int r = 0; r < y.length; r++) {
                if (k == 2) {
                    prob[r] = p[r * 2 + 1];
                    outcome[r] = truth[r] == 1 ? 1 : 0;
                } else {
                    prob[r] = p[r * k + decided[r]];
                    outcome[r] = truth[r] == decided[r] ? 1 : 0;
                }
            }
            calibration = Calibration.of(prob, outcome, metrics.getOrDefault("brier", Double.NaN));
            if (k == 2) {
                threshold = threshold(task, prob, truth, options.cost());
                curves = curves(prob, truth);
            }
        }
        Map<String, List<Evaluation.Slice>> slices = new LinkedHashMap<>();
        for (String column : options.sliceColumns()) {
            String[] keys = sliceKeys.apply(column);
            slices.put(column, slices(task, keys, y, p));
            if (task.isClassification() && k == 2) {
                fairness.put(column, fairness(task, keys, y, p));
            }
        }
        return new Evaluation(y.length, skipped, metrics, intervals, labels, confusion, perClass, calibration, threshold, confidence, slices,
                fairness, null, curves);
    }

    /** ROC and precision-recall points at every distinct score (see {@link Evaluation.Curves}). */
    static Evaluation.Curves curves(double[] score, int[] truth) {
        int n = score.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> Double.compare(score[b], score[a]));
        int positives = 0;
        for (int t : truth) {
            positives += t == 1 ? 1 : 0;
        }
        int negatives = n - positives;
        List<double[]> points = new ArrayList<>(); // threshold, tps, fps
        int tps = 0;
        int fps = 0;
        for (int i = 0; i < n; i++) {
            int r = order[i];
            if (truth[r] == 1) {
                tps++;
            } else {
                fps++;
            }
            if (i == n - 1 || score[order[i + 1]] != score[r]) {
                points.add(new double[] {score[r], tps, fps});
            }
        }
        int m = points.size();
        double[] fpr = new double[m + 1];
        double[] tpr = new double[m + 1];
        double[] rocT = new double[m];
        double[] precision = new double[m];
        double[] recall = new double[m];
        double[] prT = new double[m];
        for (int j = 0; j < m; j++) {
            double[] pt = points.get(j);
            fpr[j + 1] = negatives == 0 ? Double.NaN : pt[2] / negatives;
            tpr[j + 1] = positives == 0 ? Double.NaN : pt[1] / positives;
            rocT[j] = pt[0];
            int a = m - 1 - j; // ascending thresholds for precision-recall
            precision[a] = pt[1] / (pt[1] + pt[2]);
            recall[a] = positives == 0 ? Double.NaN : pt[1] / positives;
            prT[a] = pt[0];
        }
        return new Evaluation.Curves(fpr, tpr, rocT, precision, recall, prT);
    }

    /**
     * The time to score one row through the model's one-row path, as serving does (the row's values
     * copied in, the pipeline, the predictor), over up to 2,000 rows after a warm-up: median and 99th
     * percentile in milliseconds. Not deterministic: it is a measurement of this machine.
     */
    static double[] latency(Model model, Frame frame) {
        dev.forja.learn.features.InputRow row = model.pipeline().newRow();
        double[] features = new double[model.pipeline().width()];
        double[] out = new double[model.task().outputs()];
        int n = Math.min(frame.rowCount(), 2000);
        for (int rep = 0; rep < 5; rep++) {
            for (int r = 0; r < n; r++) {
                row.fill(frame, r);
                model.predictRow(row, features, out);
            }
        }
        long[] nanos = new long[n];
        for (int r = 0; r < n; r++) {
            long t = System.nanoTime();
            row.fill(frame, r);
            model.predictRow(row, features, out);
            nanos[r] = System.nanoTime() - t;
        }
        java.util.Arrays.sort(nanos);
        double[] sorted = java.util.Arrays.stream(nanos).mapToDouble(x -> x / 1e6).toArray();
        return new double[] {quantile(sorted, 0.5), quantile(sorted, 0.99)};
    }

    /**
     * Percentile intervals over resamples of the rows, with replacement; the same seed gives the same
     * intervals. A resample is drawn as how many times each row was picked and measured as those
     * weights ({@link Metrics#prepare}): the same numbers as copying the rows, without the copy and sort.
     */
    static Map<String, double[]> bootstrap(Task task, double[] y, double[] p, int resamples, long seed) {
        Metrics.Prepared prepared = Metrics.prepare(task, y, p);
        List<Map<String, Double>> measured = resampled(y.length, resamples, seed, prepared::evaluate);
        Map<String, double[]> draws = new LinkedHashMap<>();
        for (int b = 0; b < resamples; b++) {
            int at = b;
            measured.get(b).forEach((name, v) -> draws.computeIfAbsent(name, x -> new double[resamples])[at] = v);
        }
        Map<String, double[]> out = new LinkedHashMap<>();
        draws.forEach((name, values) -> out.put(name, percentiles(values)));
        return out;
    }

    /**
     * {@code measure} applied to {@code resamples} resamples of {@code n} rows, in parallel on the
     * machine's cores. Each resample draws from its own generator, split from the seed in order before
     * any runs, so the result does not depend on the threads' timing.
     */
    private static <T> List<T> resampled(int n, int resamples, long seed, java.util.function.Function<double[], T> measure) {
        SplittableRandom root = new SplittableRandom(seed);
        SplittableRandom[] streams = new SplittableRandom[resamples];
        for (int b = 0; b < resamples; b++) {
            streams[b] = root.split();
        }
        ThreadLocal<double[]> counts = ThreadLocal.withInitial(() -> new double[n]);
        return java.util.stream.IntStream.range(0, resamples).parallel().mapToObj(b -> {
            double[] c = counts.get();
            draw(streams[b], c);
            return measure.apply(c);
        }).toList();
    }

    /** One resample of {@code counts.length} rows with replacement, as the number of times each row was drawn. */
    private static void draw(SplittableRandom random, double[] counts) {
        int n = counts.length;
        Arrays.fill(counts, 0);
        for (int i = 0; i < n; i++) {
            counts[random.nextInt(n)]++;
        }
    }

    /** The 2.5% and 97.5% percentiles (linear interpolation, as numpy's default), ignoring NaN draws. */
    static double[] percentiles(double[] values) {
        double[] v = Arrays.stream(values).filter(x -> !Double.isNaN(x)).sorted().toArray();
        if (v.length == 0) {
            return new double[] {Double.NaN, Double.NaN};
        }
        return new double[] {quantile(v, 0.025), quantile(v, 0.975)};
    }

    static double quantile(double[] sorted, double q) {
        double pos = q * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }

    private static Evaluation.Threshold threshold(Task task, double[] prob, int[] truth, CostMatrix cost) {
        List<double[]> curve = new ArrayList<>();
        Double best = null;
        Double bestCost = null;
        double[][] bestConfusion = null;
        int n = truth.length;
        for (int i = 0; i <= 100; i++) {
            double t = i / 100.0;
            double tp = 0;
            double fp = 0;
            double fn = 0;
            double tn = 0;
            for (int r = 0; r < n; r++) {
                boolean predicted = prob[r] >= t;
                if (truth[r] == 1) {
                    if (predicted) {
                        tp++;
                    } else {
                        fn++;
                    }
                } else if (predicted) {
                    fp++;
                } else {
                    tn++;
                }
            }
            double precision = tp + fp == 0 ? 0 : tp / (tp + fp);
            double recall = tp + fn == 0 ? 0 : tp / (tp + fn);
            double fpr = fp + tn == 0 ? 0 : fp / (fp + tn);
            double c = cost == null ? Double.NaN : (fp * cost.falsePositive() + fn * cost.falseNegative()) / n;
            curve.add(new double[] {t, precision, recall, fpr, c});
            if (cost != null && (bestCost == null || c < bestCost)) {
                bestCost = c;
                best = t;
                bestConfusion = new double[][] {{tn, fp}, {fn, tp}};
            }
        }
        return new Evaluation.Threshold(task.threshold(), curve, cost == null ? null : cost.falsePositive(),
                cost == null ? null : cost.falseNegative(), best, bestCost, bestConfusion);
    }

    /** Each row's slice of a column: its category (the 20 most frequent, the rest together), or the quartile bin of a number. */
    private static String[] sliceKeys(Column column, int[] keep) {
        int n = keep.length;
        String[] key = new String[n];
        if (column instanceof NumericColumn num) {
            double[] values = Arrays.stream(keep).mapToDouble(num::get).filter(v -> !Double.isNaN(v)).sorted().toArray();
            double[] edges = values.length == 0 ? new double[0]
                    : Arrays.stream(new double[] {0, 0.25, 0.5, 0.75}).map(q -> quantile(values, q)).distinct().toArray();
            for (int i = 0; i < n; i++) {
                double v = num.get(keep[i]);
                if (Double.isNaN(v)) {
                    key[i] = "(missing)";
                    continue;
                }
                int b = edges.length - 1;
                while (b > 0 && v < edges[b]) {
                    b--;
                }
                key[i] = b == edges.length - 1 ? "[" + fmt(edges[b]) + ", " + fmt(values[values.length - 1]) + "]"
                        : "[" + fmt(edges[b]) + ", " + fmt(edges[b + 1]) + ")";
            }
            return key;
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            key[i] = column.isMissing(keep[i]) ? "(missing)" : column.format(keep[i]);
            counts.merge(key[i], 1, Integer::sum);
        }
        if (counts.size() > MAX_LEVELS) {
            List<String> top = counts.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue()).limit(MAX_LEVELS)
                    .map(Map.Entry::getKey).toList();
            for (int i = 0; i < n; i++) {
                if (!top.contains(key[i])) {
                    key[i] = "(other)";
                }
            }
        }
        return key;
    }

    private static Map<String, List<Integer>> groups(String[] keys) {
        Map<String, List<Integer>> groups = new java.util.TreeMap<>();
        for (int i = 0; i < keys.length; i++) {
            groups.computeIfAbsent(keys[i], x -> new ArrayList<>()).add(i);
        }
        return groups;
    }

    private static List<Evaluation.Slice> slices(Task task, String[] keys, double[] y, double[] p) {
        int k = task.outputs();
        List<Evaluation.Slice> out = new ArrayList<>();
        groups(keys).forEach((value, rows) -> {
            double[] sy = new double[rows.size()];
            double[] sp = new double[rows.size() * k];
            for (int j = 0; j < rows.size(); j++) {
                sy[j] = y[rows.get(j)];
                System.arraycopy(p, rows.get(j) * k, sp, j * k, k);
            }
            out.add(new Evaluation.Slice(value, rows.size(), Metrics.evaluate(task, sy, sp, null)));
        });
        return out;
    }

    /**
     * Gaps between a column's groups, binary tasks: the demographic parity difference (largest minus
     * smallest share of positive predictions) and the equal opportunity difference (largest minus smallest
     * true-positive rate, over groups that have positives), as fairlearn defines them.
     */
    private static Map<String, Double> fairness(Task task, String[] keys, double[] y, double[] p) {
        double minRate = Double.POSITIVE_INFINITY;
        double maxRate = Double.NEGATIVE_INFINITY;
        double minTpr = Double.POSITIVE_INFINITY;
        double maxTpr = Double.NEGATIVE_INFINITY;
        for (List<Integer> rows : groups(keys).values()) {
            int predictedPositive = 0;
            int positives = 0;
            int truePositives = 0;
            for (int r : rows) {
                boolean positive = task.decide(p, r) == 1;
                if (positive) {
                    predictedPositive++;
                }
                if (y[r] == 1) {
                    positives++;
                    if (positive) {
                        truePositives++;
                    }
                }
            }
            double rate = (double) predictedPositive / rows.size();
            minRate = Math.min(minRate, rate);
            maxRate = Math.max(maxRate, rate);
            if (positives > 0) {
                double tpr = (double) truePositives / positives;
                minTpr = Math.min(minTpr, tpr);
                maxTpr = Math.max(maxTpr, tpr);
            }
        }
        Map<String, Double> out = new LinkedHashMap<>();
        out.put("demographic_parity_difference", maxRate - minRate);
        out.put("equal_opportunity_difference", Double.isInfinite(minTpr) ? Double.NaN : maxTpr - minTpr);
        return out;
    }

    /** Per class precision, recall, F1 and support, and their support-weighted averages (scikit-learn's average="weighted"). */
    private static void perClass(Confusion cm, int k, List<String> classes, int n, Map<String, Double> metrics,
                                 Map<String, Map<String, Double>> perClass) {
        double wp = 0;
        double wr = 0;
        double wf = 0;
        for (int c = 0; c < k; c++) {
            double support = 0;
            for (int q = 0; q < k; q++) {
                support += cm.count(c, q);
            }
            Map<String, Double> m = new LinkedHashMap<>();
            m.put("precision", cm.precision(c));
            m.put("recall", cm.recall(c));
            m.put("f1", cm.f1(c));
            m.put("support", support);
            perClass.put(classes.get(c), m);
            wp += support * cm.precision(c);
            wr += support * cm.recall(c);
            wf += support * cm.f1(c);
        }
        metrics.put("precision_weighted", wp / n);
        metrics.put("recall_weighted", wr / n);
        metrics.put("f1_weighted", wf / n);
    }

    /** Coverage and accuracy when predictions under a confidence (the top class's probability) are withheld. */
    private static List<double[]> confidence(double[] p, int k, int[] truth, int[] decided) {
        int n = truth.length;
        List<double[]> curve = new ArrayList<>();
        for (int i = 0; i <= 20; i++) {
            double t = i / 20.0;
            int covered = 0;
            int correct = 0;
            for (int r = 0; r < n; r++) {
                if (p[r * k + decided[r]] >= t) {
                    covered++;
                    if (decided[r] == truth[r]) {
                        correct++;
                    }
                }
            }
            curve.add(new double[] {t, (double) covered / n, covered == 0 ? Double.NaN : (double) correct / covered});
        }
        return curve;
    }

    private static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : String.format(java.util.Locale.ROOT, "%.4g", v);
    }

    /**
     * A candidate against an incumbent on the same rows: both metric values and the 95% interval of
     * their difference over paired bootstrap resamples (the same rows for both), oriented so that a
     * positive difference means the candidate is better. The candidate beats the incumbent beyond the
     * noise when the whole interval is above zero.
     */
    public record Comparison(String metric, double candidate, double incumbent, double differenceLow, double differenceHigh) {
        public boolean candidateBetter() {
            return differenceLow > 0;
        }
    }

    public static Comparison compare(Model candidate, Model incumbent, Frame frame, String source, int resamples, long seed) {
        Task task = candidate.task();
        String metric = task.metric();
        double[] yAll = task.encode(frame);
        double[] pa = candidate.predict(frame, source);
        double[] pb = incumbent.predict(frame, source);
        int k = task.outputs();
        if (incumbent.task().outputs() != k || !incumbent.task().classes().equals(task.classes())) {
            throw new ForjaException("the models do not predict the same classes (" + task.classes() + " vs " + incumbent.task().classes() + ")",
                    "compare versions of the same task");
        }
        int[] keep = java.util.stream.IntStream.range(0, yAll.length).filter(r -> !Double.isNaN(yAll[r])).toArray();
        double[] y = new double[keep.length];
        double[] a = new double[keep.length * k];
        double[] b = new double[keep.length * k];
        for (int i = 0; i < keep.length; i++) {
            y[i] = yAll[keep[i]];
            System.arraycopy(pa, keep[i] * k, a, i * k, k);
            System.arraycopy(pb, keep[i] * k, b, i * k, k);
        }
        double sign = Metrics.higherIsBetter(metric) ? 1 : -1;
        double va = Metrics.evaluate(task, y, a, null).get(metric);
        double vb = Metrics.evaluate(task, y, b, null).get(metric);
        Metrics.Prepared ma = Metrics.prepare(task, y, a);
        Metrics.Prepared mb = Metrics.prepare(task, y, b);
        double[] diffs = resampled(y.length, resamples, seed, counts -> sign * (ma.evaluate(counts).get(metric) - mb.evaluate(counts).get(metric)))
                .stream().mapToDouble(Double::doubleValue).toArray();
        double[] ci = percentiles(diffs);
        return new Comparison(metric, va, vb, ci[0], ci[1]);
    }
}

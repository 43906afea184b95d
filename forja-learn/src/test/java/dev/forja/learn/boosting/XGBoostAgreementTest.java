package dev.forja.learn.boosting;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.forja.learn.tree.eval.TreeEnsemble;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;
import org.junit.jupiter.api.Test;

/**
 * The required check of issue 4: a booster compiled into the pure-Java evaluator predicts what
 * XGBoost4J's own {@code predict} does, to 1e-6, on every row of a test set — binary, multiclass,
 * regression, with missing values, and cut at the best iteration of early stopping. The test rows add
 * values placed exactly on, and one double either side of, the model's float thresholds and the
 * midpoints between floats, where comparing in double instead of float would go wrong.
 */
class XGBoostAgreementTest {
    private static final int FEATURES = 8;

    /** Rows of gaussian, integer-valued (ties) and wide-range features, about 8% missing. */
    static double[] rows(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] x = new double[n * FEATURES];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < FEATURES; j++) {
                double v = switch (j % 4) {
                    case 0 -> r.nextGaussian();
                    case 1 -> r.nextInt(6);
                    case 2 -> r.nextDouble() * 1000;
                    default -> r.nextGaussian() * 1e-3 + 0.1;
                };
                x[i * FEATURES + j] = r.nextDouble() < 0.08 ? Double.NaN : v;
            }
        }
        return x;
    }

    static double signal(double[] x, int i) {
        double a = Double.isNaN(x[i * FEATURES]) ? 0 : x[i * FEATURES];
        double b = Double.isNaN(x[i * FEATURES + 1]) ? 2 : x[i * FEATURES + 1];
        double c = Double.isNaN(x[i * FEATURES + 2]) ? 500 : x[i * FEATURES + 2];
        return a + 0.5 * (b - 2.5) + (c - 500) / 300;
    }

    static float[] toFloat(double[] x) {
        float[] f = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            f[i] = (float) x[i];
        }
        return f;
    }

    static Booster train(double[] x, float[] y, Map<String, Object> params, int rounds) throws XGBoostError {
        DMatrix d = new DMatrix(toFloat(x), y.length, FEATURES, Float.NaN);
        d.setLabel(y);
        Map<String, Object> p = new HashMap<>(params);
        p.putIfAbsent("tree_method", "hist");
        p.putIfAbsent("max_depth", 5);
        p.putIfAbsent("eta", 0.3);
        p.putIfAbsent("nthread", 1);
        p.putIfAbsent("seed", 3);
        Booster b = XGBoost.train(d, p, rounds, new HashMap<>(), null, null);
        d.dispose();
        return b;
    }

    static JsonNode json(Booster b) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        b.saveModel(out, "json");
        return XGBoostModelCompiler.parse(out.toByteArray());
    }

    /** Test rows plus rows whose values sit on and next to the model's thresholds. */
    static double[] adversarial(double[] base, TreeEnsemble e) {
        List<double[]> extra = new ArrayList<>();
        SplittableRandom r = new SplittableRandom(11);
        int rows = base.length / FEATURES;
        for (int node = 0; node < e.nodes() && extra.size() < 3000; node++) {
            if (e.isLeaf(node)) {
                continue;
            }
            double t = e.threshold(node); // the double equivalent of XGBoost's float threshold
            for (double v : new double[] {t, Math.nextUp(t), Math.nextDown(t), (float) t, Math.nextUp((float) t), Math.nextDown((float) t)}) {
                double[] row = new double[FEATURES];
                System.arraycopy(base, r.nextInt(rows) * FEATURES, row, 0, FEATURES);
                row[e.feature(node)] = v;
                extra.add(row);
            }
        }
        double[] all = new double[base.length + extra.size() * FEATURES];
        System.arraycopy(base, 0, all, 0, base.length);
        for (int i = 0; i < extra.size(); i++) {
            System.arraycopy(extra.get(i), 0, all, base.length + i * FEATURES, FEATURES);
        }
        return all;
    }

    /** Max |ours - XGBoost's| over every row and output; also checks margins against outputMargin=true. */
    static double[] compare(Booster booster, TreeEnsemble e, double[] x, int iterations) throws XGBoostError {
        int n = x.length / FEATURES;
        DMatrix d = new DMatrix(toFloat(x), n, FEATURES, Float.NaN);
        float[][] probs = booster.predict(d, false, iterations);
        float[][] margins = booster.predict(d, true, iterations);
        d.dispose();
        double[] row = new double[FEATURES];
        double[] out = new double[e.outputs()];
        double[] m = new double[e.margins()];
        double worst = 0;
        double worstMargin = 0;
        for (int i = 0; i < n; i++) {
            System.arraycopy(x, i * FEATURES, row, 0, FEATURES);
            e.predict(row, out);
            e.margins(row, m);
            float[] want = probs[i];
            if (e.outputs() == 2 && want.length == 1) {
                worst = Math.max(worst, Math.abs(out[1] - want[0]));
                worst = Math.max(worst, Math.abs(out[0] - (1 - want[0])));
            } else {
                for (int k = 0; k < want.length; k++) {
                    worst = Math.max(worst, Math.abs(out[k] - want[k]));
                }
            }
            for (int k = 0; k < m.length; k++) {
                worstMargin = Math.max(worstMargin, Math.abs(m[k] - margins[i][k]));
            }
        }
        // The batch path must give the very same numbers as one row at a time.
        double[] batch = new double[n * e.outputs()];
        e.predictParallel(x, n, batch);
        for (int i = 0; i < n; i++) {
            System.arraycopy(x, i * FEATURES, row, 0, FEATURES);
            e.predict(row, out);
            for (int k = 0; k < e.outputs(); k++) {
                assertThat(batch[i * e.outputs() + k]).isEqualTo(out[k]);
            }
        }
        return new double[] {worst, worstMargin};
    }

    @Test
    void binaryLogisticAgreesOnEveryRow() throws Exception {
        double[] x = rows(4000, 1);
        float[] y = new float[4000];
        for (int i = 0; i < y.length; i++) {
            y[i] = signal(x, i) > 0 ? 1 : 0;
        }
        Booster b = train(x, y, Map.of("objective", "binary:logistic"), 60);
        TreeEnsemble e = XGBoostModelCompiler.compile(json(b));
        double[] diff = compare(b, e, adversarial(rows(3000, 2), e), 0);
        System.out.printf("binary: max |p diff| %.3g, max |margin diff| %.3g%n", diff[0], diff[1]);
        assertThat(diff[0]).isLessThanOrEqualTo(1e-6);
        assertThat(diff[1]).isLessThanOrEqualTo(1e-6);
    }

    @Test
    void multiclassSoftprobAgreesOnEveryRow() throws Exception {
        double[] x = rows(4000, 3);
        float[] y = new float[4000];
        for (int i = 0; i < y.length; i++) {
            double s = signal(x, i);
            y[i] = s < -1 ? 0 : s < 0 ? 1 : s < 1 ? 2 : 3;
        }
        Booster b = train(x, y, Map.of("objective", "multi:softprob", "num_class", 4), 40);
        TreeEnsemble e = XGBoostModelCompiler.compile(json(b));
        assertThat(e.outputs()).isEqualTo(4);
        double[] diff = compare(b, e, adversarial(rows(3000, 4), e), 0);
        System.out.printf("multiclass: max |p diff| %.3g, max |margin diff| %.3g%n", diff[0], diff[1]);
        assertThat(diff[0]).isLessThanOrEqualTo(1e-6);
        assertThat(diff[1]).isLessThanOrEqualTo(1e-6);
    }

    @Test
    void regressionAgreesOnEveryRowEvenAtLargeScale() throws Exception {
        double[] x = rows(4000, 5);
        float[] y = new float[4000];
        SplittableRandom r = new SplittableRandom(6);
        for (int i = 0; i < y.length; i++) {
            y[i] = (float) (5000 + 800 * signal(x, i) + r.nextGaussian() * 50);
        }
        Booster b = train(x, y, Map.of("objective", "reg:squarederror"), 80);
        TreeEnsemble e = XGBoostModelCompiler.compile(json(b));
        double[] diff = compare(b, e, adversarial(rows(3000, 7), e), 0);
        System.out.printf("regression: max |diff| %.3g, max |margin diff| %.3g%n", diff[0], diff[1]);
        // Sums are replayed in float, in XGBoost's order, so even values near 5000 agree exactly.
        assertThat(diff[0]).isLessThanOrEqualTo(1e-6);
    }

    @Test
    void bestIterationCutAgreesWithPredictLimitedToIt() throws Exception {
        double[] x = rows(4000, 8);
        float[] y = new float[4000];
        for (int i = 0; i < y.length; i++) {
            double s = signal(x, i);
            y[i] = s < -0.5 ? 0 : s < 0.7 ? 1 : 2;
        }
        Booster b = train(x, y, Map.of("objective", "multi:softprob", "num_class", 3), 30);
        JsonNode model = json(b);
        for (int iterations : new int[] {1, 7, 30}) {
            TreeEnsemble e = XGBoostModelCompiler.compile(model, iterations);
            assertThat(e.trees()).isEqualTo(iterations * 3);
            double[] diff = compare(b, e, rows(2000, 9), iterations);
            assertThat(diff[0]).as("iterations %d", iterations).isLessThanOrEqualTo(1e-6);
            // The sliced JSON, loaded back into XGBoost, predicts like the cut ensemble.
            Booster sliced = XGBoost.loadModel(XGBoostModelCompiler.JSON.writeValueAsBytes(XGBoostModelCompiler.slice(model, iterations)));
            assertThat(compare(sliced, e, rows(500, 10), 0)[0]).isLessThanOrEqualTo(1e-6);
        }
    }
}

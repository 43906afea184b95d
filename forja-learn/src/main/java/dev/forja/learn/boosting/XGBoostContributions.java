package dev.forja.learn.boosting;

import dev.forja.core.ForjaException;
import dev.forja.learn.features.FeatureMatrix;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;

/**
 * XGBoost's own per-row feature contributions (TreeSHAP, {@code pred_contribs}), computed by the
 * booster saved in the model: for every row they add up, with the bias, to the row's margin (log-odds
 * for binary, the value for regression, per class for multiclass). Summarised per feature as the mean
 * absolute contribution, the global importance SHAP users read; for multiclass the classes' absolute
 * contributions are summed.
 */
public final class XGBoostContributions {
    /**
     * One feature's contributions over the rows.
     *
     * @param meanAbsolute mean over rows of |contribution|, in margin units
     * @param mean         signed mean: which way the feature pushes on average
     */
    public record Feature(String name, double meanAbsolute, double mean) {
    }

    /** Per row: the contributions of each feature then the bias, per output group (row-major). */
    public record Rows(int features, int groups, float[][] values) {
        /** The row's margin for {@code group}: the contributions plus the bias. */
        public double margin(int row, int group) {
            double s = 0;
            int offset = group * (features + 1);
            for (int j = 0; j <= features; j++) {
                s += values[row][offset + j];
            }
            return s;
        }
    }

    private XGBoostContributions() {
    }

    public static Rows rows(XGBoostPredictor predictor, FeatureMatrix x) {
        byte[] json = predictor.boosterJson();
        if (json.length == 0) {
            throw new ForjaException("the model has no booster.json, so XGBoost cannot explain it", "train the model again with this Forja");
        }
        double[] v = x.values();
        float[] f = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            f[i] = (float) v[i];
        }
        Booster booster = null;
        DMatrix d = null;
        try {
            booster = XGBoost.loadModel(json);
            d = new DMatrix(f, x.rows(), x.width(), Float.NaN);
            float[][] contributions = booster.predictContrib(d, 0);
            int groups = contributions.length == 0 ? 1 : contributions[0].length / (x.width() + 1);
            return new Rows(x.width(), groups, contributions);
        } catch (XGBoostError | IOException e) {
            throw new ForjaException("XGBoost could not compute contributions: " + e.getMessage(), "check that the model was trained by XGBoost", e);
        } finally {
            if (d != null) {
                d.dispose();
            }
            if (booster != null) {
                booster.dispose();
            }
        }
    }

    /** Features by mean absolute contribution, largest first. */
    public static List<Feature> summary(XGBoostPredictor predictor, FeatureMatrix x) {
        Rows r = rows(predictor, x);
        List<Feature> out = new ArrayList<>();
        int n = x.rows();
        for (int j = 0; j < r.features(); j++) {
            double abs = 0;
            double signed = 0;
            for (int row = 0; row < n; row++) {
                for (int g = 0; g < r.groups(); g++) {
                    double c = r.values()[row][g * (r.features() + 1) + j];
                    abs += Math.abs(c);
                    signed += c;
                }
            }
            out.add(new Feature(x.names().get(j), n == 0 ? Double.NaN : abs / n, n == 0 ? Double.NaN : signed / n));
        }
        out.sort((a, b) -> Double.compare(b.meanAbsolute(), a.meanAbsolute()));
        return out;
    }
}

package dev.forja.learn.features;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.forja.core.ForjaException;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * Principal components of the encoded features: centre by the training mean, project on the top
 * eigenvectors of the training covariance (EJML's symmetric eigen-decomposition). Each component's
 * sign is fixed so that its largest-magnitude loading is positive, so the result does not depend on
 * the solver's arbitrary sign choice (scikit-learn applies the same kind of convention).
 */
final class Pca {
    final double[] mean;
    final double[][] components;
    final double[] explained;

    Pca(double[] mean, double[][] components, double[] explained) {
        this.mean = mean;
        this.components = components;
        this.explained = explained;
    }

    static Pca fit(double[] x, int rows, int width, int k) {
        if (k > width) {
            throw new ForjaException("--pca " + k + " asks for more components than the " + width + " features", "use at most " + width);
        }
        double[] mean = new double[width];
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < width; j++) {
                double v = x[r * width + j];
                if (Double.isNaN(v)) {
                    throw new ForjaException("PCA needs complete features but feature " + j + " has missing values", "add --impute median");
                }
                mean[j] += v;
            }
        }
        for (int j = 0; j < width; j++) {
            mean[j] /= rows;
        }
        DMatrixRMaj cov = new DMatrixRMaj(width, width);
        for (int r = 0; r < rows; r++) {
            for (int a = 0; a < width; a++) {
                double da = x[r * width + a] - mean[a];
                for (int b = a; b < width; b++) {
                    cov.add(a, b, da * (x[r * width + b] - mean[b]));
                }
            }
        }
        for (int a = 0; a < width; a++) {
            for (int b = a; b < width; b++) {
                double v = cov.get(a, b) / Math.max(1, rows - 1);
                cov.set(a, b, v);
                cov.set(b, a, v);
            }
        }
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(width, true, true);
        if (!eig.decompose(cov)) {
            throw new ForjaException("PCA failed: the covariance could not be decomposed", "check the features for extreme values, or drop --pca");
        }
        Integer[] order = new Integer[width];
        for (int i = 0; i < width; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (p, q) -> Double.compare(eig.getEigenvalue(q).getReal(), eig.getEigenvalue(p).getReal()));
        double[][] comps = new double[k][width];
        double[] explained = new double[k];
        for (int c = 0; c < k; c++) {
            DMatrixRMaj v = eig.getEigenVector(order[c]);
            int big = 0;
            for (int j = 0; j < width; j++) {
                if (Math.abs(v.get(j)) > Math.abs(v.get(big))) {
                    big = j;
                }
            }
            double sign = v.get(big) < 0 ? -1 : 1;
            for (int j = 0; j < width; j++) {
                comps[c][j] = sign * v.get(j);
            }
            explained[c] = eig.getEigenvalue(order[c]).getReal();
        }
        return new Pca(mean, comps, explained);
    }

    /** Projects {@code in} (length = input width) into {@code out[offset..offset+k)}. */
    void apply(double[] in, double[] out, int offset) {
        for (int c = 0; c < components.length; c++) {
            double s = 0;
            double[] w = components[c];
            for (int j = 0; j < w.length; j++) {
                s += (in[j] - mean[j]) * w[j];
            }
            out[offset + c] = s;
        }
    }

    ObjectNode toJson() {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        var m = n.putArray("mean");
        for (double d : mean) {
            m.add(d);
        }
        var cs = n.putArray("components");
        for (double[] c : components) {
            var a = cs.addArray();
            for (double d : c) {
                a.add(d);
            }
        }
        var e = n.putArray("explained_variance");
        for (double d : explained) {
            e.add(d);
        }
        return n;
    }

    static Pca fromJson(JsonNode n) {
        double[] mean = new double[n.path("mean").size()];
        for (int i = 0; i < mean.length; i++) {
            mean[i] = n.path("mean").get(i).asDouble();
        }
        double[][] comps = new double[n.path("components").size()][];
        for (int c = 0; c < comps.length; c++) {
            JsonNode a = n.path("components").get(c);
            comps[c] = new double[a.size()];
            for (int j = 0; j < a.size(); j++) {
                comps[c][j] = a.get(j).asDouble();
            }
        }
        double[] ex = new double[n.path("explained_variance").size()];
        for (int i = 0; i < ex.length; i++) {
            ex[i] = n.path("explained_variance").get(i).asDouble();
        }
        return new Pca(mean, comps, ex);
    }
}

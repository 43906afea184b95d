package dev.forja.learn.tree;

import dev.forja.learn.tree.eval.OutputTransform;
import dev.forja.learn.tree.eval.TreeEnsemble;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Prints a tree as if/then rules, one per leaf, left to right. The rules are mutually exclusive:
 * every row satisfies exactly one. Conditions on the same feature along a path merge into one
 * interval ({@code 2.45 <= petal_length < 4.95}); "or missing" marks the features whose missing values
 * lead to the leaf (each split sends them to its default side). Each rule ends with the prediction,
 * its probability for classes, and the training rows that reached the leaf:
 * <pre>
 * if petal_length &lt; 2.45 then setosa (p = 1, 50 rows)
 * if petal_length &gt;= 2.45 and petal_width &lt; 1.75 then versicolor (p = 0.907, 54 rows)
 * </pre>
 * Numbers show 6 significant digits.
 */
public final class TreeRules {
    private TreeRules() {
    }

    /** Rules of tree {@code t} of the ensemble. */
    public static String format(TreeEnsemble e, int t, List<String> featureNames, List<String> classes) {
        if (featureNames.size() != e.features()) {
            throw new IllegalArgumentException(featureNames.size() + " feature names for a tree of " + e.features() + " features");
        }
        StringBuilder out = new StringBuilder();
        walk(e, e.root(t), new ArrayList<>(), featureNames, classes, out);
        return out.toString();
    }

    /** One condition on a path: the node's feature, which side was taken, and the threshold. */
    private record Step(int feature, boolean leftSide, double threshold, boolean missingFollows) {
    }

    private static void walk(TreeEnsemble e, int node, List<Step> path, List<String> names, List<String> classes, StringBuilder out) {
        if (e.isLeaf(node)) {
            out.append(path.isEmpty() ? "always" : "if " + conditions(path, names)).append(" then ")
                    .append(prediction(e, node, classes)).append('\n');
            return;
        }
        int f = e.feature(node);
        boolean def = e.defaultLeft(node);
        path.add(new Step(f, true, e.threshold(node), def));
        walk(e, e.leftChild(node), path, names, classes, out);
        path.set(path.size() - 1, new Step(f, false, e.threshold(node), !def));
        walk(e, e.leftChild(node) + 1, path, names, classes, out);
        path.remove(path.size() - 1);
    }

    private static String conditions(List<Step> path, List<String> names) {
        // Per feature, in order of first use: the tightest bounds and whether missing values get here.
        Map<Integer, double[]> bounds = new LinkedHashMap<>();
        Map<Integer, Boolean> missing = new LinkedHashMap<>();
        for (Step s : path) {
            double[] b = bounds.computeIfAbsent(s.feature(), k -> new double[] {Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY});
            if (s.leftSide()) {
                b[1] = Math.min(b[1], s.threshold());
            } else {
                b[0] = Math.max(b[0], s.threshold());
            }
            missing.merge(s.feature(), s.missingFollows(), Boolean::logicalAnd);
        }
        List<String> parts = new ArrayList<>();
        for (Map.Entry<Integer, double[]> en : bounds.entrySet()) {
            String name = names.get(en.getKey());
            double lo = en.getValue()[0];
            double hi = en.getValue()[1];
            String c;
            if (lo > Double.NEGATIVE_INFINITY && hi < Double.POSITIVE_INFINITY) {
                c = number(lo) + " <= " + name + " < " + number(hi);
            } else if (hi < Double.POSITIVE_INFINITY) {
                c = name + " < " + number(hi);
            } else {
                c = name + " >= " + number(lo);
            }
            if (missing.get(en.getKey())) {
                c = "(" + c + " or " + name + " is missing)";
            }
            parts.add(c);
        }
        return String.join(" and ", parts);
    }

    private static String prediction(TreeEnsemble e, int leaf, List<String> classes) {
        String rows = rows(e.cover(leaf));
        if (classes.isEmpty()) {
            return number(e.leafValue(leaf, 0)) + " (" + rows + ")";
        }
        int best = 0;
        double p;
        if (e.transform() == OutputTransform.COMPLEMENT) {
            double p1 = e.leafValue(leaf, 0);
            best = p1 > 0.5 ? 1 : 0;
            p = best == 1 ? p1 : 1 - p1;
        } else {
            for (int k = 1; k < e.leafWidth(); k++) {
                if (e.leafValue(leaf, k) > e.leafValue(leaf, best)) {
                    best = k;
                }
            }
            p = e.leafValue(leaf, best);
        }
        return classes.get(best) + " (p = " + number(p) + ", " + rows + ")";
    }

    private static String rows(double n) {
        long r = Math.round(n);
        return r == 1 ? "1 row" : r + " rows";
    }

    /** Six significant digits, no exponent for everyday magnitudes, no trailing zeros. */
    static String number(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return Double.toString(v);
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        BigDecimal d = new BigDecimal(v).round(new MathContext(6)).stripTrailingZeros();
        String s = Math.abs(v) >= 1e-4 && Math.abs(v) < 1e15 ? d.toPlainString() : d.toString();
        return s.toLowerCase(Locale.ROOT);
    }
}

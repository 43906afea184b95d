package dev.forja.core.task;

import dev.forja.core.ForjaException;

/**
 * What a wrong binary decision costs: a false positive and a false negative, in any unit. The decision
 * threshold that minimises expected cost for calibrated probabilities is {@code fp / (fp + fn)}.
 */
public record CostMatrix(double falsePositive, double falseNegative) {
    public CostMatrix {
        if (!(falsePositive >= 0) || !(falseNegative >= 0) || falsePositive + falseNegative == 0) {
            throw new ForjaException("costs must be non-negative and not both zero (got fp=" + falsePositive + ", fn=" + falseNegative + ")",
                    "write the cost matrix as fp=1,fn=5");
        }
    }

    /** The probability threshold above which predicting positive costs less in expectation. */
    public double threshold() {
        return falsePositive / (falsePositive + falseNegative);
    }

    /** Parses {@code fp=1,fn=5}. */
    public static CostMatrix parse(String text) {
        double fp = Double.NaN;
        double fn = Double.NaN;
        for (String part : text.split(",")) {
            String[] kv = part.split("=", 2);
            if (kv.length != 2) {
                throw new ForjaException("cost matrix '" + text + "' is not fp=X,fn=Y", "write it as fp=1,fn=5");
            }
            double v;
            try {
                v = Double.parseDouble(kv[1].trim());
            } catch (NumberFormatException e) {
                throw new ForjaException("cost '" + kv[1].trim() + "' in '" + text + "' is not a number", "write it as fp=1,fn=5");
            }
            switch (kv[0].trim().toLowerCase(java.util.Locale.ROOT)) {
                case "fp": fp = v; break;
                case "fn": fn = v; break;
                default: throw new ForjaException("unknown cost '" + kv[0].trim() + "' in '" + text + "'", "use fp and fn, e.g. fp=1,fn=5");
            }
        }
        if (Double.isNaN(fp) || Double.isNaN(fn)) {
            throw new ForjaException("cost matrix '" + text + "' needs both fp and fn", "write it as fp=1,fn=5");
        }
        return new CostMatrix(fp, fn);
    }
}

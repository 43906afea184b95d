package dev.forja.learn.tune;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * Tree-structured Parzen Estimator (Bergstra et al. 2011), independent per dimension as Optuna's
 * default {@code TPESampler}: after {@value #STARTUP} random trials, the finished trials are split into
 * the best {@code min(ceil(0.1 n), 25)} and the rest; each dimension gets a Parzen density l(x) over
 * the good values and g(x) over the others (truncated Gaussians whose widths follow the gaps between
 * neighbours, plus a wide prior), and the next value is the one of {@value #CANDIDATES} draws from l
 * that maximises l(x) / g(x). Pruned trials count among the bad ones. Choices use smoothed
 * frequencies. Written here because no JVM library offers TPE.
 */
public final class TpeSampler implements Sampler {
    static final int STARTUP = 10;
    static final int CANDIDATES = 24;

    @Override
    public Map<String, String> sample(SearchSpace space, List<Trial> history, SplittableRandom random) {
        List<Trial> complete = history.stream().filter(t -> t.state() == Trial.State.COMPLETE).toList();
        // pruned trials count as finished, as in Optuna: under median pruning most trials are pruned, and
        // counting only complete ones would keep TPE random for most of a search
        long finished = history.stream().filter(t -> t.state() != Trial.State.FAILED).count();
        if (finished < STARTUP || complete.isEmpty()) {
            return new RandomSampler().sample(space, history, random);
        }
        List<Trial> sorted = new ArrayList<>(complete);
        sorted.sort((a, b) -> Double.compare(b.score(), a.score()));
        int nGood = Math.max(1, Math.min((int) Math.ceil(0.1 * sorted.size()), 25));
        List<Trial> good = sorted.subList(0, nGood);
        List<Trial> bad = new ArrayList<>(sorted.subList(nGood, sorted.size()));
        history.stream().filter(t -> t.state() == Trial.State.PRUNED).forEach(bad::add);
        Map<String, String> out = new LinkedHashMap<>();
        for (Dimension d : space.dimensions()) {
            if (!SearchSpace.active(d, out)) {
                continue;
            }
            List<String> g = values(good, d);
            List<String> b = values(bad, d);
            if (g.isEmpty()) {
                out.put(d.name(), RandomSampler.draw(d, random));
            } else if (d.type() == Dimension.Type.CHOICE) {
                out.put(d.name(), choose(d, g, b, random));
            } else {
                out.put(d.name(), d.format(number(d, g, b, random)));
            }
        }
        return out;
    }

    private static List<String> values(List<Trial> trials, Dimension d) {
        List<String> out = new ArrayList<>();
        for (Trial t : trials) {
            String v = t.params().get(d.name());
            if (v != null) {
                out.add(v);
            }
        }
        return out;
    }

    private static String choose(Dimension d, List<String> good, List<String> bad, SplittableRandom random) {
        int k = d.choices().size();
        double[] l = frequencies(d, good);
        double[] g = frequencies(d, bad);
        String best = null;
        double bestRatio = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < CANDIDATES; c++) {
            double u = random.nextDouble();
            int i = 0;
            while (i < k - 1 && u > l[i]) {
                u -= l[i];
                i++;
            }
            double ratio = Math.log(l[i]) - Math.log(g[i]);
            if (ratio > bestRatio) {
                bestRatio = ratio;
                best = d.choices().get(i);
            }
        }
        return best;
    }

    /** Observed shares with one prior observation spread evenly over the choices. */
    private static double[] frequencies(Dimension d, List<String> values) {
        int k = d.choices().size();
        double[] p = new double[k];
        Arrays.fill(p, 1.0 / k);
        for (String v : values) {
            int i = d.choices().indexOf(v);
            if (i >= 0) {
                p[i] += 1;
            }
        }
        double sum = values.size() + 1.0;
        for (int i = 0; i < k; i++) {
            p[i] /= sum;
        }
        return p;
    }

    private static double number(Dimension d, List<String> good, List<String> bad, SplittableRandom random) {
        boolean discrete = d.type() == Dimension.Type.INT && !d.log();
        double lo = d.lowInternal() - (discrete ? 0.5 : 0);
        double hi = d.highInternal() + (discrete ? 0.5 : 0);
        Parzen l = new Parzen(internal(d, good), lo, hi);
        Parzen g = new Parzen(internal(d, bad), lo, hi);
        double best = Double.NaN;
        double bestRatio = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < CANDIDATES; c++) {
            double x = l.draw(random);
            double ratio = Math.log(l.density(x)) - Math.log(g.density(x));
            if (ratio > bestRatio) {
                bestRatio = ratio;
                best = x;
            }
        }
        return best;
    }

    private static double[] internal(Dimension d, List<String> values) {
        return values.stream().mapToDouble(d::internal).toArray();
    }

    /** A mixture of Gaussians truncated to [lo, hi]: one per observation and a wide prior at the centre. */
    static final class Parzen {
        private final double[] mu;
        private final double[] sigma;
        private final double[] mass;
        private final double lo;
        private final double hi;

        Parzen(double[] observations, double lo, double hi) {
            this.lo = lo;
            this.hi = hi;
            double range = hi - lo;
            int n = observations.length;
            double[] points = Arrays.copyOf(observations, n + 1);
            points[n] = (lo + hi) / 2;
            Integer[] order = new Integer[n + 1];
            for (int i = 0; i <= n; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (a, b) -> Double.compare(points[a], points[b]));
            mu = new double[n + 1];
            sigma = new double[n + 1];
            mass = new double[n + 1];
            double minSigma = range / Math.min(100, n + 1);
            for (int r = 0; r <= n; r++) {
                int i = order[r];
                double left = r == 0 ? points[i] - lo : points[i] - points[order[r - 1]];
                double right = r == n ? hi - points[i] : points[order[r + 1]] - points[i];
                mu[i] = points[i];
                sigma[i] = i == n ? range : Math.max(minSigma, Math.min(range, Math.max(left, right)));
            }
            for (int i = 0; i <= n; i++) {
                NormalDistribution nd = NormalDistribution.of(mu[i], sigma[i]);
                mass[i] = Math.max(1e-12, nd.cumulativeProbability(hi) - nd.cumulativeProbability(lo));
            }
        }

        double draw(SplittableRandom random) {
            int i = random.nextInt(mu.length);
            for (int attempt = 0; attempt < 100; attempt++) {
                double x = mu[i] + sigma[i] * random.nextGaussian();
                if (x >= lo && x <= hi) {
                    return x;
                }
            }
            return Math.max(lo, Math.min(hi, mu[i]));
        }

        double density(double x) {
            double p = 0;
            for (int i = 0; i < mu.length; i++) {
                double z = (x - mu[i]) / sigma[i];
                p += Math.exp(-0.5 * z * z) / (sigma[i] * Math.sqrt(2 * Math.PI)) / mass[i];
            }
            return Math.max(p / mu.length, 1e-300);
        }
    }
}

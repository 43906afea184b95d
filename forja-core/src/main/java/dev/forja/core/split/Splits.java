package dev.forja.core.split;

import dev.forja.core.ForjaException;
import dev.forja.core.frame.Column;
import dev.forja.core.frame.DatetimeColumn;
import dev.forja.core.frame.Frame;
import dev.forja.core.frame.NumericColumn;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Ways to divide rows into train / validation / test, all seeded and deterministic:
 * <ul>
 *   <li>{@link #holdout}: random, or stratified by class (each class is split in the same
 *       proportions: {@code round(n_c × fraction)} of class c goes to the part);</li>
 *   <li>{@link #byTime}: the latest rows by a datetime (or numeric) column are the test part, the ones
 *       before them validation; rows with the same time are never on both sides of a boundary;</li>
 *   <li>{@link #byGroup}: whole groups (rows sharing a column value) go to one part, so no group
 *       straddles train and test; groups are taken in seeded random order until each part reaches its
 *       share of rows.</li>
 * </ul>
 * Validation is carved out of what remains after the test part, with {@code validSize} a fraction of
 * that remainder.
 */
public final class Splits {
    private Splits() {
    }

    private static void checkFractions(double testSize, double validSize) {
        if (!(testSize > 0 && testSize < 1)) {
            throw new ForjaException("test size " + testSize + " must be between 0 and 1 (exclusive)", "use e.g. --test-size 0.2");
        }
        if (!(validSize >= 0 && validSize < 1)) {
            throw new ForjaException("validation size " + validSize + " must be at least 0 and below 1", "use e.g. --valid-size 0.1");
        }
    }

    /**
     * @param rows     the candidate rows (e.g. those with a target)
     * @param classes  class index per row of the frame for stratification, or null for a random split
     */
    public static Split holdout(int[] rows, double[] classes, double testSize, double validSize, long seed) {
        checkFractions(testSize, validSize);
        if (rows.length < 3) {
            throw new ForjaException("only " + rows.length + " row(s) to split", "a train/test split needs more data");
        }
        int[][] parts = classes == null ? cut(Shuffle.copy(rows, seed), testSize) : stratifiedCut(rows, classes, testSize, seed);
        int[] test = parts[0];
        int[] rest = parts[1];
        int[] valid = new int[0];
        if (validSize > 0) {
            int[][] v = classes == null ? cut(Shuffle.copy(rest, seed + 1), validSize) : stratifiedCut(rest, classes, validSize, seed + 1);
            valid = v[0];
            rest = v[1];
        }
        if (rest.length == 0 || test.length == 0) {
            throw new ForjaException("the split leaves an empty part (" + rows.length + " rows, test " + testSize + ")", "use more data or other fractions");
        }
        String how = String.format(Locale.ROOT, "%s holdout: test %s, validation %s, seed %d", classes == null ? "random" : "stratified",
                testSize, validSize, seed);
        return new Split(sorted(rest), sorted(valid), sorted(test), how);
    }

    /** [part, rest]: the first round(n × fraction) of the already shuffled rows, and the others. */
    private static int[][] cut(int[] shuffled, double fraction) {
        int n = (int) Math.round(shuffled.length * fraction);
        n = Math.max(1, Math.min(shuffled.length - 1, n));
        return new int[][] {Arrays.copyOfRange(shuffled, 0, n), Arrays.copyOfRange(shuffled, n, shuffled.length)};
    }

    private static int[][] stratifiedCut(int[] rows, double[] classes, double fraction, long seed) {
        Map<Integer, List<Integer>> byClass = new LinkedHashMap<>();
        for (int r : rows) {
            byClass.computeIfAbsent((int) classes[r], c -> new ArrayList<>()).add(r);
        }
        List<Integer> part = new ArrayList<>();
        List<Integer> rest = new ArrayList<>();
        List<Integer> keys = new ArrayList<>(byClass.keySet());
        keys.sort(Comparator.naturalOrder());
        for (int c : keys) {
            int[] members = Shuffle.copy(byClass.get(c).stream().mapToInt(Integer::intValue).toArray(), seed + 31L * c);
            int n = (int) Math.round(members.length * fraction);
            for (int i = 0; i < members.length; i++) {
                (i < n ? part : rest).add(members[i]);
            }
        }
        return new int[][] {part.stream().mapToInt(Integer::intValue).toArray(), rest.stream().mapToInt(Integer::intValue).toArray()};
    }

    /** Time-based: the latest rows by {@code column} form the test part, the ones just before them validation. */
    public static Split byTime(Frame frame, String column, int[] rows, double testSize, double validSize) {
        checkFractions(testSize, validSize);
        double[] t = times(frame, column, rows);
        Integer[] order = Arrays.stream(rows).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble((Integer r) -> t[r]).thenComparingInt(r -> r));
        int n = order.length;
        int testStart = boundary(order, t, n - (int) Math.round(n * testSize));
        int validStart = boundary(order, t, testStart - (int) Math.round(testStart * validSize));
        if (testStart <= 0 || testStart >= n || validStart <= 0) {
            throw new ForjaException("the time split leaves an empty part: too many rows share the same '" + column + "'",
                    "use a finer time column or other fractions");
        }
        int[] train = new int[validStart];
        int[] valid = new int[testStart - validStart];
        int[] test = new int[n - testStart];
        for (int i = 0; i < n; i++) {
            int r = order[i];
            if (i < validStart) {
                train[i] = r;
            } else if (i < testStart) {
                valid[i - validStart] = r;
            } else {
                test[i - testStart] = r;
            }
        }
        return new Split(sorted(train), sorted(valid), sorted(test),
                String.format(Locale.ROOT, "time split on %s: latest %s test, validation %s before it", column, testSize, validSize));
    }

    /** Each row's time (epoch millis, or the number) from a datetime or numeric column; a missing time is an error. */
    private static double[] times(Frame frame, String column, int[] rows) {
        Column c = frame.column(column);
        double[] t = new double[frame.rowCount()];
        int missing = 0;
        for (int r : rows) {
            if (c.isMissing(r)) {
                missing++;
            } else if (c instanceof DatetimeColumn d) {
                t[r] = d.millis(r);
            } else if (c instanceof NumericColumn n) {
                t[r] = n.get(r);
            } else {
                throw new ForjaException("--split-by column '" + column + "' is " + c.kind().id() + "; it must be a datetime or a number",
                        "declare it with --column '" + column + ":datetime'");
            }
        }
        if (missing > 0) {
            throw new ForjaException("--split-by column '" + column + "' is missing in " + missing + " row(s), which cannot be placed in time",
                    "fill or drop those rows first");
        }
        return t;
    }

    /**
     * Time-ordered cross-validation (scikit-learn's {@code TimeSeriesSplit}): the rows sorted by
     * {@code column} are cut into k + 1 consecutive blocks; fold i trains on blocks 0..i and validates on
     * block i + 1, so a model is never scored on rows older than some it was fitted on. Rows with equal
     * times stay in one block.
     */
    public static List<Fold> timeFolds(Frame frame, String column, int[] rows, int k) {
        if (k < 2) {
            throw new ForjaException("time-ordered cross-validation needs at least 2 folds, not " + k, "give --cv 3 or more");
        }
        double[] t = times(frame, column, rows);
        Integer[] order = Arrays.stream(rows).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble((Integer r) -> t[r]).thenComparingInt(r -> r));
        int n = order.length;
        int[] cuts = new int[k + 2];
        cuts[k + 1] = n;
        for (int b = 1; b <= k; b++) {
            cuts[b] = boundary(order, t, (int) Math.round((double) n * b / (k + 1)));
            if (cuts[b] <= cuts[b - 1]) {
                throw new ForjaException("time-ordered cross-validation leaves an empty block: too many rows share the same '" + column + "'",
                        "use fewer folds or a finer time column");
            }
        }
        List<Fold> folds = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            int[] train = new int[cuts[i + 1]];
            int[] valid = new int[cuts[i + 2] - cuts[i + 1]];
            for (int j = 0; j < train.length; j++) {
                train[j] = order[j];
            }
            for (int j = 0; j < valid.length; j++) {
                valid[j] = order[cuts[i + 1] + j];
            }
            folds.add(new Fold(sorted(train), sorted(valid)));
        }
        return folds;
    }

    /** Moves a boundary back so that rows with equal times stay on one side. */
    private static int boundary(Integer[] order, double[] t, int at) {
        int b = Math.max(0, Math.min(order.length, at));
        while (b > 0 && b < order.length && t[order[b - 1]] == t[order[b]]) {
            b--;
        }
        return b;
    }

    /** Group split: no value of {@code column} has rows in two parts. Missing values form one group. */
    public static Split byGroup(Frame frame, String column, int[] rows, double testSize, double validSize, long seed) {
        checkFractions(testSize, validSize);
        Map<String, List<Integer>> groups = groups(frame, column, rows);
        if (groups.size() < 3) {
            throw new ForjaException("--group-by column '" + column + "' has only " + groups.size() + " group(s)", "a group split needs at least 3 groups");
        }
        List<List<Integer>> order = new ArrayList<>(groups.values());
        int[] idx = Shuffle.copy(java.util.stream.IntStream.range(0, order.size()).toArray(), seed);
        int n = rows.length;
        int testTarget = (int) Math.round(n * testSize);
        int validTarget = (int) Math.round((n - testTarget) * validSize);
        List<Integer> test = new ArrayList<>();
        List<Integer> valid = new ArrayList<>();
        List<Integer> train = new ArrayList<>();
        for (int i : idx) {
            List<Integer> g = order.get(i);
            if (test.size() < testTarget) {
                test.addAll(g);
            } else if (valid.size() < validTarget) {
                valid.addAll(g);
            } else {
                train.addAll(g);
            }
        }
        if (train.isEmpty()) {
            throw new ForjaException("the group split leaves no training rows: one group of '" + column + "' is too large", "use other fractions");
        }
        return new Split(sorted(train), sorted(valid), sorted(test),
                String.format(Locale.ROOT, "group split on %s: test %s, validation %s, seed %d", column, testSize, validSize, seed));
    }

    static Map<String, List<Integer>> groups(Frame frame, String column, int[] rows) {
        Column c = frame.column(column);
        Map<String, List<Integer>> groups = new LinkedHashMap<>();
        for (int r : rows) {
            String key = c.isMissing(r) ? "\u0000missing" : c.format(r);
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(r);
        }
        return groups;
    }

    /**
     * K folds over {@code rows}: shuffled with the seed; stratified when {@code classes} is given (each
     * class dealt round-robin across folds, so per-class counts differ by at most one); grouped when
     * {@code groupColumn} is given (whole groups, largest first, each to the currently smallest fold).
     */
    public static List<Fold> kFold(Frame frame, int[] rows, double[] classes, String groupColumn, int k, long seed) {
        if (k < 2) {
            throw new ForjaException("cross-validation needs at least 2 folds, not " + k, "use e.g. --cv 5");
        }
        if (rows.length < k) {
            throw new ForjaException(rows.length + " rows cannot make " + k + " folds", "use fewer folds");
        }
        int[] foldOf = new int[frame.rowCount()];
        Arrays.fill(foldOf, -1);
        if (groupColumn != null) {
            List<List<Integer>> groups = new ArrayList<>(groups(frame, groupColumn, rows).values());
            if (groups.size() < k) {
                throw new ForjaException("--group-by column '" + groupColumn + "' has " + groups.size() + " groups, fewer than " + k + " folds", "use fewer folds");
            }
            int[] idx = Shuffle.copy(java.util.stream.IntStream.range(0, groups.size()).toArray(), seed);
            Integer[] bySize = Arrays.stream(idx).boxed().toArray(Integer[]::new);
            Arrays.sort(bySize, Comparator.comparingInt((Integer g) -> -groups.get(g).size()));
            int[] sizes = new int[k];
            for (int g : bySize) {
                int smallest = 0;
                for (int f = 1; f < k; f++) {
                    if (sizes[f] < sizes[smallest]) {
                        smallest = f;
                    }
                }
                for (int r : groups.get(g)) {
                    foldOf[r] = smallest;
                }
                sizes[smallest] += groups.get(g).size();
            }
        } else if (classes != null) {
            Map<Integer, List<Integer>> byClass = new java.util.TreeMap<>();
            for (int r : rows) {
                byClass.computeIfAbsent((int) classes[r], c -> new ArrayList<>()).add(r);
            }
            int next = 0;
            for (Map.Entry<Integer, List<Integer>> e : byClass.entrySet()) {
                if (e.getValue().size() < k) {
                    throw new ForjaException("class " + e.getKey() + " has " + e.getValue().size() + " row(s), fewer than the " + k + " folds",
                            "use fewer folds, or drop rare classes");
                }
                int[] members = Shuffle.copy(e.getValue().stream().mapToInt(Integer::intValue).toArray(), seed + 31L * e.getKey());
                for (int r : members) {
                    foldOf[r] = next;
                    next = (next + 1) % k;
                }
            }
        } else {
            int[] shuffled = Shuffle.copy(rows, seed);
            for (int i = 0; i < shuffled.length; i++) {
                foldOf[shuffled[i]] = i % k;
            }
        }
        List<Fold> folds = new ArrayList<>(k);
        for (int f = 0; f < k; f++) {
            List<Integer> train = new ArrayList<>();
            List<Integer> valid = new ArrayList<>();
            for (int r : rows) {
                (foldOf[r] == f ? valid : train).add(r);
            }
            folds.add(new Fold(train.stream().mapToInt(Integer::intValue).toArray(), valid.stream().mapToInt(Integer::intValue).toArray()));
        }
        return folds;
    }

    private static int[] sorted(int[] rows) {
        int[] out = rows.clone();
        Arrays.sort(out);
        return out;
    }

    private static int[] sorted(List<Integer> rows) {
        return rows.stream().mapToInt(Integer::intValue).sorted().toArray();
    }
}

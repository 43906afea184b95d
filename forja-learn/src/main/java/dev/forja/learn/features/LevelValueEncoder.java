package dev.forja.learn.features;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.forja.core.task.Task;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A categorical column as one number per level (or, for multiclass target encoding, one per class),
 * each output then passed through its own fitted {@link NumericTransform} (scaling for linear models):
 * <ul>
 *   <li>{@code ordinal}: the level's position in training order (first appearance); unseen and missing
 *       levels are NaN, which trees route by their learned default and imputation fills otherwise;</li>
 *   <li>{@code frequency}: the level's share of training rows; unseen levels 0; missing values the
 *       share of missing rows;</li>
 *   <li>{@code target}: the smoothed mean of the target for the level,
 *       {@code (n·mean + m·prior) / (n + m)} with {@code m = 10} (class rates per class for multiclass,
 *       the positive rate for binary, the mean for regression); unseen and missing levels get the prior.
 *       The training rows get <em>out-of-fold</em> values (5 seeded folds), so a row's own target never
 *       feeds its feature (the leak that makes naive target encoding look brilliant in training).</li>
 * </ul>
 */
final class LevelValueEncoder implements ColumnEncoder {
    static final double SMOOTHING = 10;
    static final int FOLDS = 5;

    private final String type;
    private final String column;
    private final Map<String, double[]> values;
    private final double[] unseen;
    private final double[] missing;
    private final NumericTransform[] transforms;
    private final List<String> names;

    LevelValueEncoder(String type, String column, Map<String, double[]> values, double[] unseen, double[] missing,
                      NumericTransform[] transforms, List<String> names) {
        this.type = type;
        this.column = column;
        this.values = values;
        this.unseen = unseen;
        this.missing = missing;
        this.transforms = transforms;
        this.names = List.copyOf(names);
    }

    @Override
    public String column() {
        return column;
    }

    @Override
    public List<String> names() {
        return names;
    }

    @Override
    public boolean encode(InputRow row, int input, double[] out, int offset) {
        double[] v;
        boolean isUnseen = false;
        if (row.missing[input]) {
            v = missing;
        } else {
            v = values.get(row.strings[input]);
            if (v == null) {
                v = unseen;
                isUnseen = true;
            }
        }
        for (int i = 0; i < v.length; i++) {
            out[offset + i] = transforms[i].apply(v[i]);
        }
        return isUnseen;
    }

    /** Raw (untransformed) outputs per training row, for fitting the transforms. */
    private static double[][] raw(String[] levels, Map<String, double[]> values, double[] unseen, double[] missing, int outputs) {
        double[][] out = new double[outputs][levels.length];
        for (int r = 0; r < levels.length; r++) {
            double[] v = levels[r] == null ? missing : values.getOrDefault(levels[r], unseen);
            for (int i = 0; i < outputs; i++) {
                out[i][r] = v[i];
            }
        }
        return out;
    }

    static LevelValueEncoder ordinal(String column, String[] levels, PipelineSpec spec) {
        Map<String, double[]> values = new LinkedHashMap<>();
        for (String l : levels) {
            if (l != null && !values.containsKey(l)) {
                values.put(l, new double[] {values.size()});
            }
        }
        double[] nan = {Double.NaN};
        NumericTransform t = NumericTransform.fit(raw(levels, values, nan, nan, 1)[0], spec);
        return new LevelValueEncoder("ordinal", column, values, nan, nan, new NumericTransform[] {t}, List.of(column));
    }

    static LevelValueEncoder frequency(String column, String[] levels, PipelineSpec spec) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        int missingCount = 0;
        for (String l : levels) {
            if (l == null) {
                missingCount++;
            } else {
                counts.merge(l, 1, Integer::sum);
            }
        }
        Map<String, double[]> values = new LinkedHashMap<>();
        counts.forEach((l, n) -> values.put(l, new double[] {(double) n / levels.length}));
        double[] unseen = {0};
        double[] missing = {(double) missingCount / levels.length};
        NumericTransform t = NumericTransform.fit(raw(levels, values, unseen, missing, 1)[0], spec);
        return new LevelValueEncoder("frequency", column, values, unseen, missing, new NumericTransform[] {t}, List.of(column + "__freq"));
    }

    /** Target encoding; {@code training} receives the out-of-fold raw values per output for the training rows. */
    static LevelValueEncoder target(String column, String[] levels, double[] y, Task task, PipelineSpec spec, long seed, double[][][] training) {
        int outputs = task.kind() == dev.forja.core.task.TaskKind.MULTICLASS ? task.classes().size() : 1;
        Map<String, double[]> full = means(levels, y, task, outputs, allRows(levels.length));
        double[] prior = prior(y, task, outputs, allRows(levels.length));
        // out-of-fold values for the training rows
        int[] fold = new int[levels.length];
        SplittableRandom random = new SplittableRandom(seed ^ 0x5DEECE66DL);
        for (int r = 0; r < fold.length; r++) {
            fold[r] = random.nextInt(FOLDS);
        }
        double[][] oof = new double[outputs][levels.length];
        for (int f = 0; f < FOLDS; f++) {
            int ff = f;
            int[] fit = java.util.stream.IntStream.range(0, levels.length).filter(r -> fold[r] != ff).toArray();
            Map<String, double[]> m = means(levels, y, task, outputs, fit);
            double[] p = prior(y, task, outputs, fit);
            for (int r = 0; r < levels.length; r++) {
                if (fold[r] != f) {
                    continue;
                }
                double[] v = levels[r] == null ? p : m.getOrDefault(levels[r], p);
                for (int i = 0; i < outputs; i++) {
                    oof[i][r] = v[i];
                }
            }
        }
        NumericTransform[] transforms = new NumericTransform[outputs];
        List<String> names = new ArrayList<>();
        for (int i = 0; i < outputs; i++) {
            transforms[i] = NumericTransform.fit(oof[i], spec);
            names.add(outputs == 1 ? column + "__target" : column + "__target_" + task.classes().get(i));
        }
        training[0] = oof;
        return new LevelValueEncoder("target", column, full, prior, prior, transforms, names);
    }

    private static int[] allRows(int n) {
        return java.util.stream.IntStream.range(0, n).toArray();
    }

    private static double[] targetOf(double y, Task task, int outputs) {
        double[] t = new double[outputs];
        if (outputs > 1) {
            t[(int) y] = 1;
        } else {
            t[0] = y;
        }
        return t;
    }

    private static double[] prior(double[] y, Task task, int outputs, int[] rows) {
        double[] s = new double[outputs];
        for (int r : rows) {
            double[] t = targetOf(y[r], task, outputs);
            for (int i = 0; i < outputs; i++) {
                s[i] += t[i];
            }
        }
        for (int i = 0; i < outputs; i++) {
            s[i] = rows.length == 0 ? 0 : s[i] / rows.length;
        }
        return s;
    }

    private static Map<String, double[]> means(String[] levels, double[] y, Task task, int outputs, int[] rows) {
        double[] prior = prior(y, task, outputs, rows);
        Map<String, double[]> sums = new LinkedHashMap<>();
        Map<String, Integer> counts = new HashMap<>();
        for (int r : rows) {
            if (levels[r] == null) {
                continue;
            }
            double[] s = sums.computeIfAbsent(levels[r], l -> new double[outputs]);
            double[] t = targetOf(y[r], task, outputs);
            for (int i = 0; i < outputs; i++) {
                s[i] += t[i];
            }
            counts.merge(levels[r], 1, Integer::sum);
        }
        Map<String, double[]> out = new LinkedHashMap<>();
        sums.forEach((l, s) -> {
            int n = counts.get(l);
            double[] v = new double[outputs];
            for (int i = 0; i < outputs; i++) {
                v[i] = (s[i] + SMOOTHING * prior[i]) / (n + SMOOTHING);
            }
            out.put(l, v);
        });
        return out;
    }

    /** Applies this encoder's transforms to raw values (the out-of-fold training values). */
    void transformRaw(double[][] raw, int row, double[] out, int offset) {
        for (int i = 0; i < transforms.length; i++) {
            out[offset + i] = transforms[i].apply(raw[i][row]);
        }
    }

    boolean isTarget() {
        return type.equals("target");
    }

    @Override
    public ObjectNode toJson() {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("type", type);
        n.put("column", column);
        var names = n.putArray("names");
        this.names.forEach(names::add);
        ObjectNode levels = n.putObject("values");
        values.forEach((l, v) -> {
            var a = levels.putArray(l);
            for (double d : v) {
                putDouble(a, d);
            }
        });
        var u = n.putArray("unseen");
        for (double d : unseen) {
            putDouble(u, d);
        }
        var m = n.putArray("missing");
        for (double d : missing) {
            putDouble(m, d);
        }
        var t = n.putArray("transforms");
        for (NumericTransform tr : transforms) {
            t.add(tr.toJson());
        }
        return n;
    }

    private static void putDouble(com.fasterxml.jackson.databind.node.ArrayNode a, double d) {
        if (Double.isNaN(d)) {
            a.addNull();
        } else {
            a.add(d);
        }
    }

    private static double[] doubles(JsonNode a) {
        double[] d = new double[a.size()];
        for (int i = 0; i < d.length; i++) {
            d[i] = a.get(i).isNull() ? Double.NaN : a.get(i).asDouble();
        }
        return d;
    }

    static LevelValueEncoder fromJson(JsonNode n) {
        Map<String, double[]> values = new LinkedHashMap<>();
        n.path("values").fields().forEachRemaining(e -> values.put(e.getKey(), doubles(e.getValue())));
        List<NumericTransform> ts = new ArrayList<>();
        n.path("transforms").forEach(t -> ts.add(NumericTransform.fromJson(t)));
        List<String> names = new ArrayList<>();
        n.path("names").forEach(x -> names.add(x.asText()));
        return new LevelValueEncoder(n.path("type").asText(), n.path("column").asText(), values, doubles(n.path("unseen")),
                doubles(n.path("missing")), ts.toArray(new NumericTransform[0]), names);
    }
}

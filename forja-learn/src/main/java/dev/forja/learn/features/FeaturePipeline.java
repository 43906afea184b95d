package dev.forja.learn.features;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.forja.core.ForjaException;
import dev.forja.core.frame.CategoricalColumn;
import dev.forja.core.frame.Column;
import dev.forja.core.frame.ColumnKind;
import dev.forja.core.frame.DatetimeColumn;
import dev.forja.core.frame.Frame;
import dev.forja.core.frame.NumericColumn;
import dev.forja.core.task.Task;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * The fitted feature pipeline of DESIGN.md §3: one {@link ColumnEncoder} per input column (numeric:
 * impute, clip, scale, missing indicator; categorical: one-hot, ordinal, frequency or target encoding;
 * datetime: calendar expansion), then optionally PCA over all encoded features. Fitted on training
 * rows only.
 *
 * <p>Two apply paths, one code path: {@link #transform(Frame)} fills an {@link InputRow} per row and
 * calls the same encoders as {@link #transformRow}, so batch scoring, training and serving cannot
 * compute different numbers. Text columns are not encoded yet: they are left out of the inputs, with a
 * note, rather than failing the whole fit.
 */
public final class FeaturePipeline {
    private final List<String> inputs;
    private final ColumnKind[] kinds;
    private final List<ColumnEncoder> encoders;
    private final Pca pca;
    private final PipelineSpec spec;
    private final List<String> featureNames;
    private final int encodedWidth;
    private final Map<String, LongAdder> unseen = new LinkedHashMap<>();
    private final ThreadLocal<double[]> scratch;

    private FeaturePipeline(List<String> inputs, ColumnKind[] kinds, List<ColumnEncoder> encoders, Pca pca, PipelineSpec spec) {
        this.inputs = List.copyOf(inputs);
        this.kinds = kinds;
        this.encoders = List.copyOf(encoders);
        this.pca = pca;
        this.spec = spec;
        List<String> names = new ArrayList<>();
        for (ColumnEncoder e : encoders) {
            names.addAll(e.names());
            unseen.put(e.column(), new LongAdder());
        }
        this.encodedWidth = names.size();
        if (pca != null) {
            names = new ArrayList<>();
            for (int c = 0; c < pca.components.length; c++) {
                names.add("pc" + (c + 1));
            }
        }
        this.featureNames = List.copyOf(names);
        this.scratch = ThreadLocal.withInitial(() -> new double[encodedWidth]);
    }

    /** The pipeline and the training rows' features (out-of-fold for target-encoded columns). */
    public record Fitted(FeaturePipeline pipeline, FeatureMatrix training, List<String> notes) {
    }

    /**
     * Fits on {@code train} only.
     *
     * @param y            the encoded target of the training rows (for target encoding)
     * @param inputColumns the candidate input columns; text columns among them are left out with a note
     */
    public static Fitted fit(Frame train, double[] y, Task task, List<String> inputColumns, PipelineSpec spec, long seed) {
        List<String> notes = new ArrayList<>();
        List<String> inputs = new ArrayList<>();
        List<ColumnKind> kinds = new ArrayList<>();
        List<ColumnEncoder> encoders = new ArrayList<>();
        Map<Integer, double[][]> outOfFold = new LinkedHashMap<>();
        for (String name : inputColumns) {
            if (name.equals(task.target())) {
                throw new IllegalArgumentException("the target cannot be an input");
            }
            Column c = train.column(name);
            switch (c.kind()) {
                case TEXT:
                    notes.add("text column '" + name + "' is not used: no learner takes raw text yet (declare it categorical with --column '"
                            + name + ":categorical' if its values are labels)");
                    continue;
                case NUMERIC: {
                    double[] v = ((NumericColumn) c).toArray();
                    if (spec.nonNegative()) {
                        for (double x : v) {
                            if (x < 0) {
                                throw new ForjaException("column '" + name + "' has negative values, which this model cannot take (it needs counts or frequencies)",
                                        "use --model naive-bayes --param kind=gaussian, or another model");
                            }
                        }
                    }
                    encoders.add(new NumericEncoder(name, NumericTransform.fit(v, spec), spec.missingIndicators() && c.missingCount() > 0));
                    break;
                }
                case CATEGORICAL: {
                    CategoricalColumn cat = (CategoricalColumn) c;
                    String[] levels = new String[cat.size()];
                    for (int r = 0; r < levels.length; r++) {
                        levels[r] = cat.get(r);
                    }
                    switch (spec.encode()) {
                        case "onehot":
                            encoders.add(OneHotEncoder.fit(name, levels, spec.rareLevels()));
                            break;
                        case "ordinal":
                            encoders.add(LevelValueEncoder.ordinal(name, levels, spec));
                            break;
                        case "frequency":
                            encoders.add(LevelValueEncoder.frequency(name, levels, spec));
                            break;
                        default: {
                            double[][][] oof = new double[1][][];
                            encoders.add(LevelValueEncoder.target(name, levels, y, task, spec, seed + 7919L * encoders.size(), oof));
                            outOfFold.put(encoders.size() - 1, oof[0]);
                        }
                    }
                    break;
                }
                case DATETIME: {
                    if (!spec.datetime()) {
                        notes.add("datetime column '" + name + "' is not used (datetime expansion is off)");
                        continue;
                    }
                    DatetimeColumn d = (DatetimeColumn) c;
                    double[] ms = new double[d.size()];
                    boolean[] missing = new boolean[d.size()];
                    for (int r = 0; r < ms.length; r++) {
                        missing[r] = d.isMissing(r);
                        ms[r] = missing[r] ? 0 : d.millis(r);
                    }
                    encoders.add(DatetimeEncoder.fit(name, ms, missing, spec));
                    break;
                }
                default:
                    throw new IllegalStateException("kind " + c.kind());
            }
            inputs.add(name);
            kinds.add(c.kind());
        }
        if (encoders.isEmpty()) {
            throw new ForjaException("no usable input columns (only text or excluded columns are left)", "give the model numeric, categorical or datetime columns");
        }
        FeaturePipeline encodedOnly = new FeaturePipeline(inputs, kinds.toArray(new ColumnKind[0]), encoders, null, spec);
        FeatureMatrix encoded = encodedOnly.transform(train);
        encodedOnly.overwriteOutOfFold(encoded, outOfFold);
        if (spec.pca() == 0) {
            encodedOnly.resetUnseen();
            return new Fitted(encodedOnly, encoded, notes);
        }
        Pca pca = Pca.fit(encoded.values(), encoded.rows(), encoded.width(), spec.pca());
        FeaturePipeline full = new FeaturePipeline(inputs, kinds.toArray(new ColumnKind[0]), encoders, pca, spec);
        double[] projected = new double[encoded.rows() * spec.pca()];
        double[] row = new double[encoded.width()];
        for (int r = 0; r < encoded.rows(); r++) {
            encoded.row(r, row);
            pca.apply(row, projected, r * spec.pca());
        }
        return new Fitted(full, new FeatureMatrix(full.featureNames(), encoded.rows(), projected), notes);
    }

    /** Replaces target-encoded training features by their out-of-fold values. */
    private void overwriteOutOfFold(FeatureMatrix encoded, Map<Integer, double[][]> outOfFold) {
        if (outOfFold.isEmpty()) {
            return;
        }
        int w = encoded.width();
        double[] values = encoded.values();
        int offset = 0;
        for (int e = 0; e < encoders.size(); e++) {
            double[][] raw = outOfFold.get(e);
            if (raw != null) {
                LevelValueEncoder enc = (LevelValueEncoder) encoders.get(e);
                for (int r = 0; r < encoded.rows(); r++) {
                    enc.transformRaw(raw, r, values, r * w + offset);
                }
            }
            offset += encoders.get(e).width();
        }
    }

    public List<String> inputColumns() {
        return inputs;
    }

    public List<String> featureNames() {
        return featureNames;
    }

    public int width() {
        return featureNames.size();
    }

    public PipelineSpec spec() {
        return spec;
    }

    /** A reusable holder for one input row, for {@link #transformRow}. */
    public InputRow newRow() {
        return new InputRow(inputs, kinds);
    }

    /** The one-row path: {@code out.length} must be {@link #width()}. Allocation-free after the first call on a thread. */
    public void transformRow(InputRow row, double[] out) {
        transformInto(row, out, 0, pca == null ? null : scratch.get());
    }

    private void transformInto(InputRow row, double[] out, int offset, double[] buffer) {
        double[] target = pca == null ? out : buffer;
        int o = pca == null ? offset : 0;
        for (int e = 0; e < encoders.size(); e++) {
            ColumnEncoder enc = encoders.get(e);
            if (enc.encode(row, e, target, o)) {
                unseen.get(enc.column()).increment();
            }
            o += enc.width();
        }
        if (pca != null) {
            pca.apply(buffer, out, offset);
        }
    }

    /** The whole-frame path: every row through the same encoders as {@link #transformRow}. */
    public FeatureMatrix transform(Frame frame) {
        Column[] columns = new Column[inputs.size()];
        for (int c = 0; c < columns.length; c++) {
            columns[c] = frame.find(inputs.get(c)).orElseThrow(() -> new ForjaException("the data has no column the model needs",
                    "give the columns: " + String.join(", ", inputs)));
        }
        int n = frame.rowCount();
        int w = width();
        double[] out = new double[n * w];
        InputRow row = newRow();
        double[] buffer = pca == null ? null : new double[encodedWidth];
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < columns.length; c++) {
                row.fill(c, columns[c], r);
            }
            transformInto(row, out, r * w, buffer);
        }
        return new FeatureMatrix(featureNames, n, out);
    }

    /** Per input column, how many values never seen in training were met since the last reset. */
    public Map<String, Long> unseen() {
        Map<String, Long> out = new LinkedHashMap<>();
        unseen.forEach((c, n) -> {
            if (n.sum() > 0) {
                out.put(c, n.sum());
            }
        });
        return out;
    }

    public void resetUnseen() {
        unseen.values().forEach(LongAdder::reset);
    }

    public ObjectNode toJson() {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.set("spec", spec.toJson());
        var in = n.putArray("inputs");
        for (int c = 0; c < inputs.size(); c++) {
            ObjectNode i = in.addObject();
            i.put("name", inputs.get(c));
            i.put("kind", kinds[c].id());
        }
        var enc = n.putArray("encoders");
        encoders.forEach(e -> enc.add(e.toJson()));
        if (pca != null) {
            n.set("pca", pca.toJson());
        }
        var f = n.putArray("features");
        featureNames.forEach(f::add);
        return n;
    }

    public static FeaturePipeline fromJson(JsonNode n) {
        List<String> inputs = new ArrayList<>();
        List<ColumnKind> kinds = new ArrayList<>();
        n.path("inputs").forEach(i -> {
            inputs.add(i.path("name").asText());
            kinds.add(ColumnKind.parse(i.path("kind").asText()));
        });
        List<ColumnEncoder> encoders = new ArrayList<>();
        n.path("encoders").forEach(e -> encoders.add(ColumnEncoder.fromJson(e)));
        Pca pca = n.has("pca") ? Pca.fromJson(n.path("pca")) : null;
        return new FeaturePipeline(inputs, kinds.toArray(new ColumnKind[0]), encoders, pca, PipelineSpec.fromJson(n.path("spec")));
    }
}

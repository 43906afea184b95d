package dev.forja.core.profile;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;

/**
 * Writes a {@link DataProfile} as JSON. Every column object has the same keys whatever its kind
 * ({@code min, max, mean, std, quantiles, top, histogram}...), {@code null} where a statistic does not
 * apply, plus keys of its own kind. Numbers that are whole are written as integers; non-finite numbers
 * as {@code null}. Datetime statistics are ISO-8601 instants.
 */
final class ProfileJson {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private ProfileJson() {
    }

    static ObjectNode of(DataProfile p) {
        ObjectNode root = JSON.objectNode();
        root.put("source", p.source());
        root.put("fingerprint", p.fingerprint());
        root.put("rows", p.rows());
        root.put("column_count", p.columns().size());
        root.put("missing_cells", p.missingCells());
        root.put("duplicate_rows", p.duplicateRows());
        ArrayNode columns = root.putArray("columns");
        for (ColumnProfile c : p.columns()) {
            columns.add(column(c));
        }
        root.set("target", p.target() == null ? JSON.nullNode() : target(p.target()));
        ArrayNode associations = root.putArray("associations");
        for (Association a : p.associations()) {
            associations.add(association(a));
        }
        ArrayNode warnings = root.putArray("warnings");
        for (Warning w : p.warnings()) {
            ObjectNode o = warnings.addObject();
            o.put("column", w.column());
            o.put("kind", w.kind().id());
            o.put("severity", w.kind().severity().id());
            o.put("message", w.message());
        }
        return root;
    }

    static ObjectNode column(ColumnProfile c) {
        ObjectNode o = JSON.objectNode();
        o.put("name", c.name());
        o.put("kind", c.kind().id());
        o.put("rows", c.rows());
        o.put("missing", c.missing());
        number(o, "missing_rate", c.missingRate());
        o.put("distinct", c.distinct());
        if (c instanceof NumericProfile n) {
            Summary s = n.summary();
            number(o, "min", s.min());
            number(o, "max", s.max());
            number(o, "mean", s.mean());
            number(o, "std", s.std());
            o.set("quantiles", quantiles(s.quantiles()));
            ArrayNode top = o.putArray("top");
            for (NumberCount v : n.top()) {
                ObjectNode e = top.addObject();
                number(e, "value", v.value());
                e.put("count", v.count());
            }
            o.set("histogram", histogram(s.histogram(), false));
            number(o, "skewness", s.skewness());
            o.put("integer", s.count() > 0 && s.integral());
            o.put("zeros", n.zeros());
            o.put("infinite", n.infinite());
            if (n.sentinel() == null) {
                o.putNull("sentinel");
            } else {
                ObjectNode sentinel = o.putObject("sentinel");
                number(sentinel, "value", n.sentinel().value());
                sentinel.put("count", n.sentinel().count());
                number(sentinel, "share", n.sentinel().share());
            }
        } else if (c instanceof CategoricalProfile k) {
            notApplicable(o);
            o.set("top", valueCounts(k.top()));
            o.putNull("histogram");
            o.put("numeric_levels", k.levelTypes().numericLevels());
            o.put("other_levels", k.levelTypes().otherLevels());
        } else if (c instanceof TextProfile t) {
            notApplicable(o);
            o.set("top", valueCounts(t.top()));
            o.putNull("histogram");
            o.set("length", summary(t.length()));
            o.set("words", summary(t.words()));
            o.set("top_tokens", valueCounts(t.topTokens()));
        } else {
            DatetimeProfile d = (DatetimeProfile) c;
            o.put("min", d.min() == null ? null : iso(d.min()));
            o.put("max", d.max() == null ? null : iso(d.max()));
            o.putNull("mean");
            o.putNull("std");
            if (d.min() == null) {
                o.putNull("quantiles");
            } else {
                ObjectNode q = o.putObject("quantiles");
                double[] values = d.quantiles().values();
                for (int i = 0; i < values.length; i++) {
                    q.put(probability(i), iso(Math.round(values[i])));
                }
            }
            o.set("top", valueCounts(d.top()));
            o.set("histogram", histogram(d.histogram(), true));
        }
        return o;
    }

    private static void notApplicable(ObjectNode o) {
        o.putNull("min");
        o.putNull("max");
        o.putNull("mean");
        o.putNull("std");
        o.putNull("quantiles");
    }

    static ObjectNode summary(Summary s) {
        ObjectNode o = JSON.objectNode();
        o.put("count", s.count());
        number(o, "min", s.min());
        number(o, "max", s.max());
        number(o, "mean", s.mean());
        number(o, "std", s.std());
        o.set("quantiles", quantiles(s.quantiles()));
        o.set("histogram", histogram(s.histogram(), false));
        return o;
    }

    private static ObjectNode target(TargetProfile t) {
        ObjectNode o = JSON.objectNode();
        o.put("name", t.name());
        o.put("kind", t.kind().id());
        o.put("task", t.task().id());
        o.put("missing", t.missing());
        if (t.task() == TargetProfile.Task.CLASSIFICATION) {
            ObjectNode distribution = o.putObject("distribution");
            ObjectNode rates = o.putObject("rates");
            for (TargetProfile.ClassCount c : t.classes()) {
                distribution.put(c.label(), c.count());
                number(rates, c.label(), c.rate());
            }
            number(o, "imbalance_ratio", t.imbalanceRatio());
            o.putNull("summary");
        } else {
            o.putNull("distribution");
            o.set("summary", summary(t.summary()));
        }
        return o;
    }

    private static ObjectNode association(Association a) {
        ObjectNode o = JSON.objectNode();
        o.put("column", a.column());
        o.put("kind", a.kind().id());
        o.put("via", a.via());
        o.put("measure", a.measure().id());
        number(o, "value", a.value());
        o.put("rows", a.rows());
        number(o, "pps", a.power());
        o.put("pps_metric", a.powerMetric().id());
        return o;
    }

    private static ArrayNode valueCounts(List<ValueCount> values) {
        ArrayNode a = JSON.arrayNode();
        for (ValueCount v : values) {
            ObjectNode e = a.addObject();
            e.put("value", v.value());
            e.put("count", v.count());
        }
        return a;
    }

    private static ObjectNode quantiles(Quantiles q) {
        if (Double.isNaN(q.p50())) {
            return null;
        }
        ObjectNode o = JSON.objectNode();
        double[] values = q.values();
        for (int i = 0; i < values.length; i++) {
            number(o, probability(i), values[i]);
        }
        return o;
    }

    private static String probability(int i) {
        return Double.toString(Quantiles.PROBABILITIES[i]);
    }

    private static ObjectNode histogram(Histogram h, boolean instants) {
        if (h == null) {
            return null;
        }
        ObjectNode o = JSON.objectNode();
        ArrayNode edges = o.putArray("edges");
        for (double e : h.edges()) {
            if (instants) {
                edges.add(iso(Math.round(e)));
            } else {
                edges.add(numberNode(e));
            }
        }
        ArrayNode counts = o.putArray("counts");
        for (long c : h.counts()) {
            counts.add(c);
        }
        return o;
    }

    static void number(ObjectNode o, String key, double v) {
        o.set(key, numberNode(v));
    }

    /** Whole numbers as integers, other finite numbers as doubles, NaN and infinities as null. */
    static com.fasterxml.jackson.databind.JsonNode numberNode(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return JSON.nullNode();
        }
        if (v == Math.rint(v) && Math.abs(v) < 9.007199254740992E15) {
            return JSON.numberNode((long) v);
        }
        return JSON.numberNode(v);
    }

    static String iso(long millis) {
        return Instant.ofEpochMilli(millis).toString();
    }
}

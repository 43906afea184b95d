package dev.forja.app.evaluate;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.forja.learn.evaluate.Calibration;
import dev.forja.learn.evaluate.Check;
import dev.forja.learn.evaluate.Evaluation;
import java.util.List;
import java.util.Map;

/** An evaluation as {@code forja evaluate --json} prints it. */
final class EvaluationJson {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private EvaluationJson() {
    }

    static ObjectNode of(Evaluation e, List<Check.Result> checks) {
        ObjectNode doc = F.objectNode();
        doc.put("rows", e.rows());
        doc.put("skipped_rows", e.skippedRows());
        doc.set("metrics", numbers(e.metrics()));
        ObjectNode intervals = doc.putObject("intervals");
        e.intervals().forEach((k, v) -> {
            ArrayNode a = intervals.putArray(k);
            number(a, v[0]);
            number(a, v[1]);
        });
        if (e.confusion() != null) {
            ObjectNode cm = doc.putObject("confusion_matrix");
            e.labels().forEach(cm.putArray("labels")::add);
            ArrayNode m = cm.putArray("matrix");
            for (double[] row : e.confusion()) {
                ArrayNode r = m.addArray();
                for (double v : row) {
                    r.add((long) v);
                }
            }
        } else {
            doc.putNull("confusion_matrix");
        }
        ObjectNode perClass = doc.putObject("per_class");
        e.perClass().forEach((label, m) -> perClass.set(label, numbers(m)));
        if (!e.confidence().isEmpty()) {
            ObjectNode conf = doc.putObject("confidence");
            Evaluation.CONFIDENCE_COLUMNS.forEach(conf.putArray("curve_columns")::add);
            ArrayNode curve = conf.putArray("curve");
            for (double[] point : e.confidence()) {
                ArrayNode a = curve.addArray();
                for (double v : point) {
                    number(a, v);
                }
            }
        } else {
            doc.putNull("confidence");
        }
        ObjectNode fairness = doc.putObject("fairness");
        e.fairness().forEach((column, m) -> fairness.set(column, numbers(m)));
        Calibration c = e.calibration();
        if (c != null) {
            ObjectNode cal = doc.putObject("calibration");
            number(cal, "ece", c.ece());
            number(cal, "brier", c.brier());
            ArrayNode bins = cal.putArray("bins");
            for (Calibration.Bin b : c.bins()) {
                ObjectNode n = bins.addObject().put("lower", b.lower()).put("upper", b.upper()).put("count", b.count());
                number(n, "mean_predicted", b.meanPredicted());
                number(n, "observed", b.observed());
            }
        } else {
            doc.putNull("calibration");
        }
        Evaluation.Threshold t = e.threshold();
        if (t != null) {
            ObjectNode th = doc.putObject("threshold");
            th.put("current", t.current());
            if (t.best() != null) {
                th.put("best", t.best());
                th.put("best_cost_per_row", t.bestCost());
                th.put("false_positive_cost", t.falsePositiveCost());
                th.put("false_negative_cost", t.falseNegativeCost());
                ArrayNode m = th.putArray("best_confusion_matrix");
                for (double[] row : t.bestConfusion()) {
                    ArrayNode r = m.addArray();
                    for (double v : row) {
                        r.add((long) v);
                    }
                }
            }
            Evaluation.Threshold.CURVE_COLUMNS.forEach(th.putArray("curve_columns")::add);
            ArrayNode curve = th.putArray("curve");
            for (double[] point : t.curve()) {
                ArrayNode a = curve.addArray();
                for (double v : point) {
                    number(a, v);
                }
            }
        } else {
            doc.putNull("threshold");
        }
        Evaluation.Curves curves = e.curves();
        if (curves != null) {
            ObjectNode cv = doc.putObject("curves");
            ObjectNode roc = cv.putObject("roc");
            array(roc.putArray("fpr"), curves.rocFpr());
            array(roc.putArray("tpr"), curves.rocTpr());
            array(roc.putArray("thresholds"), curves.rocThresholds());
            ObjectNode pr = cv.putObject("pr");
            array(pr.putArray("precision"), curves.precision());
            array(pr.putArray("recall"), curves.recall());
            array(pr.putArray("thresholds"), curves.prThresholds());
        } else {
            doc.putNull("curves");
        }
        ObjectNode slices = doc.putObject("slices");
        e.slices().forEach((column, list) -> {
            ArrayNode a = slices.putArray(column);
            for (Evaluation.Slice s : list) {
                a.addObject().put("value", s.value()).put("count", s.count()).set("metrics", numbers(s.metrics()));
            }
        });
        if (e.behaviour() != null) {
            var b = e.behaviour();
            ObjectNode beh = doc.putObject("behaviour");
            ObjectNode pert = beh.putObject("perturbation");
            number(pert, "flip_rate", b.perturbationFlipRate());
            number(pert, "metric_drop", b.perturbationMetricDrop());
            beh.set("invariance", numbers(b.invariance()));
            beh.set("direction", numbers(b.direction()));
            ArrayNode imp = doc.putArray("importance");
            for (var i : b.importance()) {
                ObjectNode n = imp.addObject().put("column", i.column());
                number(n, "mean", i.mean());
                number(n, "std", i.std());
            }
            ArrayNode contrib = doc.putArray("contributions");
            for (var f : b.contributions()) {
                ObjectNode n = contrib.addObject().put("feature", f.name());
                number(n, "mean_abs", f.meanAbsolute());
                number(n, "mean", f.mean());
            }
        } else {
            doc.putNull("behaviour");
        }
        ArrayNode cs = doc.putArray("checks");
        for (Check.Result r : checks) {
            ObjectNode n = cs.addObject().put("check", r.check().text()).put("passed", r.passed());
            number(n, "value", r.value());
            if (r.note() != null) {
                n.put("note", r.note());
            }
        }
        return doc;
    }

    static ObjectNode numbers(Map<String, Double> m) {
        ObjectNode n = F.objectNode();
        m.forEach((k, v) -> number(n, k, v));
        return n;
    }

    private static void number(ObjectNode n, String k, double v) {
        if (Double.isFinite(v)) {
            n.put(k, v);
        } else {
            n.putNull(k);
        }
    }

    private static void array(ArrayNode a, double[] values) {
        for (double v : values) {
            number(a, v);
        }
    }

    private static void number(ArrayNode a, double v) {
        if (Double.isFinite(v)) {
            a.add(v);
        } else {
            a.addNull();
        }
    }
}

package dev.forja.serve.monitor.drift;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The JSON twin of a drift report: measures that do not apply to a feature's kind are null. */
public final class DriftJson {
    private DriftJson() {
    }

    public static ObjectNode of(DriftReport r) {
        ObjectNode doc = JsonNodeFactory.instance.objectNode();
        doc.put("verdict", r.verdict());
        doc.put("reference_rows", r.referenceRows());
        doc.put("current_rows", r.currentRows());
        doc.put("alerts", r.alerts());
        doc.put("warnings", r.warnings());
        ArrayNode features = doc.putArray("features");
        r.features().forEach(f -> features.add(feature(f)));
        if (r.prediction() == null) {
            doc.putNull("prediction");
        } else {
            doc.set("prediction", feature(r.prediction()));
        }
        ArrayNode skipped = doc.putArray("skipped");
        r.skipped().forEach(skipped::add);
        return doc;
    }

    public static ObjectNode feature(FeatureDrift f) {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("name", f.name());
        n.put("kind", f.kind());
        n.put("rows", f.currentRows());
        number(n, "psi", f.psi());
        number(n, "ks_statistic", f.ksStatistic());
        number(n, "ks_p_value", f.ksPValue());
        if (f.kind().equals("numeric") && !Double.isNaN(f.ksStatistic())) {
            n.put("ks_method", f.ksExact() ? "exact two-sample" : "against the reference percentiles, asymptotic p-value");
        }
        number(n, "chi2_statistic", f.chi2Statistic());
        number(n, "chi2_p_value", f.chi2PValue());
        number(n, "js_distance", f.jsDistance());
        number(n, "missing_rate_reference", f.missingRateReference());
        number(n, "missing_rate_current", f.missingRateCurrent());
        number(n, "missing_rate_change", f.missingRateChange());
        number(n, "out_of_range_rate", f.outOfRangeRate());
        number(n, "unseen_rate", f.unseenRate());
        n.put("severity", f.severity().id());
        n.put("reason", f.reason());
        ArrayNode bins = n.putArray("bins");
        for (int i = 0; i < f.bins().size(); i++) {
            bins.addObject().put("bin", f.bins().get(i)).put("reference", f.referenceShares()[i]).put("current", f.currentShares()[i]);
        }
        return n;
    }

    /** A number, or null for NaN and infinities (which JSON cannot hold). */
    public static void number(ObjectNode n, String key, double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            n.putNull(key);
        } else {
            n.put(key, v);
        }
    }
}

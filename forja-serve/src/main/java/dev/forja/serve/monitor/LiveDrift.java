package dev.forja.serve.monitor;

import dev.forja.serve.model.ServedModel;
import dev.forja.serve.monitor.drift.DriftReference;
import dev.forja.serve.monitor.drift.DriftReport;
import dev.forja.serve.monitor.drift.DriftThresholds;
import dev.forja.serve.monitor.drift.DriftWindow;
import dev.forja.serve.monitor.drift.FeatureDrift;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drift inside the serving process ({@code forja serve --drift-window 5m}): every row a loaded version
 * scores feeds its window; when the window ends the window is compared with the version's reference
 * and the figures become Prometheus gauges on {@code /metrics}, so Grafana can alert on them without a
 * separate monitoring job. Off by default: it adds a few hundred nanoseconds of counting per row.
 */
public final class LiveDrift {
    private static final Logger LOG = LoggerFactory.getLogger(LiveDrift.class);
    private final DriftThresholds thresholds;
    private final Map<ServedModel, DriftFeed> feeds = new ConcurrentHashMap<>();
    private final Map<String, DriftReport> latest = new ConcurrentHashMap<>();

    public LiveDrift(DriftThresholds thresholds) {
        this.thresholds = thresholds;
    }

    /** Starts feeding a newly loaded version; a model without reference statistics is left alone (and said so). */
    public void attach(ServedModel model) {
        if (!model.model().reference().has("inputs")) {
            LOG.warn("model {} version {} has no reference statistics; no drift is measured for it", model.name(), model.version());
            return;
        }
        DriftFeed feed = new DriftFeed(DriftReference.of(model.model()), model);
        feeds.put(model, feed);
        model.observe(feed);
    }

    /** Ends the current window of every version: its report becomes the one /metrics shows. Versions swapped out are dropped. */
    public void roll(java.util.function.Predicate<ServedModel> stillServed) {
        feeds.forEach((model, feed) -> {
            DriftWindow w = feed.swap();
            if (w.rows() > 0) {
                latest.put(key(model), w.report(thresholds));
            }
            if (!stillServed.test(model)) {
                model.observe(null);
                feeds.remove(model);
            }
        });
    }

    private static String key(ServedModel m) {
        return m.name() + "\u0000" + m.version();
    }

    /** The gauges in Prometheus' text format. */
    public String render() {
        StringBuilder sb = new StringBuilder();
        sb.append("# HELP forja_drift_window_rows Rows in the last completed drift window, by model and version.\n# TYPE forja_drift_window_rows gauge\n");
        latest.forEach((k, r) -> sb.append("forja_drift_window_rows").append(labels(k)).append(' ').append(r.currentRows()).append('\n'));
        sb.append("# HELP forja_drift_alerts Features (and the prediction) at alert severity in the last window.\n# TYPE forja_drift_alerts gauge\n");
        latest.forEach((k, r) -> sb.append("forja_drift_alerts").append(labels(k)).append(' ').append(r.alerts()).append('\n'));
        sb.append("# HELP forja_drift_psi Population stability index of each feature in the last window against training.\n"
                + "# TYPE forja_drift_psi gauge\n");
        latest.forEach((k, r) -> each(r, f -> gauge(sb, "forja_drift_psi", k, f.name(), f.psi())));
        sb.append("# HELP forja_drift_severity Drift severity of each feature in the last window: 0 none, 1 warn, 2 alert.\n"
                + "# TYPE forja_drift_severity gauge\n");
        latest.forEach((k, r) -> each(r, f -> gauge(sb, "forja_drift_severity", k, f.name(), f.severity().ordinal())));
        return sb.toString();
    }

    private static void each(DriftReport r, java.util.function.Consumer<FeatureDrift> c) {
        if (r.prediction() != null) {
            c.accept(r.prediction());
        }
        r.features().forEach(c);
    }

    private static void gauge(StringBuilder sb, String name, String key, String feature, double v) {
        if (Double.isNaN(v)) {
            return;
        }
        String l = labels(key);
        sb.append(name).append(l, 0, l.length() - 1).append(",feature=\"").append(escape(feature)).append("\"} ")
                .append(String.format(Locale.ROOT, "%.6g", v)).append('\n');
    }

    private static String labels(String key) {
        String[] p = key.split("\u0000");
        return "{model=\"" + escape(p[0]) + "\",version=\"" + escape(p[1]) + "\"}";
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
}

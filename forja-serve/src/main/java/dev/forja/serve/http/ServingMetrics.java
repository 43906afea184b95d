package dev.forja.serve.http;

import dev.forja.serve.model.Endpoint;
import dev.forja.serve.model.ModelSlot;
import dev.forja.serve.model.ServedModel;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;

/**
 * The server's Prometheus metrics, kept in lock-free adders so counting costs requests next to nothing,
 * and written in Prometheus's text exposition format on {@code GET /metrics}.
 */
final class ServingMetrics {
    static final double[] BUCKETS = {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5};

    private final Map<String, LongAdder> requests = new ConcurrentHashMap<>();
    private final Map<String, Histogram> latency = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> predictions = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> counters = new ConcurrentHashMap<>();
    final AtomicInteger inFlight = new AtomicInteger();

    private static final class Histogram {
        final LongAdder[] counts = new LongAdder[BUCKETS.length + 1];
        final DoubleAdder sum = new DoubleAdder();

        Histogram() {
            for (int i = 0; i < counts.length; i++) {
                counts[i] = new LongAdder();
            }
        }

        void observe(double seconds) {
            int i = 0;
            while (i < BUCKETS.length && seconds > BUCKETS[i]) {
                i++;
            }
            counts[i].increment();
            sum.add(seconds);
        }
    }

    /** Per endpoint: a counter per HTTP status, looked up without building a key per request. */
    private final Map<String, LongAdder[]> byStatus = new ConcurrentHashMap<>();

    void request(String endpoint, int status, long startNanos) {
        LongAdder[] counts = byStatus.computeIfAbsent(endpoint, k -> new LongAdder[600]);
        LongAdder c = counts[status];
        if (c == null) {
            c = requests.computeIfAbsent(endpoint + "\u0000" + status, k -> new LongAdder());
            counts[status] = c;
        }
        c.increment();
        latency.computeIfAbsent(endpoint, k -> new Histogram()).observe((System.nanoTime() - startNanos) / 1e9);
    }

    void predicted(ServedModel model, int rows) {
        LongAdder a = model.predictionCounter();
        if (a == null) {
            a = predictions.computeIfAbsent(model.name() + "\u0000" + model.version(), k -> new LongAdder());
            model.predictionCounter(a);
        }
        a.add(rows);
    }

    /** Makes a counter visible at 0 before anything happened. */
    void register(String name) {
        counters.computeIfAbsent(name, k -> new LongAdder());
    }

    private volatile dev.forja.serve.monitor.LiveDrift drift;

    /** Live drift whose gauges are appended to the metrics (null for none). */
    void drift(dev.forja.serve.monitor.LiveDrift liveDrift) {
        this.drift = liveDrift;
    }

    void count(String name) {
        counters.computeIfAbsent(name, k -> new LongAdder()).increment();
    }

    String render(List<Endpoint> endpoints) {
        StringBuilder sb = new StringBuilder(4096);
        sb.append("# HELP forja_requests_total Requests answered, by endpoint and HTTP status.\n# TYPE forja_requests_total counter\n");
        requests.forEach((k, v) -> {
            String[] p = k.split("\u0000");
            sb.append("forja_requests_total{endpoint=\"").append(p[0]).append("\",status=\"").append(p[1]).append("\"} ").append(v.sum()).append('\n');
        });
        sb.append("# HELP forja_request_duration_seconds Time from request to response, by endpoint.\n"
                + "# TYPE forja_request_duration_seconds histogram\n");
        latency.forEach((endpoint, h) -> {
            long cumulative = 0;
            for (int i = 0; i < BUCKETS.length; i++) {
                cumulative += h.counts[i].sum();
                sb.append("forja_request_duration_seconds_bucket{endpoint=\"").append(endpoint).append("\",le=\"").append(BUCKETS[i])
                        .append("\"} ").append(cumulative).append('\n');
            }
            cumulative += h.counts[BUCKETS.length].sum();
            sb.append("forja_request_duration_seconds_bucket{endpoint=\"").append(endpoint).append("\",le=\"+Inf\"} ").append(cumulative).append('\n');
            sb.append("forja_request_duration_seconds_sum{endpoint=\"").append(endpoint).append("\"} ")
                    .append(String.format(Locale.ROOT, "%.6f", h.sum.sum())).append('\n');
            sb.append("forja_request_duration_seconds_count{endpoint=\"").append(endpoint).append("\"} ").append(cumulative).append('\n');
        });
        sb.append("# HELP forja_requests_in_flight Requests being answered now.\n# TYPE forja_requests_in_flight gauge\n");
        sb.append("forja_requests_in_flight ").append(inFlight.get()).append('\n');
        sb.append("# HELP forja_predictions_total Rows scored, by model and version.\n# TYPE forja_predictions_total counter\n");
        predictions.forEach((k, v) -> {
            String[] p = k.split("\u0000");
            sb.append("forja_predictions_total{model=\"").append(escape(p[0])).append("\",version=\"").append(escape(p[1])).append("\"} ")
                    .append(v.sum()).append('\n');
        });
        sb.append("# HELP forja_unseen_categories_total Categorical values never seen in training, by model and column.\n"
                + "# TYPE forja_unseen_categories_total counter\n");
        sb.append("# HELP forja_model_ready Whether a model slot has a version loaded (1) or not (0).\n# TYPE forja_model_ready gauge\n");
        sb.append("# HELP forja_model_swaps_total Versions swapped in after an alias moved.\n# TYPE forja_model_swaps_total counter\n");
        for (Endpoint e : endpoints) {
            for (ModelSlot slot : e.slots()) {
                ServedModel m = slot.get();
                String labels = "{model=\"" + escape(slot.name()) + "\",uri=\"" + escape(slot.source().uri()) + "\"}";
                sb.append("forja_model_ready").append(labels).append(' ').append(m == null ? 0 : 1).append('\n');
                sb.append("forja_model_swaps_total").append(labels).append(' ').append(slot.swaps()).append('\n');
                if (m != null) {
                    m.model().pipeline().unseen().forEach((column, n) -> sb.append("forja_unseen_categories_total{model=\"").append(escape(slot.name()))
                            .append("\",column=\"").append(escape(column)).append("\"} ").append(n).append('\n'));
                }
            }
        }
        counters.forEach((k, v) -> sb.append("# TYPE ").append(k).append(" counter\n").append(k).append(' ').append(v.sum()).append('\n'));
        if (drift != null) {
            sb.append(drift.render());
        }
        return sb.toString();
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
}

package dev.forja.serve.http;

import dev.forja.learn.model.InputSpec;
import dev.forja.serve.log.PredictionLogger;
import dev.forja.serve.model.Endpoint;
import dev.forja.serve.model.ModelSlot;
import dev.forja.serve.model.Scores;
import dev.forja.serve.model.ServedModel;
import dev.forja.serve.protocol.BadInput;
import dev.forja.serve.protocol.CsvRows;
import dev.forja.serve.protocol.InferV2;
import dev.forja.serve.protocol.JsonText;
import dev.forja.serve.protocol.Responses;
import dev.forja.serve.protocol.RowParser;
import dev.forja.store.StoreException;
import dev.forja.store.predictions.Feedback;
import dev.forja.store.predictions.LoggedPrediction;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import io.undertow.util.Methods;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes and answers every request. Prediction bodies are received whole without blocking; small ones
 * are scored on the IO thread, large ones on a worker. Over {@code maxInFlight} requests at once, a new
 * one gets 503 with {@code Retry-After} instead of waiting in an unbounded queue. Client mistakes are
 * 4xx with {@code {"error", "field"}}; the version that answered is in {@code X-Forja-Model-Version}.
 */
final class PredictionHandler implements HttpHandler, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PredictionHandler.class);
    static final HttpString VERSION_HEADER = new HttpString("X-Forja-Model-Version");
    private static final int WORKER_THRESHOLD_BYTES = 32 * 1024;

    private final List<Endpoint> endpoints;
    private final Map<String, Endpoint> byName = new LinkedHashMap<>();
    private final ServingServer.Options options;
    private final ServingMetrics metrics;
    private final ThreadPoolExecutor shadows;
    private final PredictionLogger logger;
    private final String idPrefix = Long.toHexString(System.nanoTime() ^ Double.doubleToLongBits(Math.random()));
    private final java.util.concurrent.atomic.AtomicLong ids = new java.util.concurrent.atomic.AtomicLong();
    static final HttpString REQUEST_ID = new HttpString("X-Request-Id");

    PredictionHandler(List<Endpoint> endpoints, ServingServer.Options options, ServingMetrics metrics, PredictionLogger logger) {
        this.logger = logger;
        this.endpoints = endpoints;
        endpoints.forEach(e -> byName.put(e.name(), e));
        this.options = options;
        this.metrics = metrics;
        for (String c : List.of("forja_rejected_overload_total", "forja_shadow_predictions_total", "forja_shadow_disagreements_total",
                "forja_shadow_dropped_total")) {
            metrics.register(c);
        }
        // Shadow scoring never slows the answer: a small pool, a bounded queue, drop (and count) when full.
        this.shadows = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(1024), r -> {
            Thread t = new Thread(r, "forja-serve-shadow");
            t.setDaemon(true);
            return t;
        }, (r, pool) -> metrics.count("forja_shadow_dropped_total"));
    }

    boolean ready() {
        return endpoints.stream().allMatch(e -> e.slots().stream().allMatch(ModelSlot::ready));
    }

    private enum Protocol { INVOCATIONS, V1, V2 }

    @Override
    public void handleRequest(HttpServerExchange ex) {
        String path = ex.getRelativePath();
        HttpString method = ex.getRequestMethod();
        if (method.equals(Methods.POST)) {
            if (path.equals("/invocations")) {
                predict(ex, Protocol.INVOCATIONS, endpoints.get(0), "/invocations");
                return;
            }
            if (path.startsWith("/v1/models/") && path.endsWith(":predict")) {
                String name = path.substring("/v1/models/".length(), path.length() - ":predict".length());
                withEndpoint(ex, name, "/v1/predict", e -> predict(ex, Protocol.V1, e, "/v1/predict"));
                return;
            }
            if (path.equals("/v1/feedback")) {
                feedback(ex);
                return;
            }
            if (path.startsWith("/v2/models/") && path.endsWith("/infer")) {
                String name = modelOfV2(path.substring("/v2/models/".length(), path.length() - "/infer".length()));
                withEndpoint(ex, name, "/v2/infer", e -> predict(ex, Protocol.V2, e, "/v2/infer"));
                return;
            }
        } else if (method.equals(Methods.GET)) {
            switch (path) {
                case "/v2/health/live", "/health/live" -> {
                    send(ex, 200, "application/json", "{\"live\":true}");
                    return;
                }
                case "/v2/health/ready", "/health/ready", "/health", "/ping" -> {
                    readiness(ex);
                    return;
                }
                case "/metrics" -> {
                    String text = metrics.render(endpoints);
                    if (logger != null) {
                        text += "# TYPE forja_prediction_log_written_total counter\nforja_prediction_log_written_total " + logger.written()
                                + "\n# TYPE forja_prediction_log_dropped_total counter\nforja_prediction_log_dropped_total " + logger.dropped()
                                + "\n# TYPE forja_prediction_log_failed_total counter\nforja_prediction_log_failed_total " + logger.failed() + "\n";
                    }
                    send(ex, 200, "text/plain; version=0.0.4", text);
                    return;
                }
                case "/v2" -> {
                    send(ex, 200, "application/json", "{\"name\":\"forja\",\"extensions\":[]}");
                    return;
                }
                default -> {
                }
            }
            if (path.startsWith("/v1/models/") || path.startsWith("/v2/models/")) {
                String rest = path.substring("/v1/models/".length());
                boolean readyCheck = rest.endsWith("/ready");
                String name = modelOfV2(readyCheck ? rest.substring(0, rest.length() - "/ready".length()) : rest);
                withEndpoint(ex, name, "/metadata", e -> {
                    if (readyCheck) {
                        boolean ok = e.primary().ready();
                        send(ex, ok ? 200 : 503, "application/json", "{\"name\":" + quote(e.name()) + ",\"ready\":" + ok + "}");
                    } else {
                        metadata(ex, e);
                    }
                });
                return;
            }
        }
        error(ex, 404, "no endpoint " + method + " " + path + "; predictions go to POST /invocations, /v1/models/{name}:predict "
                + "or /v2/models/{name}/infer", null);
    }

    /** {@code name} or {@code name/versions/v} (the OIP allows a version in the path; the served one answers). */
    private static String modelOfV2(String s) {
        int v = s.indexOf("/versions/");
        return v < 0 ? s : s.substring(0, v);
    }

    private void withEndpoint(HttpServerExchange ex, String name, String endpoint, java.util.function.Consumer<Endpoint> then) {
        Endpoint e = byName.get(name);
        if (e == null) {
            error(ex, 404, "no model named '" + name + "'; this server has " + String.join(", ", byName.keySet()), "model");
            metrics.request(endpoint, 404, System.nanoTime());
            return;
        }
        then.accept(e);
    }

    private void predict(HttpServerExchange ex, Protocol protocol, Endpoint endpoint, String metricName) {
        long start = System.nanoTime();
        if (metrics.inFlight.incrementAndGet() > options.maxInFlight()) {
            metrics.inFlight.decrementAndGet();
            metrics.count("forja_rejected_overload_total");
            ex.getResponseHeaders().put(Headers.RETRY_AFTER, "1");
            error(ex, 503, "the server is at its limit of " + options.maxInFlight() + " requests at once; retry shortly", null);
            metrics.request(metricName, 503, start);
            return;
        }
        long declared = ex.getRequestContentLength();
        if (declared > options.maxBodyBytes()) {
            metrics.inFlight.decrementAndGet();
            ex.setPersistent(false);
            error(ex, 413, "the body is " + declared + " bytes; the limit is " + options.maxBodyBytes() + " (send fewer rows per request)", null);
            metrics.request(metricName, 413, start);
            return;
        }
        io.undertow.io.Receiver.FullBytesCallback then = (exchange, body) -> {
            if (body.length > WORKER_THRESHOLD_BYTES && exchange.isInIoThread()) {
                exchange.dispatch(() -> answer(exchange, protocol, endpoint, metricName, body, start));
            } else {
                answer(exchange, protocol, endpoint, metricName, body, start);
            }
        };
        io.undertow.io.Receiver.ErrorCallback failed = (exchange, failure) -> {
            metrics.inFlight.decrementAndGet();
            boolean tooLarge = String.valueOf(failure.getMessage()).contains("UT000020") || failure instanceof io.undertow.server.RequestTooBigException;
            exchange.setPersistent(false);
            int status = tooLarge ? 413 : 400;
            error(exchange, status, tooLarge ? "the body is over the limit of " + options.maxBodyBytes() + " bytes" : "the body could not be read: "
                    + failure.getMessage(), null);
            metrics.request(metricName, status, start);
        };
        if (declared > 0) {
            // The length is known: copy the chunks into one array of that size, in bulk. Undertow's
            // receiveFullBytes grows a stream byte by byte, which showed in profiles of 100-row batches.
            byte[] body = new byte[(int) declared];
            int[] filled = {0};
            ex.getRequestReceiver().receivePartialBytes((exchange, chunk, last) -> {
                int n = Math.min(chunk.length, body.length - filled[0]);
                System.arraycopy(chunk, 0, body, filled[0], n);
                filled[0] += n;
                if (last) {
                    then.handle(exchange, filled[0] == body.length ? body : java.util.Arrays.copyOf(body, filled[0]));
                }
            }, failed);
        } else {
            ex.getRequestReceiver().receiveFullBytes(then, failed);
        }
    }

    private void answer(HttpServerExchange ex, Protocol protocol, Endpoint endpoint, String metricName, byte[] body, long start) {
        int status = 200;
        try {
            ServedModel model = endpoint.pick();
            if (model == null) {
                status = 503;
                ex.getResponseHeaders().put(Headers.RETRY_AFTER, "1");
                error(ex, 503, "model '" + endpoint.name() + "' is not ready: " + endpoint.primary().problem(), null);
                return;
            }
            Scores scores;
            byte[] response;
            switch (protocol) {
                case V1 -> {
                    scores = RowParser.v1(body, model);
                    response = Responses.v1(scores);
                }
                case V2 -> {
                    InferV2.Request r = InferV2.parse(body, model);
                    scores = r.scores();
                    response = Responses.v2(scores, r.id());
                }
                default -> {
                    String type = ex.getRequestHeaders().getFirst(Headers.CONTENT_TYPE);
                    scores = type != null && type.startsWith("text/csv") ? CsvRows.parse(body, model) : RowParser.invocations(body, model);
                    response = Responses.invocations(scores);
                }
            }
            metrics.predicted(model, scores.rows());
            ex.getResponseHeaders().put(VERSION_HEADER, model.name() + "/" + model.version());
            if (logger != null) {
                String id = requestId(ex);
                ex.getResponseHeaders().put(REQUEST_ID, id);
                logger.offer(new LoggedPrediction(id, model.name(), model.version(), protocol.name().toLowerCase(java.util.Locale.ROOT),
                        System.currentTimeMillis(), (System.nanoTime() - start) / 1000, scores.rows(), new String(body, StandardCharsets.UTF_8),
                        new String(response, StandardCharsets.UTF_8)));
            }
            ex.setStatusCode(200);
            ex.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/json");
            ex.getResponseSender().send(ByteBuffer.wrap(response));
            shadow(endpoint, protocol, body, ex.getRequestHeaders().getFirst(Headers.CONTENT_TYPE), scores);
        } catch (BadInput e) {
            status = e.status();
            error(ex, status, e.getMessage(), e.field());
        } catch (RuntimeException e) {
            status = 500;
            LOG.error("scoring failed on {}", metricName, e);
            error(ex, 500, "the server failed to score the request: " + e, null);
        } finally {
            metrics.inFlight.decrementAndGet();
            metrics.request(metricName, status, start);
        }
    }

    /** The client's {@code X-Request-Id} when it is a sane one, else a new id unique to this server's run. */
    private String requestId(HttpServerExchange ex) {
        String given = ex.getRequestHeaders().getFirst(REQUEST_ID);
        if (given != null && given.length() <= 128 && given.matches("[A-Za-z0-9._:-]+")) {
            return given;
        }
        return idPrefix + "-" + ids.incrementAndGet();
    }

    /** {@code POST /v1/feedback}: {@code {"request_id", "row", "actual"}} or {@code {"feedback": [those, …]}}. */
    private void feedback(HttpServerExchange ex) {
        if (logger == null) {
            error(ex, 404, "prediction logging is off, so there is nothing to attach labels to; start forja serve with --log-predictions", null);
            return;
        }
        ex.getRequestReceiver().receiveFullBytes((exchange, body) -> exchange.dispatch(() -> {
            try {
                List<Feedback> items = FeedbackBody.parse(body);
                logger.log().feedback(items);
                send(exchange, 200, "application/json", "{\"stored\":" + items.size() + "}");
            } catch (BadInput e) {
                error(exchange, e.status(), e.getMessage(), e.field());
            } catch (StoreException e) {
                error(exchange, e.code().httpStatus(), e.getMessage(), e.code() == StoreException.ErrorCode.RESOURCE_DOES_NOT_EXIST ? "request_id" : "row");
            }
        }), (exchange, failure) -> error(exchange, 400, "the body could not be read: " + failure.getMessage(), null));
    }

    /** Scores a copy with the shadow model, after the answer, and counts where it disagrees. */
    private void shadow(Endpoint endpoint, Protocol protocol, byte[] body, String contentType, Scores answered) {
        ModelSlot slot = endpoint.shadow();
        if (slot == null || slot.get() == null) {
            return;
        }
        shadows.execute(() -> {
            try {
                ServedModel m = slot.get();
                Scores s = switch (protocol) {
                    case V1 -> RowParser.v1(body, m);
                    case V2 -> InferV2.parse(body, m).scores();
                    default -> contentType != null && contentType.startsWith("text/csv") ? CsvRows.parse(body, m) : RowParser.invocations(body, m);
                };
                metrics.predicted(m, s.rows());
                for (int r = 0; r < s.rows(); r++) {
                    metrics.count("forja_shadow_predictions_total");
                    boolean same = m.task().isClassification()
                            ? m.task().classes().get(s.decide(r)).equals(answered.model().task().classes().get(answered.decide(r)))
                            : Math.abs(s.values()[r] - answered.values()[r]) <= 1e-9 * Math.max(1, Math.abs(answered.values()[r]));
                    if (!same) {
                        metrics.count("forja_shadow_disagreements_total");
                    }
                }
            } catch (RuntimeException e) {
                LOG.debug("shadow scoring failed: {}", e.getMessage());
            }
        });
    }

    private void readiness(HttpServerExchange ex) {
        StringBuilder sb = new StringBuilder("{\"ready\":").append(ready()).append(",\"models\":{");
        boolean first = true;
        for (Endpoint e : endpoints) {
            for (ModelSlot s : e.slots()) {
                if (!first) {
                    sb.append(',');
                }
                first = false;
                JsonText.string(sb, s.name() + (s == e.primary() ? "" : s == e.canary() ? " (canary)" : " (shadow)")).append(':');
                ServedModel m = s.get();
                if (m != null) {
                    sb.append("{\"state\":\"ready\",\"version\":");
                    JsonText.string(sb, m.version()).append('}');
                } else {
                    sb.append("{\"state\":\"not ready\",\"reason\":");
                    JsonText.string(sb, s.problem()).append('}');
                }
            }
        }
        sb.append("}}");
        send(ex, ready() ? 200 : 503, "application/json", sb.toString());
    }

    private void metadata(HttpServerExchange ex, Endpoint e) {
        ServedModel m = e.primary().get();
        if (m == null) {
            error(ex, 503, "model '" + e.name() + "' is not ready: " + e.primary().problem(), null);
            return;
        }
        StringBuilder sb = new StringBuilder("{\"name\":");
        JsonText.string(sb, m.name()).append(",\"version\":");
        JsonText.string(sb, m.version()).append(",\"uri\":");
        JsonText.string(sb, m.uri()).append(",\"platform\":\"forja\",\"learner\":");
        JsonText.string(sb, m.model().learner()).append(",\"task\":");
        JsonText.string(sb, m.task().kind().id());
        if (m.task().isClassification()) {
            sb.append(",\"classes\":[");
            for (int c = 0; c < m.task().classes().size(); c++) {
                if (c > 0) {
                    sb.append(',');
                }
                JsonText.string(sb, m.task().classes().get(c));
            }
            sb.append(']');
        }
        sb.append(",\"inputs\":[");
        List<InputSpec> inputs = m.model().signature().inputs();
        for (int i = 0; i < inputs.size(); i++) {
            InputSpec s = inputs.get(i);
            if (i > 0) {
                sb.append(',');
            }
            sb.append("{\"name\":");
            JsonText.string(sb, s.name()).append(",\"kind\":");
            JsonText.string(sb, s.kind().id()).append(",\"nullable\":").append(s.nullable());
            if (!s.categories().isEmpty()) {
                sb.append(",\"categories\":[");
                for (int c = 0; c < s.categories().size(); c++) {
                    if (c > 0) {
                        sb.append(',');
                    }
                    JsonText.string(sb, s.categories().get(c));
                }
                sb.append(']');
            }
            sb.append('}');
        }
        sb.append("]}");
        send(ex, 200, "application/json", sb.toString());
    }

    private static String quote(String s) {
        return JsonText.string(new StringBuilder(), s).toString();
    }

    private static void error(HttpServerExchange ex, int status, String message, String field) {
        StringBuilder sb = new StringBuilder("{\"error\":");
        JsonText.string(sb, message);
        if (field != null) {
            sb.append(",\"field\":");
            JsonText.string(sb, field);
        }
        sb.append('}');
        send(ex, status, "application/json", sb.toString());
    }

    private static void send(HttpServerExchange ex, int status, String type, String body) {
        if (ex.isResponseStarted()) {
            return;
        }
        ex.setStatusCode(status);
        ex.getResponseHeaders().put(Headers.CONTENT_TYPE, type);
        ex.getResponseSender().send(ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public void close() {
        shadows.shutdownNow();
        if (logger != null) {
            logger.close();
        }
    }
}

package dev.forja.serve.http;

import dev.forja.serve.log.PredictionLogger;
import dev.forja.serve.model.Endpoint;
import dev.forja.serve.model.ModelSlot;
import dev.forja.serve.monitor.LiveDrift;
import dev.forja.serve.monitor.drift.DriftThresholds;
import io.undertow.Undertow;
import io.undertow.UndertowOptions;
import io.undertow.server.handlers.GracefulShutdownHandler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code forja serve}: models answering over HTTP on one port, in MLflow's scoring protocol, Forja's
 * {@code /v1} protocol and the Open Inference Protocol, with health, metadata and Prometheus metrics.
 *
 * <p>Undertow, measured here rather than assumed: small requests are parsed, scored and answered on
 * its IO threads, with no hand-off to a worker pool (scoring a row takes microseconds); large batches
 * go to the worker pool so they never stall an IO thread. Models load in the background after the
 * port opens, so health answers "not ready" until they are in.
 */
public final class ServingServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ServingServer.class);

    static {
        System.setProperty("org.jboss.logging.provider", "slf4j");
    }

    /**
     * @param maxInFlight     requests answered at once; beyond it a request gets 503 with Retry-After
     * @param refresh         how often moving model URIs (aliases) are polled; null for never
     */
    public record Options(String host, int port, int maxInFlight, long maxBodyBytes, Duration refresh, int ioThreads, Duration driftWindow) {
        public Options(String host, int port, int maxInFlight, long maxBodyBytes, Duration refresh, int ioThreads) {
            this(host, port, maxInFlight, maxBodyBytes, refresh, ioThreads, null);
        }

        public static Options loopback(int port) {
            return new Options("127.0.0.1", port, 256, 16L << 20, Duration.ofSeconds(10), Math.max(2, Runtime.getRuntime().availableProcessors()));
        }

        /** The same options, measuring drift in windows of {@code window} (null: not at all). */
        public Options withDriftWindow(Duration window) {
            return new Options(host, port, maxInFlight, maxBodyBytes, refresh, ioThreads, window);
        }
    }

    private final Undertow undertow;
    private final GracefulShutdownHandler shutdown;
    private final ScheduledExecutorService scheduler;
    private final PredictionHandler handler;

    private ServingServer(Undertow undertow, GracefulShutdownHandler shutdown, ScheduledExecutorService scheduler, PredictionHandler handler) {
        this.undertow = undertow;
        this.shutdown = shutdown;
        this.scheduler = scheduler;
        this.handler = handler;
    }

    public static ServingServer start(List<Endpoint> endpoints, Options options) {
        return start(endpoints, options, null);
    }

    /** Starts serving; with a logger, every answered request goes to the prediction log and {@code /v1/feedback} takes labels. */
    public static ServingServer start(List<Endpoint> endpoints, Options options, PredictionLogger logger) {
        ServingMetrics metrics = new ServingMetrics();
        LiveDrift drift = options.driftWindow() == null ? null : new LiveDrift(DriftThresholds.DEFAULT);
        metrics.drift(drift);
        PredictionHandler handler = new PredictionHandler(List.copyOf(endpoints), options, metrics, logger);
        GracefulShutdownHandler shutdown = new GracefulShutdownHandler(handler);
        Undertow undertow = Undertow.builder()
                .addHttpListener(options.port(), options.host())
                .setIoThreads(options.ioThreads())
                .setServerOption(UndertowOptions.MAX_ENTITY_SIZE, options.maxBodyBytes())
                .setServerOption(UndertowOptions.ALWAYS_SET_KEEP_ALIVE, true)
                .setServerOption(UndertowOptions.ALWAYS_SET_DATE, false)
                .setHandler(shutdown)
                .build();
        // Models start loading while the server starts: readiness comes as soon as both are done.
        ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(1, r -> {
            Thread t = new Thread(r, "forja-serve-models");
            t.setDaemon(true);
            return t;
        });
        List<ModelSlot> slots = new ArrayList<>();
        endpoints.forEach(e -> slots.addAll(e.slots()));
        if (drift != null) {
            slots.forEach(s -> s.onLoad(drift::attach));
        }
        scheduler.execute(() -> slots.forEach(ModelSlot::load));
        try {
            undertow.start();
        } catch (RuntimeException e) {
            scheduler.shutdownNow();
            throw e;
        }
        if (options.refresh() != null && slots.stream().anyMatch(s -> s.source().moves())) {
            long ms = options.refresh().toMillis();
            scheduler.scheduleWithFixedDelay(() -> {
                for (ModelSlot s : slots) {
                    try {
                        s.refresh();
                    } catch (RuntimeException e) {
                        LOG.warn("refreshing {} failed: {}", s.name(), e.getMessage());
                    }
                }
            }, ms, ms, TimeUnit.MILLISECONDS);
        }
        if (drift != null) {
            long ms = options.driftWindow().toMillis();
            scheduler.scheduleAtFixedRate(() -> {
                try {
                    drift.roll(m -> slots.stream().anyMatch(s -> s.get() == m));
                } catch (RuntimeException e) {
                    LOG.warn("measuring drift failed: {}", e.getMessage());
                }
            }, ms, ms, TimeUnit.MILLISECONDS);
        }
        return new ServingServer(undertow, shutdown, scheduler, handler);
    }

    public int port() {
        return ListenerAddress.port(undertow);
    }

    public String url() {
        return ListenerAddress.url(undertow);
    }

    public boolean ready() {
        return handler.ready();
    }

    /** Stops taking requests, finishes the ones in flight (up to 30 s), then stops. */
    @Override
    public void close() {
        shutdown.shutdown();
        try {
            shutdown.awaitShutdown(30_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        scheduler.shutdownNow();
        handler.close();
        undertow.stop();
    }
}

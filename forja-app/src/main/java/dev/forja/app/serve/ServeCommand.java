package dev.forja.app.serve;

import dev.forja.app.cli.Console;
import dev.forja.app.cli.ExitCode;
import dev.forja.app.cli.OutputOptions;
import dev.forja.app.cli.Quantities;
import dev.forja.app.tracking.LazyTracking;
import dev.forja.app.tracking.TrackingOptions;
import dev.forja.core.ForjaException;
import dev.forja.serve.http.ServingServer;
import dev.forja.serve.log.PredictionLogger;
import dev.forja.serve.model.Endpoint;
import dev.forja.serve.model.ModelSlot;
import dev.forja.store.jdbc.JdbcStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code forja serve <model-uri>…}: online inference over HTTP. */
@Command(name = "serve", mixinStandardHelpOptions = true, description = {
    "Serve models over HTTP: POST /invocations (MLflow), POST /v1/models/{name}:predict, POST /v2/models/{name}/infer (Open Inference",
    "Protocol); GET /v2/health/live, /v2/health/ready, /v1/models/{name}, /metrics. An alias (models:/churn@production) is",
    "followed: when it moves, the new version is swapped in without dropping a request. Ctrl-C or SIGTERM drains and stops."})
public final class ServeCommand implements Callable<Integer> {
    private final Console console;

    @Parameters(arity = "1..*", paramLabel = "MODEL_URI", description = "models:/<name>@<alias>, models:/<name>/<version>, runs:/<run>/model, or a directory.")
    List<String> uris = new ArrayList<>();

    @Option(names = "--host", defaultValue = "127.0.0.1", paramLabel = "HOST", description = "Interface (default: ${DEFAULT-VALUE}; 0.0.0.0 for all).")
    String host;

    @Option(names = "--port", defaultValue = "8080", paramLabel = "PORT", description = "Port (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Option(names = "--name", paramLabel = "NAME", description = "The name the first model is served under (default: its registered name or directory).")
    String name;

    @Option(names = "--refresh", defaultValue = "10s", paramLabel = "DURATION", description = "How often aliases are checked for a new version (default: ${DEFAULT-VALUE}; 0 never).")
    String refresh;

    @Option(names = "--canary", paramLabel = "URI=PERCENT", description = "A challenger answering PERCENT% of the first model's requests, e.g. models:/churn@challenger=10.")
    String canary;

    @Option(names = "--shadow", paramLabel = "URI", description = "A challenger that scores a copy of every request of the first model, without answering.")
    String shadow;

    @Option(names = "--max-in-flight", defaultValue = "256", paramLabel = "N", description = "Requests answered at once; more get 503 + Retry-After (default: ${DEFAULT-VALUE}).")
    int maxInFlight;

    @Option(names = "--max-body", defaultValue = "16MB", paramLabel = "SIZE", description = "Largest request body; larger gets 413 (default: ${DEFAULT-VALUE}).")
    String maxBody;

    @Option(names = "--drift-window", paramLabel = "DURATION", description = "Measure drift of the served rows against each model's training data "
            + "in windows of this length, shown on /metrics (forja_drift_psi, forja_drift_severity, …); e.g. 5m. Off by default.")
    String driftWindow;

    @Option(names = "--log-predictions", description = "Log every request's inputs, outputs, version, latency and id to the store (async, "
            + "bounded: when the queue is full, records are dropped and counted, never blocking a request); enables POST /v1/feedback.")
    boolean logPredictions;

    @Option(names = "--log-queue", defaultValue = "10000", paramLabel = "N", description = "Prediction log records waiting to be written, at most (default: ${DEFAULT-VALUE}).")
    int logQueue;

    @Mixin
    TrackingOptions tracking = new TrackingOptions();

    @Mixin
    OutputOptions output = new OutputOptions();

    public ServeCommand(Console console) {
        this.console = console;
    }

    /** Serves one model URI under a name: what {@code forja quickstart} starts in process. */
    public static ServingServer startOne(String uri, String name, LazyTracking tracking, ServingServer.Options options) {
        return startOne(uri, name, tracking, options, null);
    }

    /** One model served under {@code name}, following its alias; with a logger, its requests go to the prediction log. */
    public static ServingServer startOne(String uri, String name, LazyTracking tracking, ServingServer.Options options, PredictionLogger logger) {
        Endpoint e = new Endpoint(name, new ModelSlot(name, new UriModelSource(uri, tracking)), null, 0, null);
        return ServingServer.start(List.of(e), options, logger);
    }

    @Override
    public Integer call() throws InterruptedException {
        LazyTracking store = new LazyTracking(tracking);
        List<Endpoint> endpoints = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>();
        for (int i = 0; i < uris.size(); i++) {
            String uri = uris.get(i);
            String served = i == 0 && name != null ? name : UriModelSource.defaultName(uri);
            if (!names.add(served)) {
                throw new ForjaException("two models would be served as '" + served + "'", "give the first one another --name");
            }
            ModelSlot primary = new ModelSlot(served, new UriModelSource(uri, store));
            ModelSlot canarySlot = null;
            int percent = 0;
            ModelSlot shadowSlot = null;
            if (i == 0 && canary != null) {
                int eq = canary.lastIndexOf('=');
                if (eq <= 0) {
                    throw new ForjaException("--canary '" + canary + "' is not URI=PERCENT", "write it like --canary models:/churn@challenger=10");
                }
                try {
                    percent = Integer.parseInt(canary.substring(eq + 1).trim());
                } catch (NumberFormatException e) {
                    percent = -1;
                }
                if (percent < 0 || percent > 100) {
                    throw new ForjaException("--canary share '" + canary.substring(eq + 1) + "' is not a percentage", "give 0 to 100");
                }
                canarySlot = new ModelSlot(served, new UriModelSource(canary.substring(0, eq), store));
            }
            if (i == 0 && shadow != null) {
                shadowSlot = new ModelSlot(served, new UriModelSource(shadow, store));
            }
            endpoints.add(new Endpoint(served, primary, canarySlot, percent, shadowSlot));
        }
        Duration every = Quantities.duration(refresh, "--refresh");
        ServingServer.Options options = new ServingServer.Options(host, port, maxInFlight, Quantities.bytes(maxBody, "--max-body"),
                every.isZero() ? null : every, Math.max(2, Runtime.getRuntime().availableProcessors()));
        if (driftWindow != null) {
            Duration window = Quantities.duration(driftWindow, "--drift-window");
            if (window.isZero()) {
                throw new ForjaException("--drift-window 0 measures nothing", "give a window such as 5m, or leave the option out");
            }
            options = options.withDriftWindow(window);
        }
        PredictionLogger logger = null;
        if (logPredictions) {
            if (!(store.get().store() instanceof JdbcStore db)) {
                throw new ForjaException("--log-predictions writes to a database store; " + store.get().store().describe() + " is a server",
                        "use the embedded store (no --tracking-uri) or a postgresql:// tracking URI");
            }
            logger = new PredictionLogger(db.predictionLog(), logQueue);
        }
        ServingServer server;
        try {
            server = ServingServer.start(endpoints, options, logger);
        } catch (RuntimeException e) {
            throw new ForjaException("cannot listen on " + host + ":" + port + ": " + (e.getCause() != null ? e.getCause().getMessage() : e.getMessage()),
                    "pick another --port, or stop what is using it");
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            store.close();
            stopped.countDown();
        }, "forja-serve-shutdown"));
        if (output.json) {
            var doc = Console.mapper().createObjectNode().put("url", server.url());
            var models = doc.putArray("models");
            endpoints.forEach(e -> models.addObject().put("name", e.name()).put("uri", e.primary().source().uri()));
            console.printJson(doc);
        }
        console.note("forja: serving " + String.join(", ", names) + " on " + server.url() + " (ready at " + server.url()
                + "/v2/health/ready); Ctrl-C stops it");
        console.out().flush();
        stopped.await();
        return ExitCode.OK;
    }
}

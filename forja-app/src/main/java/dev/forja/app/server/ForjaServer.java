package dev.forja.app.server;

import dev.forja.serve.http.ListenerAddress;
import dev.forja.store.Store;
import dev.forja.store.artifacts.LocalArtifactStore;
import io.undertow.Undertow;
import io.undertow.UndertowOptions;
import io.undertow.server.handlers.GracefulShutdownHandler;
import java.nio.file.Path;

/**
 * {@code forja server}: MLflow's tracking and model-registry REST API, and its artifact proxy, over a
 * Forja store, on Undertow. Undertow because it is small, embeddable and fast (non-blocking IO,
 * blocking handlers on a worker pool), and needs no framework: the routing here is a map.
 */
public final class ForjaServer implements AutoCloseable {
    /** What the server listens on and what it accepts. */
    public record Options(String host, int port, long maxRequestBytes, long maxArtifactBytes, Path tokensFile) {
        public static Options loopback(int port) {
            return new Options("127.0.0.1", port, 64L << 20, 2L << 30, null);
        }
    }

    static {
        // Undertow and XNIO log through JBoss Logging; send it to SLF4J so the CLI's log settings apply.
        System.setProperty("org.jboss.logging.provider", "slf4j");
    }

    private final Undertow undertow;
    private final GracefulShutdownHandler shutdown;
    private final Store store;

    private ForjaServer(Undertow undertow, GracefulShutdownHandler shutdown, Store store) {
        this.undertow = undertow;
        this.shutdown = shutdown;
        this.store = store;
    }

    /** Starts serving; the store and artifacts stay the caller's to close (after {@link #close}). */
    public static ForjaServer start(Store store, LocalArtifactStore artifacts, Options options) {
        Router router = new Router();
        ExperimentsApi.register(router, store);
        RunsApi.register(router, store, artifacts);
        RegistryApi.register(router, store);
        ArtifactsApi.register(router, artifacts, options.maxArtifactBytes());
        TokenAuth auth = options.tokensFile() == null ? null : TokenAuth.read(options.tokensFile());
        GracefulShutdownHandler shutdown = new GracefulShutdownHandler(new ApiHandler(router, auth, options.maxRequestBytes()));
        Undertow undertow = Undertow.builder()
                .addHttpListener(options.port(), options.host())
                .setServerOption(UndertowOptions.ALWAYS_SET_KEEP_ALIVE, true)
                .setHandler(shutdown)
                .build();
        undertow.start();
        return new ForjaServer(undertow, shutdown, store);
    }

    public int port() {
        return ListenerAddress.port(undertow);
    }

    public String url() {
        return ListenerAddress.url(undertow);
    }

    public Store store() {
        return store;
    }

    /** Stops taking requests, lets the ones in flight finish (up to 30 s), then stops. */
    @Override
    public void close() {
        shutdown.shutdown();
        try {
            shutdown.awaitShutdown(30_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        undertow.stop();
    }
}

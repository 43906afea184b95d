package dev.forja.app.server;

import dev.forja.app.ForjaHome;
import dev.forja.app.cli.Console;
import dev.forja.app.cli.ExitCode;
import dev.forja.app.cli.OutputOptions;
import dev.forja.app.cli.Quantities;
import dev.forja.core.ForjaException;
import dev.forja.store.Store;
import dev.forja.store.Stores;
import dev.forja.store.artifacts.LocalArtifactStore;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code forja server}: the tracking and registry server, speaking MLflow's REST API. */
@Command(name = "server", mixinStandardHelpOptions = true, description = {
    "Serve the tracking store and model registry over MLflow's REST API (/api/2.0/mlflow/...),",
    "with run artifacts through /api/2.0/mlflow-artifacts/. MLflow clients work against it unchanged.",
    "Stops cleanly on Ctrl-C or SIGTERM, finishing requests in flight."})
public final class ServerCommand implements Callable<Integer> {
    private final Console console;

    @Option(names = "--host", defaultValue = "127.0.0.1", paramLabel = "HOST", description = "Interface to listen on (default: ${DEFAULT-VALUE}; 0.0.0.0 for all).")
    String host;

    @Option(names = "--port", defaultValue = "5000", paramLabel = "PORT", description = "Port (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Option(names = "--store", paramLabel = "URI", description = "The store: a SQLite file or postgresql://user:pw@host/db (default: FORJA_HOME/forja.db).")
    String storeUri;

    @Option(names = "--artifacts", paramLabel = "DIR", description = "Directory for run artifacts (default: FORJA_HOME/artifacts).")
    Path artifactsDir;

    @Option(names = "--auth", paramLabel = "TOKENS_JSON", description = "Require bearer tokens: {\"tokens\": [{\"token\": \"…\", \"role\": \"read|write|admin\"}]}.")
    Path tokens;

    @Option(names = "--max-request-size", defaultValue = "64MB", paramLabel = "SIZE", description = "Largest JSON request body (default: ${DEFAULT-VALUE}).")
    String maxRequest;

    @Option(names = "--max-artifact-size", defaultValue = "2GB", paramLabel = "SIZE", description = "Largest artifact upload (default: ${DEFAULT-VALUE}).")
    String maxArtifact;

    @Mixin
    OutputOptions output = new OutputOptions();

    public ServerCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() throws InterruptedException {
        ForjaHome home = ForjaHome.fromEnvironment();
        Path artifactRoot = artifactsDir != null ? artifactsDir : home.directory("artifacts");
        ForjaServer.Options options = new ForjaServer.Options(host, port, Quantities.bytes(maxRequest, "--max-request-size"),
                Quantities.bytes(maxArtifact, "--max-artifact-size"), tokens);
        Store store = storeUri == null ? Stores.embedded(home.root()) : Stores.open(storeUri);
        ForjaServer server;
        try {
            server = ForjaServer.start(store, new LocalArtifactStore(artifactRoot), options);
        } catch (RuntimeException e) {
            store.close();
            if (e.getCause() instanceof java.net.BindException || e.getCause() instanceof java.io.IOException) {
                throw new ForjaException("cannot listen on " + host + ":" + port + ": " + e.getCause().getMessage(),
                        "pick another --port, or stop what is using it");
            }
            throw e;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            store.close();
            stopped.countDown();
        }, "forja-server-shutdown"));
        if (output.json) {
            console.printJson(Console.mapper().createObjectNode().put("url", server.url()).put("store", store.describe())
                    .put("artifacts", artifactRoot.toAbsolutePath().toString()).put("auth", tokens != null));
        }
        console.note("forja: server listening on " + server.url() + " (store " + store.describe() + ", artifacts "
                + artifactRoot.toAbsolutePath() + (tokens != null ? ", bearer tokens required" : "") + "); Ctrl-C stops it");
        console.out().flush();
        stopped.await();
        return ExitCode.OK;
    }
}

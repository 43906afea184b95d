package dev.forja.app.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.forja.store.Store;
import dev.forja.store.Stores;
import dev.forja.store.artifacts.LocalArtifactStore;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;

/** A real {@code forja server} on a loopback port over a fresh SQLite store, and a plain HTTP client for it. */
final class ServerFixture implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();

    final Store store;
    final LocalArtifactStore artifacts;
    final ForjaServer server;
    private final HttpClient http = HttpClient.newHttpClient();
    String token;

    ServerFixture(Path dir, ForjaServer.Options options) {
        store = Stores.open(dir.resolve("forja.db").toString());
        artifacts = new LocalArtifactStore(dir.resolve("artifacts"));
        server = ForjaServer.start(store, artifacts, options);
    }

    ServerFixture(Path dir) {
        this(dir, ForjaServer.Options.loopback(0));
    }

    /** An HTTP answer: status and body, the body parsed as JSON when it is. */
    record Answer(int status, String body) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }
    }

    Answer call(String method, String path, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.url() + path));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body);
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        return send(b.method(method, publisher).build());
    }

    Answer send(HttpRequest request) {
        try {
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(r.statusCode(), r.body());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    Answer post(String endpoint, String body) {
        return call("POST", "/api/2.0/mlflow/" + endpoint, body);
    }

    Answer get(String endpointWithQuery) {
        return call("GET", "/api/2.0/mlflow/" + endpointWithQuery, null);
    }

    @Override
    public void close() {
        server.close();
        store.close();
    }
}

package dev.forja.app.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.forja.app.Main;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Trains models through the CLI into a temporary FORJA_HOME, and talks HTTP to a serving server. */
final class ServingFixture {
    static final ObjectMapper JSON = new ObjectMapper();
    static final Path ROOT = Path.of(System.getProperty("forja.root", "..")).toAbsolutePath().normalize();
    static final String TITANIC = ROOT.resolve("examples/data/titanic.csv").toString();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private ServingFixture() {
    }

    /** Runs the CLI in process and returns its JSON output; fails on a non-zero exit. */
    static JsonNode cli(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        if (code != 0) {
            throw new AssertionError("forja " + String.join(" ", args) + " exited " + code + ":\n" + err.toString(StandardCharsets.UTF_8));
        }
        try {
            return JSON.readTree(out.toString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AssertionError(out.toString(StandardCharsets.UTF_8), e);
        }
    }

    record Answer(int status, String body, HttpResponse<String> raw) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }

        String version() {
            return raw.headers().firstValue("X-Forja-Model-Version").orElse(null);
        }
    }

    static Answer post(String url, String body, String contentType) {
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", contentType)
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(r.statusCode(), r.body(), r);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static Answer post(String url, String body) {
        return post(url, body, "application/json");
    }

    static Answer get(String url) {
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(r.statusCode(), r.body(), r);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Waits until the server's models are loaded. */
    static void awaitReady(String url) throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            if (get(url + "/v2/health/ready").status() == 200) {
                return;
            }
            Thread.sleep(25);
        }
        throw new AssertionError("not ready: " + get(url + "/v2/health/ready").body());
    }
}

package dev.forja.app.tracking;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.forja.core.ForjaException;
import dev.forja.store.artifacts.LocalArtifactStore;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.stream.Stream;

/**
 * Run artifacts on a tracking server, through MLflow's {@code mlflow-artifacts} endpoints (as MLflow's
 * own HTTP artifact repository uses them). Fetched directories are cached under {@code FORJA_HOME/cache}:
 * a run's artifacts never change once logged.
 */
final class HttpRunArtifacts implements RunArtifacts {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ENDPOINT = "/api/2.0/mlflow-artifacts/artifacts";

    private final String base;
    private final String token;
    private final Path cache;
    private final Path scratch;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    HttpRunArtifacts(String baseUrl, String token, Path cache, Path scratch) {
        this.base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.token = token;
        this.cache = cache;
        this.scratch = scratch;
    }

    @Override
    public void put(Path localDir, String artifactUri) {
        String remote = relative(artifactUri);
        try (Stream<Path> files = Files.walk(localDir)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                String name = localDir.relativize(file).toString().replace('\\', '/');
                HttpRequest put = request(base + ENDPOINT + "/" + encodePath(remote + "/" + name))
                        .PUT(HttpRequest.BodyPublishers.ofFile(file)).build();
                check(send(put, HttpResponse.BodyHandlers.ofString()), "upload " + name);
            }
            deleteTree(localDir);
        } catch (IOException e) {
            throw new ForjaException("cannot upload " + localDir + " to " + base + ": " + e.getMessage(), "check the server is up");
        }
    }

    @Override
    public Path fetch(String artifactUri) {
        String remote = relative(artifactUri);
        Path target = new LocalArtifactStore(cache).resolve(remote);
        if (Files.isDirectory(target)) {
            return target;
        }
        try {
            Files.createDirectories(target.getParent());
            Path tmp = Files.createTempDirectory(target.getParent(), ".fetch-");
            download(remote, tmp);
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            return target;
        } catch (IOException e) {
            throw new ForjaException("cannot download " + artifactUri + " from " + base + ": " + e.getMessage(), "check the server is up");
        }
    }

    private void download(String remoteDir, Path localDir) throws IOException {
        HttpResponse<String> listing = send(request(base + ENDPOINT + "?path=" + URLEncoder.encode(remoteDir, StandardCharsets.UTF_8)).GET()
                .build(), HttpResponse.BodyHandlers.ofString());
        check(listing, "list " + remoteDir);
        JsonNode files = JSON.readTree(listing.body()).path("files");
        Files.createDirectories(localDir);
        for (JsonNode f : files) {
            String path = f.path("path").asText();
            String name = path.substring(path.lastIndexOf('/') + 1);
            String child = remoteDir + "/" + name;
            Path local = new LocalArtifactStore(localDir).resolve(name);
            if (f.path("is_dir").asBoolean()) {
                Files.createDirectories(local);
                download(child, local);
            } else {
                HttpResponse<Path> got = send(request(base + ENDPOINT + "/" + encodePath(child)).GET().build(),
                        HttpResponse.BodyHandlers.ofFile(local));
                if (got.statusCode() != 200) {
                    throw new ForjaException("the server answered " + got.statusCode() + " for artifact " + child, "check the run's artifacts");
                }
            }
        }
    }

    @Override
    public Path staging() {
        try {
            Files.createDirectories(scratch);
            return Files.createTempDirectory(scratch, "put-");
        } catch (IOException e) {
            throw new ForjaException("cannot create a staging directory under " + scratch + ": " + e.getMessage(), "check FORJA_HOME is writable");
        }
    }

    /** The path under the server's artifact root, checked as the server will check it. */
    private String relative(String artifactUri) {
        if (!artifactUri.startsWith(LocalArtifactStore.SCHEME)) {
            throw new ForjaException("'" + artifactUri + "' is not stored on the tracking server",
                    "the server keeps run artifacts under mlflow-artifacts:/ URIs; this run's artifacts are elsewhere");
        }
        return new LocalArtifactStore(cache).relativeOf(artifactUri);
    }

    private HttpRequest.Builder request(String url) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(10));
        if (token != null && !token.isBlank()) {
            b.header("Authorization", "Bearer " + token);
        }
        return b;
    }

    private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) throws IOException {
        try {
            return client.send(request, handler);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private void check(HttpResponse<String> response, String what) {
        if (response.statusCode() / 100 != 2) {
            String message = response.body();
            try {
                message = JSON.readTree(response.body()).path("message").asText(message);
            } catch (IOException ignored) {
                // not JSON: show the body as it is
            }
            throw new ForjaException("cannot " + what + " on " + base + ": " + response.statusCode() + " " + message,
                    response.statusCode() == 401 || response.statusCode() == 403 ? "set FORJA_TRACKING_TOKEN to a token with the right role"
                            : "check the server's log");
        }
    }

    private static String encodePath(String path) {
        StringBuilder sb = new StringBuilder();
        for (String segment : path.split("/")) {
            if (sb.length() > 0) {
                sb.append('/');
            }
            sb.append(URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20"));
        }
        return sb.toString();
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.delete(p);
            }
        }
    }
}

package dev.forja.app.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.forja.store.StoreException;
import dev.forja.store.artifacts.LocalArtifactStore;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * MLflow's artifact proxy ({@code /api/2.0/mlflow-artifacts/artifacts/<path>}): upload with PUT,
 * download with GET, delete with DELETE, and list a directory with GET {@code ?path=}. Paths are
 * relative to the artifact root ({@code <experiment>/<run>/artifacts/…}) and confined to it. Bodies
 * are streamed, never held in memory.
 */
final class ArtifactsApi {
    static final String PREFIX = "/api/2.0/mlflow-artifacts/artifacts";

    private final LocalArtifactStore artifacts;
    private final long maxArtifactBytes;

    private ArtifactsApi(LocalArtifactStore artifacts, long maxArtifactBytes) {
        this.artifacts = artifacts;
        this.maxArtifactBytes = maxArtifactBytes;
    }

    static void register(Router router, LocalArtifactStore artifacts, long maxArtifactBytes) {
        ArtifactsApi api = new ArtifactsApi(artifacts, maxArtifactBytes);
        router.raw("GET", PREFIX, Role.READ, api::get)
                .raw("PUT", PREFIX, Role.WRITE, api::put)
                .raw("DELETE", PREFIX, Role.ADMIN, api::delete);
    }

    private static String decode(String subPath) {
        return URLDecoder.decode(subPath.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private void get(HttpServerExchange exchange, String subPath) {
        if (subPath.isEmpty()) {
            list(exchange);
            return;
        }
        String path = decode(subPath);
        Path file = artifacts.resolve(path);
        if (Files.isDirectory(file)) {
            throw StoreException.invalid("'" + path + "' is a directory; list it with GET " + PREFIX + "?path=" + path);
        }
        try (InputStream in = artifacts.open(path)) {
            exchange.setStatusCode(200);
            exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/octet-stream");
            exchange.getResponseHeaders().put(Headers.CONTENT_LENGTH, Files.size(file));
            OutputStream out = exchange.getOutputStream();
            in.transferTo(out);
            out.flush();
        } catch (IOException e) {
            throw new StoreException(StoreException.ErrorCode.INTERNAL_ERROR, "cannot send " + path + ": " + e.getMessage());
        }
    }

    private void list(HttpServerExchange exchange) {
        var values = exchange.getQueryParameters().get("path");
        String dir = values == null || values.isEmpty() ? "" : values.getFirst();
        while (dir.startsWith("/")) {
            dir = dir.substring(1);
        }
        ObjectNode doc = MlflowJson.object();
        var files = doc.putArray("files");
        // MLflow's proxy lists names relative to the directory asked for.
        for (LocalArtifactStore.FileInfo f : artifacts.list(dir, "")) {
            ObjectNode fi = files.addObject().put("path", f.path()).put("is_dir", f.isDir());
            if (!f.isDir()) {
                fi.put("file_size", f.fileSize());
            }
        }
        ApiHandler.sendJson(exchange, 200, doc);
    }

    private void put(HttpServerExchange exchange, String subPath) {
        if (subPath.isEmpty()) {
            throw StoreException.invalid("PUT needs a file path: " + PREFIX + "/<experiment>/<run>/artifacts/<file>");
        }
        if (exchange.getRequestContentLength() > maxArtifactBytes) {
            throw new StoreException(StoreException.ErrorCode.REQUEST_LIMIT_EXCEEDED, "artifact is " + exchange.getRequestContentLength()
                    + " bytes; the server's limit is " + maxArtifactBytes, "start the server with a higher --max-artifact-size");
        }
        artifacts.write(decode(subPath), exchange.getInputStream(), maxArtifactBytes);
        ApiHandler.sendJson(exchange, 200, MlflowJson.object());
    }

    private void delete(HttpServerExchange exchange, String subPath) {
        if (subPath.isEmpty()) {
            throw StoreException.invalid("DELETE needs a path under the artifact root");
        }
        artifacts.delete(decode(subPath));
        ApiHandler.sendJson(exchange, 200, MlflowJson.object());
    }
}

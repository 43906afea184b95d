package dev.forja.store.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.forja.store.StoreException.ErrorCode;
import dev.forja.store.StoreException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * JSON calls to an MLflow-compatible server ({@code forja server} or MLflow's own): one place for the
 * base URL, the bearer token, and turning MLflow's error shape back into {@link StoreException}s with
 * the same codes.
 */
final class MlflowHttp {
    static final ObjectMapper JSON = new ObjectMapper();

    private final String base;
    private final String token;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    MlflowHttp(String baseUrl, String token) {
        this.base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.token = token;
    }

    String base() {
        return base;
    }

    JsonNode get(String endpoint, Map<String, List<String>> query) {
        StringBuilder url = new StringBuilder(base).append("/api/2.0/mlflow/").append(endpoint);
        char sep = '?';
        for (Map.Entry<String, List<String>> e : query.entrySet()) {
            for (String v : e.getValue()) {
                if (v == null) {
                    continue;
                }
                url.append(sep).append(encode(e.getKey())).append('=').append(encode(v));
                sep = '&';
            }
        }
        return send(request(url.toString()).GET().build(), endpoint);
    }

    JsonNode post(String endpoint, ObjectNode body) {
        return send(withBody("POST", endpoint, body), endpoint);
    }

    JsonNode patch(String endpoint, ObjectNode body) {
        return send(withBody("PATCH", endpoint, body), endpoint);
    }

    JsonNode delete(String endpoint, ObjectNode body) {
        return send(withBody("DELETE", endpoint, body), endpoint);
    }

    HttpClient client() {
        return client;
    }

    HttpRequest.Builder request(String url) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(5));
        if (token != null && !token.isBlank()) {
            b.header("Authorization", "Bearer " + token);
        }
        return b;
    }

    private HttpRequest withBody(String method, String endpoint, ObjectNode body) {
        byte[] bytes;
        try {
            bytes = JSON.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return request(base + "/api/2.0/mlflow/" + endpoint).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofByteArray(bytes)).build();
    }

    private JsonNode send(HttpRequest request, String endpoint) {
        HttpResponse<byte[]> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (ConnectException e) {
            throw new StoreException(ErrorCode.INTERNAL_ERROR, "cannot reach the tracking server " + base,
                    "start it with forja server, or check --tracking-uri");
        } catch (IOException e) {
            throw new StoreException(ErrorCode.INTERNAL_ERROR, "the tracking server " + base + " failed on " + endpoint + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException(ErrorCode.INTERNAL_ERROR, "interrupted while calling " + base);
        }
        return answer(response.statusCode(), response.body(), endpoint);
    }

    JsonNode answer(int status, byte[] body, String endpoint) {
        JsonNode json;
        try {
            json = body.length == 0 ? JSON.createObjectNode() : JSON.readTree(body);
        } catch (IOException e) {
            throw new StoreException(ErrorCode.INTERNAL_ERROR, base + " answered " + endpoint + " with status " + status
                    + " and a body that is not JSON", "is " + base + " an MLflow-compatible tracking server?");
        }
        if (status >= 200 && status < 300) {
            return json;
        }
        String code = json.path("error_code").asText("");
        String message = json.path("message").asText("status " + status);
        ErrorCode errorCode;
        try {
            errorCode = ErrorCode.valueOf(code);
        } catch (IllegalArgumentException e) {
            errorCode = status == 404 ? ErrorCode.RESOURCE_DOES_NOT_EXIST : status == 401 ? ErrorCode.UNAUTHENTICATED
                    : status == 403 ? ErrorCode.PERMISSION_DENIED : status < 500 ? ErrorCode.INVALID_PARAMETER_VALUE : ErrorCode.INTERNAL_ERROR;
        }
        String hint = errorCode == ErrorCode.UNAUTHENTICATED || errorCode == ErrorCode.PERMISSION_DENIED
                ? "set FORJA_TRACKING_TOKEN to a token with the right role" : null;
        throw new StoreException(errorCode, message, hint);
    }

    static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}

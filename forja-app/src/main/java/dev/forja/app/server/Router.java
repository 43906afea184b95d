package dev.forja.app.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HttpString;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Method and path to endpoint, for MLflow's REST API: {@code /api/2.0/mlflow/<name>} (and the
 * {@code /ajax-api/} twin MLflow's UI uses) map to JSON endpoints; paths under a registered prefix go
 * to a raw endpoint that streams bodies (artifacts).
 */
final class Router {
    static final String[] API_PREFIXES = {"/api/2.0/mlflow/", "/ajax-api/2.0/mlflow/"};

    /** An endpoint that takes parameters and answers one JSON document. */
    @FunctionalInterface
    interface JsonEndpoint {
        JsonNode handle(ApiRequest request);
    }

    /** An endpoint that reads and writes the exchange itself (streamed artifact bodies). */
    @FunctionalInterface
    interface RawEndpoint {
        void handle(HttpServerExchange exchange, String subPath);
    }

    record Route(Role role, JsonEndpoint json, RawEndpoint raw, String subPath) {
    }

    /** Why no route matched: the path is unknown, or it is known for other methods. */
    record Miss(Set<String> allowedMethods) {
    }

    private final Map<String, Map<String, Route>> json = new HashMap<>();
    private final Map<String, Map<String, Route>> raw = new HashMap<>();

    Router json(String method, String name, Role role, JsonEndpoint endpoint) {
        json.computeIfAbsent(name, k -> new HashMap<>()).put(method, new Route(role, endpoint, null, null));
        return this;
    }

    /** Routes every path under {@code prefix} (e.g. {@code /api/2.0/mlflow-artifacts/artifacts}) for a method. */
    Router raw(String method, String prefix, Role role, RawEndpoint endpoint) {
        raw.computeIfAbsent(prefix, k -> new HashMap<>()).put(method, new Route(role, null, endpoint, null));
        return this;
    }

    /** The route for a request, or a {@link Miss}. */
    Object find(HttpString method, String path) {
        for (String prefix : API_PREFIXES) {
            if (path.startsWith(prefix)) {
                Map<String, Route> byMethod = json.get(path.substring(prefix.length()));
                return pick(byMethod, method.toString(), null);
            }
        }
        for (Map.Entry<String, Map<String, Route>> e : raw.entrySet()) {
            String prefix = e.getKey();
            if (path.equals(prefix) || path.startsWith(prefix + "/")) {
                String sub = path.length() > prefix.length() ? path.substring(prefix.length() + 1) : "";
                return pick(e.getValue(), method.toString(), sub);
            }
        }
        return new Miss(Set.of());
    }

    private static Object pick(Map<String, Route> byMethod, String method, String subPath) {
        if (byMethod == null) {
            return new Miss(Set.of());
        }
        Route r = byMethod.get(method);
        if (r == null) {
            return new Miss(new LinkedHashSet<>(byMethod.keySet()));
        }
        return subPath == null ? r : new Route(r.role(), null, r.raw(), subPath);
    }
}

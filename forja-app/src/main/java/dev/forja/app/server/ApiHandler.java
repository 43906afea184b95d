package dev.forja.app.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.forja.core.ForjaException;
import dev.forja.store.StoreException.ErrorCode;
import dev.forja.store.StoreException;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.nio.ByteBuffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every request: off the IO thread, routed, authorised, answered. Errors take MLflow's shape
 * ({@code {"error_code", "message"}}) and status: a client's mistake is a 4xx; only a fault of the
 * server itself is a 500, and it is logged.
 */
final class ApiHandler implements HttpHandler {
    private static final Logger LOG = LoggerFactory.getLogger(ApiHandler.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Router router;
    private final TokenAuth auth;
    private final long maxRequestBytes;

    ApiHandler(Router router, TokenAuth auth, long maxRequestBytes) {
        this.router = router;
        this.auth = auth;
        this.maxRequestBytes = maxRequestBytes;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) {
        if (exchange.isInIoThread()) {
            exchange.dispatch(this);
            return;
        }
        exchange.startBlocking();
        try {
            String path = exchange.getRelativePath();
            if (path.equals("/health")) {
                exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "text/plain");
                exchange.getResponseSender().send("OK");
                return;
            }
            Object found = router.find(exchange.getRequestMethod(), path);
            if (found instanceof Router.Miss miss) {
                if (miss.allowedMethods().isEmpty()) {
                    throw new StoreException(ErrorCode.ENDPOINT_NOT_FOUND, "no endpoint " + exchange.getRequestMethod() + " " + path);
                }
                exchange.getResponseHeaders().put(Headers.ALLOW, String.join(", ", miss.allowedMethods()));
                sendError(exchange, 405, ErrorCode.BAD_REQUEST.name(), exchange.getRequestMethod() + " is not allowed on " + path
                        + "; use " + String.join(" or ", miss.allowedMethods()));
                return;
            }
            Router.Route route = (Router.Route) found;
            if (auth != null) {
                auth.check(exchange.getRequestHeaders().getFirst(Headers.AUTHORIZATION), route.role());
            }
            if (route.raw() != null) {
                route.raw().handle(exchange, route.subPath());
            } else {
                JsonNode answer = route.json().handle(ApiRequest.read(exchange, maxRequestBytes));
                sendJson(exchange, 200, answer);
            }
        } catch (StoreException e) {
            if (e.code().httpStatus() >= 500) {
                LOG.error("{} {} failed: {}", exchange.getRequestMethod(), exchange.getRequestPath(), e.getMessage(), e);
            }
            sendError(exchange, e.code().httpStatus(), e.code().name(), message(e));
        } catch (ForjaException e) {
            sendError(exchange, 400, ErrorCode.INVALID_PARAMETER_VALUE.name(), message(e));
        } catch (RuntimeException e) {
            LOG.error("{} {} failed", exchange.getRequestMethod(), exchange.getRequestPath(), e);
            sendError(exchange, 500, ErrorCode.INTERNAL_ERROR.name(), "the server failed: " + e);
        }
    }

    private static String message(ForjaException e) {
        return e.hint() == null ? e.getMessage() : e.getMessage() + " (" + e.hint() + ")";
    }

    static void sendJson(HttpServerExchange exchange, int status, JsonNode body) {
        byte[] bytes;
        try {
            bytes = JSON.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        if (exchange.isResponseStarted()) {
            return; // a streamed download failed half-way: the client sees a short body
        }
        exchange.setStatusCode(status);
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/json");
        exchange.getResponseSender().send(ByteBuffer.wrap(bytes));
    }

    private static void sendError(HttpServerExchange exchange, int status, String code, String message) {
        sendJson(exchange, status, JSON.createObjectNode().put("error_code", code).put("message", message));
    }
}

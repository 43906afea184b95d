package dev.forja.app.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.forja.store.StoreException.ErrorCode;
import dev.forja.store.StoreException;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Methods;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * One API call's parameters, wherever MLflow puts them: the query string for GET (and for a DELETE
 * without a body), the JSON body otherwise. Every accessor checks the type and names the field in the
 * error, so a client's mistake is a 400 INVALID_PARAMETER_VALUE, never a 500.
 */
final class ApiRequest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final JsonNode body;
    private final Map<String, Deque<String>> query;

    private ApiRequest(JsonNode body, Map<String, Deque<String>> query) {
        this.body = body;
        this.query = query;
    }

    static ApiRequest read(HttpServerExchange exchange, long maxBytes) {
        boolean hasBody = exchange.getRequestContentLength() > 0 || exchange.getRequestHeaders().contains("Transfer-Encoding");
        if (exchange.getRequestMethod().equals(Methods.GET) || (exchange.getRequestMethod().equals(Methods.DELETE) && !hasBody)) {
            return new ApiRequest(null, exchange.getQueryParameters());
        }
        byte[] bytes = readBody(exchange, maxBytes);
        if (bytes.length == 0) {
            return new ApiRequest(JSON.createObjectNode(), exchange.getQueryParameters());
        }
        JsonNode node;
        try {
            node = JSON.readTree(bytes);
        } catch (JsonProcessingException e) {
            throw StoreException.invalid("the request body is not valid JSON: " + e.getOriginalMessage()
                    + " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")");
        } catch (IOException e) {
            throw StoreException.invalid("the request body could not be read: " + e.getMessage());
        }
        if (node == null || !node.isObject()) {
            throw StoreException.invalid("the request body must be a JSON object");
        }
        return new ApiRequest(node, exchange.getQueryParameters());
    }

    static byte[] readBody(HttpServerExchange exchange, long maxBytes) {
        long declared = exchange.getRequestContentLength();
        if (declared > maxBytes) {
            throw tooLarge(maxBytes);
        }
        try (InputStream in = exchange.getInputStream()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(declared > 0 ? (int) declared : 1024);
            byte[] buffer = new byte[16 * 1024];
            long total = 0;
            int n;
            while ((n = in.read(buffer)) > 0) {
                total += n;
                if (total > maxBytes) {
                    throw tooLarge(maxBytes);
                }
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw StoreException.invalid("the request body could not be read: " + e.getMessage());
        }
    }

    private static StoreException tooLarge(long maxBytes) {
        return new StoreException(ErrorCode.REQUEST_LIMIT_EXCEEDED, "the request body is over the server's limit of " + maxBytes + " bytes",
                "send less per request (log-batch takes at most 1000 metrics), or start the server with a higher --max-request-size");
    }

    private JsonNode field(String name) {
        if (body != null) {
            return body.path(name);
        }
        Deque<String> values = query.get(name);
        if (values == null || values.isEmpty()) {
            return MissingNode.getInstance();
        }
        return JSON.getNodeFactory().textNode(values.getFirst());
    }

    JsonNode raw(String name) {
        return field(name);
    }

    /** A required string parameter; numbers are accepted as their text (clients send ids either way). */
    String string(String name) {
        String s = optString(name);
        if (s == null || s.isEmpty()) {
            throw StoreException.invalid("missing value for required parameter '" + name + "'");
        }
        return s;
    }

    String optString(String name) {
        JsonNode v = field(name);
        if (v.isMissingNode() || v.isNull()) {
            return null;
        }
        if (v.isTextual()) {
            return v.asText();
        }
        if (v.isIntegralNumber()) {
            return v.asText();
        }
        throw wrongType(name, "a string", v);
    }

    String stringOr(String name, String fallback) {
        String s = optString(name);
        return s == null ? fallback : s;
    }

    /** A whole number, given as a JSON number or as its decimal text. */
    Long optLong(String name) {
        return wholeNumber(field(name), name);
    }

    /** A JSON number or its decimal text as a long; null when absent. */
    static Long wholeNumber(JsonNode v, String name) {
        if (v.isMissingNode() || v.isNull()) {
            return null;
        }
        if (v.isIntegralNumber() && v.canConvertToLong()) {
            return v.asLong();
        }
        if (v.isTextual()) {
            try {
                return Long.parseLong(v.asText().trim());
            } catch (NumberFormatException e) {
                throw wrongType(name, "a whole number", v);
            }
        }
        throw wrongType(name, "a whole number", v);
    }

    long requiredLong(String name) {
        Long v = optLong(name);
        if (v == null) {
            throw StoreException.invalid("missing value for required parameter '" + name + "'");
        }
        return v;
    }

    int intOr(String name, int fallback) {
        Long v = optLong(name);
        if (v == null) {
            return fallback;
        }
        if (v < 0 || v > Integer.MAX_VALUE) {
            throw StoreException.invalid("parameter '" + name + "' is " + v + "; it must be between 0 and " + Integer.MAX_VALUE);
        }
        return v.intValue();
    }

    /** A metric value: a JSON number, or "NaN" / "Infinity" / "-Infinity" as MLflow clients send them. */
    static double metricValue(JsonNode v, String name) {
        if (v.isNumber()) {
            return v.asDouble();
        }
        if (v.isTextual()) {
            switch (v.asText()) {
                case "NaN", "nan" -> {
                    return Double.NaN;
                }
                case "Infinity", "inf" -> {
                    return Double.POSITIVE_INFINITY;
                }
                case "-Infinity", "-inf" -> {
                    return Double.NEGATIVE_INFINITY;
                }
                default -> {
                    try {
                        return Double.parseDouble(v.asText());
                    } catch (NumberFormatException e) {
                        throw wrongType(name, "a number", v);
                    }
                }
            }
        }
        if (v.isMissingNode() || v.isNull()) {
            throw StoreException.invalid("missing value for required parameter '" + name + "'");
        }
        throw wrongType(name, "a number", v);
    }

    /** A list of strings: a JSON array, or the repeated query parameter. */
    List<String> strings(String name) {
        List<String> out = new ArrayList<>();
        if (body == null) {
            Deque<String> values = query.get(name);
            if (values != null) {
                out.addAll(values);
            }
            return out;
        }
        JsonNode v = body.path(name);
        if (v.isMissingNode() || v.isNull()) {
            return out;
        }
        if (v.isTextual()) {
            out.add(v.asText());
            return out;
        }
        if (!v.isArray()) {
            throw wrongType(name, "a list of strings", v);
        }
        for (JsonNode item : v) {
            if (!item.isTextual() && !item.isIntegralNumber()) {
                throw wrongType(name + "[]", "a string", item);
            }
            out.add(item.asText());
        }
        return out;
    }

    /** A list of objects from the JSON body (metrics, params, tags, datasets); empty when absent. */
    List<JsonNode> objects(String name) {
        List<JsonNode> out = new ArrayList<>();
        JsonNode v = field(name);
        if (v.isMissingNode() || v.isNull()) {
            return out;
        }
        if (!v.isArray()) {
            throw wrongType(name, "a list of objects", v);
        }
        for (JsonNode item : v) {
            if (!item.isObject()) {
                throw wrongType(name + "[]", "an object", item);
            }
            out.add(item);
        }
        return out;
    }

    /** A string member of an object inside a list ({@code tags[].key}), required. */
    static String member(JsonNode object, String list, String field) {
        JsonNode v = object.path(field);
        if (v.isTextual() || v.isIntegralNumber()) {
            return v.asText();
        }
        if (v.isMissingNode() || v.isNull()) {
            throw StoreException.invalid("missing value for required parameter '" + list + "[]." + field + "'");
        }
        throw wrongType(list + "[]." + field, "a string", v);
    }

    static StoreException wrongType(String name, String expected, JsonNode got) {
        JsonNodeType t = got.getNodeType();
        String shown = got.isContainerNode() ? t.name().toLowerCase() : got.toString();
        return StoreException.invalid("parameter '" + name + "' must be " + expected + ", not " + shown);
    }
}

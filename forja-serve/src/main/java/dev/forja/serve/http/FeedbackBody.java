package dev.forja.serve.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.forja.serve.protocol.BadInput;
import dev.forja.store.predictions.Feedback;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** The body of {@code POST /v1/feedback}: one {@code {"request_id", "row", "actual"}}, or {@code {"feedback": [...]}}. */
final class FeedbackBody {
    private static final ObjectMapper JSON = new ObjectMapper();

    private FeedbackBody() {
    }

    static List<Feedback> parse(byte[] body) {
        JsonNode doc;
        try {
            doc = JSON.readTree(body);
        } catch (IOException e) {
            throw new BadInput("the body is not valid JSON: " + e.getMessage(), null);
        }
        if (doc == null || !doc.isObject()) {
            throw new BadInput("send {\"request_id\": …, \"row\": 0, \"actual\": …} or {\"feedback\": [those]}", null);
        }
        List<Feedback> out = new ArrayList<>();
        long now = System.currentTimeMillis();
        if (doc.has("feedback")) {
            if (!doc.path("feedback").isArray()) {
                throw new BadInput("\"feedback\" must be a list", "feedback");
            }
            for (JsonNode item : doc.path("feedback")) {
                out.add(one(item, now));
            }
        } else {
            out.add(one(doc, now));
        }
        return out;
    }

    private static Feedback one(JsonNode n, long now) {
        if (!n.path("request_id").isTextual()) {
            throw new BadInput("\"request_id\" (the X-Request-Id of the prediction) is required", "request_id");
        }
        JsonNode row = n.path("row");
        if (!row.isMissingNode() && !row.canConvertToInt()) {
            throw new BadInput("\"row\" must be the row's position in its request (0 for the first)", "row");
        }
        JsonNode actual = n.path("actual");
        if (!actual.isValueNode() || actual.isNull()) {
            throw new BadInput("\"actual\" (the true outcome: a label or a number) is required", "actual");
        }
        return new Feedback(n.path("request_id").asText(), row.isMissingNode() ? 0 : row.asInt(), actual.asText(), now);
    }
}

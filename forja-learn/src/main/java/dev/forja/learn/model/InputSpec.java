package dev.forja.learn.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.forja.core.frame.ColumnKind;
import java.util.ArrayList;
import java.util.List;

/**
 * One input column of a model's {@link Signature}: its kind, whether training saw it missing, the
 * categories seen (categorical), and the range seen (numeric, datetime as epoch millis).
 */
public record InputSpec(String name, ColumnKind kind, boolean nullable, List<String> categories, double min, double max) {
    public InputSpec {
        categories = categories == null ? List.of() : List.copyOf(categories);
    }

    ObjectNode toJson() {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("name", name);
        n.put("kind", kind.id());
        n.put("nullable", nullable);
        if (kind == ColumnKind.CATEGORICAL) {
            var c = n.putArray("categories");
            categories.forEach(c::add);
        }
        if (kind == ColumnKind.NUMERIC || kind == ColumnKind.DATETIME) {
            if (Double.isFinite(min)) {
                n.put("min", min);
                n.put("max", max);
            }
        }
        return n;
    }

    static InputSpec fromJson(JsonNode n) {
        List<String> categories = new ArrayList<>();
        n.path("categories").forEach(c -> categories.add(c.asText()));
        return new InputSpec(n.path("name").asText(), ColumnKind.parse(n.path("kind").asText()), n.path("nullable").asBoolean(),
                categories, n.has("min") ? n.path("min").asDouble() : Double.NaN, n.has("max") ? n.path("max").asDouble() : Double.NaN);
    }
}

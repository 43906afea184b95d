package dev.forja.core.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.forja.core.ForjaException;
import dev.forja.core.frame.ColumnKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Column names and kinds, in order. Its JSON form ({@code {"columns":[{"name":..,"kind":..},..]}}) is
 * what {@code forja schema --json} prints and what {@code --schema file.json} reads back.
 */
public record Schema(List<ColumnSpec> columns) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public Schema {
        columns = List.copyOf(columns);
    }

    public Optional<ColumnSpec> find(String name) {
        for (ColumnSpec c : columns) {
            if (c.name().equals(name)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    public ObjectNode toJson() {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode cols = root.putArray("columns");
        for (ColumnSpec c : columns) {
            cols.addObject().put("name", c.name()).put("kind", c.kind().id());
        }
        return root;
    }

    /**
     * Reads a schema file: either the full form ({@code {"columns":[{"name","kind"},..]}}) or the short
     * form {@code {"column name": "kind", ..}}. Either lists only the columns to override.
     */
    public static Map<String, ColumnKind> readOverrides(Path file) {
        JsonNode root;
        try {
            root = JSON.readTree(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new ForjaException("cannot read schema file " + file + ": " + e.getMessage(),
                    "give a JSON file such as {\"columns\":[{\"name\":\"age\",\"kind\":\"numeric\"}]} or {\"age\":\"numeric\"}", e);
        }
        Map<String, ColumnKind> out = new java.util.LinkedHashMap<>();
        if (root != null && root.has("columns") && root.get("columns").isArray()) {
            int i = 0;
            for (JsonNode c : root.get("columns")) {
                JsonNode name = c.get("name");
                JsonNode kind = c.get("kind");
                if (name == null || kind == null || !name.isTextual() || !kind.isTextual()) {
                    throw new ForjaException("schema file " + file + ": columns[" + i + "] needs text fields \"name\" and \"kind\"",
                            "write each entry as {\"name\":\"age\",\"kind\":\"numeric\"}");
                }
                out.put(name.asText(), parseKind(file, name.asText(), kind.asText()));
                i++;
            }
        } else if (root != null && root.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!e.getValue().isTextual()) {
                    throw new ForjaException("schema file " + file + ": the kind of column '" + e.getKey() + "' must be text",
                            "write it as \"" + e.getKey() + "\": \"numeric\" (or categorical, text, datetime)");
                }
                out.put(e.getKey(), parseKind(file, e.getKey(), e.getValue().asText()));
            }
        } else {
            throw new ForjaException("schema file " + file + " is not a JSON object",
                    "give {\"columns\":[{\"name\":\"age\",\"kind\":\"numeric\"}]} or {\"age\":\"numeric\"}");
        }
        return out;
    }

    private static ColumnKind parseKind(Path file, String column, String kind) {
        try {
            return ColumnKind.parse(kind);
        } catch (IllegalArgumentException e) {
            throw new ForjaException("schema file " + file + ", column '" + column + "': " + e.getMessage(), null);
        }
    }

    public List<String> names() {
        List<String> names = new ArrayList<>(columns.size());
        for (ColumnSpec c : columns) {
            names.add(c.name());
        }
        return names;
    }
}

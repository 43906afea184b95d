package dev.forja.serve.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.forja.serve.model.Scores;
import dev.forja.serve.model.ServedModel;
import java.io.IOException;

/**
 * The Open Inference Protocol (KServe v2, Triton, MLServer) for tabular models: one input tensor per
 * column ({@code {"name": "age", "shape": [n], "datatype": "FP64", "data": [...]}}, as MLServer's pandas
 * codec sends a data frame), and outputs {@code label} (BYTES) and {@code probabilities} ([n, classes],
 * FP64) for a classifier, {@code value} (FP64) for a regressor.
 */
public final class InferV2 {
    private InferV2() {
    }

    /** The request's id, echoed back, and its scores. */
    public record Request(String id, Scores scores) {
    }

    public static Request parse(byte[] body, ServedModel model) {
        JsonNode doc;
        try {
            doc = RowParser.TREE.readTree(body);
        } catch (IOException e) {
            throw RowParser.notJson(e);
        }
        if (doc == null || !doc.isObject()) {
            throw new BadInput("the body must be a JSON object with \"inputs\": [{\"name\", \"shape\", \"datatype\", \"data\"}, …]", null);
        }
        JsonNode inputs = doc.path("inputs");
        if (!inputs.isArray() || inputs.isEmpty()) {
            throw new BadInput("\"inputs\" must be a non-empty list of tensors, one per column", "inputs");
        }
        ObjectNode columns = RowParser.TREE.createObjectNode();
        for (JsonNode tensor : inputs) {
            String name = tensor.path("name").asText(null);
            if (name == null) {
                throw new BadInput("every input tensor needs a \"name\" (the column)", "inputs[].name");
            }
            JsonNode data = tensor.path("data");
            if (!data.isArray()) {
                throw new BadInput("input '" + name + "' needs \"data\" as a list", name);
            }
            var flat = columns.putArray(name);
            flatten(data, flat);
            JsonNode shape = tensor.path("shape");
            if (shape.isArray() && !shape.isEmpty()) {
                long n = 1;
                for (JsonNode d : shape) {
                    n *= d.asLong();
                }
                if (n != flat.size()) {
                    throw new BadInput("input '" + name + "' has shape " + shape + " but " + flat.size() + " values", name);
                }
            }
        }
        String id = doc.hasNonNull("id") ? doc.path("id").asText() : null;
        return new Request(id, RowParser.columnar(columns, model, "inputs"));
    }

    private static void flatten(JsonNode data, com.fasterxml.jackson.databind.node.ArrayNode out) {
        for (JsonNode v : data) {
            if (v.isArray()) {
                flatten(v, out);
            } else {
                out.add(v);
            }
        }
    }
}

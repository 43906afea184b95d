package dev.forja.serve.protocol;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.forja.serve.model.Scores;
import dev.forja.serve.model.ServedModel;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Request bodies straight into the model's input rows. Row-oriented bodies ({@code instances},
 * {@code dataframe_records}, {@code dataframe_split}) are streamed: each value is bound to its column as
 * it is read and each row scored when it closes, so no map or data frame is built per row. Column-
 * oriented bodies ({@code inputs} as a dict of lists, the Open Inference Protocol's tensors) are read
 * as a tree first, since a row's values are spread over the whole body.
 */
public final class RowParser {
    // Jackson's bundled FastDoubleParser: numbers are most of a request, and parsing them is the hot loop.
    static final JsonFactory FACTORY = JsonFactory.builder().enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER).build();
    static final ObjectMapper TREE = new ObjectMapper(FACTORY);

    private RowParser() {
    }

    /** {@code POST /v1/models/{name}:predict}: {@code {"instances": [ {column: value, …}, … ]}}. */
    public static Scores v1(byte[] body, ServedModel model) {
        try (JsonParser p = FACTORY.createParser(body)) {
            expect(p, p.nextToken(), JsonToken.START_OBJECT, "the body must be a JSON object: {\"instances\": [{column: value, …}]}", null);
            Scores scores = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken t = p.nextToken();
                if (field.equals("instances") || field.equals("inputs")) {
                    scores = new Scores(model, 1);
                    records(p, t, scores, field);
                } else {
                    p.skipChildren();
                }
            }
            if (scores == null) {
                throw new BadInput("the body has no \"instances\": send {\"instances\": [{column: value, …}]}", "instances");
            }
            return scores;
        } catch (IOException e) {
            throw notJson(e);
        }
    }

    /**
     * {@code POST /invocations} with JSON, as MLflow's scoring server takes it: {@code dataframe_split},
     * {@code dataframe_records}, {@code instances} or {@code inputs}.
     */
    public static Scores invocations(byte[] body, ServedModel model) {
        try (JsonParser p = FACTORY.createParser(body)) {
            expect(p, p.nextToken(), JsonToken.START_OBJECT, "the body must be a JSON object with dataframe_split, dataframe_records, "
                    + "instances or inputs", null);
            Scores scores = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken t = p.nextToken();
                switch (field) {
                    case "dataframe_split" -> scores = split(p, t, model);
                    case "dataframe_records" -> {
                        scores = new Scores(model, 1);
                        records(p, t, scores, field);
                    }
                    case "instances", "inputs" -> {
                        if (t == JsonToken.START_OBJECT) {
                            scores = columnar(TREE.readTree(p), model, field);
                        } else {
                            scores = new Scores(model, 1);
                            records(p, t, scores, field);
                        }
                    }
                    default -> p.skipChildren(); // "params" and other members MLflow allows
                }
            }
            if (scores == null) {
                throw new BadInput("the body needs one of dataframe_split, dataframe_records, instances or inputs", null);
            }
            return scores;
        } catch (IOException e) {
            throw notJson(e);
        }
    }

    /** A list of row objects; {@code t} is the token after the field name. */
    private static void records(JsonParser p, JsonToken t, Scores scores, String field) throws IOException {
        expect(p, t, JsonToken.START_ARRAY, "\"" + field + "\" must be a list of rows, each {column: value, …}", field);
        ServedModel model = scores.model();
        JsonToken row;
        while ((row = p.nextToken()) != JsonToken.END_ARRAY) {
            expect(p, row, JsonToken.START_OBJECT, "each row of \"" + field + "\" must be an object {column: value, …}", field);
            ServedModel.Scratch s = scores.begin();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                int c = model.column(p.currentName());
                JsonToken v = p.nextToken();
                if (c < 0) {
                    p.skipChildren();
                } else {
                    bind(p, v, model, s, c);
                }
            }
            scores.end(s);
        }
    }

    /** {@code {"columns": [...], "data": [[...], ...]}} ({@code index} ignored). */
    private static Scores split(JsonParser p, JsonToken t, ServedModel model) throws IOException {
        expect(p, t, JsonToken.START_OBJECT, "\"dataframe_split\" must be {\"columns\": […], \"data\": [[…], …]}", "dataframe_split");
        int[] positions = null;
        JsonNode dataFirst = null;
        Scores scores = new Scores(model, 1);
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken v = p.nextToken();
            if (field.equals("columns")) {
                expect(p, v, JsonToken.START_ARRAY, "\"dataframe_split.columns\" must be a list of column names", "dataframe_split.columns");
                List<Integer> cols = new ArrayList<>();
                while (p.nextToken() == JsonToken.VALUE_STRING) {
                    cols.add(model.column(p.getText()));
                }
                if (p.currentToken() != JsonToken.END_ARRAY) {
                    throw new BadInput("\"dataframe_split.columns\" must be a list of column names", "dataframe_split.columns");
                }
                positions = cols.stream().mapToInt(Integer::intValue).toArray();
            } else if (field.equals("data")) {
                if (positions == null) {
                    dataFirst = TREE.readTree(p); // columns come later: keep the rows until they do
                } else {
                    splitRows(p, v, positions, scores);
                }
            } else {
                p.skipChildren();
            }
        }
        if (positions == null) {
            throw new BadInput("\"dataframe_split\" has no \"columns\"", "dataframe_split.columns");
        }
        if (dataFirst != null) {
            try (JsonParser again = TREE.treeAsTokens(dataFirst)) {
                splitRows(again, again.nextToken(), positions, scores);
            }
        }
        return scores;
    }

    private static void splitRows(JsonParser p, JsonToken t, int[] positions, Scores scores) throws IOException {
        expect(p, t, JsonToken.START_ARRAY, "\"dataframe_split.data\" must be a list of rows, each a list of values", "dataframe_split.data");
        ServedModel model = scores.model();
        JsonToken row;
        while ((row = p.nextToken()) != JsonToken.END_ARRAY) {
            expect(p, row, JsonToken.START_ARRAY, "each row of \"dataframe_split.data\" must be a list of values", "dataframe_split.data");
            ServedModel.Scratch s = scores.begin();
            int i = 0;
            JsonToken v;
            while ((v = p.nextToken()) != JsonToken.END_ARRAY) {
                if (i >= positions.length) {
                    throw new BadInput("a row of \"dataframe_split.data\" has more values than there are columns (" + positions.length + ")",
                            "dataframe_split.data");
                }
                int c = positions[i++];
                if (c < 0) {
                    p.skipChildren();
                } else {
                    bind(p, v, model, s, c);
                }
            }
            if (i != positions.length) {
                throw new BadInput("a row of \"dataframe_split.data\" has " + i + " values for " + positions.length + " columns",
                        "dataframe_split.data");
            }
            scores.end(s);
        }
    }

    /** {@code {column: [v1, v2, …], …}}: equal-length lists, one per column. */
    static Scores columnar(JsonNode columns, ServedModel model, String field) {
        int n = -1;
        for (var it = columns.fields(); it.hasNext();) {
            var e = it.next();
            if (!e.getValue().isArray()) {
                throw new BadInput("\"" + field + "." + e.getKey() + "\" must be a list of values", e.getKey());
            }
            if (n >= 0 && e.getValue().size() != n) {
                throw new BadInput("the columns of \"" + field + "\" have different lengths (" + n + " and " + e.getValue().size() + ")", e.getKey());
            }
            n = e.getValue().size();
        }
        Scores scores = new Scores(model, Math.max(n, 1));
        List<int[]> bound = new ArrayList<>();
        List<JsonNode> lists = new ArrayList<>();
        for (var it = columns.fields(); it.hasNext();) {
            var e = it.next();
            int c = model.column(e.getKey());
            if (c >= 0) {
                bound.add(new int[] {c});
                lists.add(e.getValue());
            }
        }
        for (int r = 0; r < Math.max(n, 0); r++) {
            ServedModel.Scratch s = scores.begin();
            for (int j = 0; j < bound.size(); j++) {
                bindNode(lists.get(j).get(r), model, s, bound.get(j)[0]);
            }
            scores.end(s);
        }
        return scores;
    }

    static void bindNode(JsonNode v, ServedModel model, ServedModel.Scratch s, int c) {
        if (v.isNumber()) {
            model.setNumber(s, c, v.asDouble());
        } else if (v.isTextual()) {
            model.setText(s, c, v.asText());
        } else if (v.isBoolean()) {
            model.setBoolean(s, c, v.asBoolean());
        } else if (v.isNull()) {
            model.setNull(s, c);
        } else {
            String name = model.columns().get(c);
            throw new BadInput("column '" + name + "' must be a number, a string or null, not " + (v.isArray() ? "a list" : "an object"), name);
        }
    }

    private static void bind(JsonParser p, JsonToken v, ServedModel model, ServedModel.Scratch s, int c) throws IOException {
        switch (v) {
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> model.setNumber(s, c, p.getDoubleValue());
            case VALUE_STRING -> model.setText(s, c, p.getText());
            case VALUE_TRUE -> model.setBoolean(s, c, true);
            case VALUE_FALSE -> model.setBoolean(s, c, false);
            case VALUE_NULL -> model.setNull(s, c);
            default -> {
                String name = model.columns().get(c);
                throw new BadInput("column '" + name + "' must be a number, a string or null, not " + (v == JsonToken.START_ARRAY ? "a list"
                        : "an object"), name);
            }
        }
    }

    private static void expect(JsonParser p, JsonToken got, JsonToken wanted, String message, String field) {
        if (got != wanted) {
            throw new BadInput(message, field);
        }
    }

    static BadInput notJson(IOException e) {
        String where = e instanceof JsonParseException jpe && jpe.getLocation() != null
                ? " at line " + jpe.getLocation().getLineNr() + ", column " + jpe.getLocation().getColumnNr() : "";
        String what = e instanceof JsonParseException jpe ? jpe.getOriginalMessage() : e.getMessage();
        return new BadInput("the body is not valid JSON" + where + ": " + what, null);
    }
}

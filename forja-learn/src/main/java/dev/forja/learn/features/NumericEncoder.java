package dev.forja.learn.features;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** A numeric column: impute / clip / scale, plus an optional 0/1 "was missing" feature. */
final class NumericEncoder implements ColumnEncoder {
    private final String column;
    private final NumericTransform transform;
    private final boolean indicator;
    private final List<String> names;

    NumericEncoder(String column, NumericTransform transform, boolean indicator) {
        this.column = column;
        this.transform = transform;
        this.indicator = indicator;
        this.names = indicator ? List.of(column, column + "__missing") : List.of(column);
    }

    @Override
    public String column() {
        return column;
    }

    @Override
    public List<String> names() {
        return names;
    }

    @Override
    public boolean encode(InputRow row, int input, double[] out, int offset) {
        boolean missing = row.missing[input];
        out[offset] = transform.apply(missing ? Double.NaN : row.numbers[input]);
        if (indicator) {
            out[offset + 1] = missing ? 1 : 0;
        }
        return false;
    }

    @Override
    public ObjectNode toJson() {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("type", "numeric");
        n.put("column", column);
        n.put("missing_indicator", indicator);
        n.setAll(transform.toJson());
        return n;
    }

    static NumericEncoder fromJson(JsonNode n) {
        return new NumericEncoder(n.path("column").asText(), NumericTransform.fromJson(n), n.path("missing_indicator").asBoolean());
    }
}

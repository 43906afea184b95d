package dev.forja.learn.features;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.forja.core.ForjaException;
import java.util.List;

/**
 * A fitted transformer for one input column: turns the column's value in an {@link InputRow} into
 * {@link #width()} features. The whole-frame path and the one-row path both call {@link #encode}, so
 * they cannot disagree (training/serving skew ruled out by construction).
 */
interface ColumnEncoder {
    String column();

    List<String> names();

    default int width() {
        return names().size();
    }

    /** Writes this column's features for {@code row} into {@code out} from {@code offset}; returns true if the value was unseen in training. */
    boolean encode(InputRow row, int input, double[] out, int offset);

    ObjectNode toJson();

    static ColumnEncoder fromJson(JsonNode n) {
        switch (n.path("type").asText()) {
            case "numeric":
                return NumericEncoder.fromJson(n);
            case "onehot":
                return OneHotEncoder.fromJson(n);
            case "ordinal":
            case "frequency":
            case "target":
                return LevelValueEncoder.fromJson(n);
            case "datetime":
                return DatetimeEncoder.fromJson(n);
            default:
                throw new ForjaException("unknown encoder type '" + n.path("type").asText() + "' in a model's pipeline",
                        "the model was written by a newer Forja; use that version");
        }
    }
}

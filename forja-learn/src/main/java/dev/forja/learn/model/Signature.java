package dev.forja.learn.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.forja.core.ForjaException;
import dev.forja.core.frame.CategoricalColumn;
import dev.forja.core.frame.Column;
import dev.forja.core.frame.ColumnKind;
import dev.forja.core.frame.DatetimeColumn;
import dev.forja.core.frame.Frame;
import dev.forja.core.frame.NumericColumn;
import java.util.ArrayList;
import java.util.List;

/**
 * The inputs a model expects: the columns it reads, in order, with kind, nullability, seen categories
 * and ranges. Batch scoring and serving check data against it, so a missing column or a column of the
 * wrong kind fails with its name instead of producing quiet nonsense.
 */
public record Signature(List<InputSpec> inputs) {
    public Signature {
        inputs = List.copyOf(inputs);
    }

    /** The signature of {@code columns} as the training rows of {@code frame} show them. */
    public static Signature of(Frame frame, List<String> columns) {
        List<InputSpec> specs = new ArrayList<>();
        for (String name : columns) {
            Column c = frame.column(name);
            boolean nullable = c.missingCount() > 0;
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            List<String> categories = List.of();
            if (c instanceof NumericColumn n) {
                for (int r = 0; r < n.size(); r++) {
                    double v = n.get(r);
                    if (!Double.isNaN(v)) {
                        min = Math.min(min, v);
                        max = Math.max(max, v);
                    }
                }
            } else if (c instanceof DatetimeColumn d) {
                for (int r = 0; r < d.size(); r++) {
                    if (!d.isMissing(r)) {
                        min = Math.min(min, d.millis(r));
                        max = Math.max(max, d.millis(r));
                    }
                }
            } else if (c instanceof CategoricalColumn cat) {
                int[] counts = cat.levelCounts();
                List<String> seen = new ArrayList<>();
                for (int k = 0; k < counts.length; k++) {
                    if (counts[k] > 0) {
                        seen.add(cat.level(k));
                    }
                }
                categories = seen;
            }
            if (min > max) {
                min = Double.NaN;
                max = Double.NaN;
            }
            specs.add(new InputSpec(name, c.kind(), nullable, categories, min, max));
        }
        return new Signature(specs);
    }

    public List<String> names() {
        List<String> names = new ArrayList<>(inputs.size());
        for (InputSpec s : inputs) {
            names.add(s.name());
        }
        return names;
    }

    /**
     * Checks that {@code frame} has every input with a compatible kind. Extra columns are fine. A numeric
     * column where the model expects a categorical one is accepted (codes such as Pclass are often read
     * as numbers), the reverse is not.
     *
     * @throws ForjaException naming every missing or mismatched column
     */
    public void check(Frame frame, String source) {
        List<String> problems = new ArrayList<>();
        for (InputSpec s : inputs) {
            var c = frame.find(s.name());
            if (c.isEmpty()) {
                problems.add("column '" + s.name() + "' (" + s.kind().id() + ") is missing");
            } else if (c.get().kind() != s.kind() && !(s.kind() == ColumnKind.CATEGORICAL && c.get().kind() == ColumnKind.NUMERIC)
                    && !(s.kind() == ColumnKind.TEXT && c.get().kind() == ColumnKind.CATEGORICAL)
                    && !(s.kind() == ColumnKind.CATEGORICAL && c.get().kind() == ColumnKind.TEXT)) {
                problems.add("column '" + s.name() + "' is " + c.get().kind().id() + " but the model expects " + s.kind().id());
            }
        }
        if (!problems.isEmpty()) {
            throw new ForjaException(source + " does not fit the model's inputs: " + String.join("; ", problems),
                    "give the columns the model was trained on (see its signature in forja-model.json); declare kinds with --column NAME:KIND");
        }
    }

    public ArrayNode toJson() {
        ArrayNode a = JsonNodeFactory.instance.arrayNode();
        inputs.forEach(s -> a.add(s.toJson()));
        return a;
    }

    public static Signature fromJson(JsonNode n) {
        List<InputSpec> specs = new ArrayList<>();
        n.forEach(s -> specs.add(InputSpec.fromJson(s)));
        return new Signature(specs);
    }
}

package dev.forja.core.schema;

import dev.forja.core.frame.ColumnKind;
import java.util.Objects;

/** A column's name and kind. */
public record ColumnSpec(String name, ColumnKind kind) {
    public ColumnSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
    }
}

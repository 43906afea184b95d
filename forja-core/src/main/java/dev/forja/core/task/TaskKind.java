package dev.forja.core.task;

import dev.forja.core.ForjaException;
import java.util.Locale;

/** What is being predicted. Later kinds (multilabel, anomaly, ranking) will be added here. */
public enum TaskKind {
    BINARY("binary"),
    MULTICLASS("multiclass"),
    REGRESSION("regression");

    private final String id;

    TaskKind(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public boolean isClassification() {
        return this != REGRESSION;
    }

    public static TaskKind parse(String word) {
        String w = word.trim().toLowerCase(Locale.ROOT);
        for (TaskKind k : values()) {
            if (k.id.equals(w)) {
                return k;
            }
        }
        if (w.equals("classification")) {
            return BINARY;
        }
        throw new ForjaException("unknown task '" + word + "'", "use binary, multiclass or regression");
    }
}

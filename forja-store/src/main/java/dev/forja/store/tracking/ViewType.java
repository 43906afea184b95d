package dev.forja.store.tracking;

import dev.forja.store.StoreException;
import java.util.List;
import java.util.Locale;

/** Which lifecycle stages a search sees. */
public enum ViewType {
    ACTIVE_ONLY(List.of(LifecycleStage.ACTIVE)),
    DELETED_ONLY(List.of(LifecycleStage.DELETED)),
    ALL(List.of(LifecycleStage.ACTIVE, LifecycleStage.DELETED));

    private final List<LifecycleStage> stages;

    ViewType(List<LifecycleStage> stages) {
        this.stages = stages;
    }

    public List<LifecycleStage> stages() {
        return stages;
    }

    public static ViewType parse(String text) {
        if (text == null || text.isBlank()) {
            return ACTIVE_ONLY;
        }
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw StoreException.invalid("view type '" + text + "' is not one of ACTIVE_ONLY, DELETED_ONLY, ALL");
        }
    }
}

package dev.forja.learn.features;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One 0/1 feature per kept level ({@code col=level}). Levels rarer than the spec's share of training
 * rows share {@code col=__other__}; a level never seen in training sets {@code col=__unseen__} (always
 * present, so the width does not depend on the data scored) and is counted; a missing value sets
 * {@code col=__missing__} when training had missing values, else nothing.
 */
final class OneHotEncoder implements ColumnEncoder {
    static final String OTHER = "__other__";
    static final String UNSEEN = "__unseen__";
    static final String MISSING = "__missing__";

    private final String column;
    private final List<String> kept;
    private final List<String> rare;
    private final boolean missingSlot;
    private final Map<String, Integer> slot = new HashMap<>();
    private final List<String> names = new ArrayList<>();
    private final int otherSlot;
    private final int unseenSlot;
    private final int missingIndex;

    OneHotEncoder(String column, List<String> kept, List<String> rare, boolean missingSlot) {
        this.column = column;
        this.kept = List.copyOf(kept);
        this.rare = List.copyOf(rare);
        this.missingSlot = missingSlot;
        for (String level : kept) {
            slot.put(level, names.size());
            names.add(column + "=" + level);
        }
        if (!rare.isEmpty()) {
            otherSlot = names.size();
            names.add(column + "=" + OTHER);
            for (String level : rare) {
                slot.put(level, otherSlot);
            }
        } else {
            otherSlot = -1;
        }
        unseenSlot = names.size();
        names.add(column + "=" + UNSEEN);
        if (missingSlot) {
            missingIndex = names.size();
            names.add(column + "=" + MISSING);
        } else {
            missingIndex = -1;
        }
    }

    static OneHotEncoder fit(String column, String[] values, double rareShare) {
        Map<String, Integer> counts = new java.util.LinkedHashMap<>();
        boolean missing = false;
        for (String v : values) {
            if (v == null) {
                missing = true;
            } else {
                counts.merge(v, 1, Integer::sum);
            }
        }
        List<String> kept = new ArrayList<>();
        List<String> rare = new ArrayList<>();
        double min = rareShare * values.length;
        counts.forEach((level, n) -> (n >= min ? kept : rare).add(level));
        return new OneHotEncoder(column, kept, rare, missing);
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
        for (int i = 0; i < names.size(); i++) {
            out[offset + i] = 0;
        }
        if (row.missing[input]) {
            if (missingIndex >= 0) {
                out[offset + missingIndex] = 1;
            }
            return false;
        }
        Integer s = slot.get(row.strings[input]);
        if (s == null) {
            out[offset + unseenSlot] = 1;
            return true;
        }
        out[offset + s] = 1;
        return false;
    }

    @Override
    public ObjectNode toJson() {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("type", "onehot");
        n.put("column", column);
        var k = n.putArray("levels");
        kept.forEach(k::add);
        var r = n.putArray("other_levels");
        rare.forEach(r::add);
        n.put("missing_slot", missingSlot);
        return n;
    }

    static OneHotEncoder fromJson(JsonNode n) {
        List<String> kept = new ArrayList<>();
        n.path("levels").forEach(l -> kept.add(l.asText()));
        List<String> rare = new ArrayList<>();
        n.path("other_levels").forEach(l -> rare.add(l.asText()));
        return new OneHotEncoder(n.path("column").asText(), kept, rare, n.path("missing_slot").asBoolean());
    }
}

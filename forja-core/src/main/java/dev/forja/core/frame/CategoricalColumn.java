package dev.forja.core.frame;

import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A column of category codes with a level dictionary; code {@code -1} marks a missing value. Levels
 * keep their order of first appearance (or the order a format declares, such as ARFF's nominal lists).
 */
public final class CategoricalColumn implements Column {
    public static final int MISSING = -1;

    private final String name;
    private final int[] codes;
    private final String[] levels;
    private final int[] index;
    private final int size;

    private CategoricalColumn(String name, int[] codes, String[] levels, int[] index, int size) {
        this.name = name;
        this.codes = codes;
        this.levels = levels;
        this.index = index;
        this.size = size;
    }

    /**
     * Wraps codes and levels without copying; every code must be {@code -1} or a valid level index.
     *
     * @throws IllegalArgumentException if a code is out of range or a level is repeated
     */
    public static CategoricalColumn of(String name, int[] codes, String[] levels) {
        for (int c : codes) {
            if (c < MISSING || c >= levels.length) {
                throw new IllegalArgumentException("column '" + name + "': code " + c + " outside -1.." + (levels.length - 1));
            }
        }
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < levels.length; i++) {
            if (levels[i] == null || seen.put(levels[i], i) != null) {
                throw new IllegalArgumentException("column '" + name + "': level '" + levels[i] + "' is null or repeated");
            }
        }
        return new CategoricalColumn(name, codes, levels, null, codes.length);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public ColumnKind kind() {
        return ColumnKind.CATEGORICAL;
    }

    @Override
    public int size() {
        return size;
    }

    /** The level code of a row, or {@link #MISSING}. */
    public int code(int row) {
        return codes[index == null ? row : index[row]];
    }

    /** The level of a row, or {@code null} if missing. */
    public String get(int row) {
        int c = code(row);
        return c < 0 ? null : levels[c];
    }

    public int levelCount() {
        return levels.length;
    }

    public String level(int code) {
        return levels[code];
    }

    public List<String> levels() {
        return Collections.unmodifiableList(Arrays.asList(levels));
    }

    /** The code of a level, or {@code -1} if the column has no such level. */
    public int codeOf(String level) {
        for (int i = 0; i < levels.length; i++) {
            if (levels[i].equals(level)) {
                return i;
            }
        }
        return MISSING;
    }

    /** Rows per level code (index = code); missing rows are not counted. */
    public int[] levelCounts() {
        int[] counts = new int[levels.length];
        for (int i = 0; i < size; i++) {
            int c = code(i);
            if (c >= 0) {
                counts[c]++;
            }
        }
        return counts;
    }

    @Override
    public boolean isMissing(int row) {
        return code(row) < 0;
    }

    @Override
    public CategoricalColumn select(int[] rows) {
        return new CategoricalColumn(name, codes, levels, RowIndex.compose(index, rows, size), rows.length);
    }

    @Override
    public CategoricalColumn rename(String newName) {
        return new CategoricalColumn(newName, codes, levels, index, size);
    }

    @Override
    public String format(int row) {
        return get(row);
    }

    @Override
    public String toString() {
        return "CategoricalColumn[" + name + ", " + size + " rows, " + levels.length + " levels]";
    }

    /** Builds a column from strings, assigning codes in order of first appearance. */
    public static final class Builder {
        private final Map<String, Integer> dictionary = new HashMap<>();
        private String[] levels = new String[16];
        private int[] codes;
        private int size;

        public Builder() {
            this(1024);
        }

        public Builder(int capacity) {
            codes = new int[Math.max(16, capacity)];
        }

        /** Declares a level up front (so declared order wins over first appearance) and returns its code. */
        public int declare(String level) {
            Integer code = dictionary.get(level);
            if (code != null) {
                return code;
            }
            int c = dictionary.size();
            if (c == levels.length) {
                levels = Arrays.copyOf(levels, c * 2);
            }
            levels[c] = level;
            dictionary.put(level, c);
            return c;
        }

        /** Adds a value; {@code null} adds a missing value. */
        public void add(String value) {
            addCode(value == null ? MISSING : declare(value));
        }

        public void addMissing() {
            addCode(MISSING);
        }

        /** Adds a code returned by {@link #declare(String)}, or {@link #MISSING}. */
        public void addCode(int code) {
            if (size == codes.length) {
                codes = Arrays.copyOf(codes, codes.length + (codes.length >> 1));
            }
            codes[size++] = code;
        }

        public int size() {
            return size;
        }

        public int levelCount() {
            return dictionary.size();
        }

        public CategoricalColumn build(String name) {
            return new CategoricalColumn(name, size == codes.length ? codes : Arrays.copyOf(codes, size),
                    Arrays.copyOf(levels, dictionary.size()), null, size);
        }
    }
}

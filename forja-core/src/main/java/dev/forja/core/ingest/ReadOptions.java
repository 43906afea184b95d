package dev.forja.core.ingest;

import dev.forja.core.ProgressListener;
import dev.forja.core.frame.ColumnKind;
import dev.forja.core.schema.MissingMarkers;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How to read a source. Immutable; {@code withX} methods return changed copies.
 *
 * <ul>
 *   <li>{@code format}: null = detect from the source's name ({@link DataFormat#detect}).</li>
 *   <li>{@code delimiter}: CSV field separator; null = sniff from the first lines ({@code , \t ; |}).</li>
 *   <li>{@code header}: CSV's first row holds the names (default); otherwise columns are {@code c1, c2, ...}.</li>
 *   <li>{@code missing}: the missing-value markers.</li>
 *   <li>{@code kinds}: per-column kind overrides; schema inference decides the rest.</li>
 *   <li>{@code lenient}: skip ragged rows and read unparsable values as missing, counting both in the
 *       {@link ReadReport}, instead of failing. Off by default: nothing is dropped silently.</li>
 *   <li>{@code sampleRows}: rows read for schema inference before the full read.</li>
 *   <li>{@code query}: the SQL for a JDBC source.</li>
 * </ul>
 */
public final class ReadOptions {
    public static final int DEFAULT_SAMPLE_ROWS = 10_000;

    private final DataFormat format;
    private final Character delimiter;
    private final boolean header;
    private final MissingMarkers missing;
    private final Map<String, ColumnKind> kinds;
    private final boolean lenient;
    private final int sampleRows;
    private final String query;
    private final ProgressListener progress;
    private final java.util.Set<String> hints;

    private ReadOptions(DataFormat format, Character delimiter, boolean header, MissingMarkers missing,
                        Map<String, ColumnKind> kinds, boolean lenient, int sampleRows, String query,
                        ProgressListener progress) {
        this(format, delimiter, header, missing, kinds, lenient, sampleRows, query, progress, java.util.Set.of());
    }

    private ReadOptions(DataFormat format, Character delimiter, boolean header, MissingMarkers missing,
                        Map<String, ColumnKind> kinds, boolean lenient, int sampleRows, String query,
                        ProgressListener progress, java.util.Set<String> hints) {
        this.format = format;
        this.delimiter = delimiter;
        this.header = header;
        this.missing = missing;
        this.kinds = Map.copyOf(kinds);
        this.lenient = lenient;
        this.sampleRows = sampleRows;
        this.query = query;
        this.progress = progress;
        this.hints = java.util.Set.copyOf(hints);
    }

    public static ReadOptions defaults() {
        return new ReadOptions(null, null, true, MissingMarkers.defaults(), Map.of(), false,
                DEFAULT_SAMPLE_ROWS, null, ProgressListener.NONE);
    }

    public DataFormat format() {
        return format;
    }

    public Character delimiter() {
        return delimiter;
    }

    public boolean header() {
        return header;
    }

    public MissingMarkers missing() {
        return missing;
    }

    public Map<String, ColumnKind> kinds() {
        return kinds;
    }

    public boolean lenient() {
        return lenient;
    }

    public int sampleRows() {
        return sampleRows;
    }

    public String query() {
        return query;
    }

    public ProgressListener progress() {
        return progress;
    }

    public ReadOptions withFormat(DataFormat f) {
        return new ReadOptions(f, delimiter, header, missing, kinds, lenient, sampleRows, query, progress, hints);
    }

    public ReadOptions withDelimiter(Character d) {
        return new ReadOptions(format, d, header, missing, kinds, lenient, sampleRows, query, progress, hints);
    }

    public ReadOptions withHeader(boolean h) {
        return new ReadOptions(format, delimiter, h, missing, kinds, lenient, sampleRows, query, progress, hints);
    }

    public ReadOptions withMissing(MissingMarkers m) {
        return new ReadOptions(format, delimiter, header, m, kinds, lenient, sampleRows, query, progress, hints);
    }

    /** Replaces all kind overrides. */
    public ReadOptions withKinds(Map<String, ColumnKind> k) {
        return new ReadOptions(format, delimiter, header, missing, k, lenient, sampleRows, query, progress, hints);
    }

    /** Adds (or replaces) one kind override. */
    public ReadOptions withKind(String column, ColumnKind kind) {
        Map<String, ColumnKind> k = new LinkedHashMap<>(kinds);
        k.put(column, kind);
        return withKinds(k);
    }

    public ReadOptions withLenient(boolean l) {
        return new ReadOptions(format, delimiter, header, missing, kinds, l, sampleRows, query, progress, hints);
    }

    public ReadOptions withSampleRows(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("sampleRows must be at least 1");
        }
        return new ReadOptions(format, delimiter, header, missing, kinds, lenient, n, query, progress, hints);
    }

    public ReadOptions withQuery(String q) {
        return new ReadOptions(format, delimiter, header, missing, kinds, lenient, sampleRows, q, progress, hints);
    }

    /**
     * Kinds to use for these columns <em>if the source has them</em> (a model's signature when scoring:
     * a missing column is reported by the signature check, with the model's words, not by the reader).
     * Explicit {@link #withKind} overrides win.
     */
    public ReadOptions withKindHints(Map<String, ColumnKind> k) {
        Map<String, ColumnKind> merged = new LinkedHashMap<>(k);
        java.util.Set<String> h = new java.util.HashSet<>(hints);
        for (String name : k.keySet()) {
            if (!kinds.containsKey(name)) {
                h.add(name);
            }
        }
        merged.putAll(kinds);
        return new ReadOptions(format, delimiter, header, missing, merged, lenient, sampleRows, query, progress, h);
    }

    /** Names in {@link #kinds()} that are hints, not demands (see {@link #withKindHints}). */
    public java.util.Set<String> hints() {
        return hints;
    }

    public ReadOptions withProgress(ProgressListener p) {
        return new ReadOptions(format, delimiter, header, missing, kinds, lenient, sampleRows, query,
                p == null ? ProgressListener.NONE : p, hints);
    }
}

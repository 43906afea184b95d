package dev.forja.core.ingest;

import dev.forja.core.ForjaException;
import java.util.Locale;

/** The data formats Forja reads. */
public enum DataFormat {
    CSV("csv"),
    ARFF("arff"),
    PARQUET("parquet"),
    JSON_LINES("jsonl"),
    JDBC("jdbc");

    private final String id;

    DataFormat(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /**
     * The format of a source: {@code jdbc:} URLs are JDBC; files go by extension, after a {@code .gz}
     * ({@code .csv .tsv .tab .txt .dat}, {@code .arff}, {@code .parquet .pq}, {@code .jsonl .ndjson .json}).
     */
    public static DataFormat detect(String source) {
        if (source.regionMatches(true, 0, "jdbc:", 0, 5)) {
            return JDBC;
        }
        String name = source.toLowerCase(Locale.ROOT);
        if (name.endsWith(".gz")) {
            name = name.substring(0, name.length() - 3);
        }
        int dot = name.lastIndexOf('.');
        String ext = dot < 0 ? "" : name.substring(dot + 1);
        switch (ext) {
            case "csv": case "tsv": case "tab": case "txt": case "dat":
                return CSV;
            case "arff":
                return ARFF;
            case "parquet": case "pq":
                return PARQUET;
            case "jsonl": case "ndjson": case "json":
                return JSON_LINES;
            default:
                throw new ForjaException("cannot tell the format of '" + source + "' from its name",
                        "pass --format csv|arff|parquet|jsonl, or use a jdbc: URL with --query");
        }
    }

    public static DataFormat parse(String word) {
        String w = word.trim().toLowerCase(Locale.ROOT);
        for (DataFormat f : values()) {
            if (f.id.equals(w)) {
                return f;
            }
        }
        if (w.equals("tsv")) {
            return CSV;
        }
        if (w.equals("ndjson") || w.equals("json")) {
            return JSON_LINES;
        }
        throw new ForjaException("unknown format '" + word + "'", "use one of csv, tsv, arff, parquet, jsonl, jdbc");
    }
}

package dev.forja.app.data;

import dev.forja.core.ForjaException;
import dev.forja.core.frame.ColumnKind;
import dev.forja.core.ingest.DataFormat;
import dev.forja.core.ingest.ReadOptions;
import dev.forja.core.schema.MissingMarkers;
import dev.forja.core.schema.Schema;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/** How to read the data a command works on; shared by every command that reads a dataset. */
public final class DataSourceOptions {
    @Option(names = "--format", paramLabel = "FORMAT",
            description = "csv, tsv, arff, parquet, jsonl or jdbc (default: from the file name; jdbc: URLs are jdbc).")
    String format;

    @Option(names = "--delimiter", paramLabel = "CHAR",
            description = "CSV field separator: a character, or tab/comma/semicolon/pipe (default: sniffed).")
    String delimiter;

    @Option(names = "--no-header", description = "The CSV's first line is data; columns are named c1, c2, ...")
    boolean noHeader;

    @Option(names = "--na", paramLabel = "MARKER",
            description = "An extra missing-value marker (repeatable). Always missing: empty, ?, NA, N/A, n/a, null, NULL, NaN, nan.")
    List<String> missingMarkers = new ArrayList<>();

    @Option(names = "--column", paramLabel = "NAME:KIND",
            description = "Declare a column's kind: numeric, categorical, text or datetime (repeatable; wins over --schema).")
    List<String> columnKinds = new ArrayList<>();

    @Option(names = "--schema", paramLabel = "FILE",
            description = "Column kinds from a JSON file: what 'forja schema --json' prints, or {\"col\": \"kind\", ...}.")
    Path schemaFile;

    @Option(names = "--lenient",
            description = "Skip ragged rows and read unparsable values as missing, and report how many, instead of failing.")
    boolean lenient;

    @Option(names = "--query", paramLabel = "SQL", description = "The query to run for a jdbc: source.")
    String query;

    @Option(names = "--sample-rows", paramLabel = "N", defaultValue = "10000",
            description = "Rows read to infer column kinds (default: ${DEFAULT-VALUE}).")
    int sampleRows;

    /** These flags as command-line arguments, for a command that hands the same data to another (tune's refit through train). */
    public List<String> asArguments() {
        List<String> a = new ArrayList<>();
        if (format != null) {
            a.addAll(List.of("--format", format));
        }
        if (delimiter != null) {
            a.addAll(List.of("--delimiter", delimiter));
        }
        if (noHeader) {
            a.add("--no-header");
        }
        missingMarkers.forEach(m -> a.addAll(List.of("--na", m)));
        columnKinds.forEach(c -> a.addAll(List.of("--column", c)));
        if (schemaFile != null) {
            a.addAll(List.of("--schema", schemaFile.toString()));
        }
        if (lenient) {
            a.add("--lenient");
        }
        if (query != null) {
            a.addAll(List.of("--query", query));
        }
        a.addAll(List.of("--sample-rows", Integer.toString(sampleRows)));
        return a;
    }

    /** The reader options these flags describe. */
    public ReadOptions toReadOptions() {
        ReadOptions options = ReadOptions.defaults()
                .withHeader(!noHeader)
                .withLenient(lenient)
                .withQuery(query)
                .withSampleRows(Math.max(1, sampleRows));
        if (format != null) {
            options = options.withFormat(DataFormat.parse(format));
            if (format.trim().equalsIgnoreCase("tsv") && delimiter == null) {
                options = options.withDelimiter('\t');
            }
        }
        if (delimiter != null) {
            options = options.withDelimiter(parseDelimiter(delimiter));
        }
        if (!missingMarkers.isEmpty()) {
            options = options.withMissing(MissingMarkers.withExtra(missingMarkers));
        }
        if (schemaFile != null) {
            options = options.withKinds(Schema.readOverrides(schemaFile));
        }
        for (String spec : columnKinds) {
            int colon = spec.lastIndexOf(':');
            if (colon <= 0 || colon == spec.length() - 1) {
                throw new ForjaException("--column '" + spec + "' is not NAME:KIND",
                        "write it like --column age:numeric (kinds: numeric, categorical, text, datetime)");
            }
            ColumnKind kind;
            try {
                kind = ColumnKind.parse(spec.substring(colon + 1));
            } catch (IllegalArgumentException e) {
                throw new ForjaException("--column '" + spec + "': " + e.getMessage(), "write it like --column age:numeric");
            }
            options = options.withKind(spec.substring(0, colon), kind);
        }
        return options;
    }

    static char parseDelimiter(String d) {
        Map<String, Character> named = Map.of("tab", '\t', "\\t", '\t', "comma", ',', "semicolon", ';', "pipe", '|', "space", ' ');
        Character c = named.get(d.toLowerCase(java.util.Locale.ROOT));
        if (c != null) {
            return c;
        }
        if (d.length() != 1 || d.charAt(0) == '"' || d.charAt(0) == '\n' || d.charAt(0) == '\r') {
            throw new ForjaException("--delimiter '" + d + "' is not a single separator character",
                    "use one character such as , ; | or the words tab, comma, semicolon, pipe, space");
        }
        return d.charAt(0);
    }
}

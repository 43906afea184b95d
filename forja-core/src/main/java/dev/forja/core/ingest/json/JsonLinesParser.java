package dev.forja.core.ingest.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.forja.core.frame.Column;
import dev.forja.core.frame.Frame;
import dev.forja.core.ingest.DataFiles;
import dev.forja.core.ingest.DataFormat;
import dev.forja.core.ingest.DataFormatException;
import dev.forja.core.ingest.Dataset;
import dev.forja.core.ingest.KindOverrides;
import dev.forja.core.ingest.ProgressMeter;
import dev.forja.core.ingest.ReadOptions;
import dev.forja.core.ingest.ReadReport;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads JSON lines ({@code .jsonl}, {@code .ndjson}; plain or gzip): one JSON object per record, the
 * records one after another (normally one per line; blank lines are fine). A file that is one JSON
 * array of objects ({@code [ {...}, {...} ]}, common for {@code .json}) is read the same way.
 *
 * <p>Columns are the union of the records' keys, in order of first appearance. A record without a key
 * has a missing value there, as does {@code null}: JSON writers routinely leave out null fields. Values:
 * numbers → numeric; booleans → categorical {@code true}/{@code false}; strings → kind inference over
 * all of the column's values, as for CSV cells (so ISO dates become datetime, and {@link
 * ReadOptions#missing()} markers such as {@code "NA"} are missing). Nested objects and arrays are kept
 * as their compact JSON text in a text column, with a note, rather than failing the read: the data is
 * all there, and flattening is the user's call. See {@link JsonColumn} for mixed columns.
 *
 * <p>Kinds are inferred from every value, not a sample, so {@link ReadOptions#sampleRows()} does not
 * apply. Invalid JSON and repeated keys in a record are errors located by line and column, even under
 * {@code --lenient} (after a syntax error a stream cannot tell where the next record starts). Under
 * {@code --lenient}, top-level values that are not objects are skipped and counted.
 */
public final class JsonLinesParser {
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    private static final ObjectMapper TREES = new ObjectMapper(FACTORY);
    private static final long EXACT_LIMIT = 1L << 53;

    private final Path file;
    private final String source;
    private final ReadOptions options;
    private final ReadReport.Builder report = new ReadReport.Builder();
    private final Map<String, JsonColumn> columns = new LinkedHashMap<>();
    private long[] rowLines = new long[1024];
    private int rows;
    private long skipped;
    private long firstSkippedLine;
    private JsonParser parser;

    private JsonLinesParser(Path file, String source, ReadOptions options) {
        this.file = file;
        this.source = source;
        this.options = options;
    }

    /** Reads {@code file}, naming it {@code source} in messages. */
    public static Dataset read(Path file, String source, ReadOptions options) {
        return new JsonLinesParser(file, source, options).read();
    }

    private Dataset read() {
        ProgressMeter meter = new ProgressMeter(options.progress(), "reading " + file.getFileName(), DataFiles.size(file));
        try (InputStream in = DataFiles.open(file, meter); JsonParser p = TREES.createParser(in)) {
            parser = p;
            JsonToken t = next();
            if (t == JsonToken.START_ARRAY) {
                while ((t = next()) != JsonToken.END_ARRAY) {
                    record(t);
                }
                if (next() != null) {
                    throw located(parser.currentTokenLocation(), "more data after the closing ']' of the top-level array",
                            "a .json file holds one array of objects; for one object per line use JSON lines");
                }
            } else {
                for (; t != null; t = next()) {
                    record(t);
                }
            }
        } catch (JsonProcessingException e) {
            // Syntax errors, repeated keys and bad UTF-8 (found when a string is decoded) alike.
            throw located(e.getLocation(), "invalid JSON: " + e.getOriginalMessage(),
                    "each record must be one JSON object such as {\"a\": 1, \"b\": \"x\"}; fix the record (repeated keys are not allowed)");
        } catch (IOException e) {
            throw DataFiles.readFailure(source, e);
        }
        meter.finish(DataFiles.size(file));
        KindOverrides.check(options, columns.keySet(), source);
        List<Column> built = new ArrayList<>(columns.size());
        long[] lines = rowLines;
        for (JsonColumn c : columns.values()) {
            built.add(c.build(rows, options.kinds().get(c.name()), options.missing(), source, row -> lines[row],
                    options.lenient(), report));
        }
        report.rowsRead(rows);
        if (skipped > 0) {
            report.note("skipped " + skipped + " top-level value" + (skipped == 1 ? "" : "s")
                    + " that were not JSON objects (--lenient); the first at line " + firstSkippedLine);
        }
        return new Dataset(source, DataFormat.JSON_LINES, Frame.of(built), report.build());
    }

    private JsonToken next() throws IOException {
        return parser.nextToken();
    }

    private void record(JsonToken t) throws IOException {
        long line = parser.currentTokenLocation().getLineNr();
        if (t != JsonToken.START_OBJECT) {
            if (!options.lenient()) {
                throw located(parser.currentTokenLocation(), "expected a JSON object {...} but found " + describe(t),
                        "write one object per record; pass --lenient to skip other values and count them");
            }
            parser.skipChildren();
            if (skipped++ == 0) {
                firstSkippedLine = line;
            }
            report.skipRow();
            return;
        }
        int row = rows;
        while (next() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            JsonColumn column = columns.computeIfAbsent(key, JsonColumn::new);
            JsonToken value = next();
            switch (value) {
                case VALUE_NUMBER_INT:
                    number(column, row, true);
                    break;
                case VALUE_NUMBER_FLOAT:
                    number(column, row, false);
                    break;
                case VALUE_STRING:
                    column.string(row, parser.getText());
                    break;
                case VALUE_TRUE:
                case VALUE_FALSE:
                    column.bool(row, value == JsonToken.VALUE_TRUE);
                    break;
                case VALUE_NULL:
                    break;
                case START_OBJECT:
                case START_ARRAY:
                    column.nested(row, TREES.readTree(parser).toString());
                    break;
                default:
                    throw located(parser.currentTokenLocation(), "unexpected " + describe(value) + " as the value of key '" + key + "'",
                            "fix the record");
            }
        }
        if (rows == rowLines.length) {
            rowLines = Arrays.copyOf(rowLines, rows * 2);
        }
        rowLines[rows++] = line;
    }

    private void number(JsonColumn column, int row, boolean integer) throws IOException {
        if (!integer) {
            column.number(row, parser.getDoubleValue());
            return;
        }
        // Integers beyond 2^53 can lose digits as doubles: count those that do, for the report. The exact
        // value is fetched first, as Jackson would otherwise derive it from the rounded double.
        double v;
        switch (parser.getNumberType()) {
            case INT:
                v = parser.getIntValue();
                break;
            case LONG: {
                long exact = parser.getLongValue();
                v = exact;
                if ((exact > EXACT_LIMIT || exact < -EXACT_LIMIT) && new BigDecimal(v).compareTo(BigDecimal.valueOf(exact)) != 0) {
                    column.roundedInteger();
                }
                break;
            }
            default: {
                BigInteger exact = parser.getBigIntegerValue();
                v = exact.doubleValue();
                if (Double.isInfinite(v) || new BigDecimal(v).toBigInteger().compareTo(exact) != 0) {
                    column.roundedInteger();
                }
                break;
            }
        }
        column.number(row, v);
    }

    private static String describe(JsonToken t) {
        if (t == null) {
            return "the end of the file";
        }
        switch (t) {
            case START_ARRAY:
                return "an array";
            case VALUE_STRING:
                return "a string";
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                return "a number";
            case VALUE_TRUE:
            case VALUE_FALSE:
                return "a boolean";
            case VALUE_NULL:
                return "null";
            case END_ARRAY:
                return "']'";
            case END_OBJECT:
                return "'}'";
            default:
                return t.asString() == null ? t.name() : "'" + t.asString() + "'";
        }
    }

    private DataFormatException located(JsonLocation at, String problem, String hint) {
        long line = at == null ? 0 : Math.max(0, at.getLineNr());
        int column = at == null ? 0 : Math.max(0, at.getColumnNr());
        return new DataFormatException(source, line, null, column, problem, hint);
    }
}

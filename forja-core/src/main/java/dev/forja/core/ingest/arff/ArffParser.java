package dev.forja.core.ingest.arff;

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
import dev.forja.core.ingest.UserMarkers;
import dev.forja.core.schema.MissingMarkers;
import dev.forja.core.schema.NumberSyntax;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads one ARFF file (plain or gzip) into a {@link Dataset}: the header first ({@link ArffHeader}),
 * then one instance per line, dense ({@code 5.1, 3.5, Iris-setosa}) or sparse
 * ({@code {0 5.1, 4 Iris-setosa}}, see {@link ArffColumn} for omitted values).
 *
 * <p>Missing values are the unquoted {@code ?} (a quoted {@code '?'} is the text "?"), and, for
 * numeric attributes, {@code NaN} (Weka stores missing as NaN). Of {@link ReadOptions#missing()}, only
 * markers the user added beyond the defaults apply (see {@link UserMarkers}); a nominal value that is
 * such a marker reads as missing and is not a level.
 *
 * <p>Instance weights ({@code {w}} after a row's values) are read and checked, then ignored, because
 * a {@link Frame} has no weights: the report notes how many rows had one. Under {@code --lenient}, rows
 * that do not fit the header (wrong number of values, bad sparse indices, stray braces) are skipped
 * and counted, and values that do not fit their attribute are read as missing and counted.
 */
public final class ArffParser {
    private final Path file;
    private final String source;
    private final ReadOptions options;
    private final MissingMarkers userMarkers;
    private final ReadReport.Builder report = new ReadReport.Builder();
    private final ArffColumn.Context ctx;
    private final List<ArffToken> tokens = new ArrayList<>();

    private ArffHeader header;
    private ArffColumn[] columns;
    private int[] sparseIndex = new int[0];
    private ArffToken[] sparseValue = new ArffToken[0];
    private long[] rowLines = new long[1024];
    private int rows;
    private long weighted;
    private long nonUnitWeights;
    private long skipped;
    private long firstSkippedLine;
    private String firstSkipReason;

    private ArffParser(Path file, String source, ReadOptions options) {
        this.file = file;
        this.source = source;
        this.options = options;
        this.userMarkers = UserMarkers.of(options.missing());
        this.ctx = new ArffColumn.Context(source, options.lenient(), report);
    }

    /** Reads {@code file}, naming it {@code source} in messages. */
    public static Dataset read(Path file, String source, ReadOptions options) {
        return new ArffParser(file, source, options).read();
    }

    private Dataset read() {
        ProgressMeter meter = new ProgressMeter(options.progress(), "reading " + file.getFileName(), DataFiles.size(file));
        long lineNo = 0;
        try (InputStream in = DataFiles.open(file, meter);
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                     .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)), 1 << 16)) {
            ArffHeader.Parser headerParser = new ArffHeader.Parser(source);
            String line;
            while ((line = readLine(reader, lineNo)) != null) {
                lineNo++;
                if (lineNo == 1 && !line.isEmpty() && line.charAt(0) == '\uFEFF') {
                    line = line.substring(1);
                }
                try {
                    ArffLexer.tokenize(line, tokens);
                } catch (ArffLexer.LexException e) {
                    if (header == null || !options.lenient()) {
                        throw new DataFormatException(source, lineNo, null, e.column, e.getMessage(),
                                "close the quote; inside a quoted value, write a quote of the same kind as \\' or \\\"");
                    }
                    skip(lineNo, e.getMessage());
                    continue;
                }
                if (tokens.isEmpty()) {
                    continue;
                }
                if (header == null) {
                    if (headerParser.accept(tokens, lineNo)) {
                        start(headerParser.build());
                    }
                } else {
                    row(lineNo);
                }
            }
        } catch (IOException e) {
            throw DataFiles.readFailure(source, e);
        }
        if (header == null) {
            throw new DataFormatException(source, lineNo, null, "no @data line: this is not a complete ARFF file",
                    "an ARFF file is a header (@relation, @attribute lines), then @data, then one row per line");
        }
        meter.finish(DataFiles.size(file));
        return new Dataset(source, DataFormat.ARFF, frame(), finishReport());
    }

    private String readLine(BufferedReader reader, long lineNo) throws IOException {
        try {
            return reader.readLine();
        } catch (CharacterCodingException e) {
            throw new DataFormatException(source, lineNo + 1, null, "the text is not valid UTF-8",
                    "save the file as UTF-8 (ARFF files are read as UTF-8)");
        }
    }

    private void start(ArffHeader h) {
        KindOverrides.check(options, h.names(), source);
        header = h;
        List<ArffAttribute> attrs = h.attributes();
        columns = new ArffColumn[attrs.size()];
        for (int i = 0; i < columns.length; i++) {
            ArffAttribute a = attrs.get(i);
            columns[i] = ArffColumn.create(a, options.kinds().get(a.name()), userMarkers, options.missing());
        }
        sparseIndex = new int[columns.length];
        sparseValue = new ArffToken[columns.length];
    }

    private void row(long line) {
        boolean ok = tokens.get(0).type() == ArffToken.Type.OPEN_BRACE ? sparseRow(line) : denseRow(line);
        if (!ok) {
            return;
        }
        if (rows == rowLines.length) {
            rowLines = Arrays.copyOf(rowLines, rows * 2);
        }
        rowLines[rows++] = line;
    }

    private boolean denseRow(long line) {
        int n = tokens.size();
        int values = 0;
        while (values < n && tokens.get(values).isValue()) {
            values++;
        }
        if (values < n && !weight(values, line)) {
            return false;
        }
        if (values != columns.length) {
            String problem = "the row has " + values + " value" + (values == 1 ? "" : "s") + " but the header declares "
                    + columns.length + " attributes";
            return rowProblem(line, 0, problem, "give one value per attribute, in declared order (? for a missing value)");
        }
        for (int a = 0; a < columns.length; a++) {
            push(a, tokens.get(a), line);
        }
        return true;
    }

    private boolean sparseRow(long line) {
        int n = tokens.size();
        int i = 1;
        int k = 0;
        int previous = -1;
        while (true) {
            if (i >= n) {
                return rowProblem(line, tokens.get(0).column(), "the sparse row is not closed with '}'",
                        "write a sparse row as {index value, index value, ...} on one line");
            }
            ArffToken t = tokens.get(i);
            if (t.type() == ArffToken.Type.CLOSE_BRACE) {
                i++;
                break;
            }
            int index = t.type() == ArffToken.Type.WORD ? parseIndex(t.text()) : -1;
            if (index < 0) {
                return rowProblem(line, t.column(), "expected an attribute index (0 to " + (columns.length - 1) + ") but found "
                        + t.shown(), "write a sparse row as {index value, index value, ...}, indices counting from 0");
            }
            if (index >= columns.length) {
                return rowProblem(line, t.column(), "attribute index " + index + " is out of range: the header declares "
                        + columns.length + " attributes (0 to " + (columns.length - 1) + ")", "fix the index");
            }
            if (index <= previous) {
                return rowProblem(line, t.column(), "attribute index " + index + " comes after index " + previous,
                        "list a sparse row's indices in increasing order, each once");
            }
            if (i + 1 >= n || !tokens.get(i + 1).isValue()) {
                return rowProblem(line, t.column(), "attribute index " + index + " has no value",
                        "write each entry as index value (? for a missing value)");
            }
            sparseIndex[k] = index;
            sparseValue[k] = tokens.get(i + 1);
            k++;
            previous = index;
            i += 2;
        }
        if (i < n && !weight(i, line)) {
            return false;
        }
        int p = 0;
        for (int a = 0; a < columns.length; a++) {
            if (p < k && sparseIndex[p] == a) {
                push(a, sparseValue[p], line);
                p++;
            } else {
                columns[a].addOmitted();
            }
        }
        return true;
    }

    private static int parseIndex(String s) {
        if (s.isEmpty() || s.length() > 9) {
            return -1;
        }
        int v = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    /** An instance weight {@code {w}} from token {@code i} to the end of the row; false if the row is skipped. */
    private boolean weight(int i, long line) {
        ArffToken t = tokens.get(i);
        if (t.type() != ArffToken.Type.OPEN_BRACE || i + 3 != tokens.size() || !tokens.get(i + 1).isValue()
                || tokens.get(i + 2).type() != ArffToken.Type.CLOSE_BRACE) {
            return rowProblem(line, t.column(), "unexpected " + t.shown() + " after the row's values",
                    "a row may end only with an instance weight such as {0.5}; quote values that hold braces");
        }
        ArffToken w = tokens.get(i + 1);
        if (!NumberSyntax.isNumber(w.text())) {
            return rowProblem(line, w.column(), "the instance weight " + w.shown() + " is not a number",
                    "write the weight as a number in braces, such as {0.5}");
        }
        weighted++;
        if (NumberSyntax.parse(w.text()) != 1.0) {
            nonUnitWeights++;
        }
        return true;
    }

    private void push(int attribute, ArffToken value, long line) {
        ArffColumn c = columns[attribute];
        if (value.isMissingMark() || userMarkers.isMissing(value.text())) {
            c.addMissing();
        } else {
            c.add(value.text(), line, value.column(), ctx);
        }
    }

    /** A row that does not fit the header: an error, or under {@code --lenient} a skipped, counted row. */
    private boolean rowProblem(long line, int charPosition, String problem, String hint) {
        if (!options.lenient()) {
            throw new DataFormatException(source, line, null, charPosition, problem,
                    hint + ", or pass --lenient to skip such rows and count them");
        }
        skip(line, problem);
        return false;
    }

    private void skip(long line, String reason) {
        report.skipRow();
        if (skipped++ == 0) {
            firstSkippedLine = line;
            firstSkipReason = reason;
        }
    }

    private Frame frame() {
        List<Column> built = new ArrayList<>(columns.length);
        long[] lines = rowLines;
        for (ArffColumn c : columns) {
            built.add(c.build(ctx, row -> lines[row]));
        }
        return Frame.of(built);
    }

    private ReadReport finishReport() {
        report.rowsRead(rows);
        if (skipped > 0) {
            report.note("skipped " + skipped + " row" + (skipped == 1 ? "" : "s") + " that did not fit the header (--lenient); the first, at line "
                    + firstSkippedLine + ": " + firstSkipReason);
        }
        if (weighted > 0) {
            report.note(weighted + " row" + (weighted == 1 ? " carries" : "s carry") + " an instance weight {w} (" + nonUnitWeights
                    + " other than 1); Forja does not use instance weights, so they were ignored");
        }
        return report.build();
    }
}

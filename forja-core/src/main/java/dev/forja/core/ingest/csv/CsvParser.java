package dev.forja.core.ingest.csv;

import dev.forja.core.ForjaException;
import dev.forja.core.frame.Column;
import dev.forja.core.frame.ColumnKind;
import dev.forja.core.frame.Frame;
import dev.forja.core.ingest.DataFormat;
import dev.forja.core.ingest.DataFormatException;
import dev.forja.core.ingest.Dataset;
import dev.forja.core.ingest.KindOverrides;
import dev.forja.core.ingest.ProgressMeter;
import dev.forja.core.ingest.ReadOptions;
import dev.forja.core.ingest.ReadReport;
import dev.forja.core.schema.KindSniffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Reads a CSV/TSV file into a {@link Dataset}: header, kind inference on a sample, then a parallel parse.
 *
 * <p>The parse splits the data at line ends into chunks and parses them concurrently. A chunk may
 * start inside a quoted field that spans lines; that cannot be known without reading everything before
 * it, so the split is speculative and then verified: chunk 0 starts on a record boundary, and chunk
 * {@code k+1} is accepted only if chunk {@code k} stopped exactly where it starts. Where that fails, the
 * rest of the file is parsed again from the true boundary. Errors found in parallel are reproduced by a
 * sequential parse so the message names the first bad line. Written by hand (rather than with a CSV
 * library) because the parse goes straight from bytes into typed columns without a {@code String} per
 * cell, which is where the time goes.
 */
public final class CsvParser {
    private static final int MIN_CHUNK = 1 << 21;

    private final Path file;
    private final String source;
    private final ReadOptions options;

    public CsvParser(Path file, String source, ReadOptions options) {
        this.file = file;
        this.source = source;
        this.options = options;
    }

    public Dataset read() {
        ProgressMeter loading = new ProgressMeter(options.progress(), "loading " + file.getFileName(), -1);
        CsvInput in = CsvInput.load(file, source, loading);
        if (in.blank()) {
            throw new ForjaException(source + " is empty", "a CSV file needs a header line and data lines");
        }
        byte[] b = in.bytes();
        byte delimiter = delimiter(in);
        int bad = Utf8Check.firstInvalid(b, in.start(), Math.min(in.end(), in.start() + (1 << 16)));
        if (bad >= 0) {
            throw Utf8Check.error(source, b, in.start(), bad);
        }

        ReadReport.Builder report = new ReadReport.Builder();
        CsvTokenizer tok = new CsvTokenizer(b, in.start(), in.end(), delimiter, 1, source);
        tok.next();
        String[] names;
        if (options.header()) {
            names = headerNames(tok, report);
        } else {
            names = new String[tok.count()];
            for (int c = 0; c < names.length; c++) {
                names[c] = "c" + (c + 1);
            }
            tok = new CsvTokenizer(b, in.start(), in.end(), delimiter, 1, source);
        }
        int dataStart = tok.position();
        long dataLine = tok.line();
        if (!options.header()) {
            dataStart = in.start();
            dataLine = 1;
        }
        KindOverrides.check(options, Arrays.asList(names), source);

        ColumnKind[] kinds = new ColumnKind[names.length];
        boolean[] declared = new boolean[names.length];
        KindSniffer[] sniffers = sniff(b, dataStart, in.end(), delimiter, dataLine, names.length);
        for (int c = 0; c < names.length; c++) {
            ColumnKind k = options.kinds().get(names[c]);
            declared[c] = k != null;
            kinds[c] = k != null ? k : sniffers[c].decide();
        }

        ProgressMeter parsing = new ProgressMeter(options.progress(), "reading " + file.getFileName(), in.end() - dataStart);
        while (true) {
            CsvLayout layout = new CsvLayout(source, delimiter, names, kinds.clone(), declared, options.missing(), options.lenient());
            try {
                Frame frame = parse(b, dataStart, in.end(), dataLine, layout, report, parsing);
                parsing.finish(in.end() - dataStart);
                report.rowsRead(frame.rowCount());
                return new Dataset(source, DataFormat.CSV, frame, report.build());
            } catch (KindConflict conflict) {
                int c = conflict.column;
                ColumnKind was = kinds[c];
                kinds[c] = sniffers[c].readsLikeProse() ? ColumnKind.TEXT : ColumnKind.CATEGORICAL;
                report.note(String.format(Locale.ROOT, "column '%s' looked %s in the first %d rows but line %d has '%s'; read as %s"
                        + " (declare it with --column to skip this second pass)", names[c], was.id(), options.sampleRows(),
                        conflict.line, ChunkParser.shorten(conflict.value), kinds[c].id()));
            }
        }
    }

    private byte delimiter(CsvInput in) {
        if (options.delimiter() != null) {
            char d = options.delimiter();
            if (d > 0x7f || d == '"' || d == '\n' || d == '\r') {
                throw new ForjaException("delimiter '" + d + "' cannot separate CSV fields", "use an ASCII character other than a quote or a line end");
            }
            return (byte) d;
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".tsv") || name.endsWith(".tab") || name.endsWith(".tsv.gz") || name.endsWith(".tab.gz")) {
            return '\t';
        }
        return DelimiterSniffer.sniff(in.bytes(), in.start(), in.end());
    }

    private String[] headerNames(CsvTokenizer tok, ReadReport.Builder report) {
        String[] names = new String[tok.count()];
        Set<String> seen = new HashSet<>();
        for (int c = 0; c < names.length; c++) {
            String name = new String(tok.buffer(c), tok.start(c), tok.end(c) - tok.start(c), StandardCharsets.UTF_8);
            if (name.isBlank()) {
                String renamed = "c" + (c + 1);
                report.note("column " + (c + 1) + " has no name in the header; named it '" + renamed + "'");
                name = renamed;
            }
            if (!seen.add(name)) {
                int k = 1;
                while (seen.contains(name + "." + k)) {
                    k++;
                }
                String renamed = name + "." + k;
                report.note("column " + (c + 1) + " repeats the name '" + name + "'; named it '" + renamed + "'");
                name = renamed;
                seen.add(name);
            }
            names[c] = name;
        }
        return names;
    }

    /** Kind inference over the first {@code sampleRows} well-formed records. */
    private KindSniffer[] sniff(byte[] b, int start, int end, byte delimiter, long line, int columns) {
        KindSniffer[] sniffers = new KindSniffer[columns];
        for (int c = 0; c < columns; c++) {
            sniffers[c] = new KindSniffer(options.missing());
        }
        CsvTokenizer tok = new CsvTokenizer(b, start, end, delimiter, line, source);
        int rows = 0;
        try {
            while (rows < options.sampleRows() && tok.next()) {
                if (tok.count() != columns || (tok.blank() && columns > 1)) {
                    continue;
                }
                for (int c = 0; c < columns; c++) {
                    sniffers[c].accept(new String(tok.buffer(c), tok.start(c), tok.end(c) - tok.start(c), StandardCharsets.UTF_8));
                }
                rows++;
            }
        } catch (DataFormatException e) {
            // The full parse reports it, with the same location.
        }
        return sniffers;
    }

    private static Frame parse(byte[] b, int start, int end, long firstLine, CsvLayout layout, ReadReport.Builder report, ProgressMeter progress) {
        int[] bounds = chunkBounds(b, start, end);
        int chunks = bounds.length - 1;
        ChunkParser.Result[] results = new ChunkParser.Result[chunks];
        RuntimeException[] failures = new RuntimeException[chunks];

        // Phase 1: validate the encoding and count line ends per chunk, which bounds each chunk's rows.
        int[] capacities = new int[chunks];
        IntStream.range(0, chunks).parallel().forEach(k -> {
            int bad = Utf8Check.firstInvalid(b, bounds[k], bounds[k + 1]);
            if (bad >= 0) {
                failures[k] = Utf8Check.error(layout.source(), b, start, bad);
            }
            long lines = LineEnds.count(b, bounds[k], bounds[k + 1]) + (k == chunks - 1 ? 1 : 0);
            capacities[k] = (int) Math.min(Integer.MAX_VALUE - 16, lines);
        });
        for (RuntimeException f : failures) {
            if (f != null) {
                throw f;
            }
        }
        long capacity = 0;
        for (int c : capacities) {
            capacity += c;
        }
        if (capacity > Integer.MAX_VALUE - 16) {
            throw new ForjaException(layout.source() + " has more lines than a frame can hold (" + capacity + ")", "split the file");
        }
        ColumnSink[][] sinks = new ColumnSink[layout.columns()][];
        for (int c = 0; c < layout.columns(); c++) {
            sinks[c] = ColumnSink.forChunks(layout.kinds()[c], layout.markers(), capacities);
        }

        // Phase 2: parse the chunks concurrently, each into its own sinks.
        long[] done = new long[1];
        IntStream.range(0, chunks).parallel().forEach(k -> {
            try {
                ColumnSink[] mine = new ColumnSink[layout.columns()];
                for (int c = 0; c < mine.length; c++) {
                    mine[c] = sinks[c][k];
                }
                results[k] = ChunkParser.parse(b, bounds[k], bounds[k + 1], end, k == 0 ? firstLine : 0, layout, mine);
                synchronized (done) {
                    done[0] += bounds[k + 1] - bounds[k];
                    progress.update(done[0]);
                }
            } catch (RuntimeException e) {
                failures[k] = e;
            }
        });
        for (int k = 0; k < chunks; k++) {
            if (failures[k] != null) {
                if (k == 0) {
                    throw failures[k];
                }
                // Lines in chunks after the first are relative: reproduce sequentially to report the
                // first failure in file order with its absolute line.
                ChunkParser.parse(b, start, end, end, firstLine, layout);
                throw failures[k];
            }
        }
        List<ChunkParser.Result> accepted = new ArrayList<>();
        long line = firstLine;
        for (int k = 0; k < chunks; k++) {
            accepted.add(results[k]);
            line += results[k].newlines;
            if (k + 1 < chunks && results[k].end != bounds[k + 1]) {
                // Chunk k+1 started inside a quoted field: parse the rest again from the true boundary.
                accepted.add(ChunkParser.parse(b, results[k].end, end, end, line, layout));
                break;
            }
        }
        long rows = 0;
        for (ChunkParser.Result r : accepted) {
            rows += r.rows;
        }
        if (rows > Integer.MAX_VALUE - 16) {
            throw new ForjaException(layout.source() + " has more rows than a frame can hold (" + rows + ")", "split the file");
        }
        long skipped = 0;
        long blank = 0;
        long[] coerced = new long[layout.columns()];
        for (ChunkParser.Result r : accepted) {
            skipped += r.raggedSkipped;
            blank += r.blankLines;
            for (int c = 0; c < coerced.length; c++) {
                coerced[c] += r.coerced[c];
            }
        }
        for (long s = 0; s < skipped; s++) {
            report.skipRow();
        }
        if (skipped > 0) {
            report.note(skipped + " row(s) with the wrong number of fields were skipped (--lenient)");
        }
        if (blank > 0) {
            report.note(blank + " blank line(s) were skipped");
        }
        List<Column> columns = new ArrayList<>(layout.columns());
        for (int c = 0; c < layout.columns(); c++) {
            for (long k = 0; k < coerced[c]; k++) {
                report.coerced(layout.names()[c]);
            }
            List<ColumnSink> parts = new ArrayList<>(accepted.size());
            for (ChunkParser.Result r : accepted) {
                parts.add(r.sinks[c]);
            }
            columns.add(ColumnSink.join(layout.names()[c], layout.kinds()[c], parts));
        }
        return Frame.of(columns);
    }

    /** Chunk starts: {@code start}, then the byte after a line end near each multiple of the chunk size, then {@code end}. */
    private static int[] chunkBounds(byte[] b, int start, int end) {
        int threads = Runtime.getRuntime().availableProcessors();
        long length = end - start;
        if (threads == 1 || length < 2L * MIN_CHUNK) {
            return new int[] {start, end};
        }
        long size = Math.max(MIN_CHUNK, length / (threads * 4L));
        List<Integer> bounds = new ArrayList<>();
        bounds.add(start);
        long next = start + size;
        while (next < end) {
            int i = (int) next;
            while (i < end && b[i - 1] != '\n') {
                i++;
            }
            if (i >= end) {
                break;
            }
            bounds.add(i);
            next = (long) i + size;
        }
        bounds.add(end);
        return bounds.stream().mapToInt(Integer::intValue).toArray();
    }
}

package dev.forja.core.profile;

import dev.forja.core.frame.Column;
import dev.forja.core.frame.Frame;
import dev.forja.core.ingest.DataFormat;
import dev.forja.core.ingest.DataReaders;
import dev.forja.core.ingest.Dataset;
import dev.forja.core.ingest.ReadReport;
import dev.forja.core.ingest.TextCells;
import dev.forja.core.schema.MissingMarkers;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Reads the example datasets for the profiler's tests through {@link DataReaders}. While the CSV reader
 * is still the placeholder that throws {@link UnsupportedOperationException} (it is written on another
 * branch), the files are read here instead: RFC 4180 fields, then the shared {@link TextCells} inference
 * and column building over every value, which is what the reader is specified to do. Once the reader
 * lands this fallback is never taken and can be deleted.
 */
final class ExampleData {
    private ExampleData() {
    }

    /** The repository root: tests run in the module directory. */
    static Path repository() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.isDirectory(p.resolve("examples/data"))) {
            p = p.getParent();
        }
        if (p == null) {
            throw new IllegalStateException("no examples/data above " + Path.of("").toAbsolutePath());
        }
        return p;
    }

    static Dataset read(Path file) {
        try {
            return DataReaders.read(file.toString());
        } catch (UnsupportedOperationException placeholderReader) {
            return readCsv(file);
        }
    }

    private static Dataset readCsv(Path file) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            if (file.toString().endsWith(".gz")) {
                bytes = new GZIPInputStream(new ByteArrayInputStream(bytes)).readAllBytes();
            }
            List<List<String>> records = records(new String(bytes, StandardCharsets.UTF_8));
            List<String> header = records.get(0);
            List<Column> columns = new ArrayList<>();
            MissingMarkers markers = MissingMarkers.defaults();
            ReadReport.Builder report = new ReadReport.Builder();
            for (int j = 0; j < header.size(); j++) {
                TextCells cells = new TextCells(header.get(j));
                for (int r = 1; r < records.size(); r++) {
                    cells.add(records.get(r).get(j));
                }
                columns.add(cells.build(cells.inferKind(markers), markers, file.toString(), row -> row + 2, false, report));
            }
            return new Dataset(file.toString(), DataFormat.CSV, Frame.of(columns), report.build());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** RFC 4180: comma-separated fields, double quotes around fields with commas, quotes or line breaks. */
    private static List<List<String>> records(String text) {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                record.add(field.toString());
                field.setLength(0);
            } else if (c == '\n') {
                record.add(field.toString());
                field.setLength(0);
                records.add(record);
                record = new ArrayList<>();
            } else if (c != '\r') {
                field.append(c);
            }
        }
        if (field.length() > 0 || !record.isEmpty()) {
            record.add(field.toString());
            records.add(record);
        }
        return records;
    }
}

package dev.forja.core.ingest;

import dev.forja.core.ingest.csv.CsvParser;
import java.nio.file.Path;

/**
 * CSV and TSV files, plain or gzip: see {@link CsvParser} for the rules (delimiter sniffing, RFC 4180
 * quotes, UTF-8 with or without BOM, inference on a sample, a parallel parse).
 */
public final class CsvReader implements DataReader {
    @Override
    public Dataset read(String source, ReadOptions options) {
        return new CsvParser(Path.of(source), source, options).read();
    }
}

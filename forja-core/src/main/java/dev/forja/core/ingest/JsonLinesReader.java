package dev.forja.core.ingest;

import dev.forja.core.ingest.json.JsonLinesParser;
import java.nio.file.Path;

/**
 * Reads JSON lines ({@code .jsonl}, {@code .ndjson}, {@code .json}; also gzip): one object per record,
 * columns from the union of keys, a top-level array of objects accepted too. The rules for kinds,
 * missing values and nested values are documented on {@link JsonLinesParser}.
 */
public final class JsonLinesReader implements DataReader {
    @Override
    public Dataset read(String source, ReadOptions options) {
        return JsonLinesParser.read(Path.of(source), source, options);
    }
}

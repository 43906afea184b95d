package dev.forja.core.ingest;

/** Placeholder until the reader lands; replaced wholesale by its implementation. */
public final class JdbcReader implements DataReader {
    @Override
    public Dataset read(String source, ReadOptions options) {
        throw new UnsupportedOperationException("JdbcReader is not implemented yet");
    }
}

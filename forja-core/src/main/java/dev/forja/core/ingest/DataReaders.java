package dev.forja.core.ingest;

import dev.forja.core.ForjaException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The one entry point for reading data: picks the reader for the source's format. */
public final class DataReaders {
    private DataReaders() {
    }

    /** The reader for a format. */
    public static DataReader forFormat(DataFormat format) {
        switch (format) {
            case CSV:
                return new CsvReader();
            case ARFF:
                return new ArffReader();
            case PARQUET:
                return new ParquetReader();
            case JSON_LINES:
                return new JsonLinesReader();
            case JDBC:
                return new JdbcReader();
            default:
                throw new IllegalStateException("no reader for " + format);
        }
    }

    /**
     * Reads {@code source} (a file, or a {@code jdbc:} URL with {@link ReadOptions#query()}), with the
     * format from the options or else detected from the name.
     */
    public static Dataset read(String source, ReadOptions options) {
        DataFormat format = options.format() != null ? options.format() : DataFormat.detect(source);
        if (format != DataFormat.JDBC) {
            Path p = Path.of(source);
            if (!Files.exists(p)) {
                throw new ForjaException("no such file: " + source, "check the path (relative paths start from the current directory)");
            }
            if (Files.isDirectory(p)) {
                throw new ForjaException(source + " is a directory, not a data file", "name one file");
            }
        }
        return forFormat(format).read(source, options);
    }

    /** Reads with default options. */
    public static Dataset read(String source) {
        return read(source, ReadOptions.defaults());
    }
}

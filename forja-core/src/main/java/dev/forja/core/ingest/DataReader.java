package dev.forja.core.ingest;

/** Reads one format into a {@link Dataset}. */
public interface DataReader {
    /**
     * @param source a file path, or a {@code jdbc:} URL for {@link DataFormat#JDBC}
     * @throws DataFormatException      for bad data, located by line and column
     * @throws dev.forja.core.ForjaException for other problems a user can fix (missing file, bad option)
     */
    Dataset read(String source, ReadOptions options);
}

package dev.forja.core.ingest.csv;

import dev.forja.core.ForjaException;
import dev.forja.core.ingest.DataFiles;
import dev.forja.core.ingest.ProgressMeter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A CSV file's bytes in memory (gunzipped when the file is gzip), with the UTF-8 byte-order mark
 * skipped. Holding the whole file lets chunks be parsed in parallel and re-read cheaply when a column's
 * kind has to be re-decided; the cost is the file's size in heap, and a 2 GiB limit per file.
 */
record CsvInput(byte[] bytes, int start, int end) {
    private static final int LIMIT = Integer.MAX_VALUE - 64;

    static CsvInput load(Path file, String source, ProgressMeter meter) {
        long size = DataFiles.size(file);
        byte[] b;
        try {
            if (isGzip(file)) {
                try (InputStream in = DataFiles.open(file, meter)) {
                    b = in.readNBytes(LIMIT);
                    if (in.read() >= 0) {
                        throw tooLarge(source);
                    }
                }
            } else {
                if (size > LIMIT) {
                    throw tooLarge(source);
                }
                b = Files.readAllBytes(file);
                meter.update(b.length);
            }
        } catch (IOException e) {
            throw DataFiles.readFailure(source, e);
        } catch (OutOfMemoryError e) {
            throw new ForjaException("not enough memory to read " + source + " (" + size + " bytes)",
                    "give Java more heap, e.g. FORJA_JAVA_OPTS=-Xmx8g");
        }
        int start = b.length >= 3 && (b[0] & 0xff) == 0xEF && (b[1] & 0xff) == 0xBB && (b[2] & 0xff) == 0xBF ? 3 : 0;
        return new CsvInput(b, start, b.length);
    }

    private static boolean isGzip(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.read() == 0x1f && in.read() == 0x8b;
        }
    }

    private static ForjaException tooLarge(String source) {
        return new ForjaException(source + " is larger than 2 GiB, which the CSV reader cannot hold in one piece",
                "split the file, or convert it to Parquet (read in columns, with no such limit)");
    }

    /** True if there is nothing but blanks and line ends. */
    boolean blank() {
        for (int i = start; i < end; i++) {
            byte c = bytes[i];
            if (c != ' ' && c != '\t' && c != '\r' && c != '\n') {
                return false;
            }
        }
        return true;
    }
}

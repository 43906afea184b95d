package dev.forja.core.ingest;

import dev.forja.core.ForjaException;
import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Opens data files for the stream readers (ARFF, JSON lines): gzip is recognised by its magic bytes,
 * whatever the name, and progress is counted in bytes of the file as stored (compressed bytes for a
 * {@code .gz}), so the total is known up front.
 */
public final class DataFiles {
    private static final int BUFFER = 1 << 16;

    private DataFiles() {
    }

    /**
     * The file's bytes, decompressed if it is gzip. Progress is reported to {@code meter}, whose total
     * should be {@link #size(Path)}.
     *
     * @throws ForjaException if the file cannot be opened
     */
    public static InputStream open(Path file, ProgressMeter meter) {
        try {
            InputStream raw = new CountingStream(Files.newInputStream(file), meter);
            BufferedInputStream in = new BufferedInputStream(raw, BUFFER);
            in.mark(2);
            int b0 = in.read();
            int b1 = in.read();
            in.reset();
            if (b0 == 0x1f && b1 == 0x8b) {
                return new BufferedInputStream(new GZIPInputStream(in, BUFFER), BUFFER);
            }
            return in;
        } catch (IOException e) {
            throw new ForjaException("cannot read " + file + ": " + e.getMessage(),
                    "check that the file exists and is readable (a .gz file must be valid gzip)", e);
        }
    }

    /** The file's size in bytes, or {@code -1} if it cannot be told. */
    public static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return -1;
        }
    }

    /** The exception for an I/O failure in the middle of a read (a truncated .gz, a vanished disk). */
    public static ForjaException readFailure(String source, IOException e) {
        return new ForjaException("cannot read " + source + ": " + e.getMessage(),
                "check that the file is complete (a truncated .gz fails like this) and readable", e);
    }

    /** Counts the bytes read from the file itself and reports them as progress. */
    private static final class CountingStream extends FilterInputStream {
        private final ProgressMeter meter;
        private long count;

        CountingStream(InputStream in, ProgressMeter meter) {
            super(in);
            this.meter = meter;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                meter.update(++count);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
                meter.update(count);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long s = super.skip(n);
            count += s;
            meter.update(count);
            return s;
        }
    }
}

package dev.forja.core.ingest;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import dev.forja.core.ProgressListener;

/** Small files for reader tests, and the repository's example data. */
public final class TestFiles {
    private TestFiles() {
    }

    public static Path write(Path dir, String name, String content) {
        try {
            return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Path writeGzip(Path dir, String name, String content) {
        Path p = dir.resolve(name);
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(p))) {
            out.write(content.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    /** The repository's {@code examples/data} directory (tests run in the module directory). */
    public static Path examples() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            Path candidate = dir.resolve("examples").resolve("data");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("examples/data not found above " + Path.of("").toAbsolutePath());
    }

    /** A test resource file under {@code src/test/resources}. */
    public static Path resource(String name) {
        try {
            return Path.of(TestFiles.class.getResource("/" + name).toURI());
        } catch (Exception e) {
            throw new IllegalStateException("no test resource " + name, e);
        }
    }

    /** Records progress updates. */
    public static final class Updates implements ProgressListener {
        public final List<long[]> seen = new ArrayList<>();

        @Override
        public void update(String stage, long done, long total) {
            seen.add(new long[] {done, total});
        }

        public long[] last() {
            return seen.get(seen.size() - 1);
        }
    }
}

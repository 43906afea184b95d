package dev.forja.core.profile;

import dev.forja.core.ingest.DataReaders;
import dev.forja.core.ingest.Dataset;
import java.nio.file.Files;
import java.nio.file.Path;

/** The example datasets, read the way {@code forja profile} reads them. */
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
        return DataReaders.read(file.toString());
    }
}

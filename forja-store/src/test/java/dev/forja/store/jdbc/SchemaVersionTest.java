package dev.forja.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class SchemaVersionTest {
    @Test
    void theSchemaVersionIsTheNewestMigrationFile() throws Exception {
        Path dir = Path.of(migrations());
        int newest;
        try (Stream<Path> files = Files.list(dir)) {
            newest = files.map(p -> p.getFileName().toString()).filter(n -> n.matches("V\\d+__.+\\.sql"))
                    .mapToInt(n -> Integer.parseInt(n.substring(1, n.indexOf("__")))).max().orElse(0);
        }
        assertThat(Database.SCHEMA_VERSION).as("Database.SCHEMA_VERSION must name the newest migration, or new ones are skipped")
                .isEqualTo(newest);
    }

    private static java.net.URI migrations() throws URISyntaxException {
        return SchemaVersionTest.class.getResource("/db/migration").toURI();
    }
}

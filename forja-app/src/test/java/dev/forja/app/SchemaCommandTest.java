package dev.forja.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchemaCommandTest {
    private static final Path ROOT = Path.of(System.getProperty("forja.root", "..")).toAbsolutePath().normalize();

    @TempDir
    Path dir;

    @Test
    void printsKindsFingerprintAndReadReport() {
        CliRun run = CliRun.of("schema", ROOT.resolve("examples/data/auto_mpg.csv").toString(), "--json");
        assertThat(run.exitCode()).as(run.stderr()).isZero();
        JsonNode doc = run.json();
        assertThat(doc.path("rows").asInt()).isEqualTo(398);
        assertThat(doc.path("columns").get(3).path("name").asText()).isEqualTo("horsepower");
        assertThat(doc.path("columns").get(3).path("kind").asText()).isEqualTo("numeric");
        assertThat(doc.path("read").path("rows_read").asInt()).isEqualTo(398);
        assertThat(doc.path("fingerprint").asText()).matches("sha256:[0-9a-f]{64}");
    }

    @Test
    void aWrittenSchemaReadsBackAsDeclaredKinds() throws Exception {
        Path schema = dir.resolve("titanic.schema.json");
        String data = ROOT.resolve("examples/data/titanic.csv").toString();
        assertThat(CliRun.of("schema", data, "--out", schema.toString()).exitCode()).isZero();
        String edited = java.nio.file.Files.readString(schema).replace("{\n    \"name\" : \"Pclass\",\n    \"kind\" : \"numeric\"",
                "{\n    \"name\" : \"Pclass\",\n    \"kind\" : \"categorical\"");
        java.nio.file.Files.writeString(schema, edited);
        JsonNode doc = CliRun.of("schema", data, "--schema", schema.toString(), "--json").json();
        assertThat(doc.path("columns").get(2).path("kind").asText()).isEqualTo("categorical");
        assertThat(doc.path("columns").get(5).path("kind").asText()).isEqualTo("numeric");
    }
}

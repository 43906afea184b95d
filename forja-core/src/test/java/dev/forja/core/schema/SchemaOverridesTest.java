package dev.forja.core.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.forja.core.ForjaException;
import dev.forja.core.frame.ColumnKind;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchemaOverridesTest {
    @TempDir
    Path dir;

    private Path file(String json) throws Exception {
        return Files.writeString(dir.resolve("schema.json"), json);
    }

    @Test
    void readsTheFullFormThatSchemaCommandPrints() throws Exception {
        Path f = file("{\"source\":\"x.csv\",\"rows\":3,\"columns\":[{\"name\":\"Pclass\",\"kind\":\"categorical\"},{\"name\":\"Age\",\"kind\":\"numeric\"}]}");
        assertThat(Schema.readOverrides(f)).containsExactly(
                java.util.Map.entry("Pclass", ColumnKind.CATEGORICAL), java.util.Map.entry("Age", ColumnKind.NUMERIC));
    }

    @Test
    void readsTheShortForm() throws Exception {
        assertThat(Schema.readOverrides(file("{\"Ticket\":\"text\",\"dteday\":\"date\"}")))
                .containsEntry("Ticket", ColumnKind.TEXT).containsEntry("dteday", ColumnKind.DATETIME);
    }

    @Test
    void anUnknownKindNamesTheFileAndTheColumn() throws Exception {
        Path f = file("{\"Age\":\"int64\"}");
        assertThatThrownBy(() -> Schema.readOverrides(f)).isInstanceOf(ForjaException.class)
                .hasMessageContaining("schema.json").hasMessageContaining("'Age'").hasMessageContaining("int64");
    }

    @Test
    void malformedJsonIsAForjaErrorWithAnExample() throws Exception {
        Path f = file("{\"Age\": numeric}");
        assertThatThrownBy(() -> Schema.readOverrides(f)).isInstanceOf(ForjaException.class)
                .hasMessageContaining("cannot read schema file")
                .satisfies(e -> assertThat(((ForjaException) e).hint()).contains("\"age\":\"numeric\""));
    }

    @Test
    void anEntryWithoutAKindSaysWhichEntry() throws Exception {
        Path f = file("{\"columns\":[{\"name\":\"a\",\"kind\":\"numeric\"},{\"name\":\"b\"}]}");
        assertThatThrownBy(() -> Schema.readOverrides(f)).hasMessageContaining("columns[1]");
    }
}

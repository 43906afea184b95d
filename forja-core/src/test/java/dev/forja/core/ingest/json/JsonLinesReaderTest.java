package dev.forja.core.ingest.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.forja.core.ForjaException;
import dev.forja.core.frame.ColumnKind;
import dev.forja.core.frame.Frame;
import dev.forja.core.ingest.DataFormat;
import dev.forja.core.ingest.DataFormatException;
import dev.forja.core.ingest.DataReaders;
import dev.forja.core.ingest.Dataset;
import dev.forja.core.ingest.JsonLinesReader;
import dev.forja.core.ingest.ReadOptions;
import dev.forja.core.ingest.TestFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonLinesReaderTest {
    @TempDir
    Path dir;

    private Dataset read(String content) {
        return read("t.jsonl", content, ReadOptions.defaults());
    }

    private Dataset read(String name, String content, ReadOptions options) {
        Path p = TestFiles.write(dir, name, content);
        return new JsonLinesReader().read(p.toString(), options);
    }

    private DataFormatException failure(String content, ReadOptions options) {
        Path p = TestFiles.write(dir, "t.jsonl", content);
        try {
            new JsonLinesReader().read(p.toString(), options);
        } catch (DataFormatException e) {
            assertThat(e.getMessage()).startsWith(p.toString());
            return e;
        }
        throw new AssertionError("expected a DataFormatException");
    }

    private DataFormatException failure(String content) {
        return failure(content, ReadOptions.defaults());
    }

    @Test
    void columnsAreTheUnionOfKeysInFirstAppearanceOrder() {
        Frame f = read("{\"a\": 1, \"b\": \"x\"}\n{\"c\": true, \"a\": 2}\n{\"b\": \"y\"}\n").frame();
        assertThat(f.columnNames()).containsExactly("a", "b", "c");
        assertThat(f.rowCount()).isEqualTo(3);
        assertThat(f.numeric("a").isMissing(2)).isTrue();
        assertThat(f.categorical("b").isMissing(1)).isTrue();
        assertThat(f.categorical("c").isMissing(0)).isTrue();
        assertThat(f.categorical("c").get(1)).isEqualTo("true");
    }

    @Test
    void numbersBooleansAndNullsMapToKinds() {
        Dataset d = read("{\"n\": 1.5, \"i\": -3, \"b\": false, \"z\": null}\n{\"n\": 2e3, \"i\": 7, \"b\": true, \"z\": null}\n");
        Frame f = d.frame();
        assertThat(f.numeric("n").toArray()).containsExactly(1.5, 2000);
        assertThat(f.numeric("i").toArray()).containsExactly(-3, 7);
        assertThat(f.categorical("b").levels()).containsExactly("false", "true");
        assertThat(f.column("z").kind()).isEqualTo(ColumnKind.NUMERIC);
        assertThat(f.column("z").missingCount()).isEqualTo(2);
        assertThat(d.report().rowsRead()).isEqualTo(2);
        assertThat(d.report().notes()).isEmpty();
    }

    @Test
    void stringsGoThroughKindInference() {
        Frame f = read(String.join("\n",
                "{\"day\": \"2011-01-02\", \"code\": \"12\", \"grade\": \"A\", \"note\": \"NA\"}",
                "{\"day\": \"2011-01-03\", \"code\": \"NA\", \"grade\": \"B\", \"note\": \"the quick brown fox jumps\"}",
                "")).frame();
        assertThat(f.column("day").kind()).isEqualTo(ColumnKind.DATETIME);
        assertThat(f.datetime("day").millis(0)).isEqualTo(14_976L * 86_400_000L);
        assertThat(f.column("code").kind()).isEqualTo(ColumnKind.NUMERIC);
        assertThat(f.numeric("code").get(0)).isEqualTo(12.0);
        assertThat(f.numeric("code").isMissing(1)).isTrue();
        assertThat(f.column("grade").kind()).isEqualTo(ColumnKind.CATEGORICAL);
        assertThat(f.column("note").kind()).isEqualTo(ColumnKind.TEXT);
        assertThat(f.text("note").isMissing(0)).isTrue();
    }

    @Test
    void nestedValuesAreKeptAsJsonTextWithANote() {
        Dataset d = read("{\"id\": 1, \"tags\": [\"a\", \"b\"]}\n{\"id\": 2, \"tags\": {\"x\": 1}}\n{\"id\": 3}\n");
        Frame f = d.frame();
        assertThat(f.column("tags").kind()).isEqualTo(ColumnKind.TEXT);
        assertThat(f.text("tags").get(0)).isEqualTo("[\"a\",\"b\"]");
        assertThat(f.text("tags").get(1)).isEqualTo("{\"x\":1}");
        assertThat(f.text("tags").isMissing(2)).isTrue();
        assertThat(f.numeric("id").toArray()).containsExactly(1, 2, 3);
        assertThat(d.report().notes()).singleElement().satisfies(n -> assertThat(n).contains("'tags'").contains("2 values are nested"));
    }

    @Test
    void mixedNumbersAndStringsAreInferredFromTheirTextWithANote() {
        Dataset d = read("{\"v\": 1}\n{\"v\": \"x\"}\n{\"v\": 2.50}\n");
        assertThat(d.frame().categorical("v").levels()).containsExactly("1", "x", "2.5");
        assertThat(d.report().notes()).singleElement().satisfies(n -> assertThat(n).contains("mixes JSON numbers (2) and strings (1)"));
        Dataset numeric = read("{\"v\": 1}\n{\"v\": \"NA\"}\n{\"v\": \"2.5\"}\n");
        assertThat(numeric.frame().numeric("v").toArray()).containsExactly(1.0, Double.NaN, 2.5);
    }

    @Test
    void invalidJsonIsLocatedByLineAndColumn() {
        DataFormatException e = failure("{\"a\": 1}\n{\"a\": 2,, \"b\": 3}\n");
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.charPosition()).isEqualTo(9);
        assertThat(e.getMessage()).contains(":2:9: invalid JSON");
    }

    @Test
    void repeatedKeysAreAnError() {
        DataFormatException e = failure("{\"a\": 1}\n{\"a\": 2, \"a\": 3}\n");
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.getMessage()).contains("Duplicate field 'a'");
    }

    @Test
    void blankLinesAndWindowsLineEndsAreFine() {
        Dataset d = read("\r\n{\"a\": 1}\r\n\r\n   \n{\"a\": 2}\r\n\n");
        assertThat(d.frame().numeric("a").toArray()).containsExactly(1, 2);
    }

    @Test
    void aTopLevelArrayOfObjectsIsReadToo() {
        Dataset d = read("t.json", "[\n  {\"a\": 1, \"b\": \"x\"},\n  {\"a\": 2}\n]\n", ReadOptions.defaults());
        assertThat(d.frame().numeric("a").toArray()).containsExactly(1, 2);
        assertThat(d.frame().categorical("b").isMissing(1)).isTrue();
        Path p = TestFiles.write(dir, "extra.json", "[{\"a\": 1}] {\"a\": 2}");
        assertThatThrownBy(() -> new JsonLinesReader().read(p.toString(), ReadOptions.defaults()))
                .isInstanceOf(DataFormatException.class).hasMessageContaining(":1:12:").hasMessageContaining("after the closing ']'");
    }

    @Test
    void aRecordThatIsNotAnObjectIsAnErrorOrSkippedWhenLenient() {
        DataFormatException e = failure("{\"a\": 1}\n[1, 2]\n");
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.getMessage()).contains("expected a JSON object {...} but found an array");
        Dataset d = read("t.jsonl", "{\"a\": 1}\n[1, 2]\n42\n{\"a\": 3}\n", ReadOptions.defaults().withLenient(true));
        assertThat(d.frame().numeric("a").toArray()).containsExactly(1, 3);
        assertThat(d.report().rowsSkipped()).isEqualTo(2);
        assertThat(d.report().notes()).anySatisfy(n -> assertThat(n).contains("skipped 2").contains("line 2"));
    }

    @Test
    void gzipIsRead() {
        Path p = TestFiles.writeGzip(dir, "t.ndjson.gz", "{\"a\": 1}\n{\"a\": 2}\n");
        Dataset d = DataReaders.read(p.toString());
        assertThat(d.format()).isEqualTo(DataFormat.JSON_LINES);
        assertThat(d.frame().numeric("a").toArray()).containsExactly(1, 2);
    }

    @Test
    void kindOverridesApplyAndUnknownNamesAreListed() {
        ReadOptions o = ReadOptions.defaults().withKind("code", ColumnKind.CATEGORICAL).withKind("day", ColumnKind.TEXT);
        Frame f = read("t.jsonl", "{\"code\": 3, \"day\": \"2011-01-02\"}\n{\"code\": 1.5, \"day\": null}\n", o).frame();
        assertThat(f.categorical("code").levels()).containsExactly("3", "1.5");
        assertThat(f.text("day").get(0)).isEqualTo("2011-01-02");
        assertThatThrownBy(() -> read("t.jsonl", "{\"code\": 3}\n", ReadOptions.defaults().withKind("cod", ColumnKind.TEXT)))
                .isInstanceOf(ForjaException.class).hasMessageContaining("no column 'cod'").hasMessageContaining("'code'");
    }

    @Test
    void aValueThatDoesNotFitAnOverrideNamesItsLineAndColumn() {
        ReadOptions o = ReadOptions.defaults().withKind("v", ColumnKind.NUMERIC);
        DataFormatException e = failure("{\"v\": 1}\n\n{\"v\": \"x\"}\n", o);
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.column()).isEqualTo("'v'");
        assertThat(e.getMessage()).contains("'x' is not a numeric value");
        Dataset d = read("t.jsonl", "{\"v\": 1}\n\n{\"v\": \"x\"}\n", o.withLenient(true));
        assertThat(d.frame().numeric("v").isMissing(1)).isTrue();
        assertThat(d.report().coercedToMissing()).containsEntry("v", 1L);
    }

    @Test
    void integersBeyondTwoToThe53AreNoted() {
        Dataset d = read("{\"id\": 9007199254740993}\n{\"id\": 9007199254740992}\n{\"id\": 123456789012345678901234567890}\n");
        assertThat(d.frame().numeric("id").get(1)).isEqualTo(9007199254740992.0);
        assertThat(d.report().notes()).singleElement().satisfies(n -> assertThat(n).contains("'id'").contains("2 integers beyond 2^53"));
    }

    @Test
    void anEmptyFileIsAnEmptyFrame() {
        Dataset d = read("\n\n");
        assertThat(d.frame().rowCount()).isZero();
        assertThat(d.frame().columnCount()).isZero();
    }

    @Test
    void emptyObjectsAreRowsOfMissingValues() {
        Frame f = read("{}\n{\"a\": 1}\n").frame();
        assertThat(f.rowCount()).isEqualTo(2);
        assertThat(f.numeric("a").isMissing(0)).isTrue();
    }

    @Test
    void progressEndsAtTheFileSize() throws Exception {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 20_000; i++) {
            sb.append("{\"i\": ").append(i).append(", \"s\": \"v").append(i % 7).append("\"}\n");
        }
        Path p = TestFiles.write(dir, "big.jsonl", sb.toString());
        TestFiles.Updates updates = new TestFiles.Updates();
        Dataset d = new JsonLinesReader().read(p.toString(), ReadOptions.defaults().withProgress(updates));
        assertThat(d.frame().rowCount()).isEqualTo(20_000);
        assertThat(updates.seen.size()).isBetween(1, 300);
        assertThat(updates.last()).containsExactly(Files.size(p), Files.size(p));
    }

    @Test
    void aByteOrderMarkIsSkippedAndInvalidUtf8IsLocated() throws Exception {
        Frame f = read("\uFEFF{\"a\": 1}\n").frame();
        assertThat(f.numeric("a").get(0)).isEqualTo(1.0);
        Path p = dir.resolve("bad.jsonl");
        Files.write(p, new byte[] {'{', '"', 'a', '"', ':', '1', '}', '\n', '{', '"', 'b', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}', '\n'});
        assertThatThrownBy(() -> new JsonLinesReader().read(p.toString(), ReadOptions.defaults()))
                .isInstanceOfSatisfying(DataFormatException.class, e -> {
                    assertThat(e.line()).isEqualTo(2);
                    assertThat(e.getMessage()).contains("UTF-8");
                });
    }
}

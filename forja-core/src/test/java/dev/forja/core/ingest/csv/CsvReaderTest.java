package dev.forja.core.ingest.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.forja.core.ForjaException;
import dev.forja.core.frame.CategoricalColumn;
import dev.forja.core.frame.ColumnKind;
import dev.forja.core.frame.Frame;
import dev.forja.core.ingest.DataFormatException;
import dev.forja.core.ingest.DataReaders;
import dev.forja.core.ingest.Dataset;
import dev.forja.core.ingest.ReadOptions;
import dev.forja.core.schema.MissingMarkers;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CSV reader's rules, each on a small hand-written file. */
class CsvReaderTest {
    @TempDir
    Path dir;

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }

    private Dataset read(String name, String content) throws IOException {
        return DataReaders.read(write(name, content).toString(), ReadOptions.defaults());
    }

    private Dataset read(String name, String content, ReadOptions options) throws IOException {
        return DataReaders.read(write(name, content).toString(), options);
    }

    @Test
    void readsHeaderAndInfersEachKind() throws IOException {
        Frame f = read("a.csv", "n,c,d,t\n1.5,red,2011-01-01,the quick brown fox\n-2,blue,2011-01-02,jumps over the dog\n").frame();
        assertThat(f.columnNames()).containsExactly("n", "c", "d", "t");
        assertThat(f.schema().columns()).extracting(s -> s.kind())
                .containsExactly(ColumnKind.NUMERIC, ColumnKind.CATEGORICAL, ColumnKind.DATETIME, ColumnKind.TEXT);
        assertThat(f.numeric("n").toArray()).containsExactly(1.5, -2.0);
        assertThat(f.categorical("c").levels()).containsExactly("red", "blue");
        assertThat(f.datetime("d").millis(1)).isEqualTo(86_400_000L * 14_976);
        assertThat(f.text("t").get(1)).isEqualTo("jumps over the dog");
    }

    @Test
    void quotedFieldsKeepDelimitersDoubledQuotesAndNewlines() throws IOException {
        Frame f = read("q.csv", "id,name\n1,\"Johnston, Miss. Catherine Helen \"\"Carrie\"\"\"\n2,\"two\nlines\"\n3,plain\n").frame();
        assertThat(f.column("name").format(0)).isEqualTo("Johnston, Miss. Catherine Helen \"Carrie\"");
        assertThat(f.column("name").format(1)).isEqualTo("two\nlines");
        assertThat(f.numeric("id").toArray()).containsExactly(1, 2, 3);
    }

    @Test
    void errorsAfterAQuotedNewlineNameThePhysicalLine() throws IOException {
        assertThatThrownBy(() -> read("l.csv", "a,b\n1,\"x\ny\"\n2,z\n3\n"))
                .isInstanceOf(DataFormatException.class)
                .hasMessageContaining("l.csv:5:")
                .hasMessageContaining("1 field but the header has 2");
    }

    @Test
    void crlfLineEndsAreNotPartOfTheValues() throws IOException {
        Frame f = read("w.csv", "a,b\r\nx,1\r\n\"y\",2\r\n").frame();
        assertThat(f.categorical("a").levels()).containsExactly("x", "y");
        assertThat(f.numeric("b").toArray()).containsExactly(1, 2);
    }

    @Test
    void aByteOrderMarkIsNotPartOfTheFirstName() throws IOException {
        Frame f = read("bom.csv", "\uFEFFid,v\n1,2\n").frame();
        assertThat(f.columnNames()).containsExactly("id", "v");
    }

    @Test
    void aMissingFinalNewlineLosesNothing() throws IOException {
        assertThat(read("n.csv", "a,b\n1,2\n3,4").frame().numeric("b").toArray()).containsExactly(2, 4);
    }

    @Test
    void withoutHeaderColumnsAreNumberedAndTheFirstLineIsData() throws IOException {
        Frame f = read("h.csv", "1,x\n2,y\n", ReadOptions.defaults().withHeader(false)).frame();
        assertThat(f.columnNames()).containsExactly("c1", "c2");
        assertThat(f.numeric("c1").toArray()).containsExactly(1, 2);
    }

    @Test
    void sniffsTabSemicolonAndPipe() throws IOException {
        assertThat(read("t.txt", "a\tb\n1\t2\n").frame().columnNames()).containsExactly("a", "b");
        assertThat(read("s.csv", "a;b;c\n1,5;2;3\n").frame().columnNames()).containsExactly("a", "b", "c");
        assertThat(read("p.csv", "a|b\n1|2\n").frame().columnNames()).containsExactly("a", "b");
    }

    @Test
    void delimitersInsideQuotesDoNotFoolTheSniffer() throws IOException {
        Frame f = read("q.csv", "name;age\n\"Smith, John\";42\n\"Doe, Jane\";37\n").frame();
        assertThat(f.columnNames()).containsExactly("name", "age");
        assertThat(f.numeric("age").toArray()).containsExactly(42, 37);
    }

    @Test
    void tsvExtensionMeansTab() throws IOException {
        Frame f = read("x.tsv", "a,b\tc\n1,2\t3\n").frame();
        assertThat(f.columnNames()).containsExactly("a,b", "c");
    }

    @Test
    void anExplicitDelimiterWins() throws IOException {
        Frame f = read("x.csv", "a,b;c\n1,2;3\n", ReadOptions.defaults().withDelimiter(';')).frame();
        assertThat(f.columnNames()).containsExactly("a,b", "c");
    }

    @Test
    void readsGzip() throws IOException {
        Path p = dir.resolve("z.csv.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(p))) {
            out.write("a,b\n1,x\n2,y\n".getBytes(StandardCharsets.UTF_8));
        }
        assertThat(DataReaders.read(p.toString()).frame().numeric("a").toArray()).containsExactly(1, 2);
    }

    @Test
    void missingMarkersBecomeMissingInEveryKind() throws IOException {
        Frame f = read("m.csv", "n,c\n1,a\nNA,?\n,N/A\n3,b\n").frame();
        assertThat(f.numeric("n").missingCount()).isEqualTo(2);
        assertThat(f.categorical("c").missingCount()).isEqualTo(2);
        assertThat(f.categorical("c").levels()).containsExactly("a", "b");
    }

    @Test
    void extraMarkersFromTheUserAreMissingToo() throws IOException {
        Frame f = read("m.csv", "n,c\n1,unknown\n-999,b\n",
                ReadOptions.defaults().withMissing(MissingMarkers.withExtra(List.of("unknown", "-999")))).frame();
        assertThat(f.numeric("n").toArray()).containsExactly(1.0, Double.NaN);
        assertThat(f.categorical("c").levels()).containsExactly("b");
    }

    @Test
    void numbersInEverySpelling() throws IOException {
        Frame f = read("n.csv", "v\n3504.\n1e3\n-0.5\n+2\n.5\ninf\n-Infinity\n \t7 \n").frame();
        assertThat(f.numeric("v").toArray()).containsExactly(3504, 1000, -0.5, 2, 0.5,
                Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 7);
    }

    @Test
    void categoricalAndTextValuesAreKeptVerbatimWithTheirBlanks() throws IOException {
        Frame f = read("b.csv", "k,msg\na, keep these blanks please \nb ,\"  quoted, with words \"\n").frame();
        assertThat(f.categorical("k").levels()).containsExactly("a", "b ");
        assertThat(f.text("msg").get(0)).isEqualTo(" keep these blanks please ");
        assertThat(f.text("msg").get(1)).isEqualTo("  quoted, with words ");
    }

    @Test
    void raggedRowFailsWithItsLineAndAHint() throws IOException {
        assertThatThrownBy(() -> read("r.csv", "a,b,c\n1,2,3\n4,5\n"))
                .isInstanceOf(DataFormatException.class)
                .hasMessage("%s:3: this row has 2 fields but the header has 3", dir.resolve("r.csv"))
                .satisfies(e -> assertThat(((ForjaException) e).hint()).contains("--lenient"));
    }

    @Test
    void lenientSkipsRaggedRowsAndCountsThem() throws IOException {
        Dataset d = read("r.csv", "a,b,c\n1,2,3\n4,5\n6,7,8,9\n10,11,12\n", ReadOptions.defaults().withLenient(true));
        assertThat(d.frame().numeric("a").toArray()).containsExactly(1, 10);
        assertThat(d.report().rowsSkipped()).isEqualTo(2);
        assertThat(d.report().rowsRead()).isEqualTo(2);
        assertThat(d.report().notes()).anyMatch(n -> n.contains("2 row(s)"));
    }

    @Test
    void unterminatedQuoteNamesTheLineWhereItOpened() throws IOException {
        assertThatThrownBy(() -> read("u.csv", "a,b\n1,2\n3,\"oops\n4,5\n6,7\n"))
                .isInstanceOf(DataFormatException.class)
                .hasMessageContaining("u.csv:3:3: unterminated quoted field");
    }

    @Test
    void textAfterAClosingQuoteIsAnError() throws IOException {
        assertThatThrownBy(() -> read("c.csv", "a,b\n\"x\"y,1\n"))
                .isInstanceOf(DataFormatException.class)
                .hasMessageContaining("c.csv:2:4: unexpected character 'y' after a closing quote");
    }

    @Test
    void badUtf8NamesLineAndCharacterPosition() throws IOException {
        Path p = dir.resolve("latin1.csv");
        byte[] head = "name,city\nAna,M".getBytes(StandardCharsets.UTF_8);
        byte[] tail = "laga\n".getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[head.length + 1 + tail.length];
        System.arraycopy(head, 0, all, 0, head.length);
        all[head.length] = (byte) 0xE1; // 'á' in Latin-1
        System.arraycopy(tail, 0, all, head.length + 1, tail.length);
        Files.write(p, all);
        assertThatThrownBy(() -> DataReaders.read(p.toString()))
                .isInstanceOf(DataFormatException.class)
                .hasMessageContaining("latin1.csv:2:6: byte 0xE1 is not valid UTF-8")
                .satisfies(e -> assertThat(((ForjaException) e).hint()).contains("iconv"));
    }

    @Test
    void validMultiByteUtf8IsRead() throws IOException {
        assertThat(read("u.csv", "city\nMálaga\n東京\n\uD83D\uDE00\n").frame().categorical("city").levels())
                .containsExactly("Málaga", "東京", "\uD83D\uDE00");
    }

    @Test
    void anEmptyFileIsAnError() throws IOException {
        assertThatThrownBy(() -> read("e.csv", "\n\n")).isInstanceOf(ForjaException.class).hasMessageContaining("is empty");
    }

    @Test
    void aHeaderOnlyFileGivesColumnsWithoutRows() throws IOException {
        Frame f = read("h.csv", "a,b\n").frame();
        assertThat(f.rowCount()).isZero();
        assertThat(f.columnNames()).containsExactly("a", "b");
    }

    @Test
    void blankAndRepeatedHeaderNamesAreRenamedWithANote() throws IOException {
        Dataset d = read("h.csv", "x,,x\n1,2,3\n");
        assertThat(d.frame().columnNames()).containsExactly("x", "c2", "x.1");
        assertThat(d.report().notes()).hasSize(2);
    }

    @Test
    void blankLinesAreSkippedWithANote() throws IOException {
        Dataset d = read("b.csv", "a,b\n1,2\n\n3,4\n");
        assertThat(d.frame().rowCount()).isEqualTo(2);
        assertThat(d.report().notes()).anyMatch(n -> n.contains("1 blank line"));
    }

    @Test
    void inAOneColumnFileABlankLineIsAMissingValue() throws IOException {
        assertThat(read("one.csv", "v\n1\n\n3\n").frame().numeric("v").toArray()).containsExactly(1.0, Double.NaN, 3.0);
    }

    @Test
    void aColumnThatStopsBeingNumericAfterTheSampleIsReReadAsCategorical() throws IOException {
        StringBuilder sb = new StringBuilder("id,code\n");
        for (int i = 0; i < 50; i++) {
            sb.append(i).append(',').append(i * 10).append('\n');
        }
        sb.append("50,A12\n");
        Dataset d = read("late.csv", sb.toString(), ReadOptions.defaults().withSampleRows(20));
        CategoricalColumn code = d.frame().categorical("code");
        assertThat(code.get(3)).isEqualTo("30");
        assertThat(code.get(50)).isEqualTo("A12");
        assertThat(d.report().notes()).singleElement().asString()
                .contains("column 'code' looked numeric in the first 20 rows but line 52 has 'A12'; read as categorical");
    }

    @Test
    void declaredKindsWin() throws IOException {
        Frame f = read("k.csv", "Pclass,when\n1,2011-01-01\n3,2011-01-02\n",
                ReadOptions.defaults().withKind("Pclass", ColumnKind.CATEGORICAL).withKind("when", ColumnKind.TEXT)).frame();
        assertThat(f.categorical("Pclass").levels()).containsExactly("1", "3");
        assertThat(f.text("when").get(0)).isEqualTo("2011-01-01");
    }

    @Test
    void aValueNotOfTheDeclaredKindFailsWithLineColumnAndValue() throws IOException {
        assertThatThrownBy(() -> read("k.csv", "a,b\n1,2\n3,x7\n", ReadOptions.defaults().withKind("b", ColumnKind.NUMERIC)))
                .isInstanceOf(DataFormatException.class)
                .hasMessageContaining("k.csv:3:3: column 'b': 'x7' is not a numeric value");
    }

    @Test
    void lenientReadsUndeclarableValuesAsMissingAndCountsThem() throws IOException {
        Dataset d = read("k.csv", "a,b\n1,2\n3,x7\n4,?\n", ReadOptions.defaults().withKind("b", ColumnKind.NUMERIC).withLenient(true));
        assertThat(d.frame().numeric("b").toArray()).containsExactly(2.0, Double.NaN, Double.NaN);
        assertThat(d.report().coercedToMissing()).containsEntry("b", 1L);
    }

    @Test
    void declaringAColumnThatDoesNotExistListsTheColumns() throws IOException {
        assertThatThrownBy(() -> read("k.csv", "age,sex\n1,m\n", ReadOptions.defaults().withKind("Age", ColumnKind.NUMERIC)))
                .isInstanceOf(ForjaException.class)
                .hasMessageContaining("'Age'").hasMessageContaining("'age', 'sex'");
    }

    @Test
    void kindHintsApplyToColumnsThatExistAndIgnoreTheRest() throws IOException {
        Frame f = read("h.csv", "Pclass,x\n1,2\n", ReadOptions.defaults().withKindHints(
                java.util.Map.of("Pclass", ColumnKind.CATEGORICAL, "absent", ColumnKind.NUMERIC))).frame();
        assertThat(f.column("Pclass").kind()).isEqualTo(ColumnKind.CATEGORICAL);
    }
}

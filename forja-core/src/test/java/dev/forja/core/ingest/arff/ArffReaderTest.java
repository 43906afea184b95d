package dev.forja.core.ingest.arff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.forja.core.ForjaException;
import dev.forja.core.frame.CategoricalColumn;
import dev.forja.core.frame.ColumnKind;
import dev.forja.core.frame.Frame;
import dev.forja.core.frame.NumericColumn;
import dev.forja.core.ingest.ArffReader;
import dev.forja.core.ingest.DataFormat;
import dev.forja.core.ingest.DataFormatException;
import dev.forja.core.ingest.DataReaders;
import dev.forja.core.ingest.Dataset;
import dev.forja.core.ingest.ReadOptions;
import dev.forja.core.ingest.TestFiles;
import dev.forja.core.schema.MissingMarkers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArffReaderTest {
    private static final String WEATHER_HEADER = String.join("\n",
            "@relation weather",
            "@attribute outlook {sunny, overcast, rainy}",
            "@attribute temperature numeric",
            "@attribute humidity real",
            "@attribute windy {TRUE, FALSE}",
            "@attribute play {yes, no}",
            "@data", "");

    @TempDir
    Path dir;

    private Dataset read(String content) {
        return read(content, ReadOptions.defaults());
    }

    private Dataset read(String content, ReadOptions options) {
        Path p = TestFiles.write(dir, "t.arff", content);
        return new ArffReader().read(p.toString(), options);
    }

    private DataFormatException failure(String content) {
        return failure(content, ReadOptions.defaults());
    }

    private DataFormatException failure(String content, ReadOptions options) {
        Path p = TestFiles.write(dir, "t.arff", content);
        try {
            new ArffReader().read(p.toString(), options);
        } catch (DataFormatException e) {
            assertThat(e.source()).isEqualTo(p.toString());
            assertThat(e.getMessage()).startsWith(p.toString());
            return e;
        }
        throw new AssertionError("expected a DataFormatException");
    }

    @Test
    void attributeTypesBecomeColumnKinds() {
        Frame f = read(String.join("\n",
                "@relation r",
                "@attribute n numeric",
                "@attribute r real",
                "@attribute i integer",
                "@attribute c {a, b}",
                "@attribute s string",
                "@attribute d date",
                "@data",
                "1.5, 2, 3, b, hello, 2011-01-02T03:04:05",
                "")).frame();
        assertThat(f.schema().columns()).extracting(c -> c.kind()).containsExactly(
                ColumnKind.NUMERIC, ColumnKind.NUMERIC, ColumnKind.NUMERIC, ColumnKind.CATEGORICAL, ColumnKind.TEXT, ColumnKind.DATETIME);
        assertThat(f.columnNames()).containsExactly("n", "r", "i", "c", "s", "d");
        assertThat(f.numeric("n").get(0)).isEqualTo(1.5);
        assertThat(f.numeric("i").get(0)).isEqualTo(3.0);
        assertThat(f.categorical("c").get(0)).isEqualTo("b");
        assertThat(f.text("s").get(0)).isEqualTo("hello");
        // 2011-01-02T03:04:05Z: 14,976 days (41 years of 365 days + 10 leap days + 1) after 1970-01-01, plus 3 h 4 min 5 s.
        assertThat(f.datetime("d").millis(0)).isEqualTo(14_976L * 86_400_000L + (3 * 3600 + 4 * 60 + 5) * 1000L);
    }

    @Test
    void nominalLevelsKeepTheDeclaredOrderEvenWhenUnused() {
        Frame f = read(String.join("\n", "@relation r", "@attribute c {zebra, apple, mango}", "@data", "mango", "apple", "mango", "")).frame();
        CategoricalColumn c = f.categorical("c");
        assertThat(c.levels()).containsExactly("zebra", "apple", "mango");
        assertThat(c.levelCounts()).containsExactly(0, 1, 2);
    }

    @Test
    void weatherDataReadsWithCountsByHand() {
        Dataset d = read(WEATHER_HEADER + String.join("\n",
                "sunny,85,85,FALSE,no",
                "sunny,80,90,TRUE,no",
                "overcast,83,86,FALSE,yes",
                "rainy,70,96,FALSE,yes",
                "rainy,68,80,FALSE,yes", ""));
        Frame f = d.frame();
        assertThat(f.rowCount()).isEqualTo(5);
        assertThat(d.report().rowsRead()).isEqualTo(5);
        assertThat(d.format()).isEqualTo(DataFormat.ARFF);
        assertThat(f.numeric("temperature").toArray()).containsExactly(85, 80, 83, 70, 68);
        assertThat(f.categorical("outlook").levelCounts()).containsExactly(2, 1, 2);
        assertThat(f.categorical("play").levelCounts()).containsExactly(3, 2);
        assertThat(d.report().notes()).isEmpty();
    }

    @Test
    void namesAndValuesMayBeQuotedWithEscapes() {
        Frame f = read(String.join("\n",
                "@relation 'my relation'",
                "@attribute 'full name' string",
                "@attribute \"kind\" {'c d', \"e,f\", plain}",
                "@data",
                "'it\\'s', 'c d'",
                "\"say \\\"hi\\\"\", \"e,f\"",
                "'tab\\there\\\\', plain",
                "")).frame();
        assertThat(f.columnNames()).containsExactly("full name", "kind");
        assertThat(f.text("full name").get(0)).isEqualTo("it's");
        assertThat(f.text("full name").get(1)).isEqualTo("say \"hi\"");
        assertThat(f.text("full name").get(2)).isEqualTo("tab\there\\");
        assertThat(f.categorical("kind").levels()).containsExactly("c d", "e,f", "plain");
        assertThat(f.categorical("kind").get(1)).isEqualTo("e,f");
    }

    @Test
    void commentsBlankLinesAndKeywordCaseAreIgnored() {
        Frame f = read(String.join("\n",
                "% a comment before the header",
                "",
                "@RELATION r  % trailing comment",
                "@Attribute x NUMERIC",
                "   ",
                "@ATTRIBUTE y {a,b}",
                "@DaTa",
                "% comment in the data",
                "",
                "1, a % comment after a row",
                "2 b",
                "")).frame();
        assertThat(f.rowCount()).isEqualTo(2);
        assertThat(f.numeric("x").toArray()).containsExactly(1, 2);
        assertThat(f.categorical("y").get(1)).isEqualTo("b");
    }

    @Test
    void unquotedQuestionMarkIsMissingButQuotedIsText() {
        Frame f = read(String.join("\n",
                "@relation r", "@attribute s string", "@attribute n numeric", "@attribute c {a,b}", "@data",
                "?, ?, ?",
                "'?', 1, a",
                "")).frame();
        assertThat(f.text("s").get(0)).isNull();
        assertThat(f.text("s").get(1)).isEqualTo("?");
        assertThat(f.numeric("n").isMissing(0)).isTrue();
        assertThat(f.categorical("c").isMissing(0)).isTrue();
        assertThat(f.text("s").missingCount()).isEqualTo(1);
    }

    @Test
    void defaultMissingMarkersAreDataButUserMarkersAreMissing() {
        String content = String.join("\n",
                "@relation r", "@attribute s string", "@attribute c {yes, no, unknown}", "@data",
                "NA, unknown",
                "'', yes",
                "");
        Frame plain = read(content).frame();
        assertThat(plain.text("s").get(0)).isEqualTo("NA");
        assertThat(plain.text("s").get(1)).isEqualTo("");
        assertThat(plain.categorical("c").get(0)).isEqualTo("unknown");

        Frame marked = read(content, ReadOptions.defaults().withMissing(MissingMarkers.withExtra(List.of("unknown")))).frame();
        assertThat(marked.categorical("c").isMissing(0)).isTrue();
        assertThat(marked.categorical("c").levels()).containsExactly("yes", "no");
        assertThat(marked.text("s").get(0)).isEqualTo("NA");
    }

    @Test
    void numericNaNIsMissingAsInWeka() {
        Frame f = read("@relation r\n@attribute x numeric\n@data\nNaN\n2.5\n").frame();
        assertThat(f.numeric("x").isMissing(0)).isTrue();
        assertThat(f.numeric("x").get(1)).isEqualTo(2.5);
    }

    @Test
    void sparseRowsFillOmittedValuesWithZeroAndFirstDeclaredLevel() {
        Dataset d = read(WEATHER_HEADER + String.join("\n",
                "{1 85, 2 85, 3 FALSE, 4 no}",
                "{0 rainy, 1 70, 2 ?}",
                "{}",
                ""));
        Frame f = d.frame();
        assertThat(f.rowCount()).isEqualTo(3);
        assertThat(f.categorical("outlook").get(0)).isEqualTo("sunny");
        assertThat(f.categorical("outlook").get(1)).isEqualTo("rainy");
        assertThat(f.numeric("temperature").toArray()).containsExactly(85, 70, 0);
        assertThat(f.numeric("humidity").isMissing(1)).isTrue();
        assertThat(f.numeric("humidity").get(2)).isEqualTo(0.0);
        assertThat(f.categorical("windy").get(1)).isEqualTo("TRUE");
        assertThat(f.categorical("play").get(1)).isEqualTo("yes");
        assertThat(f.categorical("play").get(0)).isEqualTo("no");
    }

    @Test
    void sparseOmittedStringTakesTheFirstStringValueAndSaysSo() {
        Dataset d = read(String.join("\n",
                "@relation r", "@attribute x numeric", "@attribute s string", "@data",
                "{0 1}",
                "{0 2, 1 first}",
                "{1 second}",
                ""));
        assertThat(d.frame().text("s").get(0)).isEqualTo("first");
        assertThat(d.frame().text("s").get(2)).isEqualTo("second");
        assertThat(d.report().notes()).anySatisfy(n -> assertThat(n).contains("'s'").contains("1 sparse rows").contains("'first'"));
    }

    @Test
    void sparseOmittedDateIsTheEpoch() {
        Frame f = read("@relation r\n@attribute x numeric\n@attribute d date 'yyyy-MM-dd'\n@data\n{0 1}\n{1 2011-01-02}\n").frame();
        assertThat(f.datetime("d").millis(0)).isZero();
        assertThat(f.datetime("d").millis(1)).isEqualTo(14_976L * 86_400_000L);
    }

    @Test
    void sparseAndDenseRowsMix() {
        Frame f = read(WEATHER_HEADER + "sunny,85,85,FALSE,no\n{0 overcast, 4 yes}\n").frame();
        assertThat(f.categorical("outlook").get(1)).isEqualTo("overcast");
        assertThat(f.numeric("temperature").get(1)).isEqualTo(0.0);
    }

    @Test
    void sparseIndexProblemsNameTheLineAndPosition() {
        DataFormatException outOfRange = failure(WEATHER_HEADER + "{0 sunny, 5 no}\n");
        assertThat(outOfRange.line()).isEqualTo(8);
        assertThat(outOfRange.charPosition()).isEqualTo(11);
        assertThat(outOfRange.getMessage()).contains(":8:11:").contains("index 5 is out of range").contains("0 to 4");

        assertThat(failure(WEATHER_HEADER + "{3 TRUE, 1 80}\n").getMessage()).contains(":8:").contains("index 1 comes after index 3");
        assertThat(failure(WEATHER_HEADER + "{x sunny}\n").getMessage()).contains("expected an attribute index").contains("x");
        assertThat(failure(WEATHER_HEADER + "{0 sunny, 1}\n").getMessage()).contains("index 1 has no value");
        assertThat(failure(WEATHER_HEADER + "{0 sunny, 1 80\n").getMessage()).contains("not closed with '}'");
    }

    @Test
    void instanceWeightsAreIgnoredAndCounted() {
        Dataset d = read(WEATHER_HEADER + String.join("\n",
                "sunny,85,85,FALSE,no,{2}",
                "sunny,80,90,TRUE,no {1}",
                "{0 rainy, 1 70}, {0.5}",
                "overcast,83,86,FALSE,yes",
                ""));
        assertThat(d.frame().rowCount()).isEqualTo(4);
        assertThat(d.frame().categorical("outlook").get(2)).isEqualTo("rainy");
        assertThat(d.report().notes()).singleElement().satisfies(n ->
                assertThat(n).startsWith("3 rows carry an instance weight").contains("2 other than 1").contains("ignored"));
    }

    @Test
    void badInstanceWeightIsAnError() {
        assertThat(failure(WEATHER_HEADER + "sunny,85,85,FALSE,no,{heavy}\n").getMessage())
                .contains(":8:").contains("instance weight heavy is not a number");
        assertThat(failure(WEATHER_HEADER + "sunny,85,85,FALSE,no,{1} extra\n").getMessage())
                .contains("unexpected { after the row's values");
    }

    @Test
    void wrongNumberOfValuesIsAnErrorWithTheLine() {
        DataFormatException e = failure(WEATHER_HEADER + "sunny,85,85,FALSE,no\nsunny,85,FALSE,no\n");
        assertThat(e.line()).isEqualTo(9);
        assertThat(e.getMessage()).contains(":9:").contains("4 values but the header declares 5 attributes");
        assertThat(e.hint()).contains("--lenient");
    }

    @Test
    void lenientSkipsRowsThatDoNotFitAndCountsThem() {
        Dataset d = read(WEATHER_HEADER + "sunny,85,85,FALSE,no\nsunny,85,FALSE\n{9 x}\n'open\nrainy,70,96,FALSE,yes\n",
                ReadOptions.defaults().withLenient(true));
        assertThat(d.frame().rowCount()).isEqualTo(2);
        assertThat(d.report().rowsSkipped()).isEqualTo(3);
        assertThat(d.report().rowsRead()).isEqualTo(2);
        assertThat(d.report().notes()).anySatisfy(n -> assertThat(n).contains("skipped 3 rows").contains("line 9"));
    }

    @Test
    void undeclaredNominalValueIsAnErrorNamingValueAttributeAndLine() {
        DataFormatException e = failure(WEATHER_HEADER + "sunny,85,85,FALSE,no\ncloudy,85,85,FALSE,no\n");
        assertThat(e.line()).isEqualTo(9);
        assertThat(e.column()).isEqualTo("'outlook'");
        assertThat(e.getMessage()).contains(":9:1: column 'outlook': 'cloudy' is not a declared value")
                .contains("{sunny, overcast, rainy}");
    }

    @Test
    void lenientReadsBadValuesAsMissingAndCountsThemPerColumn() {
        Dataset d = read(WEATHER_HEADER + "cloudy,hot,85,FALSE,no\nsunny,85,85,maybe,no\n", ReadOptions.defaults().withLenient(true));
        Frame f = d.frame();
        assertThat(f.categorical("outlook").isMissing(0)).isTrue();
        assertThat(f.numeric("temperature").isMissing(0)).isTrue();
        assertThat(f.categorical("windy").isMissing(1)).isTrue();
        assertThat(d.report().coercedToMissing()).containsEntry("outlook", 1L).containsEntry("temperature", 1L)
                .containsEntry("windy", 1L);
        assertThat(d.report().totalCoerced()).isEqualTo(3);
    }

    @Test
    void nonNumberInNumericAttributeIsAnError() {
        DataFormatException e = failure(WEATHER_HEADER + "sunny,hot,85,FALSE,no\n");
        assertThat(e.getMessage()).contains(":8:7: column 'temperature': 'hot' is not a number");
    }

    @Test
    void unknownTypeNamesAttributeLineAndSupportedTypes() {
        DataFormatException e = failure("@relation r\n@attribute x numeric\n@attribute colour colr\n@data\n");
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.column()).isEqualTo("'colour'");
        assertThat(e.getMessage()).contains("unknown type colr");
        assertThat(e.hint()).contains("numeric").contains("string").contains("date").contains("{a, b");
    }

    @Test
    void relationalAttributesAreRefusedWithTheLine() {
        DataFormatException e = failure("@relation r\n@attribute bag relational\n@attribute x numeric\n@end bag\n@data\n");
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.getMessage()).contains("'bag' is relational").contains("does not read");
    }

    @Test
    void headerMistakesAreLocated() {
        assertThat(failure("@relation r\n@attribute x numeric\n@attribute x numeric\n@data\n").getMessage())
                .contains(":3:").contains("declared twice");
        assertThat(failure("@relation r\n@attribute c {a, b, a}\n@data\n").getMessage()).contains(":2:").contains("lists the value a twice");
        assertThat(failure("@relation r\n@attribute c {a, b\n@data\n").getMessage()).contains(":2:").contains("not closed");
        assertThat(failure("@attribute x numeric\n@data\n").getMessage()).contains(":1:").contains("before @relation");
        assertThat(failure("@relation r\n@attribute x numeric\n").getMessage()).contains(":2").contains("no @data line");
        assertThat(failure("@relation r\n@data\n1\n").getMessage()).contains(":2:").contains("before any @attribute");
        assertThat(failure("@relation r\n@attribute x\n@data\n").getMessage()).contains("has no type");
        assertThat(failure("@relation r\nx numeric\n@data\n").getMessage()).contains(":2:1:").contains("expected @relation, @attribute or @data");
        assertThat(failure("@relation r\n@attribute d date 'yyyy-ww'\n@data\n").getMessage()).contains(":2:").contains("letter 'w'");
    }

    @Test
    void unclosedQuoteIsAnErrorWithItsPosition() {
        DataFormatException e = failure("@relation r\n@attribute s string\n@data\n'open\n");
        assertThat(e.line()).isEqualTo(4);
        assertThat(e.charPosition()).isEqualTo(1);
        assertThat(e.getMessage()).contains("not closed");
    }

    @Test
    void datesUseTheDeclaredFormatAndBadDatesAreErrors() {
        Frame f = read("@relation r\n@attribute d date \"dd/MM/yyyy HH:mm\"\n@data\n'02/01/2011 03:04'\n?\n").frame();
        assertThat(f.datetime("d").millis(0)).isEqualTo(14_976L * 86_400_000L + (3 * 60 + 4) * 60_000L);
        assertThat(f.datetime("d").isMissing(1)).isTrue();
        DataFormatException e = failure("@relation r\n@attribute d date \"yyyy-MM-dd\"\n@data\n2011-02-30\n");
        assertThat(e.getMessage()).contains(":4:1: column 'd': '2011-02-30' does not match the date format 'yyyy-MM-dd'");
    }

    @Test
    void gzipFilesAreRead() {
        Path p = TestFiles.writeGzip(dir, "w.arff.gz", WEATHER_HEADER + "sunny,85,85,FALSE,no\n");
        Dataset d = DataReaders.read(p.toString());
        assertThat(d.format()).isEqualTo(DataFormat.ARFF);
        assertThat(d.frame().rowCount()).isEqualTo(1);
    }

    @Test
    void kindOverridesConvertAttributes() {
        String content = String.join("\n",
                "@relation r", "@attribute origin {1, 2, 3}", "@attribute n numeric", "@attribute s string", "@data",
                "3, 1.5, a", "1, ?, b", "{1 2}", "");
        ReadOptions o = ReadOptions.defaults().withKind("origin", ColumnKind.NUMERIC).withKind("n", ColumnKind.CATEGORICAL)
                .withKind("s", ColumnKind.CATEGORICAL);
        Frame f = read(content, o).frame();
        NumericColumn origin = f.numeric("origin");
        assertThat(origin.toArray()).containsExactly(3, 1, 1);
        assertThat(f.categorical("n").levels()).containsExactly("1.5", "2");
        assertThat(f.categorical("n").isMissing(1)).isTrue();
        assertThat(f.categorical("s").levels()).containsExactly("a", "b");
        assertThat(f.categorical("s").get(2)).isEqualTo("a");
    }

    @Test
    void overrideOfAnUnknownColumnListsTheColumns() {
        assertThatThrownBy(() -> read(WEATHER_HEADER, ReadOptions.defaults().withKind("Outlook", ColumnKind.TEXT)))
                .isInstanceOf(ForjaException.class)
                .hasMessageContaining("no column 'Outlook'")
                .hasMessageContaining("'outlook', 'temperature', 'humidity', 'windy', 'play'");
    }

    @Test
    void overriddenNominalStillRejectsUndeclaredValues() {
        ReadOptions o = ReadOptions.defaults().withKind("outlook", ColumnKind.TEXT);
        assertThat(failure(WEATHER_HEADER + "cloudy,85,85,FALSE,no\n", o).getMessage()).contains("'cloudy' is not a declared value");
    }

    @Test
    void invalidUtf8IsAnErrorWithTheLine() throws Exception {
        Path p = dir.resolve("bad.arff");
        byte[] head = "@relation r\n@attribute s string\n@data\nok\n".getBytes(StandardCharsets.UTF_8);
        byte[] bad = {'\'', (byte) 0xC3, (byte) 0x28, '\'', '\n'};
        byte[] all = new byte[head.length + bad.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(bad, 0, all, head.length, bad.length);
        Files.write(p, all);
        assertThatThrownBy(() -> new ArffReader().read(p.toString(), ReadOptions.defaults()))
                .isInstanceOf(DataFormatException.class).hasMessageContaining("not valid UTF-8");
    }

    @Test
    void progressIsReportedAFewHundredTimesAtMostAndEndsAtTheFileSize() throws Exception {
        StringBuilder sb = new StringBuilder(WEATHER_HEADER);
        for (int i = 0; i < 50_000; i++) {
            sb.append("sunny,").append(i % 90).append(",85,FALSE,no\n");
        }
        Path p = TestFiles.write(dir, "big.arff", sb.toString());
        TestFiles.Updates updates = new TestFiles.Updates();
        Dataset d = new ArffReader().read(p.toString(), ReadOptions.defaults().withProgress(updates));
        assertThat(d.frame().rowCount()).isEqualTo(50_000);
        assertThat(updates.seen.size()).isBetween(2, 300);
        assertThat(updates.last()).containsExactly(Files.size(p), Files.size(p));
    }

    @Test
    void byteOrderMarkIsIgnored() {
        Frame f = read("\uFEFF@relation r\n@attribute x numeric\n@data\n1\n").frame();
        assertThat(f.numeric("x").get(0)).isEqualTo(1.0);
    }

    @Test
    void anEmptyDataSectionGivesTheColumnsAndNoRows() {
        Frame f = read("@relation r\n@attribute x numeric\n@attribute c {a, b}\n@data\n").frame();
        assertThat(f.rowCount()).isZero();
        assertThat(f.columnNames()).containsExactly("x", "c");
        assertThat(f.categorical("c").levels()).containsExactly("a", "b");
    }

    @Test
    void valuesOverriddenToNumbersRecogniseAllMissingMarkers() {
        Frame f = read("@relation r\n@attribute s string\n@data\n'12'\nNA\n''\n",
                ReadOptions.defaults().withKind("s", ColumnKind.NUMERIC)).frame();
        assertThat(f.numeric("s").toArray()).containsExactly(12, Double.NaN, Double.NaN);
    }
}

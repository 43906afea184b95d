package dev.forja.core.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.forja.core.fingerprint.Fingerprint;
import dev.forja.core.frame.CategoricalColumn;
import dev.forja.core.frame.Column;
import dev.forja.core.frame.ColumnKind;
import dev.forja.core.frame.DatetimeColumn;
import dev.forja.core.frame.Frame;
import dev.forja.core.frame.NumericColumn;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example files of every non-CSV format, read by Forja and compared with reference values that
 * pandas computed from their sources (scripts/reference/readers_expected.py → test resources
 * reference/readers/*.json): rows, missing values, sums and means, level counts.
 */
class ExampleFilesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private static Dataset example(String name) {
        return DataReaders.read(TestFiles.examples().resolve(name).toString());
    }

    private static JsonNode reference(String name) throws IOException {
        return JSON.readTree(Files.readAllBytes(TestFiles.resource("reference/readers/" + name)));
    }

    /** Compares a frame with a reference summary, column by column. */
    private static void matches(Frame f, JsonNode ref) {
        assertThat(f.rowCount()).isEqualTo(ref.get("rows").asInt());
        JsonNode columns = ref.get("columns");
        assertThat(f.columnNames()).containsExactlyElementsOf(() -> columns.fieldNames());
        for (Iterator<Map.Entry<String, JsonNode>> it = columns.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            Column c = f.column(e.getKey());
            JsonNode want = e.getValue();
            assertThat(c.missingCount()).as("missing in " + c.name()).isEqualTo(want.get("missing").asInt());
            if (want.has("sum") && c instanceof NumericColumn num) {
                double sum = 0;
                int present = 0;
                for (int r = 0; r < num.size(); r++) {
                    if (!num.isMissing(r)) {
                        sum += num.get(r);
                        present++;
                    }
                }
                double s = want.get("sum").asDouble();
                assertThat(sum).as("sum of " + c.name()).isCloseTo(s, within(Math.abs(s) * 1e-12 + 1e-9));
                assertThat(sum / present).as("mean of " + c.name()).isCloseTo(want.get("mean").asDouble(),
                        within(Math.abs(want.get("mean").asDouble()) * 1e-12 + 1e-12));
            }
            if (want.has("levels")) {
                CategoricalColumn cat = (CategoricalColumn) c;
                Map<String, Integer> counts = new LinkedHashMap<>();
                int[] n = cat.levelCounts();
                for (int k = 0; k < n.length; k++) {
                    if (n[k] > 0) {
                        counts.put(cat.level(k), n[k]);
                    }
                }
                Map<String, Integer> expected = new LinkedHashMap<>();
                want.get("levels").fields().forEachRemaining(l -> expected.put(l.getKey(), l.getValue().asInt()));
                assertThat(counts).as("levels of " + c.name()).containsExactlyInAnyOrderEntriesOf(expected);
            }
        }
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({
        "titanic.csv, titanic_csv.json", "auto_mpg.csv, auto_mpg_csv.json", "adult.csv.gz, adult_csv.json",
        "sms_spam.csv, sms_spam_csv.json", "bike_sharing_day.csv, bike_sharing_day_csv.json"})
    void csvExamplesMatchPandas(String file, String fixture) throws IOException {
        Dataset d = example(file);
        matches(d.frame(), reference(fixture));
        assertThat(d.report().notes()).isEmpty();
        assertThat(d.report().rowsSkipped()).isZero();
    }

    @Test
    void titanicCsvKeepsQuotedNamesAndInfersKinds() {
        Frame f = example("titanic.csv").frame();
        assertThat(f.text("Name").get(40)).isEqualTo("Ahlin, Mrs. Johan (Johanna Persdotter Larsson)");
        assertThat(f.column("Name").format(9)).isEqualTo("Nasser, Mrs. Nicholas (Adele Achem)");
        long doubledQuotes = java.util.stream.IntStream.range(0, f.rowCount()).filter(r -> f.text("Name").get(r).contains("\"")).count();
        assertThat(doubledQuotes).isPositive();
        assertThat(f.schema().columns()).extracting(c -> c.kind()).containsExactly(ColumnKind.NUMERIC, ColumnKind.NUMERIC,
                ColumnKind.NUMERIC, ColumnKind.TEXT, ColumnKind.CATEGORICAL, ColumnKind.NUMERIC, ColumnKind.NUMERIC, ColumnKind.NUMERIC,
                ColumnKind.CATEGORICAL, ColumnKind.NUMERIC, ColumnKind.CATEGORICAL, ColumnKind.CATEGORICAL);
    }

    @Test
    void smsSpamCsvKeepsTheBlanksAroundMessages() {
        Frame f = example("sms_spam.csv").frame();
        assertThat(f.column("message").kind()).isEqualTo(ColumnKind.TEXT);
        long padded = java.util.stream.IntStream.range(0, f.rowCount())
                .filter(r -> !f.text("message").get(r).equals(f.text("message").get(r).strip())).count();
        assertThat(padded).as("messages starting or ending with blanks (the dataset notes say 187)").isEqualTo(187);
    }

    @Test
    void bikeSharingCsvReadsIsoDatesAsDatetimes() {
        Frame f = example("bike_sharing_day.csv").frame();
        assertThat(f.datetime("dteday").millis(0)).isEqualTo(java.time.Instant.parse("2011-01-01T00:00:00Z").toEpochMilli());
        assertThat(f.datetime("dteday").millis(730)).isEqualTo(java.time.Instant.parse("2012-12-31T00:00:00Z").toEpochMilli());
    }

    @Test
    void autoMpgArffMatchesPandasOnItsCsvSource() throws IOException {
        Dataset d = example("auto_mpg.arff");
        Frame f = d.frame();
        matches(f, reference("auto_mpg_arff.json"));
        assertThat(f.categorical("origin").levels()).containsExactly("1", "2", "3");
        assertThat(f.column("car_name").kind()).isEqualTo(ColumnKind.TEXT);
        assertThat(f.text("car_name").get(11)).isEqualTo("plymouth 'cuda 340");
        assertThat(d.report().notes()).isEmpty();
    }

    @Test
    void sparseSmsWordsArffMatchesCountsRecomputedFromTheMessages() throws IOException {
        Dataset d = example("sms_spam_words.arff");
        matches(d.frame(), reference("sms_spam_words_arff.json"));
        assertThat(d.frame().categorical("label").levels()).containsExactly("ham", "spam");
    }

    @Test
    void titanicJsonLinesMatchesPandasReadJson() throws IOException {
        Frame f = example("titanic.jsonl").frame();
        matches(f, reference("titanic_jsonl.json"));
        assertThat(f.schema().columns()).extracting(c -> c.kind()).containsExactly(ColumnKind.NUMERIC, ColumnKind.NUMERIC,
                ColumnKind.NUMERIC, ColumnKind.TEXT, ColumnKind.CATEGORICAL, ColumnKind.NUMERIC, ColumnKind.NUMERIC, ColumnKind.NUMERIC,
                ColumnKind.CATEGORICAL, ColumnKind.NUMERIC, ColumnKind.CATEGORICAL, ColumnKind.CATEGORICAL);
    }

    @Test
    void bikeSharingParquetMatchesPandasOnItsCsvSource() throws IOException {
        Frame f = example("bike_sharing_day.parquet").frame();
        JsonNode ref = reference("bike_sharing_day_parquet.json");
        matches(f, ref);
        DatetimeColumn day = f.datetime("dteday");
        JsonNode want = ref.get("columns").get("dteday");
        assertThat(day.millis(0)).isEqualTo(want.get("min").asLong());
        assertThat(day.millis(f.rowCount() - 1)).isEqualTo(want.get("max").asLong());
        double sum = 0;
        for (int r = 0; r < day.size(); r++) {
            sum += day.millis(r);
        }
        assertThat(sum).isEqualTo(want.get("sum").asDouble());
    }

    @Test
    void theSameTableReadFromParquetAndJsonLinesHasTheSameFingerprint() throws SQLException {
        Path parquet = TestFiles.examples().resolve("bike_sharing_day.parquet");
        Path jsonl = dir.resolve("bike.jsonl");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement()) {
            st.execute("COPY (SELECT * FROM read_parquet('" + parquet + "')) TO '" + jsonl + "' (FORMAT json)");
        }
        Dataset fromParquet = DataReaders.read(parquet.toString());
        Dataset fromJson = DataReaders.read(jsonl.toString());
        assertThat(fromJson.frame().schema()).isEqualTo(fromParquet.frame().schema());
        assertThat(fromJson.fingerprint()).isEqualTo(fromParquet.fingerprint());
    }

    @Test
    void theSameTableReadFromArffAndJsonLinesHasTheSameFingerprint() {
        // auto_mpg.arff's types, restated in JSON lines by hand: numbers, origin codes as strings, names as text.
        Frame arff = example("auto_mpg.arff").frame();
        StringBuilder sb = new StringBuilder();
        NumericColumn hp = arff.numeric("horsepower");
        for (int r = 0; r < arff.rowCount(); r++) {
            sb.append("{");
            for (String n : List.of("mpg", "cylinders", "displacement", "horsepower", "weight", "acceleration", "model_year")) {
                double v = arff.numeric(n).get(r);
                sb.append('"').append(n).append("\": ").append(Double.isNaN(v) ? "null" : Double.toString(v)).append(", ");
            }
            sb.append("\"origin\": \"").append(arff.categorical("origin").get(r)).append("\", ");
            sb.append("\"car_name\": ").append(quote(arff.text("car_name").get(r))).append("}\n");
        }
        assertThat(hp.missingCount()).isEqualTo(6);
        Path p = TestFiles.write(dir, "auto.jsonl", sb.toString());
        ReadOptions o = ReadOptions.defaults().withKind("origin", ColumnKind.CATEGORICAL).withKind("car_name", ColumnKind.TEXT);
        Dataset json = new JsonLinesReader().read(p.toString(), o);
        assertThat(json.fingerprint()).isEqualTo(Fingerprint.of(arff));
    }

    private static String quote(String s) {
        try {
            return JSON.writeValueAsString(s);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}

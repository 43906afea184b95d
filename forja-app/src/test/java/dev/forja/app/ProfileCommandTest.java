package dev.forja.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Iterator;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code forja profile} end to end, on the real example datasets of every format, checked against the
 * statistics pandas computed from the CSV each example was made from
 * (forja-core's reference/profile_reference.json, written by scripts/reference/profile_reference.py).
 */
class ProfileCommandTest {
    private static final Path ROOT = Path.of(System.getProperty("forja.root", "..")).toAbsolutePath().normalize();
    private static JsonNode reference;

    @TempDir
    Path dir;

    @BeforeAll
    static void loadReference() throws IOException {
        reference = new ObjectMapper().readTree(ROOT.resolve("forja-core/src/test/resources/reference/profile_reference.json").toFile())
                .path("datasets");
    }

    private static String example(String name) {
        return ROOT.resolve("examples/data").resolve(name).toString();
    }

    private CliRun profile(String... args) {
        String[] all = new String[args.length + 3];
        all[0] = "profile";
        System.arraycopy(args, 0, all, 1, args.length);
        all[args.length + 1] = "--out";
        all[args.length + 2] = dir.resolve("report.html").toString();
        return CliRun.of(all);
    }

    /**
     * Every column pandas summarised must have the same missing and distinct counts; numeric ones also the
     * same mean, std, min, max and quantiles.
     */
    private static void numericColumnsMatch(JsonNode profile, JsonNode ref, String... skip) {
        Map<String, JsonNode> byName = new java.util.HashMap<>();
        profile.path("columns").forEach(c -> byName.put(c.path("name").asText(), c));
        int checked = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = ref.path("columns").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode want = e.getValue();
            if (java.util.Arrays.asList(skip).contains(e.getKey())) {
                continue;
            }
            JsonNode got = byName.get(e.getKey());
            assertThat(got).as("column " + e.getKey()).isNotNull();
            assertThat(got.path("missing").asLong()).as(e.getKey() + " missing").isEqualTo(want.path("missing").asLong());
            assertThat(got.path("distinct").asLong()).as(e.getKey() + " distinct").isEqualTo(want.path("distinct").asLong());
            checked++;
            if (!want.path("kind").asText().equals("numeric")) {
                continue;
            }
            for (String stat : new String[] {"mean", "std", "min", "max"}) {
                double w = want.path(stat).asDouble();
                assertThat(got.path(stat).asDouble()).as(e.getKey() + " " + stat).isCloseTo(w, within(Math.abs(w) * 1e-9 + 1e-12));
            }
            for (String q : new String[] {"0.05", "0.25", "0.5", "0.75", "0.95"}) {
                double w = want.path("quantiles").path(q).asDouble();
                assertThat(got.path("quantiles").path(q).asDouble()).as(e.getKey() + " q" + q).isCloseTo(w, within(Math.abs(w) * 1e-9 + 1e-12));
            }
        }
        assertThat(checked).as("columns compared").isPositive();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "titanic.csv, Survived, examples/data/titanic.csv",
        "titanic.jsonl, Survived, examples/data/titanic.csv",
        "auto_mpg.csv, mpg, examples/data/auto_mpg.csv",
        "auto_mpg.arff, mpg, examples/data/auto_mpg.csv",
        "bike_sharing_day.csv, cnt, examples/data/bike_sharing_day.csv",
        "bike_sharing_day.parquet, cnt, examples/data/bike_sharing_day.csv",
        "adult.csv.gz, income, examples/data/adult.csv.gz",
        "sms_spam.csv, label, examples/data/sms_spam.csv"})
    void profileOfEveryFormatMatchesPandasOnTheSourceData(String file, String target, String referenceKey) {
        CliRun run = profile(example(file), "--target", target, "--json");
        assertThat(run.exitCode()).as(run.stderr()).isZero();
        JsonNode doc = run.json();
        JsonNode ref = reference.path(referenceKey);
        assertThat(doc.path("rows").asLong()).isEqualTo(ref.path("rows").asLong());
        assertThat(doc.path("fingerprint").asText()).startsWith("sha256:");
        assertThat(doc.path("report").asText()).isEqualTo(dir.resolve("report.html").toString());
        assertThat(doc.path("target").path("name").asText()).isEqualTo(target);
        // origin is nominal in the ARFF, numeric in the CSV
        numericColumnsMatch(doc, ref, "origin");
    }

    @Test
    void classTargetDistributionMatchesTheDatasetNotes() {
        JsonNode doc = profile(example("adult.csv.gz"), "--target", "income", "--json").json();
        assertThat(doc.path("target").path("distribution").path("<=50K").asLong()).isEqualTo(37_155);
        assertThat(doc.path("target").path("distribution").path(">50K").asLong()).isEqualTo(11_687);
    }

    @Test
    void duplicateMessagesAreCountedAndWarnedAbout() {
        JsonNode doc = profile(example("sms_spam.csv"), "--target", "label", "--json").json();
        assertThat(doc.path("duplicate_rows").asLong()).isEqualTo(5574 - 5171);
        assertThat(doc.path("warnings").findValuesAsText("kind")).contains("duplicate_rows", "class_imbalance");
    }

    @Test
    void theHtmlReportIsWrittenAndSelfContained() throws IOException {
        CliRun run = profile(example("titanic.csv"), "--target", "Survived");
        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(run.stdout()).contains("891 rows", "target Survived", "report: ");
        String html = Files.readString(dir.resolve("report.html"));
        assertThat(html).contains("<svg", "Survived").doesNotContain("<script src", "<link ", "http://", "https://");
    }

    @Test
    void readsAJdbcQuery() throws SQLException {
        Path db = dir.resolve("shop.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            s.execute("create table orders(id integer, amount real, channel text, returned integer)");
            s.execute("insert into orders values (1, 10.5, 'web', 0), (2, 20.0, 'store', 0), (3, null, 'web', 1), (4, 7.5, 'web', 0)");
        }
        CliRun run = profile("jdbc:sqlite:" + db, "--query", "select amount, channel, returned from orders", "--target", "returned", "--json");
        assertThat(run.exitCode()).as(run.stderr()).isZero();
        JsonNode amount = run.json().path("columns").get(0);
        assertThat(amount.path("missing").asLong()).isEqualTo(1);
        assertThat(amount.path("mean").asDouble()).isCloseTo((10.5 + 20.0 + 7.5) / 3, within(1e-12));
        assertThat(run.json().path("target").path("distribution").path("0").asLong()).isEqualTo(3);
    }

    @Test
    void anUnknownTargetFailsNamingTheColumns() {
        CliRun run = profile(example("titanic.csv"), "--target", "survived");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.stderr()).contains("no column 'survived'", "Survived").doesNotContain("Exception");
    }

    @Test
    void aRaggedRowFailsWithFileAndLine() throws IOException {
        Path bad = Files.writeString(dir.resolve("bad.csv"), "a,b\n1,2\n3\n");
        CliRun run = profile(bad.toString(), "--json");
        assertThat(run.exitCode()).isEqualTo(1);
        JsonNode error = run.json().path("error");
        assertThat(error.path("line").asLong()).isEqualTo(3);
        assertThat(error.path("message").asText()).startsWith(bad + ":3: this row has 1 field");
        assertThat(error.path("hint").asText()).contains("--lenient");
    }

    @Test
    void lenientReportsWhatItSkipped() throws IOException {
        Path bad = Files.writeString(dir.resolve("bad.csv"), "a,b\n1,2\n3\n4,5\n");
        CliRun run = profile(bad.toString(), "--lenient", "--json");
        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(run.json().path("rows").asLong()).isEqualTo(2);
        assertThat(run.json().path("read").path("rows_skipped").asLong()).isEqualTo(1);
        assertThat(run.stderr()).contains("skipped 1 malformed row");
    }

    @Test
    void anUnknownArffTypeFailsWithItsLine() throws IOException {
        Path arff = Files.writeString(dir.resolve("bad.arff"), "@relation r\n@attribute a numeric\n@attribute b complex\n@data\n1,2\n");
        CliRun run = profile(arff.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.stderr()).contains("bad.arff:3").contains("complex");
    }

    @Test
    void badUtf8FailsWithLineAndPosition() throws IOException {
        Path f = dir.resolve("latin1.csv");
        Files.write(f, new byte[] {'c', 'i', 't', 'y', '\n', 'M', (byte) 0xE1, 'l', 'a', 'g', 'a', '\n'});
        CliRun run = profile(f.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.stderr()).contains("latin1.csv:2:2: byte 0xE1 is not valid UTF-8", "iconv");
    }

    @Test
    void declaredKindsComeFromColumnFlagsAndSchemaFiles() throws IOException {
        Path schema = Files.writeString(dir.resolve("schema.json"), "{\"Pclass\":\"categorical\"}");
        CliRun run = profile(example("titanic.csv"), "--schema", schema.toString(), "--column", "Ticket:text", "--json");
        assertThat(run.exitCode()).as(run.stderr()).isZero();
        Map<String, String> kinds = new java.util.HashMap<>();
        run.json().path("columns").forEach(c -> kinds.put(c.path("name").asText(), c.path("kind").asText()));
        assertThat(kinds).containsEntry("Pclass", "categorical").containsEntry("Ticket", "text").containsEntry("Age", "numeric");
    }
}

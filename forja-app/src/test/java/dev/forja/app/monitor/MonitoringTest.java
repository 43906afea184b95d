package dev.forja.app.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.forja.app.CliRun;
import dev.forja.app.Main;
import dev.forja.app.TemporaryForjaHome;
import dev.forja.store.Stores;
import dev.forja.store.jdbc.JdbcStore;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The drift scenario end to end, as {@code forja demo drift} runs it: a model trained on 2008 bank calls,
 * served with the prediction log; 2008 traffic, then 2010 traffic, with late labels; {@code forja monitor}
 * finds no drift in the first two windows and drift in the last two, records and posts the alerts,
 * retrains on 2010 and the gate promotes the retrained model. Then {@code forja drift} on files.
 */
class MonitoringTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path ROOT = Path.of(System.getProperty("forja.root", "..")).toAbsolutePath().normalize();

    @TempDir
    static Path home;
    private static TemporaryForjaHome forjaHome;
    private static JsonNode demo;


    static CliRun forja(String... args) {
        return CliRun.of(args);
    }

    @BeforeAll
    static void runTheDemo() {
        forjaHome = new TemporaryForjaHome(home.resolve("store"));
        CliRun r = forja("demo", "drift", "--data", ROOT.resolve("examples/data/bank_marketing.csv.gz").toString(), "--dir", home.resolve("demo").toString(),
                "--window", "3", "--json");
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        demo = r.json();
    }

    @AfterAll
    static void restore() {
        forjaHome.close();
    }

    @Test
    void trafficLikeTheTrainingDataShowsNoDriftAndTheShiftedPeriodDoes() {
        JsonNode w = demo.path("windows");
        assertThat(w).hasSize(4);
        assertThat(w.get(0).path("verdict").asText()).isEqualTo("no_drift");
        assertThat(w.get(1).path("verdict").asText()).isEqualTo("no_drift");
        assertThat(w.get(2).path("verdict").asText()).isEqualTo("drift");
        assertThat(w.get(3).path("verdict").asText()).isEqualTo("drift");
        // the economy moved: interest rates and employment in 2010 lie outside anything seen in 2008
        assertThat(textList(w.get(3).path("drifted"))).contains("euribor3m", "nr.employed", "emp.var.rate", "poutcome");
        long rows = 0;
        for (JsonNode x : w) {
            rows += x.path("rows").asLong();
            assertThat(x.path("labelled").asLong()).as("every served row got its late label").isEqualTo(x.path("rows").asLong());
        }
        assertThat(rows).isEqualTo(9_000);
    }

    @Test
    void performanceFromLateLabelsIsMeasuredPerWindowAndFallsAfterTheShift() {
        JsonNode w = demo.path("windows");
        double before = (w.get(0).path("auc").asDouble() + w.get(1).path("auc").asDouble()) / 2;
        double after = (w.get(2).path("auc").asDouble() + w.get(3).path("auc").asDouble()) / 2;
        assertThat(before).isGreaterThan(after);
    }

    @Test
    void theRulesFireOnlyOnTheShiftedWindowsAndEachAlertIsPostedAndStored() throws Exception {
        List<String> fired = new ArrayList<>();
        demo.path("alerts").forEach(a -> fired.add(a.path("rule").asText() + " @ " + a.path("window_start").asText()));
        String third = demo.path("windows").get(2).path("start").asText();
        String fourth = demo.path("windows").get(3).path("start").asText();
        assertThat(fired).containsExactlyInAnyOrder("unseen_rate(poutcome) > 0.05 @ " + third, "unseen_rate(poutcome) > 0.05 @ " + fourth,
                "psi(any) > 0.25 for 2 windows @ " + fourth);
        assertThat(demo.path("webhook_calls").asInt()).isEqualTo(3);
        try (JdbcStore store = (JdbcStore) Stores.embedded(home.resolve("store"))) {
            assertThat(store.predictionLog().alerts("bank-demo", 0)).hasSize(3);
        }
    }

    @Test
    void retrainingOnTheNewPeriodPassesTheGateAndReplacesTheModel() {
        JsonNode r = demo.path("retraining");
        assertThat(r.path("retrain_exit").asInt()).isZero();
        assertThat(r.path("candidate").asText()).isEqualTo("models:/bank-demo/2");
        assertThat(r.path("promoted").asBoolean()).isTrue();
        assertThat(r.path("gate").path("decision").asText()).isEqualTo("accepted");
        assertThat(demo.path("production_before").asLong()).isEqualTo(1);
        assertThat(demo.path("production_after").asLong()).isEqualTo(2);
    }

    @Test
    void monitoringTheSameWindowsAgainDoesNotRepeatTheAlertsOrTheirActions() {
        JsonNode w = demo.path("windows");
        CliRun again = forja("monitor", "models:/bank-demo/1", "--name", "bank-demo", "--policy", demo.path("policy").asText(), "--since",
                w.get(0).path("start").asText(), "--until", w.get(3).path("end").asText(), "--json");
        assertThat(again.exitCode()).as("rules fired, so monitor exits 1").isEqualTo(1);
        assertThat(again.json().path("alerts")).isNotEmpty();
        again.json().path("alerts").forEach(a -> assertThat(a.path("new").asBoolean()).isFalse());
    }

    @Test
    void watchEvaluatesCompletedWindowsAsJsonLinesUntilStopped() throws Exception {
        JsonNode w = demo.path("windows");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int[] code = {-1};
        Thread watcher = new Thread(() -> code[0] = Main.run(new String[] {"monitor", "models:/bank-demo/1", "--name", "bank-demo", "--policy",
                demo.path("policy").asText(), "--since", w.get(0).path("start").asText(), "--watch", "--every", "200ms", "--json"},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8)));
        watcher.start();
        List<JsonNode> docs = new ArrayList<>();
        long deadline = System.currentTimeMillis() + 30_000;
        while (docs.stream().filter(d -> d.has("verdict")).count() < 4 && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
            docs.clear();
            JSON.readerFor(JsonNode.class).readValues(out.toString(StandardCharsets.UTF_8)).forEachRemaining(d -> docs.add((JsonNode) d));
        }
        watcher.interrupt();
        watcher.join(10_000);
        assertThat(watcher.isAlive()).isFalse();
        assertThat(code[0]).as(err.toString(StandardCharsets.UTF_8)).isZero();
        List<String> verdicts = docs.stream().filter(d -> d.has("verdict")).map(d -> d.path("verdict").asText()).toList();
        assertThat(verdicts).containsExactly("no_drift", "no_drift", "drift", "drift");
        List<JsonNode> alerts = docs.stream().filter(d -> d.has("rule")).toList();
        assertThat(alerts).hasSize(3).allSatisfy(a -> assertThat(a.path("new").asBoolean()).as("already recorded by the demo").isFalse());
    }

    @Test
    void bothReportsAreWrittenAndSelfContained() throws IOException {
        for (String key : List.of("monitor_report", "drift_report")) {
            String html = Files.readString(Path.of(demo.path(key).asText()));
            assertThat(html).startsWith("<!DOCTYPE html>").contains("<svg").doesNotContainPattern("(?i)<script|\\ssrc=");
        }
    }

    @Test
    void theDriftReportRendersInARealBrowserWithTheVerdictFirst(@TempDir Path dir) throws Exception {
        Path chromium = Path.of("/usr/bin/chromium");
        if (!Files.isExecutable(chromium)) {
            if ("1".equals(System.getenv("FORJA_REQUIRE_BROWSER"))) {
                org.assertj.core.api.Assertions.fail("FORJA_REQUIRE_BROWSER=1 but /usr/bin/chromium is not installed");
            }
            org.junit.jupiter.api.Assumptions.abort("no chromium installed: the real-browser check is skipped");
        }
        for (String key : List.of("drift_report", "monitor_report")) {
            Path page = Path.of(demo.path(key).asText());
            Path shot = dir.resolve(key + ".png");
            browser(chromium, dir, "--screenshot=" + shot, "--window-size=1280,1600", page.toUri().toString());
            assertThat(Files.size(shot)).as("screenshot of %s", key).isGreaterThan(30_000); // a blank page is ~10 KB
            String dom = browser(chromium, dir, "--dump-dom", page.toUri().toString());
            assertThat(dom).contains("<svg").contains("<rect");
            if (key.equals("drift_report")) {
                assertThat(dom).containsPattern("class=\"verdict drift\">Drift: [0-9]+ alert");
            } else {
                assertThat(dom).contains("Drift over time").contains("auc over time");
            }
        }
    }

    private static String browser(Path chromium, Path dir, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + dir.resolve("chromium-profile")));
        command.addAll(List.of(args));
        Path out = dir.resolve("chromium.out");
        Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(dir.resolve("chromium.err").toFile()).start();
        if (!p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("chromium did not finish within 60 s");
        }
        return Files.readString(out);
    }

    @Test
    void driftBetweenTwoDatasetsUsesTheExactTestAndLeavesInapplicableMeasuresNull() {
        Path dir = Path.of(demo.path("policy").asText()).getParent();
        CliRun r = forja("drift", dir.resolve("train_2008.csv").toString(), dir.resolve("recent_2010.csv").toString(), "--exclude", "y", "--json");
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        assertThat(r.json().path("verdict").asText()).isEqualTo("drift");
        assertThat(r.json().path("prediction").isNull()).isTrue();
        JsonNode features = r.json().path("features");
        JsonNode age = null;
        JsonNode job = null;
        for (JsonNode f : features) {
            assertThat(f.path("name").asText()).isNotEqualTo("y");
            if (f.path("name").asText().equals("age")) {
                age = f;
            } else if (f.path("name").asText().equals("job")) {
                job = f;
            }
        }
        assertThat(age.path("ks_method").asText()).isEqualTo("exact two-sample");
        assertThat(age.path("chi2_p_value").isNull()).isTrue();
        assertThat(age.path("js_distance").isNull()).isTrue();
        assertThat(job.path("ks_statistic").isNull()).isTrue();
        assertThat(job.path("chi2_p_value").isNumber()).isTrue();
        assertThat(job.path("unseen_rate").isNumber()).isTrue();
    }

    @Test
    void aMissingColumnInTheCurrentDataIsNamed() throws IOException {
        Path dir = Path.of(demo.path("policy").asText()).getParent();
        Path cut = dir.resolve("no_age.csv");
        List<String> lines = Files.readAllLines(dir.resolve("holdout_2010.csv"));
        List<String> out = new ArrayList<>();
        for (String l : lines) {
            out.add(l.substring(l.indexOf(',') + 1));
        }
        Files.write(cut, out);
        CliRun r = forja("drift", dir.resolve("train_2008.csv").toString(), cut.toString(), "--json");
        assertThat(r.exitCode()).isNotZero();
        assertThat(r.json().path("error").toString()).contains("no_age.csv has no column 'age'");
    }

    private static List<String> textList(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}

package dev.forja.learn.evaluate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.forja.core.task.CostMatrix;
import dev.forja.core.task.Task;
import dev.forja.core.task.TaskKind;
import dev.forja.learn.boosting.XGBoostContributions;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The evaluation report: complete, self-contained, well-formed, and drawn by a real browser. */
class EvaluationReportTest {
    private static String html;

    @BeforeAll
    static void render() {
        Task task = new Task(TaskKind.BINARY, "y", List.of("no", "yes"), "yes", "auc", null);
        SplittableRandom r = new SplittableRandom(3);
        int n = 400;
        double[] y = new double[n];
        double[] p = new double[n * 2];
        String[] group = new String[n];
        for (int i = 0; i < n; i++) {
            y[i] = r.nextDouble() < 0.4 ? 1 : 0;
            double s = Math.min(0.99, Math.max(0.01, 0.3 + 0.4 * y[i] + 0.25 * (r.nextDouble() - 0.5)));
            p[i * 2 + 1] = s;
            p[i * 2] = 1 - s;
            group[i] = i % 3 == 0 ? "a<b>" : "c";
        }
        Evaluation e = Evaluator.measure(task, y, p, 2, new Evaluator.Options(50, 1, List.of("group"), new CostMatrix(1, 5)), c -> group);
        e = new Evaluation(e.rows(), e.skippedRows(), e.metrics(), e.intervals(), e.labels(), e.confusion(), e.perClass(), e.calibration(),
                e.threshold(), e.confidence(), e.slices(), e.fairness(), new Behaviour.Result(0.03, 0.01, Map.of("group", 0.0),
                        Map.of("+x", 0.02), List.of(new Behaviour.Importance("x", 0.2, 0.01), new Behaviour.Importance("group", 0.0, 0.0)),
                        List.of(new XGBoostContributions.Feature("x", 0.7, 0.1))), e.curves());
        List<Check.Result> checks = List.of(Check.parse("auc > 1").evaluate(e), Check.parse("ece <= 0.5").evaluate(e));
        html = EvaluationReport.render(e, "models:/churn/3", "holdout.csv", "auc", checks);
    }

    @Test
    void hasEverySectionOfTheEvaluation() {
        assertThat(html).contains("Metrics", "Checks", "Confusion matrix", "ROC", "Precision-recall", "Reliability", "Threshold", "Abstaining below a confidence", "XGBoost contributions",
                "Slices by group", "demographic parity difference", "Behaviour", "Permutation importance", "2 without a target left out");
        assertThat(html).contains("failed").contains("passed");
    }

    @Test
    void isSelfContainedAndEscapesText() {
        assertThat(html).doesNotContainPattern("(?i)https?://").doesNotContainPattern("(?i)<script").doesNotContainPattern("(?i)<link")
                .doesNotContainPattern("(?i)\\ssrc=").contains("<style>").contains("a&lt;b&gt;").doesNotContain("a<b>");
    }

    @Test
    void isWellFormedMarkup() throws Exception {
        var doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(
                html.replace("<!DOCTYPE html>", "").getBytes(StandardCharsets.UTF_8)));
        assertThat(doc.getDocumentElement().getTagName()).isEqualTo("html");
        // ROC, precision-recall, reliability, threshold, coverage, slice bars, importance, contributions
        assertThat(doc.getElementsByTagName("svg").getLength()).isEqualTo(8);
    }

    @Test
    void rendersInARealBrowser(@TempDir Path dir) throws Exception {
        Path chromium = Path.of("/usr/bin/chromium");
        if (!Files.isExecutable(chromium)) {
            if ("1".equals(System.getenv("FORJA_REQUIRE_BROWSER"))) {
                fail("FORJA_REQUIRE_BROWSER=1 but /usr/bin/chromium is not installed");
            }
            Assumptions.abort("no chromium installed: the real-browser check is skipped (set FORJA_REQUIRE_BROWSER=1 to require it)");
        }
        Path page = dir.resolve("eval.html");
        Files.writeString(page, html);
        Path shot = dir.resolve("shot.png");
        run(chromium, dir, "--screenshot=" + shot, "--window-size=1280,2400", page.toUri().toString());
        byte[] png = Files.readAllBytes(shot);
        assertThat(png.length).as("screenshot size").isGreaterThan(30_000); // a blank page is ~10 KB
        String dom = run(chromium, dir, "--dump-dom", page.toUri().toString());
        assertThat(dom).contains("Evaluation · models:/churn/3").contains("<path").contains("<circle");
    }

    private static String run(Path chromium, Path dir, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + dir.resolve("chromium-profile")));
        command.addAll(List.of(args));
        Path out = dir.resolve("chromium.out");
        Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(dir.resolve("chromium.err").toFile()).start();
        if (!p.waitFor(90, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("chromium did not finish within 90 s");
        }
        assertThat(p.exitValue()).as("chromium exit code; stderr: %s", Files.readString(dir.resolve("chromium.err"))).isZero();
        return Files.readString(out);
    }
}

package dev.forja.app.automl;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.forja.app.CliRun;
import dev.forja.app.TemporaryForjaHome;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** forja automl on real data within its budget: the leaderboard, the pick, the constraints, the registered model that serves. */
class AutomlCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path ROOT = Path.of(System.getProperty("forja.root", "..")).toAbsolutePath().normalize();

    @TempDir
    static Path home;
    private static TemporaryForjaHome forjaHome;
    private static JsonNode titanic;
    private static double titanicSeconds;


    static CliRun forja(String... args) {
        return CliRun.of(args);
    }

    @BeforeAll
    static void run() {
        forjaHome = new TemporaryForjaHome(home);
        long start = System.nanoTime();
        CliRun r = forja("automl", ROOT.resolve("examples/data/titanic.csv").toString(), "--target", "Survived", "--time", "20s", "--register", "titanic-auto",
                "--json");
        titanicSeconds = (System.nanoTime() - start) / 1e9;
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        titanic = r.json();
    }

    @AfterAll
    static void restore() {
        forjaHome.close();
    }

    @Test
    void itEndsWithinItsBudget() {
        assertThat(titanicSeconds).isLessThan(20 * 1.05);
        assertThat(titanic.path("elapsed_seconds").asDouble()).isLessThan(21.0);
    }

    @Test
    void theLeaderboardStartsFromTheBaselineAndIsSortedByTheCrossValidatedMetric() {
        JsonNode board = titanic.path("leaderboard");
        List<String> models = new ArrayList<>();
        double previous = Double.POSITIVE_INFINITY;
        for (JsonNode c : board) {
            models.add(c.path("model").asText());
            assertThat(c.path("cv_metric").asDouble()).isLessThanOrEqualTo(previous);
            previous = c.path("cv_metric").asDouble();
            assertThat(c.path("latency_ms").asDouble()).isPositive();
            assertThat(c.path("size_bytes").asLong()).isPositive();
            assertThat(c.has("interpretable")).isTrue();
        }
        assertThat(models).contains("baseline", "logistic", "forest", "xgboost");
        assertThat(board.get(board.size() - 1).path("model").asText()).isEqualTo("baseline");
        assertThat(board.get(0).path("cv_metric").asDouble()).isGreaterThan(0.8);
    }

    @Test
    void theChosenModelIsTestedOnTheHeldOutPartAndRegisteredAndItServesPredictions() {
        JsonNode best = titanic.path("best");
        assertThat(best.path("model").asText()).isEqualTo(titanic.path("leaderboard").get(0).path("model").asText());
        assertThat(best.path("test_metrics").path("auc").asDouble()).isGreaterThan(0.8);
        assertThat(best.path("model_uri").asText()).isEqualTo("models:/titanic-auto/1");
        CliRun predicted = forja("predict", "models:/titanic-auto/1", ROOT.resolve("examples/data/titanic.csv").toString(), "--out",
                home.resolve("p.csv").toString(), "--json");
        assertThat(predicted.exitCode()).as(predicted.stderr()).isZero();
    }

    @Test
    void anInterpretableRequirementPicksAReadableModelEvenIfAnotherScoresBetter() {
        CliRun r = forja("automl", ROOT.resolve("examples/data/titanic.csv").toString(), "--target", "Survived", "--time", "12s", "--interpretable", "--json");
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        String chosen = r.json().path("best").path("model").asText();
        assertThat(chosen).isIn("logistic", "linear", "naive-bayes", "tree", "baseline");
        JsonNode top = r.json().path("leaderboard").get(0);
        if (!top.path("interpretable").asBoolean()) {
            assertThat(top.path("meets_constraints").asBoolean()).isFalse();
        }
    }
}

package dev.forja.app.tune;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.forja.app.CliRun;
import dev.forja.app.TemporaryForjaHome;
import dev.forja.store.Store;
import dev.forja.store.Stores;
import dev.forja.store.tracking.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** forja tune through the CLI on Titanic: the JSON the issue specifies, the refitted model, and every trial as a nested run. */
class TuneCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TITANIC = Path.of(System.getProperty("forja.root", "..")).toAbsolutePath().normalize()
            .resolve("examples/data/titanic.csv").toString();

    @TempDir
    static Path home;
    private static TemporaryForjaHome forjaHome;
    private static JsonNode tuned;


    static CliRun forja(String... args) {
        return CliRun.of(args);
    }

    @BeforeAll
    static void tune() {
        forjaHome = new TemporaryForjaHome(home);
        CliRun r = forja("tune", TITANIC, "--target", "Survived", "--model", "xgboost", "--trials", "12", "--cv", "3", "--experiment", "tuning",
                "--register", "titanic-tuned", "--out", home.resolve("best").toString(), "--json");
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        tuned = r.json();
    }

    @AfterAll
    static void restore() {
        forjaHome.close();
    }

    @Test
    void theJsonCarriesTheBestParamsItsCrossValidatedScoreAndTheCounts() {
        JsonNode best = tuned.path("best");
        assertThat(best.path("params").has("learning_rate")).isTrue();
        assertThat(best.path("cv_metric").asDouble()).isBetween(0.75, 1.0);
        assertThat(best.path("cv_std").asDouble()).isPositive();
        assertThat(tuned.path("trials").asInt()).isEqualTo(12);
        assertThat(tuned.path("pruned").asInt()).isBetween(0, 11);
        assertThat(tuned.path("metric").asText()).isEqualTo("auc");
        assertThat(tuned.path("cpu_utilisation").asDouble()).isBetween(0.0, 1.0);
    }

    @Test
    void theBestConfigurationIsRefittedTestedWrittenAndRegistered() {
        assertThat(Files.exists(home.resolve("best").resolve("forja-model.json"))).isTrue();
        assertThat(tuned.path("test_metrics").path("auc").asDouble()).isGreaterThan(0.75);
        assertThat(tuned.path("registered").path("model_uri").asText()).isEqualTo("models:/titanic-tuned/1");
        try (Store store = Stores.embedded(home)) {
            Run refit = store.getRun(tuned.path("run_id").asText());
            assertThat(refit.params()).containsEntry("learning_rate", tuned.path("best").path("params").path("learning_rate").asText());
            assertThat(refit.tags()).containsEntry("forja.tune.search", "tpe");
        }
    }

    @Test
    void everyTrialIsANestedRunWithItsFoldsAndState() {
        try (Store store = Stores.embedded(home)) {
            int children = 0;
            for (JsonNode t : tuned.path("trial_list")) {
                Run run = store.getRun(t.path("run_id").asText());
                assertThat(run.tags()).containsEntry("mlflow.parentRunId", tuned.path("run_id").asText())
                        .containsEntry("forja.trial.state", t.path("state").asText());
                if (t.path("state").asText().equals("complete")) {
                    assertThat(run.metrics().get("cv_auc_mean").value()).isEqualTo(t.path("cv_metric").asDouble());
                }
                children++;
            }
            assertThat(children).isEqualTo(12);
        }
    }

    @Test
    void theJsonSaysWhatScoredTheTrialsAndHowTheyWerePruned() {
        assertThat(tuned.path("objective").asText()).isEqualTo("3-fold cv");
        assertThat(tuned.path("pruning").asText()).startsWith("median pruning");
    }

    @Test
    void aHoldoutScoresTrialsOnOnePartWithNoSpreadAndAshaHalvesTheBoostingRounds() {
        CliRun r = forja("tune", TITANIC, "--target", "Survived", "--model", "xgboost", "--trials", "9", "--holdout", "0.25", "--pruner", "asha",
                "--experiment", "holdout", "--json");
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        JsonNode doc = r.json();
        assertThat(doc.path("objective").asText()).isEqualTo("holdout 0.25 of the training part");
        assertThat(doc.path("pruning").asText()).contains("n_estimators");
        assertThat(doc.path("best").path("cv_std").isNull()).isTrue();
        assertThat(doc.path("best").path("cv_metric").asDouble()).isBetween(0.7, 1.0);
        assertThat(doc.path("pruned").asInt()).isPositive();
    }

    @Test
    void cvAndHoldoutTogetherAreRefusedNamingBoth() {
        CliRun r = forja("tune", TITANIC, "--target", "Survived", "--model", "tree", "--trials", "2", "--cv", "3", "--holdout", "0.2");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.stderr()).contains("--cv and --holdout cannot be combined").doesNotContain("Exception");
    }

    @Test
    void withReproducibleTwoParallelSearchesOfOneSeedTryTheSameTrials() {
        String[] args = {"tune", TITANIC, "--target", "Survived", "--model", "tree", "--trials", "16", "--parallel", "2", "--reproducible", "--seed", "5",
            "--experiment", "reproducible", "--json"};
        CliRun a = forja(args);
        CliRun b = forja(args);
        assertThat(a.exitCode()).as(a.stderr()).isZero();
        assertThat(a.json().path("reproducible").asBoolean()).isTrue();
        java.util.List<JsonNode> first = new java.util.ArrayList<>();
        a.json().path("trial_list").forEach(t -> first.add(t.path("params")));
        java.util.List<JsonNode> second = new java.util.ArrayList<>();
        b.json().path("trial_list").forEach(t -> second.add(t.path("params")));
        assertThat(first).hasSize(16).isEqualTo(second);
        assertThat(a.json().path("best").path("params")).isEqualTo(b.json().path("best").path("params"));
    }
}

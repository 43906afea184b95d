package dev.forja.app.evaluate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.forja.app.CliRun;
import dev.forja.app.TemporaryForjaHome;
import dev.forja.store.Store;
import dev.forja.store.Stores;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** forja evaluate and the promotion gate, with two real models trained through the CLI. */
class EvaluateAndPromoteTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TITANIC = Path.of(System.getProperty("forja.root", "..")).toAbsolutePath().normalize()
            .resolve("examples/data/titanic.csv").toString();

    @TempDir
    static Path home;
    private static TemporaryForjaHome forjaHome;


    static CliRun forja(String... args) {
        return CliRun.of(args);
    }

    @BeforeAll
    static void trainTwoModels() {
        forjaHome = new TemporaryForjaHome(home);
        assertThat(forja("train", TITANIC, "--target", "Survived", "--model", "baseline", "--register", "titanic", "--json").exitCode()).isZero();
        assertThat(forja("train", TITANIC, "--target", "Survived", "--model", "xgboost", "--register", "titanic", "--json").exitCode()).isZero();
        assertThat(forja("models", "alias", "titanic", "1", "production", "--json").exitCode()).isZero();
        // A model whose answer depends on Sex alone, so its behaviour is known exactly.
        assertThat(forja("train", TITANIC, "--target", "Survived", "--model", "rule", "--param", "rule=Sex == female -> 1 else 0", "--register",
                "rules", "--json").exitCode()).isZero();
    }

    @AfterAll
    static void restore() {
        forjaHome.close();
    }

    @Test
    void evaluationReportsMetricsWithIntervalsConfusionCalibrationThresholdAndSlices() {
        CliRun r = forja("evaluate", "models:/titanic/2", TITANIC, "--slices", "Sex,Age", "--cost", "fp=1,fn=5", "--json");
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        JsonNode e = r.json();
        assertThat(e.path("rows").asInt()).isEqualTo(891);
        double auc = e.path("metrics").path("auc").asDouble();
        assertThat(e.path("intervals").path("auc").get(0).asDouble()).isLessThan(auc);
        assertThat(e.path("intervals").path("auc").get(1).asDouble()).isGreaterThan(auc);
        long total = 0;
        for (JsonNode row : e.path("confusion_matrix").path("matrix")) {
            for (JsonNode v : row) {
                total += v.asLong();
            }
        }
        assertThat(total).isEqualTo(891);
        long correct = e.path("confusion_matrix").path("matrix").get(0).get(0).asLong() + e.path("confusion_matrix").path("matrix").get(1).get(1).asLong();
        assertThat(e.path("metrics").path("accuracy").asDouble()).isEqualTo(correct / 891.0);
        assertThat(e.path("calibration").path("ece").asDouble()).isBetween(0.0, 1.0);
        assertThat(e.path("calibration").path("brier").asDouble()).isEqualTo(e.path("metrics").path("brier").asDouble());
        // False negatives cost five times more, so the cheapest threshold is below the default 0.5.
        assertThat(e.path("threshold").path("best").asDouble()).isLessThan(0.5);
        int sexRows = 0;
        for (JsonNode s : e.path("slices").path("Sex")) {
            sexRows += s.path("count").asInt();
        }
        assertThat(sexRows).isEqualTo(891);
        assertThat(e.path("slices").path("Sex")).extracting(s -> s.path("value").asText()).containsExactly("female", "male");
        assertThat(e.path("slices").path("Age")).extracting(s -> s.path("value").asText()).contains("(missing)");
    }

    @Test
    void theSameSeedGivesTheSameIntervals() {
        JsonNode a = forja("evaluate", "models:/titanic/2", TITANIC, "--bootstrap", "50", "--seed", "7", "--json").json();
        JsonNode b = forja("evaluate", "models:/titanic/2", TITANIC, "--bootstrap", "50", "--seed", "7", "--json").json();
        assertThat(a.path("intervals")).isEqualTo(b.path("intervals"));
    }

    @Test
    void aFailedCheckExitsOneWithTheMeasuredValue() throws IOException {
        Path checks = Files.writeString(home.resolve("checks.yaml"), "# gate\n- auc >= 0.99\n- slice_min(auc, by: Sex) > 0.5\n");
        CliRun r = forja("evaluate", "models:/titanic/1", TITANIC, "--checks", checks.toString(), "--json");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.json().path("checks").get(0).path("passed").asBoolean()).isFalse();
        assertThat(r.json().path("checks").get(0).path("value").asDouble()).isEqualTo(0.5);
        assertThat(r.json().path("checks").get(1).path("passed").asBoolean()).isFalse();
        assertThat(r.json().path("checks").get(1).path("value").asDouble()).as("a check's slices are measured without --slices").isEqualTo(0.5);
    }

    @Test
    void theGateRefusesAWorseModelAndAcceptsABetterOne() {
        forja("models", "alias", "titanic", "1", "gate", "--json");
        forja("models", "alias", "titanic", "2", "strong", "--json");
        CliRun refused = forja("models", "promote", "titanic", "--version", "1", "--to", "strong", "--data", TITANIC, "--must-beat", "strong", "--json");
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.json().path("decision").asText()).isEqualTo("refused");
        assertThat(refused.json().path("reason").asText()).contains("does not beat version 2");

        CliRun accepted = forja("models", "promote", "titanic", "--version", "2", "--to", "gate", "--data", TITANIC, "--must-beat", "gate", "--json");
        assertThat(accepted.exitCode()).as(accepted.stderr()).isZero();
        assertThat(accepted.json().path("decision").asText()).isEqualTo("accepted");
        assertThat(accepted.json().path("comparison").path("difference_interval").get(0).asDouble()).isPositive();
        try (Store store = Stores.embedded(home)) {
            assertThat(store.getVersionByAlias("titanic", "gate").version()).isEqualTo(2);
            assertThat(store.getVersionByAlias("titanic", "strong").version()).isEqualTo(2);
            assertThat(store.getModelVersion("titanic", 1).tags()).containsEntry("forja.promotion.strong", "refused");
            assertThat(store.getModelVersion("titanic", 2).tags()).containsEntry("forja.promotion.gate", "accepted");
        }
    }

    @Test
    void checksAndComparisonsNeedData() {
        CliRun r = forja("models", "promote", "titanic", "--version", "2", "--to", "x", "--must-beat", "production", "--json");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.json().path("error").toString()).contains("--data");
    }

    @Test
    void behaviourOfAModelThatReadsOnlySexIsMeasuredExactly() {
        CliRun r = forja("evaluate", "models:/rules/1", TITANIC, "--invariant", "Sex", "--invariant", "Age", "--monotone", "+Fare", "--bootstrap", "0",
                "--json");
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        JsonNode b = r.json().path("behaviour");
        assertThat(b.path("invariance").path("Sex").asDouble()).isEqualTo(1.0);
        assertThat(b.path("invariance").path("Age").asDouble()).isEqualTo(0.0);
        assertThat(b.path("direction").path("+Fare").asDouble()).isEqualTo(0.0);
        // 5% of categories are swapped, so about 5% of the Sex values, hence predictions, flip.
        assertThat(b.path("perturbation").path("flip_rate").asDouble()).isBetween(0.02, 0.08);
        JsonNode importance = r.json().path("importance");
        assertThat(importance.get(0).path("column").asText()).isEqualTo("Sex");
        assertThat(importance.get(0).path("mean").asDouble()).isPositive();
        for (int i = 1; i < importance.size(); i++) {
            assertThat(importance.get(i).path("mean").asDouble()).as(importance.get(i).path("column").asText()).isEqualTo(0.0);
        }
        assertThat(r.json().path("contributions")).as("a rule is not an XGBoost model").isEmpty();
    }

    @Test
    void anXGBoostModelAlsoReportsItsOwnContributionsPerFeature() {
        CliRun r = forja("evaluate", "models:/titanic/2", TITANIC, "--behaviour", "--repeats", "1", "--bootstrap", "0", "--json");
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        JsonNode contributions = r.json().path("contributions");
        assertThat(contributions.size()).isGreaterThan(3);
        assertThat(contributions.get(0).path("feature").asText()).startsWith("Sex");
        assertThat(contributions.get(0).path("mean_abs").asDouble()).isGreaterThan(contributions.get(1).path("mean_abs").asDouble());
    }

    @Test
    void aBehaviouralCheckInTheGateRefusesAModelThatUsesASensitiveColumn() throws IOException {
        Path checks = Files.writeString(home.resolve("fair.yaml"), "- invariance(Sex) <= 0.01\n");
        CliRun r = forja("models", "promote", "rules", "--version", "1", "--to", "production", "--data", TITANIC, "--checks", checks.toString(), "--json");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.json().path("reason").asText()).contains("invariance(Sex) <= 0.01 failed (1.0000)");
    }

    @Test
    void theCheapestThresholdBecomesANewVersionThatDecidesWithIt() {
        JsonNode before = forja("evaluate", "models:/titanic/2", TITANIC, "--cost", "fp=1,fn=5", "--bootstrap", "0", "--json").json();
        double best = before.path("threshold").path("best").asDouble();
        CliRun saved = forja("models", "threshold", "titanic", "--version", "2", "--threshold", Double.toString(best), "--json");
        assertThat(saved.exitCode()).as(saved.stderr()).isZero();
        long version = saved.json().path("version").asLong();
        assertThat(version).isGreaterThan(2);
        JsonNode after = forja("evaluate", "models:/titanic/" + version, TITANIC, "--bootstrap", "0", "--json").json();
        assertThat(after.path("threshold").path("current").asDouble()).isCloseTo(best, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(after.path("confusion_matrix").path("matrix")).isEqualTo(before.path("threshold").path("best_confusion_matrix"));
        assertThat(after.path("metrics").path("auc").asDouble()).as("the same predictor").isEqualTo(before.path("metrics").path("auc").asDouble());
        try (Store store = Stores.embedded(home)) {
            assertThat(store.getModelVersion("titanic", version).tags()).containsEntry("forja.threshold.from", "2");
        }
    }

    @Test
    void comparingTwoModelsGivesBothMetricsThePairedGainAndNoParadoxWhenSlicesAgree() {
        CliRun r = forja("evaluate", "models:/titanic/2", TITANIC, "--compare", "models:/titanic/1", "--slices", "Sex", "--bootstrap", "50", "--json");
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        JsonNode c = r.json().path("comparison");
        assertThat(c.path("this").asDouble()).isEqualTo(r.json().path("metrics").path("auc").asDouble());
        assertThat(c.path("other").asDouble()).isEqualTo(0.5);
        assertThat(c.path("difference_interval").get(0).asDouble()).isPositive();
        assertThat(c.path("warnings")).isEmpty();
    }

    @Test
    void theLearningCurveRefitsTheLearnerOnGrowingPartsOfTheTrainingData() throws IOException {
        // Train on the first 600 rows, evaluate on the other 291.
        List<String> lines = Files.readAllLines(Path.of(TITANIC));
        Path train = Files.write(home.resolve("train.csv"), lines.subList(0, 601));
        List<String> rest = new java.util.ArrayList<>(List.of(lines.get(0)));
        rest.addAll(lines.subList(601, lines.size()));
        Path holdout = Files.write(home.resolve("holdout.csv"), rest);
        CliRun r = forja("evaluate", "models:/titanic/2", holdout.toString(), "--learning-curve", train.toString(), "--bootstrap", "0", "--json");
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        JsonNode curve = r.json().path("learning_curve");
        assertThat(curve).extracting(p -> p.path("rows").asInt()).containsExactly(60, 120, 240, 360, 480, 600);
        for (JsonNode p : curve) {
            assertThat(p.path("train").asDouble()).isBetween(0.5, 1.0);
            assertThat(p.path("validation").asDouble()).isBetween(0.5, 1.0);
        }
        // Boosted trees fit their own rows better than new ones.
        assertThat(curve.get(5).path("train").asDouble()).isGreaterThan(curve.get(5).path("validation").asDouble());
    }

    @Test
    void aLatencyCheckMeasuresTheOneRowPath() throws IOException {
        Path checks = Files.writeString(home.resolve("latency.yaml"), "- latency_p99_ms <= 100\n");
        CliRun r = forja("evaluate", "models:/titanic/2", TITANIC, "--checks", checks.toString(), "--bootstrap", "0", "--json");
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        double p99 = r.json().path("checks").get(0).path("value").asDouble();
        assertThat(p99).isPositive().isEqualTo(r.json().path("metrics").path("latency_p99_ms").asDouble());
        assertThat(r.json().path("metrics").path("latency_p50_ms").asDouble()).isPositive().isLessThanOrEqualTo(p99);
    }

    @Test
    void calibrateFitsOnOnePartEvaluatesOnTheOtherAndRegistersTheCalibratedModel() {
        CliRun r = forja("evaluate", "models:/titanic/2", TITANIC, "--calibrate", "isotonic", "--bootstrap", "0", "--register", "titanic-calibrated",
                "--json");
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        JsonNode c = r.json().path("calibrated");
        assertThat(c.path("calibration_rows").asInt() + c.path("evaluation_rows").asInt()).isEqualTo(891);
        assertThat(c.path("calibration_rows").asInt()).isBetween(440, 451);
        assertThat(r.json().path("rows").asInt()).as("the evaluation covers only rows the calibrator did not see").isEqualTo(c.path("evaluation_rows").asInt());
        assertThat(c.path("after").path("ece").asDouble()).isEqualTo(r.json().path("calibration").path("ece").asDouble());
        assertThat(c.path("before").path("ece").asDouble()).isBetween(0.0, 1.0);
        assertThat(c.path("model_uri").asText()).isEqualTo("models:/titanic-calibrated/1");

        CliRun back = forja("evaluate", "models:/titanic-calibrated/1", TITANIC, "--bootstrap", "0", "--json");
        assertThat(back.exitCode()).as(back.stderr()).isZero();
        assertThat(back.json().path("rows").asInt()).isEqualTo(891);
        try (Store store = Stores.embedded(home)) {
            assertThat(store.getModelVersion("titanic-calibrated", 1).tags()).containsEntry("forja.calibration", "isotonic");
        }
    }

    @Test
    void calibrateWithoutADestinationIsRefusedBeforeAnyWork() {
        CliRun r = forja("evaluate", "models:/titanic/2", TITANIC, "--calibrate", "platt", "--json");
        assertThat(r.exitCode()).isNotZero();
        assertThat(r.stderr()).contains("neither --out nor --register");
    }
}

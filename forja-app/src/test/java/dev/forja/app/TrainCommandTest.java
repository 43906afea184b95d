package dev.forja.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.forja.core.ingest.DataReaders;
import dev.forja.core.frame.Frame;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** forja train and forja predict through the CLI, on the example data. */
class TrainCommandTest {
    private static final Path ROOT = Path.of(System.getProperty("forja.root", "..")).toAbsolutePath().normalize();

    @TempDir
    Path dir;

    private static String example(String name) {
        return ROOT.resolve("examples/data").resolve(name).toString();
    }

    @ParameterizedTest
    @ValueSource(strings = {"baseline", "logistic", "naive-bayes", "knn", "tree", "forest", "extra-trees", "xgboost"})
    void everyClassifierTrainsReportsNextToTheBaselineAndPredictsItsTestRowsAgain(String model) throws IOException {
        Path out = dir.resolve(model);
        CliRun run = CliRun.of("train", example("titanic.csv"), "--target", "Survived", "--model", model, "--out", out.toString(), "--json");
        assertThat(run.exitCode()).as(run.stderr()).isZero();
        JsonNode doc = run.json();
        assertThat(doc.path("model_dir").asText()).isEqualTo(out.toString());
        assertThat(doc.path("task").path("kind").asText()).isEqualTo("binary");
        assertThat(doc.path("model").asText()).isEqualTo(model);
        assertThat(doc.path("metrics").path("auc").isNumber()).isTrue();
        assertThat(doc.path("baseline_metrics").path("auc").asDouble()).isEqualTo(0.5);
        assertThat(doc.path("train_seconds").isNumber()).isTrue();
        if (!model.equals("baseline")) {
            assertThat(doc.path("metrics").path("auc").asDouble()).as("beats the baseline").isGreaterThan(0.6);
        }
        assertThat(out.resolve("forja-model.json")).exists();
        assertThat(out.resolve("card.md")).exists();
        assertThat(out.resolve("reference.json")).exists();

        Path preds = dir.resolve(model + ".csv");
        CliRun predict = CliRun.of("predict", out.toString(), example("titanic.csv"), "--keep", "PassengerId", "--out", preds.toString(), "--json");
        assertThat(predict.exitCode()).as(predict.stderr()).isZero();
        assertThat(predict.json().path("rows").asInt()).isEqualTo(891);
        Frame p = DataReaders.read(preds.toString()).frame();
        assertThat(p.columnNames()).containsExactly("PassengerId", "prediction", "p_0", "p_1");
        for (int r = 0; r < p.rowCount(); r++) {
            assertThat(p.numeric("p_0").get(r) + p.numeric("p_1").get(r)).isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-12));
        }
    }

    @Test
    void regressionWithTheLinearModel() {
        CliRun run = CliRun.of("train", example("bike_sharing_day.csv"), "--target", "cnt", "--model", "linear", "--out", dir.resolve("m").toString(), "--json");
        assertThat(run.exitCode()).as(run.stderr()).isZero();
        JsonNode doc = run.json();
        assertThat(doc.path("task").path("kind").asText()).isEqualTo("regression");
        assertThat(doc.path("metrics").path("rmse").asDouble()).isLessThan(doc.path("baseline_metrics").path("rmse").asDouble());
    }

    @Test
    void anUnknownParameterListsTheModelsParameters() {
        CliRun run = CliRun.of("train", example("titanic.csv"), "--target", "Survived", "--model", "forest", "--param", "trees=10");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.stderr()).contains("no parameter 'trees'", "n_estimators").doesNotContain("Exception");
    }

    @Test
    void aModelThatCannotDoTheTaskNamesTheOnesThatCan() {
        CliRun run = CliRun.of("train", example("titanic.csv"), "--target", "Survived", "--model", "linear");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.stderr()).contains("cannot do a binary task", "logistic");
    }

    @Test
    void aTargetWithOneClassIsRefused() throws IOException {
        Path f = Files.writeString(dir.resolve("one.csv"), "x,y\n1,a\n2,a\n3,a\n");
        CliRun run = CliRun.of("train", f.toString(), "--target", "y");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.stderr()).contains("1 class(es)");
    }

    @Test
    void predictionDataMissingAColumnIsRefusedNamingIt() throws IOException {
        Path model = dir.resolve("m");
        assertThat(CliRun.of("train", example("auto_mpg.csv"), "--target", "mpg", "--model", "tree", "--out", model.toString()).exitCode()).isZero();
        Path f = Files.writeString(dir.resolve("few.csv"), "cylinders,weight\n4,2000\n");
        CliRun run = CliRun.of("predict", model.toString(), f.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.stderr()).contains("column 'displacement'").contains("is missing");
    }

    @Test
    void checkOverfitReportsTheTinySubsetFit() {
        CliRun run = CliRun.of("train", example("titanic.csv"), "--target", "Survived", "--model", "tree", "--check-overfit", "--out",
                dir.resolve("m").toString(), "--json");
        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(run.json().path("overfit_check").path("passed").asBoolean()).isTrue();
    }
}

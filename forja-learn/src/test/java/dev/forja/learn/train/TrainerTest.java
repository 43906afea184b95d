package dev.forja.learn.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.forja.core.ForjaException;
import dev.forja.core.ProgressListener;
import dev.forja.core.frame.Frame;
import dev.forja.core.ingest.DataReaders;
import dev.forja.core.ingest.Dataset;
import dev.forja.core.task.Task;
import dev.forja.learn.model.Model;
import dev.forja.learn.model.ModelArtifact;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Training end to end on real data: reproducible bytes, reloaded predictions, the baseline always there. */
class TrainerTest {
    private static final Path ROOT = Path.of(System.getProperty("forja.root", "..")).toAbsolutePath().normalize();

    @TempDir
    Path dir;

    static Dataset titanic() {
        return DataReaders.read(ROOT.resolve("examples/data/titanic.csv").toString());
    }

    static TrainOptions options(String model, long seed) {
        return new TrainOptions("Survived", Task.Overrides.none(), model, Map.of(), 0.2, model.equals("xgboost") ? 0.1 : 0, 0, null, null,
                null, seed, null, false);
    }

    @ParameterizedTest
    @ValueSource(strings = {"baseline", "logistic", "naive-bayes", "knn", "tree", "forest", "extra-trees", "xgboost", "voting", "bagging", "stacking"})
    void aReloadedModelReproducesTheTestPredictionsExactly(String model) {
        Dataset data = titanic();
        TrainResult r = Trainer.train(data, options(model, 7), ProgressListener.NONE);
        ModelArtifact.write(r.model(), dir.resolve("m"));
        Model back = ModelArtifact.read(dir.resolve("m"));
        Frame test = data.frame().select(r.testRows());
        assertThat(back.predict(test, "test")).containsExactly(r.testPredictions());
    }

    @ParameterizedTest
    @ValueSource(strings = {"forest", "xgboost", "stacking"})
    void theSameSeedGivesByteIdenticalModelFiles(String model) throws IOException {
        Dataset data = titanic();
        ModelArtifact.write(Trainer.train(data, options(model, 3), ProgressListener.NONE).model(), dir.resolve("a"));
        ModelArtifact.write(Trainer.train(data, options(model, 3), ProgressListener.NONE).model(), dir.resolve("b"));
        List<Path> files;
        try (Stream<Path> s = Files.walk(dir.resolve("a"))) {
            files = s.filter(Files::isRegularFile).toList();
        }
        assertThat(files).hasSizeGreaterThan(3);
        for (Path a : files) {
            Path b = dir.resolve("b").resolve(dir.resolve("a").relativize(a));
            assertThat(Files.readAllBytes(b)).as(a.toString()).isEqualTo(Files.readAllBytes(a));
        }
    }

    @Test
    void theModelBeatsItsBaselineOnTitanic() {
        TrainResult r = Trainer.train(titanic(), options("xgboost", 1), ProgressListener.NONE);
        assertThat(r.baselineMetrics().get("auc")).isEqualTo(0.5);
        assertThat(r.metrics().get("auc")).isGreaterThan(0.8);
        assertThat(r.trainRows() + r.validRows() + r.testRows().length).isEqualTo(891);
        assertThat(r.notes()).anyMatch(n -> n.contains("text column 'Name'"));
    }

    @Test
    void crossValidationScoresEachFold() {
        TrainOptions o = new TrainOptions("Survived", Task.Overrides.none(), "forest", Map.of("n_estimators", "20"), 0.2, 0, 4, null, null,
                null, 5, null, false);
        TrainResult r = Trainer.train(titanic(), o, ProgressListener.NONE);
        assertThat(r.cvScores()).hasSize(4);
        for (double s : r.cvScores()) {
            assertThat(s).isBetween(0.7, 1.0);
        }
    }

    @Test
    void theOverfitCheckPassesForAFlexibleModel() {
        TrainOptions o = new TrainOptions("Survived", Task.Overrides.none(), "tree", Map.of(), 0.2, 0, 0, null, null, null, 5, null, true);
        TrainResult r = Trainer.train(titanic(), o, ProgressListener.NONE);
        assertThat(r.overfit().passed()).as(r.overfit().message()).isTrue();
    }

    @Test
    void theOverfitCheckFailsForTheBaseline() {
        TrainOptions o = new TrainOptions("Survived", Task.Overrides.none(), "baseline", Map.of(), 0.2, 0, 0, null, null, null, 5, null, true);
        TrainResult r = Trainer.train(titanic(), o, ProgressListener.NONE);
        assertThat(r.overfit().passed()).isFalse();
        assertThat(r.overfit().message()).contains("cannot memorise");
    }

    @Test
    void aModelThatDoesNotFitTheTaskIsRefused() {
        TrainOptions o = new TrainOptions("Fare", Task.Overrides.none(), "xgboost", Map.of("objective_does_not_exist", "1"), 0.2, 0, 0, null, null,
                null, 5, null, false);
        assertThatThrownBy(() -> Trainer.train(titanic(), o, ProgressListener.NONE)).isInstanceOf(ForjaException.class)
                .hasMessageContaining("no parameter 'objective_does_not_exist'");
    }

    @Test
    void classWeightsAreReported() {
        TrainOptions o = new TrainOptions("Survived", Task.Overrides.none(), "tree", Map.of("max_depth", "3"), 0.2, 0, 0, null, null, "weights", 5,
                null, false);
        assertThat(Trainer.train(titanic(), o, ProgressListener.NONE).notes()).anyMatch(n -> n.contains("--balance weights"));
    }
}

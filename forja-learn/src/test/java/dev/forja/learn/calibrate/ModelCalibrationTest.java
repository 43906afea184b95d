package dev.forja.learn.calibrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.forja.core.ForjaException;
import dev.forja.core.ProgressListener;
import dev.forja.core.frame.Frame;
import dev.forja.core.ingest.DataReaders;
import dev.forja.core.ingest.Dataset;
import dev.forja.core.task.Task;
import dev.forja.learn.evaluate.Evaluation;
import dev.forja.learn.evaluate.Evaluator;
import dev.forja.learn.model.Model;
import dev.forja.learn.model.ModelArtifact;
import dev.forja.learn.train.TrainOptions;
import dev.forja.learn.train.TrainResult;
import dev.forja.learn.train.Trainer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Calibrating a real model: naive Bayes on the Adult census data is badly over-confident (its feature
 * independence assumption multiplies evidence); calibrating on one half of the held-out rows must
 * shrink the expected calibration error on the other half, and the calibrated model must survive a
 * save and load unchanged.
 */
class ModelCalibrationTest {
    private static final Path ROOT = Path.of(System.getProperty("forja.root", "..")).toAbsolutePath().normalize();
    private static Dataset adult;
    private static TrainResult bayes;
    private static Frame calibrationHalf;
    private static Frame evaluationHalf;

    @TempDir
    Path dir;

    @BeforeAll
    static void trainOverConfidentModel() {
        adult = DataReaders.read(ROOT.resolve("examples/data/adult.csv.gz").toString());
        bayes = Trainer.train(adult, new TrainOptions("income", Task.Overrides.none(), "naive-bayes", Map.of(), 0.3, 0, 0, null, null, null, 5,
                null, false), ProgressListener.NONE);
        int[] test = bayes.testRows();
        calibrationHalf = adult.frame().select(Arrays.copyOfRange(test, 0, test.length / 2));
        evaluationHalf = adult.frame().select(Arrays.copyOfRange(test, test.length / 2, test.length));
    }

    private static Evaluation evaluate(Model m) {
        return Evaluator.evaluate(m, evaluationHalf, "evaluation half", new Evaluator.Options(0, 1, java.util.List.of(), null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"platt", "isotonic"})
    void calibrationOnSeparateRowsLowersTheExpectedCalibrationErrorOfAnOverconfidentModel(String method) {
        Model calibrated = ModelCalibration.calibrate(bayes.model(), calibrationHalf, "calibration half", method);
        double before = evaluate(bayes.model()).calibration().ece();
        double after = evaluate(calibrated).calibration().ece();
        assertThat(before).as("naive Bayes starts over-confident").isGreaterThan(0.05);
        assertThat(after).as("ECE after %s", method).isLessThan(before / 2);
        assertThat(evaluate(calibrated).metrics().get("log_loss")).isLessThan(evaluate(bayes.model()).metrics().get("log_loss"));
    }

    @Test
    void plattScalingKeepsTheRankingSoAucIsUnchanged() {
        Model calibrated = ModelCalibration.calibrate(bayes.model(), calibrationHalf, "calibration half", "platt");
        // a strictly increasing map keeps the order; only probabilities that round to the same double
        // near 0 or 1 after the map become ties, a few pairs out of millions
        assertThat(evaluate(calibrated).metrics().get("auc")).isCloseTo(evaluate(bayes.model()).metrics().get("auc"), within(1e-5));
    }

    @ParameterizedTest
    @ValueSource(strings = {"platt", "isotonic"})
    void aSavedCalibratedModelPredictsExactlyTheSameAfterLoading(String method) {
        Model calibrated = ModelCalibration.calibrate(bayes.model(), calibrationHalf, "calibration half", method);
        ModelArtifact.write(calibrated, dir.resolve("m"));
        Model back = ModelArtifact.read(dir.resolve("m"));
        assertThat(back.predictor()).isInstanceOf(CalibratedPredictor.class);
        assertThat(back.learner()).as("the learner stays the one that can be refitted").isEqualTo("naive-bayes");
        assertThat(back.provenance().params()).containsEntry("calibration", method);
        assertThat(back.predict(evaluationHalf, "x")).containsExactly(calibrated.predict(evaluationHalf, "x"));
    }

    @Test
    void multiclassCalibrationGivesRowsThatSumToOne() {
        Dataset cars = DataReaders.read(ROOT.resolve("examples/data/auto_mpg.csv").toString());
        TrainResult r = Trainer.train(cars, new TrainOptions("origin", new Task.Overrides(dev.forja.core.task.TaskKind.MULTICLASS, null, null, null), "forest", Map.of("n_estimators", "20"), 0.4, 0, 0,
                null, null, null, 3, null, false), ProgressListener.NONE);
        assertThat(r.model().task().outputs()).isEqualTo(3);
        Frame held = cars.frame().select(r.testRows());
        Model calibrated = ModelCalibration.calibrate(r.model(), held, "held out", "isotonic");
        double[] p = calibrated.predict(held, "held out");
        for (int row = 0; row < p.length / 3; row++) {
            assertThat(p[3 * row] + p[3 * row + 1] + p[3 * row + 2]).isCloseTo(1.0, within(1e-12));
        }
    }

    @Test
    void calibrationRowsWithOneOutcomeAreRefusedWithAHint() {
        int[] negatives = java.util.stream.IntStream.range(0, 200).filter(r -> "<=50K".equals(((dev.forja.core.frame.CategoricalColumn) adult.frame().column("income")).get(r))).toArray();
        Frame oneClass = adult.frame().select(negatives);
        assertThatThrownBy(() -> ModelCalibration.calibrate(bayes.model(), oneClass, "negatives.csv", "platt"))
                .isInstanceOf(ForjaException.class).hasMessageContaining("only negatives").hasMessageContaining("negatives.csv");
    }

    @Test
    void anUnknownMethodIsRefused() {
        assertThatThrownBy(() -> ModelCalibration.calibrate(bayes.model(), calibrationHalf, "x", "beta"))
                .isInstanceOf(ForjaException.class).hasMessageContaining("unknown calibration method 'beta'");
    }
}

package dev.forja.learn.boosting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.forja.core.ProgressListener;
import dev.forja.core.frame.Frame;
import dev.forja.core.ingest.DataReaders;
import dev.forja.core.ingest.Dataset;
import dev.forja.core.task.Task;
import dev.forja.learn.features.FeatureMatrix;
import dev.forja.learn.model.Model;
import dev.forja.learn.model.ModelArtifact;
import dev.forja.learn.train.TrainOptions;
import dev.forja.learn.train.TrainResult;
import dev.forja.learn.train.Trainer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * XGBoost's TreeSHAP contributions, from the booster saved in a reloaded model: each row's
 * contributions plus the bias are its log-odds, which the pure-Java evaluator computes independently.
 */
class XGBoostContributionsTest {
    private static final Path ROOT = Path.of(System.getProperty("forja.root", "..")).toAbsolutePath().normalize();

    @Test
    void contributionsPlusBiasAreEachRowsLogOddsAsTheCompiledTreesScoreIt(@TempDir Path dir) {
        Dataset titanic = DataReaders.read(ROOT.resolve("examples/data/titanic.csv").toString());
        TrainResult r = Trainer.train(titanic, new TrainOptions("Survived", Task.Overrides.none(), "xgboost", Map.of("n_estimators", "60"), 0.2, 0,
                0, null, null, null, 11, null, false), ProgressListener.NONE);
        ModelArtifact.write(r.model(), dir.resolve("m"));
        Model model = ModelArtifact.read(dir.resolve("m"));
        Frame test = titanic.frame().select(r.testRows());
        FeatureMatrix x = model.pipeline().transform(test);
        XGBoostContributions.Rows rows = XGBoostContributions.rows((XGBoostPredictor) model.predictor(), x);
        double[] p = model.predict(test, "test");
        assertThat(rows.features()).isEqualTo(x.width());
        for (int row = 0; row < test.rowCount(); row++) {
            double logOdds = Math.log(p[2 * row + 1] / p[2 * row]);
            assertThat(rows.margin(row, 0)).as("row %d", row).isCloseTo(logOdds, within(1e-4));
        }
    }

    @Test
    void sexAndPassengerClassExplainTitanicSurvivalMost() {
        Dataset titanic = DataReaders.read(ROOT.resolve("examples/data/titanic.csv").toString());
        TrainResult r = Trainer.train(titanic, new TrainOptions("Survived", Task.Overrides.none(), "xgboost", Map.of(), 0.2, 0.1, 0, null, null,
                null, 11, null, false), ProgressListener.NONE);
        Frame test = titanic.frame().select(r.testRows());
        List<XGBoostContributions.Feature> summary = XGBoostContributions.summary((XGBoostPredictor) r.model().predictor(),
                r.model().pipeline().transform(test));
        assertThat(summary.get(0).name()).startsWith("Sex");
        assertThat(summary.subList(0, 4)).extracting(XGBoostContributions.Feature::name).anyMatch(n -> n.startsWith("Pclass"));
        assertThat(summary).isSortedAccordingTo((a, b) -> Double.compare(b.meanAbsolute(), a.meanAbsolute()));
    }
}

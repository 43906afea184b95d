package dev.forja.learn.ensemble;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.forja.core.ForjaException;
import dev.forja.core.ProgressListener;
import dev.forja.core.ingest.DataReaders;
import dev.forja.core.ingest.Dataset;
import dev.forja.core.task.Task;
import dev.forja.learn.train.TrainOptions;
import dev.forja.learn.train.TrainResult;
import dev.forja.learn.train.Trainer;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Voting, bagging and stacking on real data (Titanic, Auto MPG): what each combines, and that the combination pays. */
class EnsemblesTest {
    private static final Path ROOT = Path.of(System.getProperty("forja.root", "..")).toAbsolutePath().normalize();
    private static Dataset titanic;

    @BeforeAll
    static void read() {
        titanic = DataReaders.read(ROOT.resolve("examples/data/titanic.csv").toString());
    }

    private static TrainResult train(Dataset data, String target, String model, Map<String, String> params) {
        return Trainer.train(data, new TrainOptions(target, Task.Overrides.none(), model, params, 0.25, 0, 0, null, null, null, 11, null, false),
                ProgressListener.NONE);
    }

    @Test
    void softVotingOfOneMemberIsThatMember() {
        TrainResult alone = train(titanic, "Survived", "voting", Map.of("members", "logistic"));
        TrainResult member = Trainer.train(titanic, new TrainOptions("Survived", Task.Overrides.none(), "logistic", Map.of(), 0.25, 0, 0, null, null, null,
                11, p -> dev.forja.learn.features.PipelineSpec.auto(dev.forja.learn.learners.FeatureNeeds.LINEAR), false), ProgressListener.NONE);
        assertThat(alone.metrics().get("auc")).isCloseTo(member.metrics().get("auc"), within(1e-12));
    }

    @Test
    void hardVotingGivesTheShareOfMembersPerClass() {
        TrainResult r = train(titanic, "Survived", "voting", Map.of("members", "logistic,tree,naive-bayes", "voting", "hard"));
        for (double p : r.testPredictions()) {
            assertThat(p * 3).isCloseTo(Math.rint(p * 3), within(1e-9));
        }
    }

    @Test
    void stackingBeatsItsWeakestMemberAndTheBaseline() {
        TrainResult stack = train(titanic, "Survived", "stacking", Map.of("members", "logistic,tree,naive-bayes"));
        TrainResult tree = train(titanic, "Survived", "tree", Map.of());
        assertThat(stack.metrics().get("auc")).isGreaterThan(tree.metrics().get("auc")).isGreaterThan(stack.baselineMetrics().get("auc"));
    }

    @Test
    void baggingTreesSmoothsAnOverfittingTree() {
        TrainResult bagged = train(titanic, "Survived", "bagging", Map.of("n_estimators", "25"));
        TrainResult tree = train(titanic, "Survived", "tree", Map.of());
        assertThat(bagged.metrics().get("auc")).isGreaterThan(tree.metrics().get("auc"));
    }

    @Test
    void ensemblesDoRegressionToo() {
        Dataset cars = DataReaders.read(ROOT.resolve("examples/data/auto_mpg.csv").toString());
        TrainResult r = train(cars, "mpg", "stacking", Map.of("members", "linear,forest", "member_params", "forest.n_estimators=50"));
        assertThat(r.metrics().get("r2")).isGreaterThan(0.8);
    }

    @Test
    void badMemberSpecificationsAreRefusedNamingWhatIsWrong() {
        assertThatThrownBy(() -> train(titanic, "Survived", "voting", Map.of("members", "logistic,stacking"))).isInstanceOf(ForjaException.class)
                .hasMessageContaining("cannot contain the ensemble 'stacking'");
        assertThatThrownBy(() -> train(titanic, "Survived", "voting", Map.of("member_params", "knn.k=3"))).hasMessageContaining("'knn', which is not a member");
        assertThatThrownBy(() -> train(titanic, "Survived", "voting", Map.of("member_params", "forest.trees=3")))
                .hasMessageContaining("the forest model has no parameter 'trees'");
    }
}

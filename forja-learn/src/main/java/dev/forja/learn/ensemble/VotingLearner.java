package dev.forja.learn.ensemble;

import com.fasterxml.jackson.databind.JsonNode;
import dev.forja.core.ProgressListener;
import dev.forja.core.task.TaskKind;
import dev.forja.learn.learners.FeatureNeeds;
import dev.forja.learn.learners.Learner;
import dev.forja.learn.learners.ParamSpec;
import dev.forja.learn.learners.Params;
import dev.forja.learn.learners.Predictor;
import dev.forja.learn.learners.TrainingSet;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * Voting (scikit-learn's {@code VotingClassifier} / {@code VotingRegressor}): every member is fitted on
 * the same rows; soft voting averages their probabilities (or values), hard voting counts their
 * predicted classes. Ensembles get the pipeline a linear model needs (imputed, scaled, one-hot), which
 * every member accepts, so all members read the same features.
 */
public final class VotingLearner implements Learner {
    @Override
    public String id() {
        return "voting";
    }

    @Override
    public String description() {
        return "averages its members' probabilities or values (soft) or counts their votes (hard)";
    }

    @Override
    public Set<TaskKind> tasks() {
        return Set.of(TaskKind.BINARY, TaskKind.MULTICLASS, TaskKind.REGRESSION);
    }

    @Override
    public List<ParamSpec> params() {
        return List.of(ParamSpec.text("members", "logistic,forest,xgboost", "the member learners, comma-separated"),
                ParamSpec.choice("voting", "soft", List.of("soft", "hard"), "soft: mean probability; hard: share of votes (classification)"),
                ParamSpec.text("member_params", "", "members' parameters: LEARNER.NAME=VALUE;…, e.g. forest.n_estimators=200"));
    }

    @Override
    public FeatureNeeds needs() {
        return FeatureNeeds.LINEAR;
    }

    @Override
    public Predictor fit(TrainingSet train, TrainingSet valid, Params params, long seed, ProgressListener progress) {
        Members.Spec spec = Members.parse(id(), params.get("members"), params.get("member_params"));
        List<Predictor> fitted = Members.fit(spec, train, valid, seed);
        return new AveragingPredictor(spec.learners().stream().map(Learner::id).toList(), fitted,
                params.get("voting").equals("hard") && train.task().isClassification());
    }

    @Override
    public Predictor load(JsonNode saved, Path dir) throws IOException {
        return new AveragingPredictor(Members.ids(saved.path("members")), Members.load(saved.path("members"), dir), saved.path("combine").asText().equals("hard"));
    }
}

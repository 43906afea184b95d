package dev.forja.learn.linear;

import com.fasterxml.jackson.databind.JsonNode;
import dev.forja.core.ProgressListener;
import dev.forja.core.task.TaskKind;
import dev.forja.learn.learners.FeatureNeeds;
import dev.forja.learn.learners.Learner;
import dev.forja.learn.learners.ParamSpec;
import dev.forja.learn.learners.Params;
import dev.forja.learn.learners.Predictor;
import dev.forja.learn.learners.TrainingSet;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/** Placeholder until the learner lands; replaced wholesale by its implementation. */
public final class LinearLearner implements Learner {
    @Override
    public String id() {
        return "linear";
    }

    @Override
    public String description() {
        return "not implemented yet";
    }

    @Override
    public Set<TaskKind> tasks() {
        return Set.of();
    }

    @Override
    public List<ParamSpec> params() {
        return List.of();
    }

    @Override
    public FeatureNeeds needs() {
        return FeatureNeeds.ANY;
    }

    @Override
    public Predictor fit(TrainingSet train, TrainingSet valid, Params params, long seed, ProgressListener progress) {
        throw new UnsupportedOperationException("linear is not implemented yet");
    }

    @Override
    public Predictor load(JsonNode saved, Path dir) {
        throw new UnsupportedOperationException("linear is not implemented yet");
    }
}

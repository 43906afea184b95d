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
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Bagging (Breiman 1996; scikit-learn's {@code BaggingClassifier}): {@code n_estimators} copies of a base
 * learner, each fitted on its own sample of the rows (with replacement by default), their outputs
 * averaged. Each copy's sample and seed come from the model's seed.
 */
public final class BaggingLearner implements Learner {
    /** The bagged members: fewer of them is the same model, trained for less. */
    @Override
    public String budgetParam() {
        return "n_estimators";
    }

    @Override
    public String id() {
        return "bagging";
    }

    @Override
    public String description() {
        return "averages copies of a base learner, each fitted on a bootstrap sample of the rows";
    }

    @Override
    public Set<TaskKind> tasks() {
        return Set.of(TaskKind.BINARY, TaskKind.MULTICLASS, TaskKind.REGRESSION);
    }

    @Override
    public List<ParamSpec> params() {
        return List.of(ParamSpec.text("base", "tree", "the base learner"),
                ParamSpec.integer("n_estimators", 10, 1, 10_000, "copies of the base learner"),
                ParamSpec.real("max_samples", 1.0, 1e-6, 1.0, "each copy's sample, as a fraction of the rows"),
                ParamSpec.flag("bootstrap", true, "draw rows with replacement"),
                ParamSpec.text("member_params", "", "the base learner's parameters: LEARNER.NAME=VALUE;…"));
    }

    @Override
    public FeatureNeeds needs() {
        return FeatureNeeds.LINEAR;
    }

    @Override
    public Predictor fit(TrainingSet train, TrainingSet valid, Params params, long seed, ProgressListener progress) {
        Members.Spec spec = Members.parse(id(), params.get("base"), params.get("member_params"));
        Learner base = spec.learners().get(0);
        int copies = params.getInt("n_estimators");
        int n = train.rows();
        int size = Math.max(1, (int) Math.round(params.getDouble("max_samples") * n));
        boolean replace = params.getBoolean("bootstrap");
        SplittableRandom random = new SplittableRandom(seed);
        List<Predictor> fitted = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (int b = 0; b < copies; b++) {
            int[] rows = replace ? random.ints(size, 0, n).toArray() : sampleWithoutReplacement(n, size, random);
            double[] y = new double[rows.length];
            double[] w = train.weights() == null ? null : new double[rows.length];
            for (int i = 0; i < rows.length; i++) {
                y[i] = train.y()[rows[i]];
                if (w != null) {
                    w[i] = train.weights()[rows[i]];
                }
            }
            TrainingSet sample = new TrainingSet(train.x().select(rows), y, w, train.task());
            fitted.add(base.fit(sample, null, spec.params().get(0), seed + 1 + b, ProgressListener.NONE));
            ids.add(base.id());
            progress.update("bagging " + base.id(), b + 1, copies);
        }
        return new AveragingPredictor(ids, fitted, false);
    }

    private static int[] sampleWithoutReplacement(int n, int size, SplittableRandom random) {
        int[] all = new int[n];
        for (int i = 0; i < n; i++) {
            all[i] = i;
        }
        for (int i = 0; i < size; i++) {
            int j = i + random.nextInt(n - i);
            int t = all[i];
            all[i] = all[j];
            all[j] = t;
        }
        int[] out = java.util.Arrays.copyOf(all, size);
        java.util.Arrays.sort(out);
        return out;
    }

    @Override
    public Predictor load(JsonNode saved, Path dir) throws IOException {
        return new AveragingPredictor(Members.ids(saved.path("members")), Members.load(saved.path("members"), dir), false);
    }
}

package dev.forja.learn.ensemble;

import com.fasterxml.jackson.databind.JsonNode;
import dev.forja.core.ProgressListener;
import dev.forja.core.task.TaskKind;
import dev.forja.learn.features.FeatureMatrix;
import dev.forja.learn.learners.FeatureNeeds;
import dev.forja.learn.learners.Learner;
import dev.forja.learn.learners.Learners;
import dev.forja.learn.learners.ParamSpec;
import dev.forja.learn.learners.Params;
import dev.forja.learn.learners.Predictor;
import dev.forja.learn.learners.TrainingSet;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Stacking (Wolpert 1992; scikit-learn's {@code StackingClassifier}): the members' out-of-fold
 * predictions on the training rows ({@code cv} folds, stratified for classification, so no member ever
 * predicts a row it was fitted on) train a meta-learner; then the members are refitted on all rows.
 * The meta-learner reads the positive class's probability per member (binary), every class's
 * (multiclass) or the value (regression).
 */
public final class StackingLearner implements Learner {
    @Override
    public String id() {
        return "stacking";
    }

    @Override
    public String description() {
        return "a meta-learner over its members' out-of-fold predictions";
    }

    @Override
    public Set<TaskKind> tasks() {
        return Set.of(TaskKind.BINARY, TaskKind.MULTICLASS, TaskKind.REGRESSION);
    }

    @Override
    public List<ParamSpec> params() {
        return List.of(ParamSpec.text("members", "logistic,forest,xgboost", "the member learners, comma-separated"),
                ParamSpec.text("final", "auto", "the meta-learner; auto = logistic for classification, linear for regression"),
                ParamSpec.integer("cv", 5, 2, 100, "folds for the out-of-fold predictions"),
                ParamSpec.text("member_params", "", "members' parameters: LEARNER.NAME=VALUE;…"));
    }

    @Override
    public FeatureNeeds needs() {
        return FeatureNeeds.LINEAR;
    }

    /** Meta features for {@code members} members of a task with {@code outputs} outputs. */
    static int metaWidth(int outputs, int members) {
        return (outputs == 2 ? 1 : outputs) * members;
    }

    static void metaFeatures(double[] memberOutputs, double[] row, int offset) {
        if (memberOutputs.length == 2) {
            row[offset] = memberOutputs[1];
        } else {
            System.arraycopy(memberOutputs, 0, row, offset, memberOutputs.length);
        }
    }

    @Override
    public Predictor fit(TrainingSet train, TrainingSet valid, Params params, long seed, ProgressListener progress) {
        Members.Spec spec = Members.parse(id(), params.get("members"), params.get("member_params"));
        String finalId = params.get("final").equals("auto") ? (train.task().isClassification() ? "logistic" : "linear") : params.get("final");
        Learner meta = Learners.get(finalId);
        int k = train.task().outputs();
        int members = spec.learners().size();
        int width = metaWidth(k, members);
        int per = metaWidth(k, 1);
        int n = train.rows();
        int folds = Math.min(params.getInt("cv"), n);
        int[] fold = folds(train, folds, seed);
        double[] oof = new double[n * width];
        double[] one = new double[k];
        double[] row = new double[train.x().width()];
        for (int f = 0; f < folds; f++) {
            int ff = f;
            int[] fitRows = java.util.stream.IntStream.range(0, n).filter(r -> fold[r] != ff).toArray();
            int[] heldOut = java.util.stream.IntStream.range(0, n).filter(r -> fold[r] == ff).toArray();
            TrainingSet part = subset(train, fitRows);
            for (int m = 0; m < members; m++) {
                Predictor p = spec.learners().get(m).fit(part, null, spec.params().get(m), seed + 31L * f + m, ProgressListener.NONE);
                for (int r : heldOut) {
                    train.x().row(r, row);
                    p.predict(row, one);
                    metaFeatures(one, oof, r * width + m * per);
                }
            }
            progress.update("stacking: out-of-fold predictions", f + 1, folds);
        }
        List<String> names = new ArrayList<>();
        for (int m = 0; m < members; m++) {
            names.add("member" + m + "_" + spec.learners().get(m).id());
        }
        List<String> metaNames = new ArrayList<>();
        for (String name : names) {
            for (int c = 0; c < per; c++) {
                metaNames.add(per == 1 ? name : name + "_" + c);
            }
        }
        TrainingSet metaSet = new TrainingSet(new FeatureMatrix(metaNames, n, oof), train.y(), train.weights(), train.task());
        Predictor metaPredictor = meta.fit(metaSet, null, Params.of(meta, Map.of()), seed + 7, ProgressListener.NONE);
        List<Predictor> fitted = Members.fit(spec, train, valid, seed);
        return new StackedPredictor(spec.learners().stream().map(Learner::id).toList(), fitted, finalId, metaPredictor);
    }

    /** Fold of each row: shuffled with the seed, classes spread evenly over the folds (stratified) for classification. */
    private static int[] folds(TrainingSet t, int k, long seed) {
        int n = t.rows();
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            Integer tmp = order[i];
            order[i] = order[j];
            order[j] = tmp;
        }
        if (t.task().isClassification()) {
            java.util.Arrays.sort(order, (a, b) -> Double.compare(t.y()[a], t.y()[b]));
        }
        int[] fold = new int[n];
        for (int i = 0; i < n; i++) {
            fold[order[i]] = i % k;
        }
        return fold;
    }

    private static TrainingSet subset(TrainingSet t, int[] rows) {
        double[] y = new double[rows.length];
        double[] w = t.weights() == null ? null : new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            y[i] = t.y()[rows[i]];
            if (w != null) {
                w[i] = t.weights()[rows[i]];
            }
        }
        return new TrainingSet(t.x().select(rows), y, w, t.task());
    }

    @Override
    public Predictor load(JsonNode saved, Path dir) throws IOException {
        Predictor meta = Learners.get(saved.path("meta_learner").asText()).load(saved.path("meta"), dir.resolve("meta"));
        return new StackedPredictor(Members.ids(saved.path("members")), Members.load(saved.path("members"), dir), saved.path("meta_learner").asText(), meta);
    }
}

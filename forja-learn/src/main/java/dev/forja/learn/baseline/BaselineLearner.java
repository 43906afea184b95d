package dev.forja.learn.baseline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.forja.core.ProgressListener;
import dev.forja.core.task.TaskKind;
import dev.forja.learn.learners.FeatureNeeds;
import dev.forja.learn.learners.Learner;
import dev.forja.learn.learners.ParamSpec;
import dev.forja.learn.learners.Params;
import dev.forja.learn.learners.Predictor;
import dev.forja.learn.learners.TrainingSet;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * The model every other one must beat: ignores the features and predicts the training class
 * frequencies ({@code prior}, scikit-learn's DummyClassifier default; weighted when rows carry weights)
 * or equal probabilities ({@code uniform}); for regression the training mean or median.
 */
public final class BaselineLearner implements Learner {
    @Override
    public String id() {
        return "baseline";
    }

    @Override
    public String description() {
        return "predicts the training class frequencies, or the mean / median, ignoring the features";
    }

    @Override
    public Set<TaskKind> tasks() {
        return Set.of(TaskKind.BINARY, TaskKind.MULTICLASS, TaskKind.REGRESSION);
    }

    @Override
    public List<ParamSpec> params() {
        return List.of(ParamSpec.choice("strategy", "auto", List.of("auto", "prior", "uniform", "mean", "median"),
                "auto = prior for classification, mean for regression"));
    }

    @Override
    public FeatureNeeds needs() {
        return FeatureNeeds.TREES;
    }

    @Override
    public Predictor fit(TrainingSet train, TrainingSet valid, Params params, long seed, ProgressListener progress) {
        String strategy = params.get("strategy");
        if (train.task().isClassification()) {
            if (strategy.equals("mean") || strategy.equals("median")) {
                throw new dev.forja.core.ForjaException("baseline strategy '" + strategy + "' is for regression", "use prior or uniform");
            }
            int k = train.task().outputs();
            double[] p = new double[k];
            if (strategy.equals("uniform")) {
                Arrays.fill(p, 1.0 / k);
            } else {
                double total = 0;
                for (int r = 0; r < train.rows(); r++) {
                    p[(int) train.y()[r]] += train.weight(r);
                    total += train.weight(r);
                }
                for (int c = 0; c < k; c++) {
                    p[c] /= total;
                }
            }
            return new Constant(p);
        }
        if (strategy.equals("prior") || strategy.equals("uniform")) {
            throw new dev.forja.core.ForjaException("baseline strategy '" + strategy + "' is for classification", "use mean or median");
        }
        double value;
        if (strategy.equals("median")) {
            double[] y = train.y().clone();
            Arrays.sort(y);
            int n = y.length;
            value = n % 2 == 1 ? y[n / 2] : (y[n / 2 - 1] + y[n / 2]) / 2;
        } else {
            double s = 0;
            double w = 0;
            for (int r = 0; r < train.rows(); r++) {
                s += train.weight(r) * train.y()[r];
                w += train.weight(r);
            }
            value = s / w;
        }
        return new Constant(new double[] {value});
    }

    @Override
    public Predictor load(JsonNode saved, Path dir) {
        JsonNode v = saved.path("outputs");
        double[] out = new double[v.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = v.get(i).asDouble();
        }
        return new Constant(out);
    }

    /** The same outputs for every row. */
    static final class Constant implements Predictor {
        private final double[] outputs;

        Constant(double[] outputs) {
            this.outputs = outputs;
        }

        @Override
        public int outputs() {
            return outputs.length;
        }

        @Override
        public void predict(double[] features, double[] out) {
            System.arraycopy(outputs, 0, out, 0, outputs.length);
        }

        @Override
        public ObjectNode save(Path dir) {
            ObjectNode n = JsonNodeFactory.instance.objectNode();
            var a = n.putArray("outputs");
            for (double d : outputs) {
                a.add(d);
            }
            return n;
        }
    }
}

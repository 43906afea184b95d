package dev.forja.learn.learners;

import dev.forja.core.ForjaException;
import dev.forja.learn.baseline.BaselineLearner;
import dev.forja.learn.baseline.RuleLearner;
import dev.forja.learn.bayes.NaiveBayesLearner;
import dev.forja.learn.boosting.XGBoostLearner;
import dev.forja.learn.ensemble.BaggingLearner;
import dev.forja.learn.ensemble.StackingLearner;
import dev.forja.learn.ensemble.VotingLearner;
import dev.forja.learn.linear.LinearLearner;
import dev.forja.learn.linear.LogisticLearner;
import dev.forja.learn.neighbors.KnnLearner;
import dev.forja.learn.tree.DecisionTreeLearner;
import dev.forja.learn.tree.ExtraTreesLearner;
import dev.forja.learn.tree.RandomForestLearner;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every learner by its command-line name. A fixed table in code, not a class name read from a model
 * file: loading a model must never choose which code to run from the file's content.
 */
public final class Learners {
    private static final Map<String, Learner> ALL = new LinkedHashMap<>();

    static {
        register(new BaselineLearner());
        register(new RuleLearner());
        register(new LogisticLearner());
        register(new LinearLearner());
        register(new NaiveBayesLearner());
        register(new KnnLearner());
        register(new DecisionTreeLearner());
        register(new RandomForestLearner());
        register(new ExtraTreesLearner());
        register(new XGBoostLearner());
        register(new VotingLearner());
        register(new BaggingLearner());
        register(new StackingLearner());
    }

    private Learners() {
    }

    private static void register(Learner l) {
        ALL.put(l.id(), l);
    }

    public static List<Learner> all() {
        return List.copyOf(ALL.values());
    }

    public static Learner get(String id) {
        Learner l = ALL.get(id);
        if (l == null) {
            throw new ForjaException("unknown model '" + id + "'", "use one of " + String.join(", ", ALL.keySet()));
        }
        return l;
    }
}

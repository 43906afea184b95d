package dev.forja.learn.tree;

import dev.forja.learn.tree.eval.EnsemblePredictor;
import dev.forja.learn.tree.eval.TreeEnsemble;
import java.util.List;

/** A fitted decision tree: scores like any tree ensemble, and reads as if/then rules. */
public final class DecisionTreePredictor extends EnsemblePredictor {
    DecisionTreePredictor(TreeEnsemble ensemble) {
        super(ensemble);
    }

    /**
     * The tree as one if/then rule per leaf (see {@link TreeRules}).
     *
     * @param featureNames the names of the features the tree reads, in order
     * @param classes      class labels in output order; empty for regression
     */
    public String rules(List<String> featureNames, List<String> classes) {
        return TreeRules.format(ensemble(), 0, featureNames, classes);
    }
}

package dev.forja.core.split;

import dev.forja.core.frame.Frame;

/**
 * Row numbers of the training, validation (possibly empty) and test parts; disjoint. The test part is
 * for the final, honest score only: nothing is fitted on it.
 *
 * @param description how the split was made, for provenance (e.g. "stratified holdout: test 0.2, seed 42")
 */
public record Split(int[] train, int[] valid, int[] test, String description) {
    public Frame trainFrame(Frame all) {
        return all.select(train);
    }

    public Frame validFrame(Frame all) {
        return all.select(valid);
    }

    public Frame testFrame(Frame all) {
        return all.select(test);
    }
}

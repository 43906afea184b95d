package dev.forja.core.split;

/** One cross-validation fold: fit on {@code train}, score on {@code valid}. */
public record Fold(int[] train, int[] valid) {
}

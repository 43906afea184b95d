package dev.forja.learn.linear;

/** A differentiable function of a parameter vector: returns its value and writes its gradient. */
interface SmoothObjective {
    double evaluate(double[] w, double[] gradient);
}

package io.github.apricotcourse.sgns;

/**
 * One training step on one example of the readable loop: target w, positive context c_pos and
 * k noise words, at learning rate η; it updates the rows of W and C in place and returns the
 * loss before the step. {@link SgdStep#apply} is the library's; the loop calls whichever step
 * it is given.
 */
@FunctionalInterface
public interface PairStep {
    double apply(double[][] W, double[][] C, int w, int cPos, int[] cNeg, double eta);
}

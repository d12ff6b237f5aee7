package io.github.apricotcourse.sgns;

import java.util.SplittableRandom;

/**
 * The skip-gram loop over one sentence (JM §6.8.2), the middle piece of a trainer: every target
 * w = sentence[t], every context c_pos within ±L of t (t itself left out, windows cut at the
 * sentence's ends), k noise words drawn for each pair from P_α (never w), then one SGD step on
 * (w, c_pos, c_neg_1..k) at learning rate η; returns the summed loss of the pairs.
 *
 * <p>{@link SkipGramLoop#sentence} is the library's; lesson 4's students write their own, and
 * {@code check.TrainingCheck} sets the two side by side.
 */
@FunctionalInterface
public interface SentencePass {
    double train(double[][] W, double[][] C, int[] sentence, int L, int k, NoiseDistribution noise,
                 SplittableRandom draw, double eta);
}

package io.github.apricotcourse.sgns;

import io.github.apricotcourse.math.Sigmoid;
import io.github.apricotcourse.math.Vectors;

/**
 * The skip-gram classifier of JM §6.8.1: given a target word w and a candidate context word c,
 * how likely is c to be a real context of w? The dot product c · w measures similarity and the
 * sigmoid turns it into a probability:
 *
 * <pre>
 *   P(+ | w, c) = σ(c · w)
 *   P(− | w, c) = 1 − P(+ | w, c) = σ(−c · w)
 * </pre>
 *
 * Context words are assumed independent, so for a window of L context words c_1..c_L:
 *
 * <pre>
 *   P(+ | w, c_1:L)     = Π_i σ(c_i · w)
 *   log P(+ | w, c_1:L) = Σ_i log σ(c_i · w)
 * </pre>
 */
public final class SkipGramClassifier {
    private SkipGramClassifier() {}

    /** P(+ | w, c) = σ(c · w). */
    public static double probPositive(double[] w, double[] c) {
        Vectors.requireSameLength("w", w, "c", c);
        return Sigmoid.sigma(Vectors.dot(c, w));
    }

    /** P(− | w, c) = σ(−c · w). */
    public static double probNegative(double[] w, double[] c) {
        Vectors.requireSameLength("w", w, "c", c);
        return Sigmoid.sigma(-Vectors.dot(c, w));
    }

    /** log P(+ | w, c_1:L) = Σ_i log σ(c_i · w), stable even when the product underflows. */
    public static double logProbWindow(double[] w, double[]... contexts) {
        double s = 0;
        for (int i = 0; i < contexts.length; i++) {
            Vectors.requireSameLength("w", w, "c_" + (i + 1), contexts[i]);
            s += Sigmoid.logSigma(Vectors.dot(contexts[i], w));
        }
        return s;
    }

    /** P(+ | w, c_1:L) = Π_i σ(c_i · w). */
    public static double probWindow(double[] w, double[]... contexts) {
        return Math.exp(logProbWindow(w, contexts));
    }
}

package io.github.apricotcourse.sgns;

/**
 * One SGD step of CBOW on one window ({@link CbowLoss}): the m context words' rows of W, the
 * target's row of C and the k noise rows of C each move against their gradient, all computed
 * from the vectors before the step:
 *
 * <pre>
 *   c_w     ← c_w     − η [σ(c_w · h) − 1] h
 *   c_neg_i ← c_neg_i − η [σ(c_neg_i · h)] h
 *   w_j     ← w_j     − η ∂L/∂h          for each context word j (word2vec.c; the gradient is ∂L/∂h / m)
 * </pre>
 */
public final class CbowStep {
    private CbowStep() {}

    /**
     * Updates C[w], C[cNeg[i]] and W[contexts[j]] for j &lt; m in place and returns the loss before
     * the step.
     */
    public static double apply(double[][] W, double[][] C, int[] contexts, int m, int w, int[] cNeg, double eta) {
        if (m < 1 || m > contexts.length) {
            throw new IllegalArgumentException("m must be between 1 and the " + contexts.length + " context words given, got " + m);
        }
        double[][] around = new double[m][];
        for (int j = 0; j < m; j++) {
            around[j] = W[contexts[j]];
        }
        double[][] noise = new double[cNeg.length][];
        for (int i = 0; i < cNeg.length; i++) {
            noise[i] = C[cNeg[i]];
        }
        CbowLoss loss = CbowLoss.of(around, C[w], noise);
        double[] gradH = loss.gradH();
        SgdStep.step(C[w], loss.gradCW(), eta);
        for (int i = 0; i < cNeg.length; i++) {
            SgdStep.step(C[cNeg[i]], loss.gradCNeg(i), eta);
        }
        for (int j = 0; j < m; j++) {
            SgdStep.step(W[contexts[j]], gradH, eta);
        }
        return loss.value();
    }
}

package io.github.apricotcourse.sgns;

/**
 * One step of stochastic gradient descent on one training example (JM eq. 6.38–6.40): move each
 * vector a small step η against its gradient. Rows of W are target vectors, rows of C context
 * vectors:
 *
 * <pre>
 *   c_pos   ← c_pos   − η [σ(c_pos · w) − 1] w
 *   c_neg_i ← c_neg_i − η [σ(c_neg_i · w)] w
 *   w       ← w       − η ( [σ(c_pos · w) − 1] c_pos + Σ_i [σ(c_neg_i · w)] c_neg_i )
 * </pre>
 *
 * All gradients are computed from the vectors before the step (a simultaneous update); a noise
 * word drawn twice is moved twice.
 */
public final class SgdStep {
    private SgdStep() {}

    /**
     * Updates W[w], C[cPos] and C[cNeg[i]] in place and returns the loss before the step.
     *
     * @param W    target matrix, one row per word
     * @param C    context matrix, one row per word
     * @param w    index of the target word
     * @param cPos index of the positive context word
     * @param cNeg indices of the k noise words
     * @param eta  learning rate η
     */
    public static double apply(double[][] W, double[][] C, int w, int cPos, int[] cNeg, double eta) {
        requireRow("W", W, "target w", w);
        requireRow("C", C, "context cPos", cPos);
        double[][] noise = new double[cNeg.length][];
        for (int i = 0; i < cNeg.length; i++) {
            requireRow("C", C, "noise word cNeg[" + i + "]", cNeg[i]);
            noise[i] = C[cNeg[i]];
        }
        SgnsLoss loss = SgnsLoss.of(W[w], C[cPos], noise);
        step(W[w], loss.gradW(), eta);
        step(C[cPos], loss.gradCPos(), eta);
        for (int i = 0; i < cNeg.length; i++) {
            step(C[cNeg[i]], loss.gradCNeg(i), eta);
        }
        return loss.value();
    }

    /** v ← v − η g. */
    static void step(double[] v, double[] g, double eta) {
        for (int j = 0; j < v.length; j++) {
            v[j] -= eta * g[j];
        }
    }

    private static void requireRow(String matrix, double[][] m, String what, int row) {
        if (row < 0 || row >= m.length) {
            throw new IndexOutOfBoundsException(what + " = " + row + " is not a row of " + matrix
                    + ", which has " + m.length + " rows (one per vocabulary word)");
        }
    }
}

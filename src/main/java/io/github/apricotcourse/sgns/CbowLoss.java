package io.github.apricotcourse.sgns;

import io.github.apricotcourse.math.Vectors;

/**
 * The CBOW loss with negative sampling for one window (word2vec's other model; Mikolov et al.
 * 2013): the average h of the context words' vectors predicts the target w, against k noise
 * words. It is the SGNS loss ({@link SgnsLoss}) with the target vector replaced by h, the
 * roles of the two matrices as in word2vec.c (context rows from W, the predicted word's row
 * from C):
 *
 * <pre>
 *   h = (1/m) Σ_j w_j                                   w_j = W[c_j], the m context words
 *   L = −[ log σ(c_w · h) + Σ_i log σ(−c_neg_i · h) ]   c_w = C[w], the target
 * </pre>
 *
 * and its gradients, each beside the term it comes from:
 *
 * <pre>
 *   ∂L/∂c_w     = [σ(c_w · h) − 1] h
 *   ∂L/∂c_neg_i = [σ(c_neg_i · h)] h
 *   ∂L/∂h       = [σ(c_w · h) − 1] c_w + Σ_i [σ(c_neg_i · h)] c_neg_i
 *   ∂L/∂w_j     = (1/m) ∂L/∂h                           (h averages the w_j)
 * </pre>
 *
 * word2vec.c and gensim move each w_j by the whole of ∂L/∂h (m times its gradient), as
 * fastText moves each of its n-gram rows; {@link CbowStep} does the same.
 */
public final class CbowLoss {
    private final SgnsLoss sgns;
    private final double[] h;
    private final double[] gradContext;

    private CbowLoss(double[][] contexts, double[] cW, double[][] cNeg) {
        if (contexts == null || contexts.length == 0) {
            throw new IllegalArgumentException("CBOW needs at least one context vector to average, got none");
        }
        h = new double[contexts[0].length];
        for (double[] wj : contexts) {
            Vectors.requireSameLength("contexts[0]", contexts[0], "a context vector", wj);
            Vectors.axpy(1.0 / contexts.length, wj, h);             // h = (1/m) Σ_j w_j
        }
        sgns = SgnsLoss.of(h, cW, cNeg);                              // L, ∂L/∂c_w, ∂L/∂c_neg_i, ∂L/∂h
        gradContext = Vectors.scale(1.0 / contexts.length, sgns.gradW());   // ∂L/∂w_j = (1/m) ∂L/∂h
    }

    /** The loss and gradients for context vectors w_1..m, target c_w and noise words c_neg. */
    public static CbowLoss of(double[][] contexts, double[] cW, double[]... cNeg) {
        if (cNeg == null) {
            throw new IllegalArgumentException("cNeg is null: pass the k noise vectors (an empty array for k = 0)");
        }
        return new CbowLoss(contexts, cW, cNeg);
    }

    /** L = −[log σ(c_w · h) + Σ_i log σ(−c_neg_i · h)]. */
    public double value() {
        return sgns.value();
    }

    /** h, the average of the context vectors. */
    public double[] h() {
        return h.clone();
    }

    /** ∂L/∂h = [σ(c_w · h) − 1] c_w + Σ_i σ(c_neg_i · h) c_neg_i. */
    public double[] gradH() {
        return sgns.gradW();
    }

    /** ∂L/∂w_j = (1/m) ∂L/∂h, the same for every context word j. */
    public double[] gradContext() {
        return gradContext.clone();
    }

    /** ∂L/∂c_w = [σ(c_w · h) − 1] h. */
    public double[] gradCW() {
        return sgns.gradCPos();
    }

    /** ∂L/∂c_neg_i = σ(c_neg_i · h) h, for noise word i (0-based). */
    public double[] gradCNeg(int i) {
        return sgns.gradCNeg(i);
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "CbowLoss(L = %.6f, k = %d)", value(), sgns.k());
    }
}

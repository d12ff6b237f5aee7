package io.github.apricotcourse.sgns;

import io.github.apricotcourse.math.Sigmoid;
import io.github.apricotcourse.math.Vectors;

/**
 * The skip-gram with negative sampling loss for one training example (JM eq. 6.34–6.37): a
 * target w, its positive context c_pos and k noise words c_neg_1..k. The loss is the negative
 * log likelihood of classifying c_pos as a real context and each c_neg_i as noise:
 *
 * <pre>
 *   L = −[ log σ(c_pos · w) + Σ_i log σ(−c_neg_i · w) ]
 * </pre>
 *
 * and its three gradients, each written next to the term it comes from:
 *
 * <pre>
 *   ∂L/∂c_pos   = [σ(c_pos · w) − 1] w
 *   ∂L/∂c_neg_i = [σ(c_neg_i · w)] w
 *   ∂L/∂w       = [σ(c_pos · w) − 1] c_pos + Σ_i [σ(c_neg_i · w)] c_neg_i
 * </pre>
 *
 * A noise word drawn twice appears twice among the c_neg_i, so it contributes twice.
 */
public final class SgnsLoss {
    private final double loss;
    private final double[] gradW;
    private final double[] gradCPos;
    private final double[][] gradCNeg;

    private SgnsLoss(double[] w, double[] cPos, double[][] cNeg) {
        Vectors.requireSameLength("w", w, "cPos", cPos);
        double posScore = Vectors.dot(cPos, w);
        double l = -Sigmoid.logSigma(posScore);                    // −log σ(c_pos · w)
        double gPos = Sigmoid.sigma(posScore) - 1;                  // σ(c_pos · w) − 1
        gradCPos = Vectors.scale(gPos, w);                          // [σ(c_pos · w) − 1] w
        gradW = Vectors.scale(gPos, cPos);                          // [σ(c_pos · w) − 1] c_pos
        gradCNeg = new double[cNeg.length][];
        for (int i = 0; i < cNeg.length; i++) {
            Vectors.requireSameLength("w", w, "cNeg[" + i + "]", cNeg[i]);
            double negScore = Vectors.dot(cNeg[i], w);
            l -= Sigmoid.logSigma(-negScore);                       // −log σ(−c_neg_i · w)
            double gNeg = Sigmoid.sigma(negScore);                  // σ(c_neg_i · w)
            gradCNeg[i] = Vectors.scale(gNeg, w);                   // [σ(c_neg_i · w)] w
            Vectors.axpy(gNeg, cNeg[i], gradW);                     // + [σ(c_neg_i · w)] c_neg_i
        }
        loss = l;
    }

    /** The loss and gradients for target w, positive context cPos and noise words cNeg. */
    public static SgnsLoss of(double[] w, double[] cPos, double[]... cNeg) {
        if (cNeg == null) {
            throw new IllegalArgumentException("cNeg is null: pass the k noise vectors (an empty array for k = 0)");
        }
        return new SgnsLoss(w, cPos, cNeg);
    }

    /** L = −[log σ(c_pos · w) + Σ_i log σ(−c_neg_i · w)]. */
    public double value() {
        return loss;
    }

    /** ∂L/∂w = [σ(c_pos · w) − 1] c_pos + Σ_i σ(c_neg_i · w) c_neg_i. */
    public double[] gradW() {
        return gradW.clone();
    }

    /** ∂L/∂c_pos = [σ(c_pos · w) − 1] w. */
    public double[] gradCPos() {
        return gradCPos.clone();
    }

    /** ∂L/∂c_neg_i = σ(c_neg_i · w) w, for noise word i (0-based). */
    public double[] gradCNeg(int i) {
        if (i < 0 || i >= gradCNeg.length) {
            throw new IndexOutOfBoundsException("noise word " + i + " does not exist: there are k = "
                    + gradCNeg.length + " noise words (0 to " + (gradCNeg.length - 1) + ")");
        }
        return gradCNeg[i].clone();
    }

    /** k, the number of noise words. */
    public int k() {
        return gradCNeg.length;
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "SgnsLoss(L = %.6f, k = %d)", loss, gradCNeg.length);
    }
}

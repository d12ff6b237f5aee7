package io.github.apricotcourse.glove;

import io.github.apricotcourse.math.Vectors;
import java.util.Locale;

/**
 * GloVe's loss for one cell of the co-occurrence matrix (Pennington et al. 2014; JM §6.8.3):
 * word i's vector w_i and bias b_i, context word j's vector w̃_j and bias b̃_j should predict
 * the log of how often j occurs near i, X_ij, weighted so that rare pairs count less and
 * frequent ones no more than a cap:
 *
 * <pre>
 *   J = Σ_{i,j: X_ij > 0} f(X_ij) (w_i · w̃_j + b_i + b̃_j − log X_ij)²        (the paper's eq. 8)
 *   f(x) = (x / x_max)^α  if x &lt; x_max, else 1                               (x_max = 100, α = ¾)
 * </pre>
 *
 * This class is one cell's term, halved as glove.c halves it so that the gradients carry no 2;
 * with e the cell's error, each gradient is written beside its line:
 *
 * <pre>
 *   e       = w_i · w̃_j + b_i + b̃_j − log X_ij
 *   J_ij    = ½ f(X_ij) e²
 *   ∂J/∂w_i = f e w̃_j          ∂J/∂b_i = f e
 *   ∂J/∂w̃_j = f e w_i          ∂J/∂b̃_j = f e
 * </pre>
 */
public final class GloveLoss {
    /** GloVe's cap x_max: pairs seen this often or more all weigh 1. */
    public static final double X_MAX = 100;
    /** GloVe's exponent α of the weighting function. */
    public static final double ALPHA = 0.75;

    private final double weight;
    private final double error;
    private final double[] w;
    private final double[] wTilde;

    private GloveLoss(double[] w, double[] wTilde, double b, double bTilde, double x, double xMax, double alpha) {
        Vectors.requireSameLength("w", w, "wTilde", wTilde);
        if (!(x > 0) || Double.isInfinite(x)) {
            throw new IllegalArgumentException("the count X_ij must be a positive number (GloVe trains only on the"
                    + " non-zero cells: log 0 is −∞), got " + x);
        }
        requireWeighting(xMax, alpha);
        weight = weight(x, xMax, alpha);                              // f(X_ij)
        error = Vectors.dot(w, wTilde) + b + bTilde - Math.log(x);    // e = w_i · w̃_j + b_i + b̃_j − log X_ij
        this.w = w.clone();
        this.wTilde = wTilde.clone();
    }

    /** The loss of the cell with count x for w_i, w̃_j, b_i, b̃_j, with GloVe's x_max = 100 and α = ¾. */
    public static GloveLoss of(double[] w, double[] wTilde, double b, double bTilde, double x) {
        return of(w, wTilde, b, bTilde, x, X_MAX, ALPHA);
    }

    /** The loss of the cell with count x, with the weighting's x_max and α given. */
    public static GloveLoss of(double[] w, double[] wTilde, double b, double bTilde, double x, double xMax, double alpha) {
        return new GloveLoss(w, wTilde, b, bTilde, x, xMax, alpha);
    }

    /** f(x) = min(1, (x / x_max)^α). */
    public static double weight(double x, double xMax, double alpha) {
        return x < xMax ? Math.pow(x / xMax, alpha) : 1;
    }

    /** Throws, naming the fix, unless x_max &gt; 0 and α ≥ 0 are finite numbers. */
    static void requireWeighting(double xMax, double alpha) {
        if (!(xMax > 0) || Double.isInfinite(xMax)) {
            throw new IllegalArgumentException("x_max must be a positive number (GloVe uses 100), got " + xMax);
        }
        if (!(alpha >= 0) || Double.isInfinite(alpha)) {
            throw new IllegalArgumentException("α must be a number ≥ 0 (GloVe uses 0.75), got " + alpha);
        }
    }

    /** J_ij = ½ f(X_ij) e². */
    public double value() {
        return 0.5 * weight * error * error;
    }

    /** f(X_ij), the cell's weight. */
    public double weight() {
        return weight;
    }

    /** e = w_i · w̃_j + b_i + b̃_j − log X_ij, what the model gets wrong about log X_ij. */
    public double error() {
        return error;
    }

    /** ∂J/∂w_i = f e w̃_j. */
    public double[] gradW() {
        return Vectors.scale(weight * error, wTilde);
    }

    /** ∂J/∂w̃_j = f e w_i. */
    public double[] gradWTilde() {
        return Vectors.scale(weight * error, w);
    }

    /** ∂J/∂b_i = f e. */
    public double gradB() {
        return weight * error;
    }

    /** ∂J/∂b̃_j = f e. */
    public double gradBTilde() {
        return weight * error;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "GloveLoss(J = %.6f, f = %.4f, e = %.4f)", value(), weight, error);
    }
}

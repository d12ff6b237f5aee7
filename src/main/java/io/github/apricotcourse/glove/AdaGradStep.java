package io.github.apricotcourse.glove;

/**
 * One AdaGrad step of GloVe on one cell (i, j) with count x, in place (Duchi et al. 2011, as
 * glove.c takes it): each parameter θ keeps G_θ, the sum of its past squared steps (starting at
 * 1), and moves by its step divided by √G_θ, so that often-updated parameters (frequent words)
 * slow down while rare ones keep large steps:
 *
 * <pre>
 *   g = ∂J_ij/∂θ                          ({@link GloveLoss}: f e w̃_j, f e w_i, f e, f e)
 *   θ ← θ − η g / √G_θ,   then   G_θ ← G_θ + (η g)²          for θ in w_i, w̃_j, b_i, b̃_j
 * </pre>
 *
 * The same numbers as {@link GloveLoss}'s gradients without making arrays (a test checks that).
 */
final class AdaGradStep {
    private AdaGradStep() {}

    /** The parameters and their sums of squared steps; rows of W and W̃ have length d. */
    record Parameters(double[][] W, double[][] WTilde, double[] b, double[] bTilde,
                      double[][] gW, double[][] gWTilde, double[] gB, double[] gBTilde) {}

    /** Updates w_i, w̃_j, b_i, b̃_j for the cell (i, j) and returns its loss J_ij = ½ f e². */
    static double apply(Parameters p, int i, int j, double x, double f, double eta) {
        double[] w = p.W()[i];
        double[] wt = p.WTilde()[j];
        double[] gw = p.gW()[i];
        double[] gwt = p.gWTilde()[j];
        double e = p.b()[i] + p.bTilde()[j] - Math.log(x);       // e = w_i · w̃_j + b_i + b̃_j − log X_ij
        for (int k = 0; k < w.length; k++) {
            e += w[k] * wt[k];
        }
        double fe = f * e;
        double step = eta * fe;
        for (int k = 0; k < w.length; k++) {
            double sw = step * wt[k];                            // η ∂J/∂w_i = η f e w̃_j
            double swt = step * w[k];                            // η ∂J/∂w̃_j = η f e w_i
            w[k] -= sw / Math.sqrt(gw[k]);
            wt[k] -= swt / Math.sqrt(gwt[k]);
            gw[k] += sw * sw;
            gwt[k] += swt * swt;
        }
        p.b()[i] -= step / Math.sqrt(p.gB()[i]);                 // η ∂J/∂b_i = η f e
        p.bTilde()[j] -= step / Math.sqrt(p.gBTilde()[j]);       // η ∂J/∂b̃_j = η f e
        p.gB()[i] += step * step;
        p.gBTilde()[j] += step * step;
        return 0.5 * fe * e;
    }
}

package io.github.apricotcourse.math;

/**
 * The logistic (sigmoid) function of JM §6.8.1, the squashing that turns a dot product into a
 * probability:
 *
 * <pre>
 *   σ(x)     = 1 / (1 + e^(−x))
 *   log σ(x) = −log(1 + e^(−x))
 *   1 − σ(x) = σ(−x)
 * </pre>
 *
 * Written the numerically stable way: e^(−x) is only ever computed for x ≥ 0, so nothing
 * overflows, and {@code log σ(x)} uses {@link Math#log1p}, so it stays finite and accurate for
 * |x| up to 1e4 and beyond (log σ(−1e4) = −1e4, not −∞).
 */
public final class Sigmoid {
    private Sigmoid() {}

    /** σ(x) = 1 / (1 + e^(−x)), in [0, 1]. */
    public static double sigma(double x) {
        if (x >= 0) {
            return 1.0 / (1.0 + Math.exp(-x));
        }
        double ex = Math.exp(x);           // x < 0: e^x ≤ 1, no overflow
        return ex / (1.0 + ex);
    }

    /** log σ(x) = −log(1 + e^(−x)), always ≤ 0 and finite for finite x. */
    public static double logSigma(double x) {
        if (x >= 0) {
            return -Math.log1p(Math.exp(-x));
        }
        return x - Math.log1p(Math.exp(x)); // log(e^x / (1 + e^x))
    }
}

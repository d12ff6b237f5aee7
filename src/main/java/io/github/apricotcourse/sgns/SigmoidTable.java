package io.github.apricotcourse.sgns;

/**
 * σ(x) and log σ(x) read from tables, as word2vec.c reads σ from its {@code expTable}: the
 * range [−6, 6] is cut into {@value #SIZE} bins and each bin holds the value at its centre.
 * Beyond ±6, σ is taken as 0 or 1 (word2vec.c's clipping), and log σ as x or −e^(−x):
 *
 * <pre>
 *   σ(x)     ≈ table[⌊(x + 6) · SIZE / 12⌋]          |x| &lt; 6
 *   log σ(x) ≈ x  (x ≤ −6),   ≈ −e^(−x)  (x ≥ 6)
 * </pre>
 *
 * The bins are 0.003 wide, so a table value differs from σ(x) by at most 0.00075.
 */
final class SigmoidTable {
    /** Scores beyond ±MAX are clipped. */
    static final float MAX = 6f;
    /** Number of bins. */
    static final int SIZE = 4096;
    private static final float SCALE = SIZE / (2 * MAX);
    private static final float[] SIGMA = new float[SIZE];
    private static final float[] LOG_SIGMA = new float[SIZE];

    static {
        for (int i = 0; i < SIZE; i++) {
            double x = -MAX + (i + 0.5) / SCALE;
            SIGMA[i] = (float) io.github.apricotcourse.math.Sigmoid.sigma(x);
            LOG_SIGMA[i] = (float) io.github.apricotcourse.math.Sigmoid.logSigma(x);
        }
    }

    private SigmoidTable() {}

    /** σ(x) from the table (x must be finite). */
    static float sigma(float x) {
        if (x >= MAX) {
            return 1f;
        }
        if (x <= -MAX) {
            return 0f;
        }
        return SIGMA[bin(x)];
    }

    /** log σ(x) from the table (x must be finite). */
    static float logSigma(float x) {
        if (x >= MAX) {
            return (float) -Math.exp(-x);
        }
        if (x <= -MAX) {
            return x;
        }
        return LOG_SIGMA[bin(x)];
    }

    /** The bin of x in (−MAX, MAX); min() guards against x + MAX rounding up to 2·MAX. */
    private static int bin(float x) {
        return Math.min(SIZE - 1, (int) ((x + MAX) * SCALE));
    }
}

package io.github.apricotcourse.sgns;

import io.github.apricotcourse.math.Sigmoid;

/**
 * The fast path's SGD step: {@link SgdStep}'s three equations on flat float arrays (row r of W
 * is {@code W[r·d .. r·d + d)}), for all the targets w_1..m around one positive context c_pos
 * at once, sharing one set of k noise words among them (Ji et al. 2016). With c_0 = c_pos,
 * c_1..k = c_neg_1..k and the label y_0 = 1, y_1..k = 0:
 *
 * <pre>
 *   g_io   = η [y_o − σ(C[c_o] · W[w_i])]          (= −η ∂L/∂(c_o · w_i))
 *   W[w_i] ← W[w_i] + Σ_o g_io C[c_o]               for each target i
 *   C[c_o] ← C[c_o] + Σ_i g_io W[w_i]               for each context o, once per window
 * </pre>
 *
 * For one target (m = 1) this is exactly {@link SgdStep#apply}: every gradient is computed from
 * the vectors before the step, and a noise word drawn twice moves twice. For m &gt; 1 the C rows
 * move once, by the sum of the m pairs' gradients — a small matrix product instead of m(k + 1)
 * separate vector updates. Nothing is allocated per call: the sums live in two buffers.
 */
final class FastSgdStep {
    private final int d;
    private final boolean exactSigmoid;
    private final float[] dw;       // Σ_o g_io C[c_o], the change to W[w_i]
    private final float[] dc;       // Σ_i g_io W[w_i], the change to C[c_o], row o
    private final int[] c;          // row offsets of c_0 = c_pos, c_1..k = c_neg

    /**
     * A step for vectors of length d and k noise words. With {@code exactSigmoid} σ and log σ
     * are computed exactly; otherwise they are read from {@link SigmoidTable}.
     */
    FastSgdStep(int d, int k, boolean exactSigmoid) {
        this.d = d;
        this.exactSigmoid = exactSigmoid;
        dw = new float[d];
        dc = new float[(k + 1) * d];
        c = new int[k + 1];
    }

    /**
     * Updates W[w_i] for the m targets in {@code w[0..m)}, C[cPos] and C[cNeg[o]], and returns the
     * summed loss of the m pairs before the step, L_i = −[log σ(c_pos · w_i) + Σ_o log σ(−c_neg_o · w_i)];
     * NaN when a score c_o · w_i is not finite (the caller reports divergence).
     */
    double apply(float[] W, float[] C, int[] w, int m, int cPos, int[] cNeg, float eta) {
        int k = cNeg.length;
        c[0] = cPos * d;
        for (int o = 1; o <= k; o++) {
            c[o] = cNeg[o - 1] * d;
        }
        java.util.Arrays.fill(dc, 0, (k + 1) * d, 0f);
        double L = 0;
        for (int i = 0; i < m; i++) {
            int wi = w[i] * d;
            java.util.Arrays.fill(dw, 0f);
            for (int o = 0; o <= k; o++) {
                float score = dot(W, wi, C, c[o], d);                 // C[c_o] · W[w_i]
                if (!Float.isFinite(score)) {
                    return Double.NaN;
                }
                float y = o == 0 ? 1f : 0f;
                float g = eta * (y - sigma(score));                  // η [y_o − σ(c_o · w_i)]
                L -= logSigma(o == 0 ? score : -score);              // −log σ(±c_o · w_i)
                axpy(g, C, c[o], dw, 0, d);                          // Σ_o g_io C[c_o]
                axpy(g, W, wi, dc, o * d, d);                        // Σ_i g_io W[w_i]
            }
            axpy(1f, dw, 0, W, wi, d);                               // W[w_i] ← W[w_i] + Σ_o ...
        }
        for (int o = 0; o <= k; o++) {
            axpy(1f, dc, o * d, C, c[o], d);                         // C[c_o] ← C[c_o] + Σ_i ...
        }
        return L;
    }

    private float sigma(float x) {
        return exactSigmoid ? (float) Sigmoid.sigma(x) : SigmoidTable.sigma(x);
    }

    private double logSigma(float x) {
        return exactSigmoid ? Sigmoid.logSigma(x) : SigmoidTable.logSigma(x);
    }

    /**
     * a[ai..ai+n) · b[bi..bi+n), summed in eight running sums with fused multiply-adds: a single
     * sum must add in order, one addition at a time; eight independent ones keep the processor's
     * floating-point units busy.
     */
    static float dot(float[] a, int ai, float[] b, int bi, int n) {
        float s0 = 0;
        float s1 = 0;
        float s2 = 0;
        float s3 = 0;
        float s4 = 0;
        float s5 = 0;
        float s6 = 0;
        float s7 = 0;
        int j = 0;
        for (; j <= n - 8; j += 8) {
            s0 = Math.fma(a[ai + j], b[bi + j], s0);
            s1 = Math.fma(a[ai + j + 1], b[bi + j + 1], s1);
            s2 = Math.fma(a[ai + j + 2], b[bi + j + 2], s2);
            s3 = Math.fma(a[ai + j + 3], b[bi + j + 3], s3);
            s4 = Math.fma(a[ai + j + 4], b[bi + j + 4], s4);
            s5 = Math.fma(a[ai + j + 5], b[bi + j + 5], s5);
            s6 = Math.fma(a[ai + j + 6], b[bi + j + 6], s6);
            s7 = Math.fma(a[ai + j + 7], b[bi + j + 7], s7);
        }
        for (; j < n; j++) {
            s0 = Math.fma(a[ai + j], b[bi + j], s0);
        }
        return ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7));
    }

    /** y[yi..yi+n) += g · x[xi..xi+n) (the JIT turns this loop into vector instructions). */
    static void axpy(float g, float[] x, int xi, float[] y, int yi, int n) {
        for (int j = 0; j < n; j++) {
            y[yi + j] += g * x[xi + j];
        }
    }
}

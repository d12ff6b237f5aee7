package io.github.apricotcourse.sgns;

import io.github.apricotcourse.math.Sigmoid;
import java.util.Arrays;

/**
 * The fast path's SGD step: {@link SgdStep}'s three equations on flat float arrays (row r of W
 * is {@code W[r·d .. r·d + d)}), for all the targets w_1..m around one positive context c_pos
 * at once, sharing one set of k noise words among them (Ji et al. 2016). With c_0 = c_pos,
 * c_1..k = c_neg_1..k and the labels y_0 = 1, y_1..k = 0:
 *
 * <pre>
 *   g_io   = η [y_o − σ(C[c_o] · W[w_i])]          (= −η ∂L/∂(c_o · w_i))
 *   W[w_i] ← W[w_i] + Σ_o g_io C[c_o]               for each target i
 *   C[c_o] ← C[c_o] + Σ_i g_io W[w_i]               for each context o, once per window
 * </pre>
 *
 * For one target (m = 1) this is exactly {@link SgdStep#apply}: every gradient is computed from
 * the vectors before the step, and a noise word drawn twice moves twice. For m &gt; 1 the C rows
 * move once, by the sum of the m pairs' gradients: a small matrix product instead of m(k + 1)
 * separate vector updates.
 *
 * <p>How it is made fast, without allocating anything per call:
 * <ul>
 *   <li>the rows it works on are first copied into small arrays of their own ({@code c[o]},
 *       {@code w}); Java's compiler turns loops over whole small arrays into vector
 *       instructions, but not loops over a slice of a big array at a variable offset;</li>
 *   <li>the k + 1 scores of a target are summed six (or three) at a time, so each w[j] is
 *       read once for six independent running sums (a single sum must add in order, one
 *       addition at a time, and Java may not reorder it);</li>
 *   <li>when the JVM has the Vector API ({@code --add-modules jdk.incubator.vector}, as
 *       {@code src/bin/apricot} starts the benchmarks and the tests), the scores and the
 *       gradients are computed by {@link VectorLanes}, 8 or 16 floats per instruction;</li>
 *   <li>σ and log σ come from {@link SigmoidTable} (unless {@code exactSigmoid});</li>
 *   <li>a changed row is written back as "read the current row, add the change, write": under
 *       Hogwild another thread's update to the same row is lost only if it lands in those few
 *       nanoseconds.</li>
 * </ul>
 */
final class FastSgdStep {
    /** Whether this JVM was started with the Vector API ({@code --add-modules jdk.incubator.vector}). */
    static final boolean VECTOR_API = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();

    private final int d;
    private final int k;
    private final boolean exactSigmoid;
    private final boolean vectorised;
    private final float[][] c;      // copies of C[c_0..k]
    private final float[][] dc;     // Σ_i g_io W[w_i], the change to C[c_o]
    private final float[] w;        // a copy of W[w_i]
    private final float[] dw;       // Σ_o g_io C[c_o], the change to W[w_i]
    private final float[] score;    // C[c_o] · W[w_i]
    private final float[] g;        // g_io
    private final float[] row;      // a row being written back

    /**
     * A step for vectors of length d and k noise words. With {@code exactSigmoid} σ and log σ
     * are computed exactly; otherwise they are read from {@link SigmoidTable}. The inner loops
     * use {@link VectorLanes} when this JVM has the Vector API.
     */
    FastSgdStep(int d, int k, boolean exactSigmoid) {
        this(d, k, exactSigmoid, VECTOR_API);
    }

    /** As above, with the inner loops in {@link VectorLanes} or not ({@code vectorised} needs the Vector API). */
    FastSgdStep(int d, int k, boolean exactSigmoid, boolean vectorised) {
        if (vectorised && !VECTOR_API) {
            throw new IllegalStateException("the Vector API is not in this JVM: start it with --add-modules jdk.incubator.vector");
        }
        this.vectorised = vectorised;
        this.d = d;
        this.k = k;
        this.exactSigmoid = exactSigmoid;
        c = new float[k + 1][d];
        dc = new float[k + 1][d];
        w = new float[d];
        dw = new float[d];
        score = new float[k + 1];
        g = new float[k + 1];
        row = new float[d];
    }

    /**
     * Updates W[w_i] for the m targets in {@code targets[0..m)}, C[cPos] and C[cNeg[o]], and returns
     * the summed loss of the m pairs before the step,
     * L_i = −[log σ(c_pos · w_i) + Σ_o log σ(−c_neg_o · w_i)]; NaN when a score is not finite.
     */
    double apply(float[] W, float[] C, int[] targets, int m, int cPos, int[] cNeg, float eta) {
        if (cNeg.length != k) {
            throw new IllegalArgumentException("this step was made for k = " + k + " noise words, got " + cNeg.length);
        }
        for (int o = 0; o <= k; o++) {
            System.arraycopy(C, (o == 0 ? cPos : cNeg[o - 1]) * d, c[o], 0, d);    // c_o = C[c_o]
            Arrays.fill(dc[o], 0f);
        }
        double L = 0;
        for (int i = 0; i < m; i++) {
            int wi = targets[i] * d;
            System.arraycopy(W, wi, w, 0, d);                                       // w = W[w_i]
            scores();                                                               // c_o · w
            for (int o = 0; o <= k; o++) {
                if (!Float.isFinite(score[o])) {
                    return Double.NaN;
                }
                float y = o == 0 ? 1f : 0f;
                g[o] = eta * (y - sigma(score[o]));                                // η [y_o − σ(c_o · w)]
                L -= logSigma(o == 0 ? score[o] : -score[o]);                      // −log σ(±c_o · w)
            }
            Arrays.fill(dw, 0f);
            gradients();                                                            // dw, dc[o] += ...
            System.arraycopy(W, wi, row, 0, d);                                     // W[w_i] += dw
            add(dw, row);
            System.arraycopy(row, 0, W, wi, d);
        }
        for (int o = 0; o <= k; o++) {                                              // C[c_o] += dc[o]
            int co = (o == 0 ? cPos : cNeg[o - 1]) * d;
            System.arraycopy(C, co, row, 0, d);
            add(dc[o], row);
            System.arraycopy(row, 0, C, co, d);
        }
        return L;
    }

    /**
     * CBOW's step ({@link CbowStep}) on flat arrays: h = the average of W[w_i] for the m context
     * words in {@code contexts[0..m)} predicts C[target] against C[cNeg[o]]; each C row moves by
     * g_o h, each W[w_i] by Σ_o g_o c_o (= −η ∂L/∂h, as word2vec.c). Returns the loss before the
     * step; NaN when a score is not finite.
     */
    double cbow(float[] W, float[] C, int[] contexts, int m, int target, int[] cNeg, float eta) {
        if (cNeg.length != k) {
            throw new IllegalArgumentException("this step was made for k = " + k + " noise words, got " + cNeg.length);
        }
        Arrays.fill(w, 0f);
        for (int i = 0; i < m; i++) {                                               // w = h = (1/m) Σ_i W[w_i]
            System.arraycopy(W, contexts[i] * d, row, 0, d);
            add(row, w);
        }
        float mean = 1f / m;
        for (int j = 0; j < d; j++) {
            w[j] *= mean;
        }
        for (int o = 0; o <= k; o++) {
            System.arraycopy(C, (o == 0 ? target : cNeg[o - 1]) * d, c[o], 0, d);   // c_o = C[c_o]
            Arrays.fill(dc[o], 0f);
        }
        scores();                                                                   // c_o · h
        double L = 0;
        for (int o = 0; o <= k; o++) {
            if (!Float.isFinite(score[o])) {
                return Double.NaN;
            }
            float y = o == 0 ? 1f : 0f;
            g[o] = eta * (y - sigma(score[o]));                                    // η [y_o − σ(c_o · h)]
            L -= logSigma(o == 0 ? score[o] : -score[o]);
        }
        Arrays.fill(dw, 0f);
        gradients();                                                                // dw = Σ_o g_o c_o, dc[o] = g_o h
        for (int o = 0; o <= k; o++) {                                              // C[c_o] += g_o h
            int co = (o == 0 ? target : cNeg[o - 1]) * d;
            System.arraycopy(C, co, row, 0, d);
            add(dc[o], row);
            System.arraycopy(row, 0, C, co, d);
        }
        for (int i = 0; i < m; i++) {                                               // W[w_i] += Σ_o g_o c_o
            int wi = contexts[i] * d;
            System.arraycopy(W, wi, row, 0, d);
            add(dw, row);
            System.arraycopy(row, 0, W, wi, d);
        }
        return L;
    }

    /** score[o] = c_o · w for o = 0..k, six (or three) at a time. */
    private void scores() {
        if (vectorised) {
            VectorLanes.scores(w, c, k + 1, score);
            return;
        }
        int o = 0;
        for (; o + 6 <= k + 1; o += 6) {
            dot6(w, c[o], c[o + 1], c[o + 2], c[o + 3], c[o + 4], c[o + 5], score, o);
        }
        for (; o + 3 <= k + 1; o += 3) {
            dot3(w, c[o], c[o + 1], c[o + 2], score, o);
        }
        for (; o <= k; o++) {
            score[o] = dot(w, c[o]);
        }
    }

    /** dw += Σ_o g_o c_o and dc[o] += g_o w. */
    private void gradients() {
        if (vectorised) {
            VectorLanes.gradients(g, c, k + 1, w, dw, dc);
            return;
        }
        for (int o = 0; o <= k; o++) {
            axpy(g[o], c[o], dw);
            axpy(g[o], w, dc[o]);
        }
    }

    private float sigma(float x) {
        return exactSigmoid ? (float) Sigmoid.sigma(x) : SigmoidTable.sigma(x);
    }

    private double logSigma(float x) {
        return exactSigmoid ? Sigmoid.logSigma(x) : SigmoidTable.logSigma(x);
    }

    /** a · b, in two running sums of fused multiply-adds. */
    static float dot(float[] a, float[] b) {
        float s0 = 0;
        float s1 = 0;
        int j = 0;
        for (; j + 2 <= a.length; j += 2) {
            s0 = Math.fma(a[j], b[j], s0);
            s1 = Math.fma(a[j + 1], b[j + 1], s1);
        }
        for (; j < a.length; j++) {
            s0 = Math.fma(a[j], b[j], s0);
        }
        return s0 + s1;
    }

    /** out[at..at+3) = (a · b0, a · b1, a · b2): each a[j] read once for three dot products, six running sums. */
    static void dot3(float[] a, float[] b0, float[] b1, float[] b2, float[] out, int at) {
        float s0 = 0;
        float t0 = 0;
        float s1 = 0;
        float t1 = 0;
        float s2 = 0;
        float t2 = 0;
        int j = 0;
        for (; j + 2 <= a.length; j += 2) {
            float x = a[j];
            float y = a[j + 1];
            s0 = Math.fma(x, b0[j], s0);
            t0 = Math.fma(y, b0[j + 1], t0);
            s1 = Math.fma(x, b1[j], s1);
            t1 = Math.fma(y, b1[j + 1], t1);
            s2 = Math.fma(x, b2[j], s2);
            t2 = Math.fma(y, b2[j + 1], t2);
        }
        for (; j < a.length; j++) {
            float x = a[j];
            s0 = Math.fma(x, b0[j], s0);
            s1 = Math.fma(x, b1[j], s1);
            s2 = Math.fma(x, b2[j], s2);
        }
        out[at] = s0 + t0;
        out[at + 1] = s1 + t1;
        out[at + 2] = s2 + t2;
    }

    /** out[at..at+6) = (a · b0, …, a · b5): each a[j] read once for six independent running sums. */
    static void dot6(float[] a, float[] b0, float[] b1, float[] b2, float[] b3, float[] b4, float[] b5,
                     float[] out, int at) {
        float s0 = 0;
        float s1 = 0;
        float s2 = 0;
        float s3 = 0;
        float s4 = 0;
        float s5 = 0;
        for (int j = 0; j < a.length; j++) {
            float x = a[j];
            s0 = Math.fma(x, b0[j], s0);
            s1 = Math.fma(x, b1[j], s1);
            s2 = Math.fma(x, b2[j], s2);
            s3 = Math.fma(x, b3[j], s3);
            s4 = Math.fma(x, b4[j], s4);
            s5 = Math.fma(x, b5[j], s5);
        }
        out[at] = s0;
        out[at + 1] = s1;
        out[at + 2] = s2;
        out[at + 3] = s3;
        out[at + 4] = s4;
        out[at + 5] = s5;
    }

    /** y += a · x. */
    static void axpy(float a, float[] x, float[] y) {
        for (int j = 0; j < y.length; j++) {
            y[j] += a * x[j];
        }
    }

    /** y += x. */
    static void add(float[] x, float[] y) {
        for (int j = 0; j < y.length; j++) {
            y[j] += x[j];
        }
    }
}

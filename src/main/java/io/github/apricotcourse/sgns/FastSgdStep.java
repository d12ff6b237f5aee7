package io.github.apricotcourse.sgns;

import io.github.apricotcourse.math.Sigmoid;
import java.util.Arrays;

/**
 * The fast path's SGD step: {@link SgdStep}'s three equations on flat float arrays (row r of W
 * is {@code W[r·stride .. r·stride + d)}), for all the targets w_1..m around one positive context
 * c_pos at once, sharing one set of k noise words among them (Ji et al. 2016, "HogBatch"). With
 * c_0 = c_pos, c_1..k = c_neg_1..k and the labels y_0 = 1, y_1..k = 0, every gradient is taken at
 * the vectors before the step:
 *
 * <pre>
 *   g_io   = η [y_o − σ(C[c_o] · W[w_i])]          (= −η ∂L/∂(c_o · w_i))     G = η (Y − σ(W_m C_oᵀ))
 *   W[w_i] ← W[w_i] + Σ_o g_io C[c_o]               for each target i           W_m ← W_m + G C_o
 *   C[c_o] ← C[c_o] + Σ_i g_io W[w_i]               for each context o          C_o ← C_o + Gᵀ W_m
 * </pre>
 *
 * For one target (m = 1) this is exactly {@link SgdStep#apply}: a noise word drawn twice moves
 * twice. For m &gt; 1 the C rows move once, by the sum of the m pairs' gradients: two small
 * matrix products instead of m(k + 1) separate vector updates. (A word twice among the targets
 * moves twice; its second copy's score, on the copied rows, or its share of C's change, in
 * {@link VectorLanes}, sees its first copy's move, a difference of order η².)
 *
 * <p>How it is made fast, without allocating anything per call:
 * <ul>
 *   <li>when the JVM has the Vector API ({@code --add-modules jdk.incubator.vector}, as
 *       {@code src/bin/apricot} starts the benchmarks and the tests), both products (and CBOW's
 *       step) run in {@link VectorLanes}, 8 or 16 floats per instruction, on the rows where they are; the
 *       fast trainer pads each row with zeros to a whole number of vectors ({@link #stride}),
 *       which stay zero, so no row ends in a part-vector;</li>
 *   <li>without it, the rows are copied into small arrays of their own ({@code c[o]},
 *       {@code w}), as Java's compiler turns loops over whole small arrays into vector
 *       instructions, but not loops over a slice of a big array at a variable offset, and
 *       the k + 1 scores of a target are summed six (or three) at a time, so each w[j] is read
 *       once for six independent running sums;</li>
 *   <li>σ comes from {@link SigmoidTable} (unless {@code exactSigmoid}), and log σ, for the loss,
 *       only when the caller asks for the loss;</li>
 *   <li>a changed row is written as "read the current row, add the change, write": under
 *       Hogwild another thread's update to the same row is lost only if it lands in those few
 *       nanoseconds.</li>
 * </ul>
 */
final class FastSgdStep {
    /** Whether this JVM was started with the Vector API ({@code --add-modules jdk.incubator.vector}). */
    static final boolean VECTOR_API = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();

    private final int d;
    private final int stride;
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
    // The Vector API's path: the k + 1 contexts in groups of six (the last one filled up with c_0, at g = 0).
    private final int groups;
    private final int width;        // 6 · groups
    private final int upper;        // the part of a row the vectors cover
    private final int[] rows;       // C[c_o] starts at rows[o]
    private final float[] folded;   // scratch for VectorLanes
    private float[] scores;         // score of (w_i, c_o) at i · width + o
    private float[] gradients;      // g_io, the same way
    private float[] partial;        // VectorLanes' sums of W's change over the groups
    private final float[] pending;  // VectorLanes' changes of C, kept until every group has read C
    private float[] old;            // W[w_i][j] before the step, for the last part of a row
    // CBOW's step with the Vector API: two rows of its own, as long as the part of a row it covers.
    private final float[] h;        // h = (1/m) Σ_i W[w_i]
    private final float[] dh;       // Σ_o g_o C[c_o], the change to every W[w_i]

    /**
     * A step for vectors of length d (rows of d numbers, one after another) and k noise words.
     * With {@code exactSigmoid} σ and log σ are computed exactly; otherwise they are read from
     * {@link SigmoidTable}. The inner loops use {@link VectorLanes} when this JVM has the Vector API.
     */
    FastSgdStep(int d, int k, boolean exactSigmoid) {
        this(d, k, exactSigmoid, VECTOR_API);
    }

    /** As above, with the inner loops in {@link VectorLanes} or not ({@code vectorised} needs the Vector API). */
    FastSgdStep(int d, int k, boolean exactSigmoid, boolean vectorised) {
        this(d, d, k, exactSigmoid, vectorised);
    }

    /**
     * As above, for rows that start {@code stride} ≥ d numbers apart; the numbers between d and
     * the stride must be zeros (they stay zeros).
     */
    FastSgdStep(int d, int stride, int k, boolean exactSigmoid, boolean vectorised) {
        if (vectorised && !VECTOR_API) {
            throw new IllegalStateException("the Vector API is not in this JVM: start it with --add-modules jdk.incubator.vector");
        }
        if (stride < d) {
            throw new IllegalArgumentException("rows of " + d + " numbers cannot start " + stride + " apart: the stride must be at least d");
        }
        this.vectorised = vectorised;
        this.d = d;
        this.stride = stride;
        this.k = k;
        this.exactSigmoid = exactSigmoid;
        c = new float[k + 1][d];
        dc = new float[k + 1][d];
        w = new float[d];
        dw = new float[d];
        groups = (k + 1 + 5) / 6;
        width = 6 * groups;
        score = new float[width];                                   // CBOW's scores come six at a time
        g = new float[k + 1];
        row = new float[d];
        rows = new int[width];
        if (vectorised) {
            upper = stride >= VectorLanes.roundUp(d) ? VectorLanes.roundUp(d) : VectorLanes.roundDown(d);
            folded = new float[VectorLanes.LANES];
            pending = new float[width * VectorLanes.LANES];
            h = new float[Math.max(upper, d)];
            dh = new float[h.length];
        } else {
            upper = 0;
            folded = null;
            pending = null;
            h = null;
            dh = null;
        }
        scores = new float[0];
        gradients = scores;
        partial = scores;
        old = scores;
    }

    /**
     * The distance between rows that lets the Vector API's loops cover whole rows: d rounded
     * up to a whole number of vectors (d itself without the Vector API).
     */
    static int stride(int d) {
        return VECTOR_API ? VectorLanes.roundUp(d) : d;
    }

    /**
     * Updates W[w_i] for the m targets in {@code targets[0..m)}, C[cPos] and C[cNeg[o]], and returns
     * the summed loss of the m pairs before the step,
     * L_i = −[log σ(c_pos · w_i) + Σ_o log σ(−c_neg_o · w_i)]; NaN when a score is not finite.
     */
    double apply(float[] W, float[] C, int[] targets, int m, int cPos, int[] cNeg, float eta) {
        return apply(W, C, targets, m, cPos, cNeg, eta, true);
    }

    /** As above; the loss is computed only {@code withLoss} (else 0 is returned, or NaN when a score is not finite). */
    double apply(float[] W, float[] C, int[] targets, int m, int cPos, int[] cNeg, float eta, boolean withLoss) {
        if (cNeg.length != k) {
            throw new IllegalArgumentException("this step was made for k = " + k + " noise words, got " + cNeg.length);
        }
        return vectorised ? inPlace(W, C, targets, m, cPos, cNeg, eta, withLoss)
                : copied(W, C, targets, m, cPos, cNeg, eta, withLoss);
    }

    /** The step on copies of the rows, one target after another. */
    private double copied(float[] W, float[] C, int[] targets, int m, int cPos, int[] cNeg, float eta, boolean withLoss) {
        for (int o = 0; o <= k; o++) {
            System.arraycopy(C, (o == 0 ? cPos : cNeg[o - 1]) * stride, c[o], 0, d);   // c_o = C[c_o]
            Arrays.fill(dc[o], 0f);
        }
        double L = 0;
        for (int i = 0; i < m; i++) {
            int wi = targets[i] * stride;
            System.arraycopy(W, wi, w, 0, d);                                       // w = W[w_i]
            scores();                                                               // c_o · w
            L += gradientsAndLoss(score, 0, g, eta, withLoss);                      // g_o = η [y_o − σ(c_o · w)]
            if (Double.isNaN(L)) {
                return L;
            }
            Arrays.fill(dw, 0f);
            gradients();                                                            // dw, dc[o] += ...
            System.arraycopy(W, wi, row, 0, d);                                     // W[w_i] += dw
            add(dw, row);
            System.arraycopy(row, 0, W, wi, d);
        }
        for (int o = 0; o <= k; o++) {                                              // C[c_o] += dc[o]
            int co = (o == 0 ? cPos : cNeg[o - 1]) * stride;
            System.arraycopy(C, co, row, 0, d);
            add(dc[o], row);
            System.arraycopy(row, 0, C, co, d);
        }
        return L;
    }

    /**
     * The step on the rows where they are, as two small matrix products ({@link VectorLanes}):
     * all m(k + 1) scores, then all gradients, then W_m += G C_o and C_o += Gᵀ W_m. When the rows
     * end in a part-vector (an unpadded stride), that part is done here, one number at a time.
     */
    private double inPlace(float[] W, float[] C, int[] targets, int m, int cPos, int[] cNeg, float eta, boolean withLoss) {
        if (scores.length < m * width) {
            scores = new float[m * width];
            gradients = new float[m * width];
            partial = new float[m * VectorLanes.LANES];
            old = new float[m];
        }
        rows(cPos, cNeg);
        for (int i = 0; i < m; i++) {                                               // S = W_m C_oᵀ
            scoresInPlace(W, targets[i] * stride, C, scores, i * width);
        }
        double L = 0;
        for (int i = 0; i < m; i++) {                                               // G = η (Y − σ(S))
            L += gradientsAndLoss(scores, i * width, gradients, eta, withLoss);
            if (Double.isNaN(L)) {
                return L;
            }
            Arrays.fill(gradients, i * width + k + 1, (i + 1) * width, 0f);         // the filler contexts
        }
        VectorLanes.update(W, targets, m, stride, C, rows, groups, gradients, width, upper, partial, pending);
        for (int j = upper; j < d; j++) {                                           // a part-vector at the end of the rows
            for (int i = 0; i < m; i++) {
                old[i] = W[targets[i] * stride + j];
            }
            for (int i = 0; i < m; i++) {
                float change = 0;
                for (int o = 0; o <= k; o++) {
                    change = Math.fma(gradients[i * width + o], C[rows[o] + j], change);
                }
                W[targets[i] * stride + j] += change;
            }
            for (int o = 0; o <= k; o++) {
                float change = 0;
                for (int i = 0; i < m; i++) {
                    change = Math.fma(gradients[i * width + o], old[i], change);
                }
                C[rows[o] + j] += change;
            }
        }
        return L;
    }

    /**
     * CBOW's step ({@link CbowStep}) on flat arrays: h = the average of W[w_i] for the m context
     * words in {@code contexts[0..m)} predicts C[target] against C[cNeg[o]]; each C row moves by
     * g_o h, each W[w_i] by Σ_o g_o c_o (= −η ∂L/∂h, as word2vec.c). Returns the loss before the
     * step; NaN when a score is not finite. With the Vector API it works on the rows where they are,
     * else on copies of them.
     */
    double cbow(float[] W, float[] C, int[] contexts, int m, int target, int[] cNeg, float eta) {
        return cbow(W, C, contexts, m, target, cNeg, eta, true);
    }

    /** As above; the loss is computed only {@code withLoss} (else 0 is returned, or NaN when a score is not finite). */
    double cbow(float[] W, float[] C, int[] contexts, int m, int target, int[] cNeg, float eta, boolean withLoss) {
        if (cNeg.length != k) {
            throw new IllegalArgumentException("this step was made for k = " + k + " noise words, got " + cNeg.length);
        }
        return vectorised ? cbowInPlace(W, C, contexts, m, target, cNeg, eta, withLoss)
                : cbowCopied(W, C, contexts, m, target, cNeg, eta, withLoss);
    }

    /** CBOW's step on copies of the rows. */
    private double cbowCopied(float[] W, float[] C, int[] contexts, int m, int target, int[] cNeg, float eta, boolean withLoss) {
        Arrays.fill(w, 0f);
        for (int i = 0; i < m; i++) {                                               // w = h = (1/m) Σ_i W[w_i]
            System.arraycopy(W, contexts[i] * stride, row, 0, d);
            add(row, w);
        }
        float mean = 1f / m;
        for (int j = 0; j < d; j++) {
            w[j] *= mean;
        }
        for (int o = 0; o <= k; o++) {
            System.arraycopy(C, (o == 0 ? target : cNeg[o - 1]) * stride, c[o], 0, d);   // c_o = C[c_o]
            Arrays.fill(dc[o], 0f);
        }
        scores();                                                                   // c_o · h
        double L = gradientsAndLoss(score, 0, g, eta, withLoss);                    // g_o = η [y_o − σ(c_o · h)]
        if (Double.isNaN(L)) {
            return L;
        }
        Arrays.fill(dw, 0f);
        gradients();                                                                // dw = Σ_o g_o c_o, dc[o] = g_o h
        for (int o = 0; o <= k; o++) {                                              // C[c_o] += g_o h
            int co = (o == 0 ? target : cNeg[o - 1]) * stride;
            System.arraycopy(C, co, row, 0, d);
            add(dc[o], row);
            System.arraycopy(row, 0, C, co, d);
        }
        for (int i = 0; i < m; i++) {                                               // W[w_i] += Σ_o g_o c_o
            int wi = contexts[i] * stride;
            System.arraycopy(W, wi, row, 0, d);
            add(dw, row);
            System.arraycopy(row, 0, W, wi, d);
        }
        return L;
    }

    /**
     * CBOW's step on the rows where they are, with skip-gram's {@link VectorLanes}: h in a row of
     * its own, its k + 1 scores six at a time, then Σ_o g_o C[c_o] (from C before the step),
     * C[c_o] += g_o h and W[w_i] += Σ_o g_o C[c_o], each an axpy over whole vectors. (One h per
     * window: there is no matrix product to share, as skip-gram's m targets share theirs.) When
     * the rows end in a part-vector (an unpadded stride), the scores' part is done here and the
     * axpys' in {@link VectorLanes#axpy}, one number at a time.
     */
    private double cbowInPlace(float[] W, float[] C, int[] contexts, int m, int target, int[] cNeg, float eta, boolean withLoss) {
        int n = h.length;                                                           // what the vectors and the tail cover
        Arrays.fill(h, 0f);
        float mean = 1f / m;
        for (int i = 0; i < m; i++) {                                               // h = (1/m) Σ_i W[w_i]
            VectorLanes.axpy(mean, W, contexts[i] * stride, h, 0, n);
        }
        rows(target, cNeg);
        scoresInPlace(h, 0, C, score, 0);                                           // c_o · h
        double L = gradientsAndLoss(score, 0, g, eta, withLoss);                    // g_o = η [y_o − σ(c_o · h)]
        if (Double.isNaN(L)) {
            return L;
        }
        Arrays.fill(dh, 0f);
        for (int o = 0; o <= k; o++) {                                              // dh = Σ_o g_o C[c_o]
            VectorLanes.axpy(g[o], C, rows[o], dh, 0, n);
        }
        for (int o = 0; o <= k; o++) {                                              // C[c_o] += g_o h
            VectorLanes.axpy(g[o], h, 0, C, rows[o], n);
        }
        for (int i = 0; i < m; i++) {                                               // W[w_i] += dh
            VectorLanes.axpy(1f, dh, 0, W, contexts[i] * stride, n);
        }
        return L;
    }

    /**
     * The step's one rule, for the k + 1 scores s_o = c_o · w at {@code s[at..]}: g_o = η [y_o − σ(s_o)]
     * into {@code g[at..]} (y_0 = 1 for the positive context, 0 for the noise words). Returns the
     * loss Σ_o −log σ(±s_o) {@code withLoss} (else 0), or NaN when a score is not finite.
     */
    private double gradientsAndLoss(float[] s, int at, float[] g, float eta, boolean withLoss) {
        double L = 0;
        for (int o = 0; o <= k; o++) {
            float so = s[at + o];
            if (!Float.isFinite(so)) {
                return Double.NaN;
            }
            g[at + o] = eta * ((o == 0 ? 1f : 0f) - sigma(so));
            if (withLoss) {
                L -= logSigma(o == 0 ? so : -so);
            }
        }
        return L;
    }

    /** rows[o]: where C[c_o] starts, for the positive context and the k noise words; the fillers up to {@link #width} repeat the first. */
    private void rows(int cPos, int[] cNeg) {
        rows[0] = cPos * stride;
        for (int o = 1; o < width; o++) {
            rows[o] = o <= k ? cNeg[o - 1] * stride : rows[0];
        }
    }

    /**
     * out[at + o] = x · C[c_o] for the {@link #width} rows (fillers too), x the row at {@code x[xAt]}: six at a time in
     * {@link VectorLanes}, then a part-vector at the end of the rows (an unpadded stride) one number at a time.
     */
    private void scoresInPlace(float[] x, int xAt, float[] C, float[] out, int at) {
        for (int group = 0; group < groups; group++) {
            VectorLanes.scores6(x, xAt, C, rows, 6 * group, upper, out, at + 6 * group, folded);
        }
        for (int j = upper; j < d; j++) {
            for (int o = 0; o <= k; o++) {
                out[at + o] = Math.fma(x[xAt + j], C[rows[o] + j], out[at + o]);
            }
        }
    }

    /** score[o] = c_o · w for o = 0..k, six (or three) at a time. */
    private void scores() {
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

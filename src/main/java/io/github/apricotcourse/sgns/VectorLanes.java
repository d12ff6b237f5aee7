package io.github.apricotcourse.sgns;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link FastSgdStep}'s two small matrix products written with the JDK's Vector API, which runs
 * them as vector instructions (16 floats at a time on AVX-512, 8 on AVX2), reading and writing
 * the rows where they are, in the flat arrays W and C (row r at {@code r·stride}). For the m
 * targets w_i of a window and its contexts c_o, six at a time:
 *
 * <pre>
 *   score[i][o] = W[w_i] · C[c_o]                                   S = W_m C_oᵀ
 *   W[w_i]     += Σ_o g[i][o] C[c_o],   C[c_o] += Σ_i g[i][o] W[w_i]    W_m += G C_o,  C_o += Gᵀ W_m
 * </pre>
 *
 * Both run over the first {@code upper} entries of each row, a multiple of {@link #LANES}; the
 * caller does the rest ({@link FastSgdStep} pads its rows with zeros to a multiple of
 * {@link #LANES}, so there is no rest). In the update, a chunk of the six C rows and the six
 * sums Σ_i g[i][o] W[w_i] stay in registers while the m targets stream past, so each C row is
 * read and written once per window, not once per target (Ji et al. 2016, "HogBatch").
 * CBOW's step, with one h per window and so no product to share, uses {@link #scores6} with h
 * for the one target, and {@link #axpy} on the rows.
 *
 * <p>A dot product ends in a sum of the lanes of one vector. Java 17 adds a vector's lanes in
 * order, one at a time (16 dependent additions), so the six sums are instead folded together:
 * at each step two vectors become one holding half of each one's lanes, pairwise added, and
 * after log₂(16) = 4 steps each of six lanes holds one whole sum ({@link #SCORE_LANE}).
 *
 * <p>The Vector API is an incubator module in Java 17, present only when the JVM is started with
 * {@code --add-modules jdk.incubator.vector}; {@link FastSgdStep} uses this class only then and its
 * own scalar loops otherwise (both compute the same sums, added in a different order).
 */
final class VectorLanes {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    /** Floats per vector. */
    static final int LANES = S.length();
    /** Whether the lanes of six sums can be folded in three or four steps (8 or 16 lanes); else reduceLanes. */
    private static final boolean FOLD = LANES == 8 || LANES == 16;
    private static final VectorMask<Float> HIGH_A = half(LANES / 2);
    private static final VectorMask<Float> HIGH_B = half(Math.max(1, LANES / 4));
    private static final VectorMask<Float> HIGH_C = half(Math.max(1, LANES / 8));
    private static final VectorShuffle<Float> SWAP_A = swap(LANES / 2);
    private static final VectorShuffle<Float> SWAP_B = swap(Math.max(1, LANES / 4));
    private static final VectorShuffle<Float> SWAP_C = swap(Math.max(1, LANES / 8));
    private static final VectorShuffle<Float> SWAP_D = swap(1);
    /** The lane of the folded vector that holds sum o (found by folding six known vectors). */
    private static final int[] SCORE_LANE = scoreLanes();

    private VectorLanes() {}

    /** d rounded up to a whole number of vectors. */
    static int roundUp(int d) {
        return (d + LANES - 1) / LANES * LANES;
    }

    /** d rounded down to a whole number of vectors. */
    static int roundDown(int d) {
        return S.loopBound(d);
    }

    /**
     * score[at + q] = W[w..w+upper) · C[rows[o+q]..rows[o+q]+upper) for q = 0..5: each chunk of
     * W[w] loaded once for six running sums, their lanes folded together at the end.
     */
    static void scores6(float[] W, int w, float[] C, int[] rows, int o, int upper, float[] score, int at,
                        float[] folded) {
        int r0 = rows[o];
        int r1 = rows[o + 1];
        int r2 = rows[o + 2];
        int r3 = rows[o + 3];
        int r4 = rows[o + 4];
        int r5 = rows[o + 5];
        FloatVector s0 = FloatVector.zero(S);
        FloatVector s1 = s0;
        FloatVector s2 = s0;
        FloatVector s3 = s0;
        FloatVector s4 = s0;
        FloatVector s5 = s0;
        for (int j = 0; j < upper; j += LANES) {
            FloatVector x = FloatVector.fromArray(S, W, w + j);
            s0 = FloatVector.fromArray(S, C, r0 + j).fma(x, s0);
            s1 = FloatVector.fromArray(S, C, r1 + j).fma(x, s1);
            s2 = FloatVector.fromArray(S, C, r2 + j).fma(x, s2);
            s3 = FloatVector.fromArray(S, C, r3 + j).fma(x, s3);
            s4 = FloatVector.fromArray(S, C, r4 + j).fma(x, s4);
            s5 = FloatVector.fromArray(S, C, r5 + j).fma(x, s5);
        }
        sums6(s0, s1, s2, s3, s4, s5, score, at, folded);
    }

    /**
     * y[yAt..yAt+n) += a · x[xAt..xAt+n): whole vectors, then one number at a time for the rest
     * (none when n is a multiple of {@link #LANES}).
     */
    static void axpy(float a, float[] x, int xAt, float[] y, int yAt, int n) {
        FloatVector va = FloatVector.broadcast(S, a);
        int upper = S.loopBound(n);
        int j = 0;
        for (; j < upper; j += LANES) {
            FloatVector.fromArray(S, x, xAt + j).fma(va, FloatVector.fromArray(S, y, yAt + j)).intoArray(y, yAt + j);
        }
        for (; j < n; j++) {
            y[yAt + j] = Math.fma(a, x[xAt + j], y[yAt + j]);
        }
    }

    /** score[at + q] = the sum of the lanes of s_q, q = 0..5 ({@code folded}: LANES floats of scratch). */
    private static void sums6(FloatVector s0, FloatVector s1, FloatVector s2, FloatVector s3, FloatVector s4,
                              FloatVector s5, float[] score, int at, float[] folded) {
        if (!FOLD) {
            score[at] = s0.reduceLanes(VectorOperators.ADD);
            score[at + 1] = s1.reduceLanes(VectorOperators.ADD);
            score[at + 2] = s2.reduceLanes(VectorOperators.ADD);
            score[at + 3] = s3.reduceLanes(VectorOperators.ADD);
            score[at + 4] = s4.reduceLanes(VectorOperators.ADD);
            score[at + 5] = s5.reduceLanes(VectorOperators.ADD);
            return;
        }
        fold6(s0, s1, s2, s3, s4, s5).intoArray(folded, 0);
        score[at] = folded[SCORE_LANE[0]];
        score[at + 1] = folded[SCORE_LANE[1]];
        score[at + 2] = folded[SCORE_LANE[2]];
        score[at + 3] = folded[SCORE_LANE[3]];
        score[at + 4] = folded[SCORE_LANE[4]];
        score[at + 5] = folded[SCORE_LANE[5]];
    }

    /** One vector whose lane {@code SCORE_LANE[q]} holds the sum of s_q's lanes. */
    private static FloatVector fold6(FloatVector s0, FloatVector s1, FloatVector s2, FloatVector s3, FloatVector s4,
                                     FloatVector s5) {
        FloatVector a01 = fold(s0, s1, HIGH_A, SWAP_A);          // sums of 2 lanes
        FloatVector a23 = fold(s2, s3, HIGH_A, SWAP_A);
        FloatVector a45 = fold(s4, s5, HIGH_A, SWAP_A);
        FloatVector b0123 = fold(a01, a23, HIGH_B, SWAP_B);      // of 4 lanes
        FloatVector b45 = fold(a45, a45, HIGH_B, SWAP_B);
        FloatVector c = fold(b0123, b45, HIGH_C, SWAP_C);        // of 8 lanes
        return LANES == 16 ? c.add(c.rearrange(SWAP_D)) : c;     // of 16 lanes
    }

    /**
     * Lanes i with bit h clear: a[i] + a[i ^ h]; lanes with it set: b[i] + b[i ^ h] (h is
     * given by the mask of lanes with bit h set and the shuffle i → i ^ h).
     */
    private static FloatVector fold(FloatVector a, FloatVector b, VectorMask<Float> high, VectorShuffle<Float> swap) {
        return a.blend(b, high).add(b.blend(a, high).rearrange(swap));
    }

    private static VectorMask<Float> half(int h) {
        boolean[] bits = new boolean[LANES];
        for (int i = 0; i < LANES; i++) {
            bits[i] = (i & h) != 0;
        }
        return VectorMask.fromArray(S, bits, 0);
    }

    private static VectorShuffle<Float> swap(int h) {
        return VectorShuffle.fromOp(S, i -> i ^ h);
    }

    private static int[] scoreLanes() {
        int[] lanes = new int[6];
        if (!FOLD) {
            return lanes;
        }
        float[] folded = new float[LANES];
        fold6(FloatVector.broadcast(S, 1), FloatVector.broadcast(S, 2), FloatVector.broadcast(S, 3),
                FloatVector.broadcast(S, 4), FloatVector.broadcast(S, 5), FloatVector.broadcast(S, 6)).intoArray(folded, 0);
        java.util.Arrays.fill(lanes, -1);
        for (int i = 0; i < LANES; i++) {                           // lane i holds (q + 1) · LANES
            int q = Math.round(folded[i] / LANES) - 1;
            if (q >= 0 && q < 6 && lanes[q] < 0) {
                lanes[q] = i;
            }
        }
        for (int lane : lanes) {
            if (lane < 0) {
                throw new IllegalStateException("folding the lanes of six sums lost one (" + LANES + " lanes)");
            }
        }
        return lanes;
    }

    /**
     * For the m targets at {@code W[targets[i]·stride]} and the contexts at {@code C[rows[o]]},
     * o = 0..groups·6, with their gradients {@code g[i·width + o]} (computed at the rows before
     * this call): W[w_i] += Σ_o g_io C[c_o] and C[c_o] += Σ_i g_io W[w_i], over the first
     * {@code upper} entries. With several groups of six contexts, a chunk of W[w_i] is written
     * after the last group, its change summed in {@code partial} (m·LANES floats) meanwhile, and
     * the chunks of C after that, their changes kept in {@code pending} (width·LANES floats), so
     * every group reads the rows before the step. A C row is written by reading it again and
     * adding, so a noise word drawn twice moves twice.
     */
    static void update(float[] W, int[] targets, int m, int stride, float[] C, int[] rows, int groups, float[] g,
                       int width, int upper, float[] partial, float[] pending) {
        for (int j = 0; j < upper; j += LANES) {
            for (int group = 0; group < groups; group++) {
                int o = 6 * group;
                boolean first = group == 0;
                boolean last = group == groups - 1;
                int r0 = rows[o] + j;
                int r1 = rows[o + 1] + j;
                int r2 = rows[o + 2] + j;
                int r3 = rows[o + 3] + j;
                int r4 = rows[o + 4] + j;
                int r5 = rows[o + 5] + j;
                FloatVector c0 = FloatVector.fromArray(S, C, r0);
                FloatVector c1 = FloatVector.fromArray(S, C, r1);
                FloatVector c2 = FloatVector.fromArray(S, C, r2);
                FloatVector c3 = FloatVector.fromArray(S, C, r3);
                FloatVector c4 = FloatVector.fromArray(S, C, r4);
                FloatVector c5 = FloatVector.fromArray(S, C, r5);
                FloatVector d0 = FloatVector.zero(S);
                FloatVector d1 = d0;
                FloatVector d2 = d0;
                FloatVector d3 = d0;
                FloatVector d4 = d0;
                FloatVector d5 = d0;
                for (int i = 0; i < m; i++) {
                    int wi = targets[i] * stride + j;
                    int gi = i * width + o;
                    FloatVector g0 = FloatVector.broadcast(S, g[gi]);
                    FloatVector g1 = FloatVector.broadcast(S, g[gi + 1]);
                    FloatVector g2 = FloatVector.broadcast(S, g[gi + 2]);
                    FloatVector g3 = FloatVector.broadcast(S, g[gi + 3]);
                    FloatVector g4 = FloatVector.broadcast(S, g[gi + 4]);
                    FloatVector g5 = FloatVector.broadcast(S, g[gi + 5]);
                    FloatVector x = FloatVector.fromArray(S, W, wi);
                    FloatVector dw = c0.mul(g0);
                    dw = c1.fma(g1, dw);
                    dw = c2.fma(g2, dw);
                    dw = c3.fma(g3, dw);
                    dw = c4.fma(g4, dw);
                    dw = c5.fma(g5, dw);
                    d0 = x.fma(g0, d0);
                    d1 = x.fma(g1, d1);
                    d2 = x.fma(g2, d2);
                    d3 = x.fma(g3, d3);
                    d4 = x.fma(g4, d4);
                    d5 = x.fma(g5, d5);
                    if (!first) {
                        dw = dw.add(FloatVector.fromArray(S, partial, i * LANES));
                    }
                    if (last) {
                        x.add(dw).intoArray(W, wi);
                    } else {
                        dw.intoArray(partial, i * LANES);
                    }
                }
                if (groups == 1) {
                    FloatVector.fromArray(S, C, r0).add(d0).intoArray(C, r0);
                    FloatVector.fromArray(S, C, r1).add(d1).intoArray(C, r1);
                    FloatVector.fromArray(S, C, r2).add(d2).intoArray(C, r2);
                    FloatVector.fromArray(S, C, r3).add(d3).intoArray(C, r3);
                    FloatVector.fromArray(S, C, r4).add(d4).intoArray(C, r4);
                    FloatVector.fromArray(S, C, r5).add(d5).intoArray(C, r5);
                } else {                                           // C moves after the last group has read it
                    d0.intoArray(pending, o * LANES);
                    d1.intoArray(pending, (o + 1) * LANES);
                    d2.intoArray(pending, (o + 2) * LANES);
                    d3.intoArray(pending, (o + 3) * LANES);
                    d4.intoArray(pending, (o + 4) * LANES);
                    d5.intoArray(pending, (o + 5) * LANES);
                }
            }
            if (groups > 1) {
                for (int o = 0; o < width; o++) {
                    int r = rows[o] + j;
                    FloatVector.fromArray(S, C, r).add(FloatVector.fromArray(S, pending, o * LANES)).intoArray(C, r);
                }
            }
        }
    }
}

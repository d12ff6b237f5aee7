package io.github.apricotcourse.sgns;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link FastSgdStep}'s two inner loops written with the JDK's Vector API, which runs them as
 * vector instructions (16 floats at a time on AVX-512, 8 on AVX2):
 *
 * <pre>
 *   score[o] = c_o · w                                 o = 0..k   (k + 1 dot products)
 *   dw  += Σ_o g_o c_o,    dc_o += g_o w               o = 0..k   (the step's gradients)
 * </pre>
 *
 * Java's compiler vectorises the second by itself, but not the first: a float sum must be added
 * in order, one lane at a time, unless the code says otherwise, as {@code reduceLanes} does here.
 * The Vector API is an incubator module in Java 17, present only when the JVM is started with
 * {@code --add-modules jdk.incubator.vector}; {@link FastSgdStep} uses this class only then and its
 * own scalar loops otherwise (both compute the same sums, added in a different order).
 */
final class VectorLanes {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;

    private VectorLanes() {}

    /** score[o] = c[o] · w for o = 0..rows, six rows at a time (each chunk of w loaded once for six sums). */
    static void scores(float[] w, float[][] c, int rows, float[] score) {
        int o = 0;
        for (; o + 6 <= rows; o += 6) {
            dot6(w, c[o], c[o + 1], c[o + 2], c[o + 3], c[o + 4], c[o + 5], score, o);
        }
        for (; o < rows; o++) {
            score[o] = dot(w, c[o]);
        }
    }

    private static float dot(float[] a, float[] b) {
        int upper = S.loopBound(a.length);
        FloatVector s = FloatVector.zero(S);
        int j = 0;
        for (; j < upper; j += S.length()) {
            s = FloatVector.fromArray(S, a, j).fma(FloatVector.fromArray(S, b, j), s);
        }
        float sum = s.reduceLanes(VectorOperators.ADD);
        for (; j < a.length; j++) {
            sum = Math.fma(a[j], b[j], sum);
        }
        return sum;
    }

    private static void dot6(float[] a, float[] b0, float[] b1, float[] b2, float[] b3, float[] b4, float[] b5,
                             float[] out, int at) {
        int upper = S.loopBound(a.length);
        FloatVector s0 = FloatVector.zero(S);
        FloatVector s1 = s0;
        FloatVector s2 = s0;
        FloatVector s3 = s0;
        FloatVector s4 = s0;
        FloatVector s5 = s0;
        int j = 0;
        for (; j < upper; j += S.length()) {
            FloatVector x = FloatVector.fromArray(S, a, j);
            s0 = x.fma(FloatVector.fromArray(S, b0, j), s0);
            s1 = x.fma(FloatVector.fromArray(S, b1, j), s1);
            s2 = x.fma(FloatVector.fromArray(S, b2, j), s2);
            s3 = x.fma(FloatVector.fromArray(S, b3, j), s3);
            s4 = x.fma(FloatVector.fromArray(S, b4, j), s4);
            s5 = x.fma(FloatVector.fromArray(S, b5, j), s5);
        }
        float t0 = s0.reduceLanes(VectorOperators.ADD);
        float t1 = s1.reduceLanes(VectorOperators.ADD);
        float t2 = s2.reduceLanes(VectorOperators.ADD);
        float t3 = s3.reduceLanes(VectorOperators.ADD);
        float t4 = s4.reduceLanes(VectorOperators.ADD);
        float t5 = s5.reduceLanes(VectorOperators.ADD);
        for (; j < a.length; j++) {
            float x = a[j];
            t0 = Math.fma(x, b0[j], t0);
            t1 = Math.fma(x, b1[j], t1);
            t2 = Math.fma(x, b2[j], t2);
            t3 = Math.fma(x, b3[j], t3);
            t4 = Math.fma(x, b4[j], t4);
            t5 = Math.fma(x, b5[j], t5);
        }
        out[at] = t0;
        out[at + 1] = t1;
        out[at + 2] = t2;
        out[at + 3] = t3;
        out[at + 4] = t4;
        out[at + 5] = t5;
    }

    /** dw += Σ_o g[o] c[o] and dc[o] += g[o] w for o = 0..rows, six rows at a time. */
    static void gradients(float[] g, float[][] c, int rows, float[] w, float[] dw, float[][] dc) {
        int o = 0;
        for (; o + 6 <= rows; o += 6) {
            gradients6(g, o, c[o], c[o + 1], c[o + 2], c[o + 3], c[o + 4], c[o + 5], w, dw,
                    dc[o], dc[o + 1], dc[o + 2], dc[o + 3], dc[o + 4], dc[o + 5]);
        }
        for (; o < rows; o++) {
            axpy(g[o], c[o], dw);
            axpy(g[o], w, dc[o]);
        }
    }

    /** y += a x. */
    private static void axpy(float a, float[] x, float[] y) {
        FloatVector va = FloatVector.broadcast(S, a);
        int upper = S.loopBound(y.length);
        int j = 0;
        for (; j < upper; j += S.length()) {
            FloatVector.fromArray(S, x, j).fma(va, FloatVector.fromArray(S, y, j)).intoArray(y, j);
        }
        for (; j < y.length; j++) {
            y[j] = Math.fma(a, x[j], y[j]);
        }
    }

    /** The six rows o..o+5 of {@link #gradients}, each chunk of w and dw loaded and stored once. */
    private static void gradients6(float[] g, int o, float[] c0, float[] c1, float[] c2, float[] c3, float[] c4,
                                   float[] c5, float[] w, float[] dw, float[] dc0, float[] dc1, float[] dc2,
                                   float[] dc3, float[] dc4, float[] dc5) {
        float g0 = g[o];
        float g1 = g[o + 1];
        float g2 = g[o + 2];
        float g3 = g[o + 3];
        float g4 = g[o + 4];
        float g5 = g[o + 5];
        FloatVector v0 = FloatVector.broadcast(S, g0);
        FloatVector v1 = FloatVector.broadcast(S, g1);
        FloatVector v2 = FloatVector.broadcast(S, g2);
        FloatVector v3 = FloatVector.broadcast(S, g3);
        FloatVector v4 = FloatVector.broadcast(S, g4);
        FloatVector v5 = FloatVector.broadcast(S, g5);
        int upper = S.loopBound(w.length);
        int j = 0;
        for (; j < upper; j += S.length()) {
            FloatVector x = FloatVector.fromArray(S, w, j);
            FloatVector sum = FloatVector.fromArray(S, dw, j);
            sum = FloatVector.fromArray(S, c0, j).fma(v0, sum);
            sum = FloatVector.fromArray(S, c1, j).fma(v1, sum);
            sum = FloatVector.fromArray(S, c2, j).fma(v2, sum);
            sum = FloatVector.fromArray(S, c3, j).fma(v3, sum);
            sum = FloatVector.fromArray(S, c4, j).fma(v4, sum);
            sum = FloatVector.fromArray(S, c5, j).fma(v5, sum);
            sum.intoArray(dw, j);
            x.fma(v0, FloatVector.fromArray(S, dc0, j)).intoArray(dc0, j);
            x.fma(v1, FloatVector.fromArray(S, dc1, j)).intoArray(dc1, j);
            x.fma(v2, FloatVector.fromArray(S, dc2, j)).intoArray(dc2, j);
            x.fma(v3, FloatVector.fromArray(S, dc3, j)).intoArray(dc3, j);
            x.fma(v4, FloatVector.fromArray(S, dc4, j)).intoArray(dc4, j);
            x.fma(v5, FloatVector.fromArray(S, dc5, j)).intoArray(dc5, j);
        }
        for (; j < w.length; j++) {
            float x = w[j];
            dw[j] = Math.fma(g5, c5[j], Math.fma(g4, c4[j], Math.fma(g3, c3[j],
                    Math.fma(g2, c2[j], Math.fma(g1, c1[j], Math.fma(g0, c0[j], dw[j]))))));
            dc0[j] = Math.fma(g0, x, dc0[j]);
            dc1[j] = Math.fma(g1, x, dc1[j]);
            dc2[j] = Math.fma(g2, x, dc2[j]);
            dc3[j] = Math.fma(g3, x, dc3[j]);
            dc4[j] = Math.fma(g4, x, dc4[j]);
            dc5[j] = Math.fma(g5, x, dc5[j]);
        }
    }
}

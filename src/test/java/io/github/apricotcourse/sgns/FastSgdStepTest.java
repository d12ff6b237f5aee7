package io.github.apricotcourse.sgns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The fast path's step is the lesson's {@link SgdStep}, on floats and for a whole window. */
class FastSgdStepTest {
    private static final int N = 7;
    private static final int D = 12;

    private static double[][] random(SplittableRandom rng, double scale) {
        double[][] m = new double[N][D];
        for (double[] row : m) {
            for (int j = 0; j < D; j++) {
                row[j] = (float) ((rng.nextDouble() - 0.5) * scale);   // values a float holds exactly
            }
        }
        return m;
    }

    private static float[] flat(double[][] m) {
        float[] f = new float[N * D];
        for (int i = 0; i < N; i++) {
            for (int j = 0; j < D; j++) {
                f[i * D + j] = (float) m[i][j];
            }
        }
        return f;
    }

    private static void assertSameMatrix(String name, double[][] expected, float[] actual) {
        for (int i = 0; i < N; i++) {
            for (int j = 0; j < D; j++) {
                assertEquals(expected[i][j], actual[i * D + j], 1e-5, name + "[" + i + "][" + j + "]");
            }
        }
    }

    @Test
    void oneTargetIsExactlySgdStepApply() {
        SplittableRandom rng = new SplittableRandom(3);
        for (int trial = 0; trial < 20; trial++) {
            double[][] W = random(rng, 2);
            double[][] C = random(rng, 2);
            float[] fw = flat(W);
            float[] fc = flat(C);
            int w = rng.nextInt(N);
            int cPos = rng.nextInt(N);
            int k = new int[] {1, 3, 4, 5, 8}[trial % 5];                   // scores in groups of 6, 3 and 1
            int[] cNeg = new int[k];
            for (int o = 0; o < k; o++) {
                cNeg[o] = o < 2 ? 2 : rng.nextInt(N);                       // noise word 2 drawn twice (once for k = 1)
            }
            double expectedLoss = SgdStep.apply(W, C, w, cPos, cNeg, 0.1);
            double loss = new FastSgdStep(D, cNeg.length, true).apply(fw, fc, new int[] {w}, 1, cPos, cNeg, 0.1f);
            assertEquals(expectedLoss, loss, 1e-5 * Math.max(1, expectedLoss));
            assertSameMatrix("W", W, fw);
            assertSameMatrix("C", C, fc);
        }
    }

    @Test
    void aWindowMovesEachTargetByItsOwnGradientAndCByTheirSum() {
        SplittableRandom rng = new SplittableRandom(5);
        double[][] W = random(rng, 1);
        double[][] C = random(rng, 1);
        float[] fw = flat(W);
        float[] fc = flat(C);
        int[] targets = {0, 3, 4};
        int cPos = 1;
        int[] cNeg = {2, 5, 6};
        double eta = 0.05;
        double[][] W2 = new double[N][];
        double[][] C2 = new double[N][];
        for (int i = 0; i < N; i++) {
            W2[i] = W[i].clone();
            C2[i] = C[i].clone();
        }
        double expectedLoss = 0;
        for (int w : targets) {                     // gradients at the vectors before the step
            SgnsLoss l = SgnsLoss.of(W[w], C[cPos], C[cNeg[0]], C[cNeg[1]], C[cNeg[2]]);
            expectedLoss += l.value();
            SgdStep.step(W2[w], l.gradW(), eta);
            SgdStep.step(C2[cPos], l.gradCPos(), eta);
            for (int o = 0; o < cNeg.length; o++) {
                SgdStep.step(C2[cNeg[o]], l.gradCNeg(o), eta);
            }
        }
        double loss = new FastSgdStep(D, 3, true).apply(fw, fc, targets, targets.length, cPos, cNeg, (float) eta);
        assertEquals(expectedLoss, loss, 1e-5 * expectedLoss);
        assertSameMatrix("W", W2, fw);
        assertSameMatrix("C", C2, fc);
    }

    @Test
    void theSigmoidTableIsCloseToTheExactSigmoid() {
        SplittableRandom rng = new SplittableRandom(9);
        double[][] W = random(rng, 3);
        double[][] C = random(rng, 3);
        float[] exactW = flat(W);
        float[] exactC = flat(C);
        float[] tableW = flat(W);
        float[] tableC = flat(C);
        int[] targets = {0, 1, 2};
        int[] cNeg = {4, 5, 6, 4, 5};
        double exact = new FastSgdStep(D, 5, true).apply(exactW, exactC, targets, 3, 3, cNeg, 0.1f);
        double table = new FastSgdStep(D, 5, false).apply(tableW, tableC, targets, 3, 3, cNeg, 0.1f);
        assertEquals(exact, table, 0.01 * exact);
        for (int i = 0; i < exactW.length; i++) {
            assertEquals(exactW[i], tableW[i], 1e-3);
            assertEquals(exactC[i], tableC[i], 1e-3);
        }
        for (float x = -10; x <= 10; x += 0.01f) {
            assertEquals(io.github.apricotcourse.math.Sigmoid.sigma(x), SigmoidTable.sigma(x), 2.5e-3, "σ(" + x + ")");
            assertEquals(io.github.apricotcourse.math.Sigmoid.logSigma(x), SigmoidTable.logSigma(x), 5e-3, "log σ(" + x + ")");
        }
    }

    @Test
    void theVectorLoopsComputeWhatTheScalarLoopsCompute() {
        assertTrue(FastSgdStep.VECTOR_API, "the tests run with --add-modules jdk.incubator.vector (pom.xml, surefire)");
        int d = 37;                                                  // vector chunks and a scalar tail
        int n = 11;
        SplittableRandom rng = new SplittableRandom(13);
        float[] W = new float[n * d];
        float[] C = new float[n * d];
        for (int i = 0; i < W.length; i++) {
            W[i] = (float) (rng.nextDouble() - 0.5);
            C[i] = (float) (rng.nextDouble() - 0.5);
        }
        for (int k : new int[] {1, 5, 7, 12}) {                      // 2, 6, 8, 13 rows: groups of six and single rows
            int[] cNeg = new int[k];
            for (int o = 0; o < k; o++) {
                cNeg[o] = 1 + rng.nextInt(n - 1);
            }
            int[] targets = {0, 4, 9};
            float[] sW = W.clone();
            float[] sC = C.clone();
            float[] vW = W.clone();
            float[] vC = C.clone();
            double scalar = new FastSgdStep(d, k, false, false).apply(sW, sC, targets, 3, 0, cNeg, 0.1f);
            double vector = new FastSgdStep(d, k, false, true).apply(vW, vC, targets, 3, 0, cNeg, 0.1f);
            assertEquals(scalar, vector, 1e-5 * scalar, "loss, k = " + k);
            for (int i = 0; i < W.length; i++) {
                assertEquals(sW[i], vW[i], 1e-6, "W, k = " + k);
                assertEquals(sC[i], vC[i], 1e-6, "C, k = " + k);
            }
            assertFalse(java.util.Arrays.equals(W, vW), "the step moved W");
        }
    }

    @Test
    void rowsPaddedToWholeVectorsTrainAsRowsOfD() {
        int d = 37;
        int stride = FastSgdStep.stride(d);
        assertTrue(stride > d && stride % VectorLanes.LANES == 0, "stride " + stride);
        int n = 11;
        SplittableRandom rng = new SplittableRandom(17);
        float[] W = new float[n * d];
        float[] C = new float[n * d];
        float[] pW = new float[n * stride];
        float[] pC = new float[n * stride];
        for (int r = 0; r < n; r++) {
            for (int j = 0; j < d; j++) {
                W[r * d + j] = pW[r * stride + j] = (float) (rng.nextDouble() - 0.5);
                C[r * d + j] = pC[r * stride + j] = (float) (rng.nextDouble() - 0.5);
            }
        }
        int[] targets = {0, 4, 9, 2};
        for (int k : new int[] {5, 7}) {
            int[] cNeg = {3, 3, 8, 1, 10, 5, 7};                       // noise word 3 twice, 5 = c_pos once
            cNeg = java.util.Arrays.copyOf(cNeg, k);
            double rowsOfD = new FastSgdStep(d, k, false, false).apply(W, C, targets, 4, 5, cNeg, 0.1f);
            double padded = new FastSgdStep(d, stride, k, false, true).apply(pW, pC, targets, 4, 5, cNeg, 0.1f);
            assertEquals(rowsOfD, padded, 1e-5 * rowsOfD, "loss, k = " + k);
            for (int r = 0; r < n; r++) {
                for (int j = 0; j < stride; j++) {
                    assertEquals(j < d ? W[r * d + j] : 0f, pW[r * stride + j], 1e-5, "W[" + r + "][" + j + "], k = " + k);
                    assertEquals(j < d ? C[r * d + j] : 0f, pC[r * stride + j], 1e-5, "C[" + r + "][" + j + "], k = " + k);
                }
            }
        }
    }

    /** One step of the fast path on the rows W and C, with or without its loss. */
    private interface Step {
        double apply(FastSgdStep step, float[] W, float[] C, boolean withLoss);
    }

    @Test
    void withoutTheLossSkipGramsAndCbowsStepsMoveTheSameRows() {
        int[] window = {1, 4, 4, 6};                                     // word 4 twice in the window
        int[] cNeg = {2, 2, 5, 3, 0};
        Step skipGram = (step, W, C, withLoss) -> step.apply(W, C, window, 4, 3, cNeg, 0.1f, withLoss);
        Step cbow = (step, W, C, withLoss) -> step.cbow(W, C, window, 4, 3, cNeg, 0.1f, withLoss);
        SplittableRandom rng = new SplittableRandom(6);
        int d = 37;                                                      // vector chunks and a part-vector
        float[] W = new float[N * d];
        float[] C = new float[N * d];
        for (int i = 0; i < W.length; i++) {
            W[i] = (float) (rng.nextDouble() - 0.5);
            C[i] = (float) (rng.nextDouble() - 0.5);
        }
        for (Step kind : new Step[] {skipGram, cbow}) {
            String name = kind == skipGram ? "skip-gram" : "CBOW";
            for (boolean vectorised : new boolean[] {false, true}) {
                String path = name + ", vectorised " + vectorised;
                float[] lW = W.clone();
                float[] lC = C.clone();
                float[] nW = W.clone();
                float[] nC = C.clone();
                double loss = kind.apply(new FastSgdStep(d, d, cNeg.length, false, vectorised), lW, lC, true);
                double none = kind.apply(new FastSgdStep(d, d, cNeg.length, false, vectorised), nW, nC, false);
                assertTrue(loss > 0, path + ": " + loss);
                assertEquals(0.0, none, path);
                assertTrue(java.util.Arrays.equals(lW, nW) && java.util.Arrays.equals(lC, nC), path);
                assertFalse(java.util.Arrays.equals(W, nW), path + ": the step moved W");
            }
        }
    }

    @Test
    void anInfiniteScoreIsReportedAsNaN() {
        float[] W = new float[N * D];
        float[] C = new float[N * D];
        W[0] = Float.MAX_VALUE;
        C[D] = Float.MAX_VALUE;
        double loss = new FastSgdStep(D, 1, false).apply(W, C, new int[] {0}, 1, 1, new int[] {2}, 0.1f);
        assertTrue(Double.isNaN(loss));
    }

    @Test
    void dotsAndAxpyMatchTheirDefinitions() {
        float[] a = new float[23];
        float[] b = new float[23];
        float[] c = new float[23];
        for (int i = 0; i < a.length; i++) {
            a[i] = i * 0.5f - 3;
            b[i] = 2 - i * 0.25f;
            c[i] = i % 3 - 1;
        }
        double ab = 0;
        double ac = 0;
        double aa = 0;
        for (int i = 0; i < a.length; i++) {
            ab += a[i] * b[i];
            ac += a[i] * c[i];
            aa += a[i] * a[i];
        }
        assertEquals(ab, FastSgdStep.dot(a, b), 1e-4);
        float[] out = new float[4];
        FastSgdStep.dot3(a, b, c, a, out, 1);
        assertEquals(0f, out[0]);
        assertEquals(ab, out[1], 1e-4);
        assertEquals(ac, out[2], 1e-4);
        assertEquals(aa, out[3], 1e-4);
        float[] six = new float[6];
        FastSgdStep.dot6(a, b, c, a, c, b, a, six, 0);
        assertEquals(ab, six[0], 1e-4);
        assertEquals(ac, six[1], 1e-4);
        assertEquals(aa, six[2], 1e-4);
        assertEquals(ac, six[3], 1e-4);
        assertEquals(ab, six[4], 1e-4);
        assertEquals(aa, six[5], 1e-4);
        float[] y = b.clone();
        FastSgdStep.axpy(2f, a, y);
        for (int j = 0; j < y.length; j++) {
            assertEquals(b[j] + 2f * a[j], y[j], 1e-6);
        }
    }
}

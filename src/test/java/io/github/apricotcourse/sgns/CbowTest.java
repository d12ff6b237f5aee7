package io.github.apricotcourse.sgns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.apricotcourse.check.GradientCheck;
import io.github.apricotcourse.text.Corpus;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** CBOW: its loss's gradients against central differences, its fast step against its readable one, its training. */
class CbowTest {
    private static double[] random(SplittableRandom rng, int d) {
        double[] v = new double[d];
        for (int j = 0; j < d; j++) {
            v[j] = (float) (rng.nextDouble() - 0.5);                   // values a float holds exactly
        }
        return v;
    }

    @Test
    void gradientsMatchCentralDifferences() {
        SplittableRandom rng = new SplittableRandom(2);
        int d = 6;
        double[][] contexts = {random(rng, d), random(rng, d), random(rng, d), random(rng, d)};
        double[] cW = random(rng, d);
        double[][] cNeg = {random(rng, d), random(rng, d), random(rng, d)};
        CbowLoss loss = CbowLoss.of(contexts, cW, cNeg);
        for (int j = 0; j < contexts.length; j++) {
            int at = j;
            GradientCheck.of("∂L/∂w_" + j, x -> {
                double[][] moved = contexts.clone();
                moved[at] = x;
                return CbowLoss.of(moved, cW, cNeg).value();
            }, contexts[j], loss.gradContext()).passes(1e-6);
        }
        GradientCheck.of("∂L/∂c_w", x -> CbowLoss.of(contexts, x, cNeg).value(), cW, loss.gradCW()).passes(1e-6);
        for (int i = 0; i < cNeg.length; i++) {
            int at = i;
            GradientCheck.of("∂L/∂c_neg_" + i, x -> {
                double[][] moved = cNeg.clone();
                moved[at] = x;
                return CbowLoss.of(contexts, cW, moved).value();
            }, cNeg[i], loss.gradCNeg(i)).passes(1e-6);
        }
        double[] h = loss.h();
        GradientCheck.of("∂L/∂h", x -> SgnsLoss.of(x, cW, cNeg).value(), h, loss.gradH()).passes(1e-6);
        assertEquals(SgnsLoss.of(h, cW, cNeg).value(), loss.value(), 1e-15, "CBOW's loss is SGNS's with w = h");
    }

    @Test
    void aWrongGradientFailsTheCheck() {
        SplittableRandom rng = new SplittableRandom(3);
        double[][] contexts = {random(rng, 4), random(rng, 4)};
        double[] cW = random(rng, 4);
        CbowLoss loss = CbowLoss.of(contexts, cW);
        AssertionError e = assertThrows(AssertionError.class, () -> GradientCheck.of("∂L/∂w_0 without 1/m",
                x -> CbowLoss.of(new double[][] {x, contexts[1]}, cW).value(), contexts[0], loss.gradH()).passes(1e-6));
        assertTrue(e.getMessage().contains("exceeds the tolerance"), e.getMessage());
    }

    @Test
    void theFastStepIsCbowStepOnFloats() {
        assertTrue(FastSgdStep.VECTOR_API, "the tests run with --add-modules jdk.incubator.vector (pom.xml, surefire)");
        int d = 37;                                                      // vector chunks and a part-vector
        for (boolean vectorised : new boolean[] {false, true}) {
            for (int stride : vectorised ? new int[] {d, FastSgdStep.stride(d)} : new int[] {d}) {
                fastStepIsCbowStep(d, stride, vectorised);
            }
        }
    }

    /** Ten random windows, the fast step on rows {@code stride} apart (zeros after d) against {@link CbowStep}. */
    private static void fastStepIsCbowStep(int d, int stride, boolean vectorised) {
        String path = (vectorised ? "Vector API" : "scalar") + ", stride " + stride;
        SplittableRandom rng = new SplittableRandom(4);
        int n = 7;
        for (int trial = 0; trial < 10; trial++) {
            double[][] W = new double[n][];
            double[][] C = new double[n][];
            for (int i = 0; i < n; i++) {
                W[i] = random(rng, d);
                C[i] = random(rng, d);
            }
            float[] fw = new float[n * stride];
            float[] fc = new float[n * stride];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < d; j++) {
                    fw[i * stride + j] = (float) W[i][j];
                    fc[i * stride + j] = (float) C[i][j];
                }
            }
            int[] contexts = {1, 4, 4, 6};                               // word 4 twice in the window: it moves twice
            int m = 1 + trial % contexts.length;
            int k = new int[] {1, 3, 5, 8}[trial % 4];                   // 2, 4, 6, 9 scores: one group of six, or two
            int[] cNeg = new int[k];
            for (int o = 0; o < k; o++) {
                cNeg[o] = o < 2 ? 2 : rng.nextInt(n);                    // noise word 2 twice: it moves twice
            }
            double expected = CbowStep.apply(W, C, contexts, m, 0, cNeg, 0.1);
            double loss = new FastSgdStep(d, stride, k, true, vectorised).cbow(fw, fc, contexts, m, 0, cNeg, 0.1f);
            assertEquals(expected, loss, 1e-5 * Math.max(1, expected), path);
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < stride; j++) {
                    assertEquals(j < d ? W[i][j] : 0, fw[i * stride + j], 1e-5, "W[" + i + "][" + j + "], " + path);
                    assertEquals(j < d ? C[i][j] : 0, fc[i * stride + j], 1e-5, "C[" + i + "][" + j + "], " + path);
                }
            }
        }
    }

    @Test
    void anInfiniteScoreIsReportedAsNaNOnBothPaths() {
        for (boolean vectorised : new boolean[] {false, true}) {
            int d = 16;
            float[] W = new float[3 * d];
            float[] C = new float[3 * d];
            W[0] = Float.MAX_VALUE;
            C[d] = Float.MAX_VALUE;
            float[] before = C.clone();
            double loss = new FastSgdStep(d, d, 1, false, vectorised).cbow(W, C, new int[] {0}, 1, 1, new int[] {2}, 0.1f);
            assertTrue(Double.isNaN(loss), "vectorised " + vectorised + ": " + loss);
            assertTrue(java.util.Arrays.equals(before, C), "nothing moves when a score is not finite");
        }
    }

    @Test
    void cbowTrainsOnBothPathsToTheSameQuality() {
        Corpus corpus = FastTrainerTest.twoTopics(600, 1);
        SkipGramTrainer t = SkipGramTrainer.create().cbow(true).dimension(16).window(3).negatives(5).epochs(3)
                .minCount(1).subsample(0).learningRate(0.05).seed(7);
        SkipGramModel readable = t.train(corpus);
        SkipGramModel fast = t.threads(1).train(corpus);
        assertEquals(1.0, FastTrainerTest.topicPurity(readable.embeddings()), 1e-9);
        assertEquals(1.0, FastTrainerTest.topicPurity(fast.embeddings()), 1e-9);
        double r = readable.lossHistory().last();
        assertEquals(r, fast.lossHistory().last(), 0.1 * r, "final loss");
        assertTrue(readable.lossHistory().last() < readable.lossHistory().first(), readable.lossHistory().toString());
        assertTrue(readable.settings().contains("CBOW"), readable.settings());
    }
}

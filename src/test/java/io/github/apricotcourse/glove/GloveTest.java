package io.github.apricotcourse.glove;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.apricotcourse.check.GradientCheck;
import io.github.apricotcourse.count.CooccurrenceMatrix;
import io.github.apricotcourse.data.Datasets;
import io.github.apricotcourse.sgns.TrainingDivergedException;
import io.github.apricotcourse.sgns.TrainingProgress;
import io.github.apricotcourse.text.Corpus;
import io.github.apricotcourse.text.Vocabulary;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** GloVe: its loss's gradients against central differences, its AdaGrad step, its training. */
class GloveTest {
    private static double[] random(SplittableRandom rng, int d) {
        double[] v = new double[d];
        for (int j = 0; j < d; j++) {
            v[j] = rng.nextDouble() - 0.5;
        }
        return v;
    }

    @Test
    void gradientsMatchCentralDifferences() {
        SplittableRandom rng = new SplittableRandom(5);
        for (double x : new double[] {1, 7, 250}) {                      // below and above x_max
            double[] w = random(rng, 6);
            double[] wt = random(rng, 6);
            double b = rng.nextDouble() - 0.5;
            double bt = rng.nextDouble() - 0.5;
            GloveLoss loss = GloveLoss.of(w, wt, b, bt, x);
            GradientCheck.of("∂J/∂w_i", v -> GloveLoss.of(v, wt, b, bt, x).value(), w, loss.gradW()).passes(1e-6);
            GradientCheck.of("∂J/∂w̃_j", v -> GloveLoss.of(w, v, b, bt, x).value(), wt, loss.gradWTilde()).passes(1e-6);
            GradientCheck.of("∂J/∂b_i", v -> GloveLoss.of(w, wt, v[0], bt, x).value(), new double[] {b},
                    new double[] {loss.gradB()}).passes(1e-6);
            GradientCheck.of("∂J/∂b̃_j", v -> GloveLoss.of(w, wt, b, v[0], x).value(), new double[] {bt},
                    new double[] {loss.gradBTilde()}).passes(1e-6);
        }
    }

    @Test
    void aWrongGradientFailsTheCheck() {
        SplittableRandom rng = new SplittableRandom(6);
        double[] w = random(rng, 4);
        double[] wt = random(rng, 4);
        GloveLoss loss = GloveLoss.of(w, wt, 0.1, 0.2, 3);
        AssertionError e = assertThrows(AssertionError.class, () -> GradientCheck.of("∂J/∂w_i with w_i for w̃_j",
                v -> GloveLoss.of(v, wt, 0.1, 0.2, 3).value(), w, loss.gradWTilde()).passes(1e-6));
        assertTrue(e.getMessage().contains("exceeds the tolerance"), e.getMessage());
    }

    @Test
    void theWeightingRisesAsAPowerAndIsCappedAtOne() {
        assertEquals(Math.pow(0.5, 0.75), GloveLoss.weight(50, 100, 0.75), 1e-15);
        assertEquals(1, GloveLoss.weight(100, 100, 0.75));
        assertEquals(1, GloveLoss.weight(5000, 100, 0.75));
        assertEquals(0.01, GloveLoss.weight(1, 100, 1), 1e-15);
        assertEquals(1, GloveLoss.of(new double[] {0}, new double[] {0}, 0, 0, 100).weight());
    }

    @Test
    void theAdaGradStepMovesEachParameterByItsGradientOverTheRootOfItsSum() {
        SplittableRandom rng = new SplittableRandom(7);
        int d = 5;
        double[][] W = {random(rng, d), random(rng, d)};
        double[][] Wt = {random(rng, d), random(rng, d)};
        double[] b = {0.3, -0.1};
        double[] bt = {0.05, 0.2};
        double[][] gW = {{1, 2, 3, 4, 5}, {1, 1, 1, 1, 1}};
        double[][] gWt = {{1, 1, 1, 1, 1}, {2, 2, 2, 2, 2}};
        double[] gB = {1, 4};
        double[] gBt = {9, 1};
        double x = 12;
        double eta = 0.05;
        double f = GloveLoss.weight(x, 100, 0.75);
        GloveLoss loss = GloveLoss.of(W[0], Wt[1], b[0], bt[1], x);
        double[] expectW = W[0].clone();
        double[] expectWt = Wt[1].clone();
        double[] expectGW = gW[0].clone();
        for (int k = 0; k < d; k++) {
            double g = loss.gradW()[k];
            expectW[k] -= eta * g / Math.sqrt(gW[0][k]);
            expectGW[k] += eta * g * eta * g;
            expectWt[k] -= eta * loss.gradWTilde()[k] / Math.sqrt(gWt[1][k]);
        }
        double expectB = b[0] - eta * loss.gradB() / Math.sqrt(gB[0]);
        double expectBt = bt[1] - eta * loss.gradBTilde() / Math.sqrt(gBt[1]);
        var p = new AdaGradStep.Parameters(W, Wt, b, bt, gW, gWt, gB, gBt);
        double J = AdaGradStep.apply(p, 0, 1, x, f, eta);
        assertEquals(loss.value(), J, 1e-12);
        assertArrayEquals(expectW, W[0], 1e-12);
        assertArrayEquals(expectWt, Wt[1], 1e-12);
        assertArrayEquals(expectGW, gW[0], 1e-12);
        assertEquals(expectB, b[0], 1e-12);
        assertEquals(expectBt, bt[1], 1e-12);
        assertEquals(1 + Math.pow(eta * loss.gradB(), 2), gB[0], 1e-12);
    }

    @Test
    void trainingLowersTheLossAndFitsTheLogCounts() {
        Corpus corpus = Datasets.corpus("kitchen");
        List<TrainingProgress> reports = new ArrayList<>();
        GloveModel m = GloveTrainer.create().dimension(20).window(2).minCount(1).epochs(30).seed(3)
                .listener(reports::add).train(corpus);
        assertTrue(m.lossHistory().last() < m.lossHistory().first() / 4,
                "the mean loss per cell should fall: " + m.lossHistory());
        assertTrue(reports.get(reports.size() - 1).finished(), "the last report ends the run");
        Vocabulary v = m.vocabulary();
        CooccurrenceMatrix X = CooccurrenceMatrix.countByDistance(corpus, v, 2);    // what train(corpus) counts
        assertArrayEquals(m.embeddings().flat(), GloveTrainer.create().dimension(20).minCount(1).epochs(30).seed(3)
                .train(X).embeddings().flat(), "train(corpus) trains on the 1/δ-weighted counts");
        int[] cell = {-1, -1};
        double[] most = {0};
        X.forEachNonZero((i, j, x) -> {
            if (x > most[0]) {
                most[0] = x;
                cell[0] = i;
                cell[1] = j;
            }
        });
        String a = v.word(cell[0]);
        String c = v.word(cell[1]);
        assertEquals(Math.log(most[0]), m.logCount(a, c), 0.5, "the model's log count of the most frequent pair " + a + ", " + c);
    }

    @Test
    void aSeedGivesTheSameVectorsAndAnotherSeedOthers() {
        Corpus corpus = Datasets.corpus("kitchen");
        GloveTrainer t = GloveTrainer.create().dimension(8).window(2).minCount(1).epochs(2);
        float[] one = t.seed(1).train(corpus).embeddings().flat();
        float[] again = t.seed(1).train(corpus).embeddings().flat();
        float[] other = t.seed(2).train(corpus).embeddings().flat();
        assertArrayEquals(one, again);
        assertTrue(!java.util.Arrays.equals(one, other), "another seed, other vectors");
    }

    @Test
    void divergenceAndBadSettingsAreExplained() {
        Corpus corpus = Datasets.corpus("kitchen");
        var e = assertThrows(TrainingDivergedException.class, () -> GloveTrainer.create().dimension(10).window(2)
                .minCount(1).epochs(3).learningRate(1e30).train(corpus));
        assertTrue(e.getMessage().contains("lower the learning rate"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> GloveTrainer.create().xMax(0));
        assertThrows(IllegalArgumentException.class, () -> GloveTrainer.create().alpha(Double.NaN));
        var zero = assertThrows(IllegalArgumentException.class, () -> GloveLoss.of(new double[] {1}, new double[] {1}, 0, 0, 0));
        assertTrue(zero.getMessage().contains("log 0"), zero.getMessage());
        var none = assertThrows(IllegalArgumentException.class, () -> GloveTrainer.create().train((Corpus) null));
        assertTrue(none.getMessage().contains("corpus is null"), none.getMessage());
    }
}

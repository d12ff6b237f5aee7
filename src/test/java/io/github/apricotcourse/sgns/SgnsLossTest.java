package io.github.apricotcourse.sgns;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.apricotcourse.check.GradientCheck;
import io.github.apricotcourse.math.Sigmoid;
import io.github.apricotcourse.math.Vectors;
import java.util.SplittableRandom;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class SgnsLossTest {
    private static final SplittableRandom SEEDS = new SplittableRandom(2026);

    static double[] gaussian(SplittableRandom rng, int d) {
        double[] v = new double[d];
        for (int i = 0; i < d; i++) {
            // Box–Muller, scale 0.7 so that dot products land where σ is curved
            v[i] = 0.7 * Math.sqrt(-2 * Math.log(1 - rng.nextDouble())) * Math.cos(2 * Math.PI * rng.nextDouble());
        }
        return v;
    }

    @RepeatedTest(20)
    void everyGradientEqualsCentralDifferences() {
        SplittableRandom rng = SEEDS.split();
        int d = 2 + rng.nextInt(9);
        int k = 1 + rng.nextInt(5);
        double[] w = gaussian(rng, d);
        double[] cPos = gaussian(rng, d);
        double[][] cNeg = new double[k][];
        for (int i = 0; i < k; i++) {
            cNeg[i] = gaussian(rng, d);
        }
        SgnsLoss loss = SgnsLoss.of(w, cPos, cNeg);

        GradientCheck gw = GradientCheck.of("∂L/∂w", x -> SgnsLoss.of(x, cPos, cNeg).value(), w.clone(), loss.gradW(), 1e-5);
        assertTrue(gw.maxRelativeError() < 1e-6, gw.worst(3).toString());
        GradientCheck gp = GradientCheck.of("∂L/∂c_pos", x -> SgnsLoss.of(w, x, cNeg).value(), cPos.clone(), loss.gradCPos(), 1e-5);
        assertTrue(gp.maxRelativeError() < 1e-6, gp.worst(3).toString());
        for (int i = 0; i < k; i++) {
            int n = i;
            GradientCheck gn = GradientCheck.of("∂L/∂c_neg", x -> {
                double[][] c = cNeg.clone();
                c[n] = x;
                return SgnsLoss.of(w, cPos, c).value();
            }, cNeg[i].clone(), loss.gradCNeg(i), 1e-5);
            assertTrue(gn.maxRelativeError() < 1e-6, gn.worst(3).toString());
        }
    }

    @Test
    void lossMatchesTheEquationByHand() {
        double[] w = {1, 0};
        double[] cPos = {2, 0};
        double[] cNeg = {0, 1};
        double[] cNeg2 = {-1, 1};
        SgnsLoss l = SgnsLoss.of(w, cPos, cNeg, cNeg2);
        double expected = -(Math.log(Sigmoid.sigma(2)) + Math.log(Sigmoid.sigma(0)) + Math.log(Sigmoid.sigma(1)));
        assertEquals(expected, l.value(), 1e-14);
        assertArrayEquals(new double[] {Sigmoid.sigma(2) - 1, 0}, l.gradCPos(), 1e-15);
        assertArrayEquals(new double[] {0.5, 0}, l.gradCNeg(0), 1e-15);
        assertArrayEquals(new double[] {Sigmoid.sigma(-1), 0}, l.gradCNeg(1), 1e-15);
        double[] gw = Vectors.scale(Sigmoid.sigma(2) - 1, cPos);
        Vectors.axpy(0.5, cNeg, gw);
        Vectors.axpy(Sigmoid.sigma(-1), cNeg2, gw);
        assertArrayEquals(gw, l.gradW(), 1e-15);
        assertEquals(2, l.k());
    }

    @Test
    void aNoiseWordDrawnTwiceContributesTwice() {
        double[] w = {0.3, -0.2, 0.5};
        double[] cPos = {0.1, 0.4, -0.3};
        double[] noise = {-0.6, 0.2, 0.9};
        SgnsLoss once = SgnsLoss.of(w, cPos, noise);
        SgnsLoss twice = SgnsLoss.of(w, cPos, noise, noise);
        double negTerm = -Sigmoid.logSigma(-Vectors.dot(noise, w));
        assertEquals(once.value() + negTerm, twice.value(), 1e-14);
        double[] extra = Vectors.subtract(twice.gradW(), once.gradW());
        assertArrayEquals(Vectors.scale(Sigmoid.sigma(Vectors.dot(noise, w)), noise), extra, 1e-15);
    }

    @Test
    void dimensionMismatchIsExplained() {
        var e = assertThrows(IllegalArgumentException.class, () -> SgnsLoss.of(new double[3], new double[3], new double[2]));
        assertTrue(e.getMessage().contains("w has 3 entries but cNeg[0] has 2"), e.getMessage());
        var i = assertThrows(IndexOutOfBoundsException.class, () -> SgnsLoss.of(new double[1], new double[1]).gradCNeg(0));
        assertTrue(i.getMessage().contains("k = 0"), i.getMessage());
    }

    @Test
    void classifierProbabilities() {
        double[] w = {1, 2};
        double[] c1 = {0.5, 0.5};
        double[] c2 = {-1, 0};
        assertEquals(Sigmoid.sigma(1.5), SkipGramClassifier.probPositive(w, c1), 1e-15);
        assertEquals(1 - Sigmoid.sigma(1.5), SkipGramClassifier.probNegative(w, c1), 1e-15);
        assertEquals(Sigmoid.sigma(1.5) * Sigmoid.sigma(-1), SkipGramClassifier.probWindow(w, c1, c2), 1e-15);
        assertEquals(Math.log(Sigmoid.sigma(1.5)) + Math.log(Sigmoid.sigma(-1)), SkipGramClassifier.logProbWindow(w, c1, c2), 1e-14);
    }
}

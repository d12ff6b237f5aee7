package io.github.apricotcourse.sgns;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.apricotcourse.math.Vectors;
import org.junit.jupiter.api.Test;

class SgdStepTest {
    @Test
    void movesEachRowAgainstItsGradient() {
        double[][] W = {{0.1, 0.2}, {0.3, -0.1}, {0, 0}};
        double[][] C = {{0.2, 0.1}, {-0.3, 0.4}, {0.5, 0.5}};
        double eta = 0.5;
        SgnsLoss expected = SgnsLoss.of(W[0], C[1], C[2]);
        double[] w0 = W[0].clone();
        double[] c1 = C[1].clone();
        double[] c2 = C[2].clone();
        double loss = SgdStep.apply(W, C, 0, 1, new int[] {2}, eta);
        assertEquals(expected.value(), loss, 0);
        assertArrayEquals(Vectors.add(w0, Vectors.scale(-eta, expected.gradW())), W[0], 1e-15);
        assertArrayEquals(Vectors.add(c1, Vectors.scale(-eta, expected.gradCPos())), C[1], 1e-15);
        assertArrayEquals(Vectors.add(c2, Vectors.scale(-eta, expected.gradCNeg(0))), C[2], 1e-15);
        assertArrayEquals(new double[] {0.3, -0.1}, W[1]);      // other rows untouched
        assertArrayEquals(new double[] {0.2, 0.1}, C[0]);
    }

    @Test
    void stepLowersTheLossOfThatExample() {
        double[][] W = {{0.4, -0.2, 0.1}, {0.1, 0.1, 0.1}};
        double[][] C = {{0.1, 0.3, -0.2}, {0.2, -0.4, 0.3}};
        double before = SgdStep.apply(W, C, 0, 0, new int[] {1}, 0.1);
        double after = SgnsLoss.of(W[0], C[0], C[1]).value();
        assertTrue(after < before, after + " !< " + before);
    }

    @Test
    void duplicateNoiseWordMovesTwice() {
        double[][] W1 = {{0.4, -0.2}};
        double[][] C1 = {{0.1, 0.3}, {0.2, -0.4}};
        double[][] W2 = {{0.4, -0.2}};
        double[][] C2 = {{0.1, 0.3}, {0.2, -0.4}};
        double[] g = SgnsLoss.of(W1[0], C1[0], C1[1]).gradCNeg(0);
        SgdStep.apply(W1, C1, 0, 0, new int[] {1}, 0.1);
        SgdStep.apply(W2, C2, 0, 0, new int[] {1, 1}, 0.1);
        assertArrayEquals(Vectors.subtract(C1[1], Vectors.scale(0.1, g)), C2[1], 1e-15);
    }

    @Test
    void badRowIsNamed() {
        var e = assertThrows(IndexOutOfBoundsException.class,
                () -> SgdStep.apply(new double[2][2], new double[2][2], 0, 1, new int[] {5}, 0.1));
        assertTrue(e.getMessage().contains("noise word cNeg[0] = 5 is not a row of C, which has 2 rows"), e.getMessage());
    }
}

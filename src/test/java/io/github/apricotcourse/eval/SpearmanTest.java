package io.github.apricotcourse.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class SpearmanTest {
    @Test
    void tiesGetTheAverageOfTheirRanks() {
        assertArrayEquals(new double[] {1, 2.5, 2.5, 4}, Spearman.ranks(new double[] {10, 20, 20, 30}));
        assertArrayEquals(new double[] {4, 2, 2, 2}, Spearman.ranks(new double[] {9, 1, 1, 1}));
    }

    @Test
    void rhoIsOneForTheSameOrderAndMinusOneForTheReverse() {
        double[] x = {1, 5, 2, 8, 3};
        double[] sameOrder = {10, 500, 20, 9000, 30};            // any increasing transform
        double[] reversed = {-1, -5, -2, -8, -3};
        assertEquals(1.0, Spearman.rho(x, sameOrder), 1e-12);
        assertEquals(-1.0, Spearman.rho(x, reversed), 1e-12);
    }

    @Test
    void withoutTiesRhoMatchesTheTextbookFormula() {
        // ρ = 1 − 6 Σ d² / (n (n² − 1)) holds when there are no ties
        double[] x = {3, 1, 4, 1.5, 5, 9, 2.6};
        double[] y = {2, 7, 1, 8, 2.8, 1.8, 4};
        double[] rx = Spearman.ranks(x);
        double[] ry = Spearman.ranks(y);
        double sum = 0;
        for (int i = 0; i < x.length; i++) {
            sum += (rx[i] - ry[i]) * (rx[i] - ry[i]);
        }
        int n = x.length;
        assertEquals(1 - 6 * sum / (n * (n * n - 1.0)), Spearman.rho(x, y), 1e-12);
    }

    @Test
    void mismatchedListsAreAClearError() {
        assertThrows(IllegalArgumentException.class, () -> Spearman.rho(new double[] {1, 2}, new double[] {1}));
        assertThrows(IllegalArgumentException.class, () -> Spearman.rho(new double[] {1}, new double[] {1}));
    }
}

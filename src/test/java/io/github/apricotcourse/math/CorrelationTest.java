package io.github.apricotcourse.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class CorrelationTest {
    @Test
    void pearsonOfLinesAndNoise() {
        assertEquals(1.0, Correlation.pearson(new double[] {1, 2, 3}, new double[] {2, 4, 6}), 1e-12);
        assertEquals(-1.0, Correlation.pearson(new double[] {1, 2, 3}, new double[] {5, 3, 1}), 1e-12);
        assertEquals(0.8, Correlation.pearson(new double[] {1, 2, 3, 4, 5}, new double[] {2, 1, 4, 3, 5}), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> Correlation.pearson(new double[] {1, 1}, new double[] {1, 2}));
        assertThrows(IllegalArgumentException.class, () -> Correlation.pearson(new double[] {1}, new double[] {1}));
    }
}

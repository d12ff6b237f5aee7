package io.github.apricotcourse.math;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class VectorsTest {
    @Test
    void arithmetic() {
        double[] v = {1, 2, 2};
        double[] w = {0, 3, 4};
        assertEquals(14, Vectors.dot(v, w));
        assertEquals(3, Vectors.norm(v));
        assertEquals(14.0 / 15, Vectors.cosine(v, w), 1e-15);
        assertArrayEquals(new double[] {1, 5, 6}, Vectors.add(v, w));
        assertArrayEquals(new double[] {1, -1, -2}, Vectors.subtract(v, w));
        assertEquals(0, Vectors.cosine(v, new double[3]));
    }

    @Test
    void dimensionMismatchIsNamed() {
        var e = assertThrows(IllegalArgumentException.class, () -> Vectors.dot(new double[2], new double[3]));
        assertTrue(e.getMessage().contains("dimension mismatch: v has 2 entries but w has 3"), e.getMessage());
        var n = assertThrows(IllegalArgumentException.class, () -> Vectors.dot(null, new double[3]));
        assertTrue(n.getMessage().contains("vector v is null"), n.getMessage());
    }

    @Test
    void randomIsSeeded() {
        assertArrayEquals(Vectors.random(5, 1, 7), Vectors.random(5, 1, 7));
        for (double x : Vectors.random(100, 0.5, 3)) {
            assertTrue(x >= -0.5 && x < 0.5);
        }
    }
}

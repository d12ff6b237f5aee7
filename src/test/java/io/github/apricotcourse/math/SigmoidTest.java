package io.github.apricotcourse.math;

import static io.github.apricotcourse.math.Sigmoid.logSigma;
import static io.github.apricotcourse.math.Sigmoid.sigma;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SigmoidTest {
    @Test
    void knownValues() {
        assertEquals(0.5, sigma(0), 0);
        assertEquals(1 / (1 + Math.exp(-2)), sigma(2), 1e-15);
        assertEquals(1 / (1 + Math.exp(3)), sigma(-3), 1e-15);
        assertEquals(Math.log(0.5), logSigma(0), 1e-15);
        assertEquals(Math.log(1 / (1 + Math.exp(-1.5))), logSigma(1.5), 1e-14);
    }

    @Test
    void symmetry() {
        for (double x = -30; x <= 30; x += 0.37) {
            assertEquals(1, sigma(x) + sigma(-x), 1e-15);
            assertEquals(Math.log(sigma(x)), logSigma(x), 1e-12);
        }
    }

    @Test
    void finiteAndCorrectForLargeInputs() {
        for (double x : new double[] {1e2, 7e2, 1e3, 1e4, 1e300}) {
            assertEquals(1.0, sigma(x), 0);
            assertEquals(0.0, sigma(-x), 1e-40);
            assertTrue(sigma(-x) >= 0);
            assertTrue(Double.isFinite(logSigma(x)) && logSigma(x) <= 0);
            assertEquals(-x, logSigma(-x), Math.ulp(x));        // log σ(−x) = −x − log(1 + e^−x)
        }
        assertEquals(-1e4, logSigma(-1e4), 0);
        assertEquals(-Math.exp(-40), logSigma(40), 1e-30);      // tiny but exact, not 0 − rounding
    }
}

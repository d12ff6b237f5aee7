package io.github.apricotcourse.math;

/**
 * Pearson's correlation coefficient: how well a straight line through the points (x_i, y_i)
 * describes them, from −1 (a falling line) through 0 (no linear relation) to 1 (a rising line):
 *
 * <pre>
 *   r = Σ_i (x_i − x̄)(y_i − ȳ) / √( Σ_i (x_i − x̄)² · Σ_i (y_i − ȳ)² )
 * </pre>
 */
public final class Correlation {
    private Correlation() {}

    /** Pearson's r of two equally long series (at least two points, neither constant). */
    public static double pearson(double[] x, double[] y) {
        Vectors.requireSameLength("x", x, "y", y);
        if (x.length < 2) {
            throw new IllegalArgumentException("a correlation needs at least two points, got " + x.length);
        }
        double mx = 0;
        double my = 0;
        for (int i = 0; i < x.length; i++) {
            mx += x[i] / x.length;
            my += y[i] / y.length;
        }
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < x.length; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }
        if (sxx == 0 || syy == 0) {
            throw new IllegalArgumentException("one series is constant, so the correlation is undefined (0/0)");
        }
        return sxy / Math.sqrt(sxx * syy);
    }
}

package io.github.apricotcourse.eval;

import io.github.apricotcourse.math.Correlation;
import java.util.Arrays;
import java.util.Comparator;

/**
 * Spearman's rank correlation ρ: how well two lists of scores agree on the <em>order</em> of
 * the items, whatever the scale. Each list is replaced by its ranks (1 = smallest; tied values
 * all get the average of the ranks they span), and ρ is the Pearson correlation of the ranks:
 *
 * <pre>
 *   ρ = Σ_i (r_i − r̄)(s_i − s̄) / √( Σ_i (r_i − r̄)² · Σ_i (s_i − s̄)² )
 * </pre>
 *
 * ρ = 1 when the orders agree exactly, −1 when reversed, about 0 when unrelated. This is how
 * word vectors are scored against WordSim-353 and SimLex-999 (JM §6.12).
 */
public final class Spearman {
    private Spearman() {}

    /** Spearman's ρ of two equally long lists of at least two scores; NaN if either list is constant. */
    public static double rho(double[] x, double[] y) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("the two lists must be paired, one score each per item: got "
                    + x.length + " and " + y.length + " scores");
        }
        if (x.length < 2) {
            throw new IllegalArgumentException("a correlation needs at least two pairs, got " + x.length);
        }
        double[] rx = ranks(x);
        double[] ry = ranks(y);
        if (constant(rx) || constant(ry)) {
            return Double.NaN;
        }
        return Correlation.pearson(rx, ry);
    }

    private static boolean constant(double[] v) {
        return Arrays.stream(v).allMatch(r -> r == v[0]);
    }

    /** The ranks 1..n of the values, ties given the average of their ranks ([10, 20, 20, 30] → [1, 2.5, 2.5, 4]). */
    public static double[] ranks(double[] v) {
        Integer[] order = new Integer[v.length];
        for (int i = 0; i < v.length; i++) {
            if (Double.isNaN(v[i])) {
                throw new IllegalArgumentException("score " + i + " is NaN: every item needs a number to be ranked");
            }
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> v[i]));
        double[] r = new double[v.length];
        for (int start = 0; start < v.length; ) {
            int end = start;
            while (end + 1 < v.length && v[order[end + 1]] == v[order[start]]) {
                end++;
            }
            double average = (start + end) / 2.0 + 1;     // positions start..end hold ranks start+1..end+1
            for (int k = start; k <= end; k++) {
                r[order[k]] = average;
            }
            start = end + 1;
        }
        return r;
    }
}

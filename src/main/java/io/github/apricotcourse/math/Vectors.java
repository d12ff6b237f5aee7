package io.github.apricotcourse.math;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The few vector operations the chapter needs, on plain {@code double[]} so that a student can
 * print and check every number:
 *
 * <pre>
 *   dot(v, w)    = Σ_i v_i w_i
 *   |v|          = √(v · v)
 *   cosine(v, w) = v · w / (|v| |w|)
 * </pre>
 */
public final class Vectors {
    private Vectors() {}

    /** v · w = Σ_i v_i w_i. */
    public static double dot(double[] v, double[] w) {
        requireSameLength("v", v, "w", w);
        double s = 0;
        for (int i = 0; i < v.length; i++) {
            s += v[i] * w[i];
        }
        return s;
    }

    /** |v| = √(v · v). */
    public static double norm(double[] v) {
        return Math.sqrt(dot(v, v));
    }

    /** cos(v, w) = v · w / (|v| |w|); 0 when either vector is all zeros. */
    public static double cosine(double[] v, double[] w) {
        double d = norm(v) * norm(w);
        return d == 0 ? 0 : dot(v, w) / d;
    }

    /** v + w, a new vector. */
    public static double[] add(double[] v, double[] w) {
        requireSameLength("v", v, "w", w);
        double[] r = v.clone();
        axpy(1, w, r);
        return r;
    }

    /** v − w, a new vector. */
    public static double[] subtract(double[] v, double[] w) {
        requireSameLength("v", v, "w", w);
        double[] r = v.clone();
        axpy(-1, w, r);
        return r;
    }

    /** a·v, a new vector. */
    public static double[] scale(double a, double[] v) {
        double[] r = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            r[i] = a * v[i];
        }
        return r;
    }

    /** y ← y + a·x, in place (the BLAS name: "a x plus y"). */
    public static void axpy(double a, double[] x, double[] y) {
        requireSameLength("x", x, "y", y);
        for (int i = 0; i < x.length; i++) {
            y[i] += a * x[i];
        }
    }

    /** v / |v|, a new vector (all zeros stays all zeros). */
    public static double[] normalize(double[] v) {
        double n = norm(v);
        return n == 0 ? v.clone() : scale(1 / n, v);
    }

    /** A vector of d entries drawn uniformly from [−scale, scale), reproducible from the seed. */
    public static double[] random(int d, double scale, long seed) {
        return random(d, scale, new SplittableRandom(seed));
    }

    /** A vector of d entries drawn uniformly from [−scale, scale) from the given generator. */
    public static double[] random(int d, double scale, SplittableRandom rng) {
        double[] v = new double[d];
        for (int i = 0; i < d; i++) {
            v[i] = (2 * rng.nextDouble() - 1) * scale;
        }
        return v;
    }

    /** The vector as a short string with 4 decimals, e.g. {@code [0.1000, -2.0000]}. */
    public static String format(double[] v) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < v.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(String.format(java.util.Locale.ROOT, "%.4f", v[i]));
        }
        return sb.append(']').toString();
    }

    /** Throws a clear error unless both vectors exist and have the same dimension. */
    public static void requireSameLength(String nameA, double[] a, String nameB, double[] b) {
        if (a == null || b == null) {
            throw new IllegalArgumentException("vector " + (a == null ? nameA : nameB)
                    + " is null: pass an array of numbers");
        }
        if (a.length != b.length) {
            throw new IllegalArgumentException("dimension mismatch: " + nameA + " has " + a.length
                    + " entries but " + nameB + " has " + b.length
                    + "; both vectors must come from embeddings of the same dimension");
        }
    }

    /** A copy of v as doubles. */
    public static double[] toDouble(float[] v) {
        double[] r = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            r[i] = v[i];
        }
        return r;
    }

    /** True when every entry of v is finite. */
    public static boolean isFinite(double[] v) {
        return Arrays.stream(v).allMatch(Double::isFinite);
    }
}

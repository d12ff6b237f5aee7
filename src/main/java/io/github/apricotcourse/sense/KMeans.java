package io.github.apricotcourse.sense;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * k-means clustering (Lloyd's algorithm) with a seeded k-means++ start: k centroids, each point
 * belongs to the nearest one, each centroid is the mean of its points.
 *
 * <pre>
 *   start: μ_1 = a random point; μ_j = a point drawn with probability ∝ its squared distance
 *          to the nearest centroid chosen so far (k-means++)
 *   repeat until no point changes cluster:
 *     cluster(x) = argmin_j |x − μ_j|²
 *     μ_j        = mean of the points x with cluster(x) = j
 * </pre>
 */
public final class KMeans {
    private static final int MAX_ITERATIONS = 100;

    private final int[] assignment;
    private final double[][] centroids;
    private final int iterations;

    private KMeans(int[] assignment, double[][] centroids, int iterations) {
        this.assignment = assignment;
        this.centroids = centroids;
        this.iterations = iterations;
    }

    /** Clusters the points (one per row) into k clusters, reproducibly from the seed. */
    public static KMeans cluster(double[][] points, int k, long seed) {
        if (k < 1 || k > points.length) {
            throw new IllegalArgumentException("k must be between 1 and the number of points (" + points.length
                    + "), got " + k);
        }
        SplittableRandom rng = new SplittableRandom(seed);
        double[][] mu = new double[k][];
        mu[0] = points[rng.nextInt(points.length)].clone();
        for (int j = 1; j < k; j++) {                                  // k-means++
            double[] d2 = new double[points.length];
            double total = 0;
            for (int i = 0; i < points.length; i++) {
                d2[i] = squaredDistance(points[i], mu[nearest(points[i], mu, j)]);
                total += d2[i];
            }
            double r = rng.nextDouble() * total;
            int pick = 0;
            while (pick < points.length - 1 && (r -= d2[pick]) > 0) {
                pick++;
            }
            mu[j] = points[pick].clone();
        }
        int[] cluster = new int[points.length];
        Arrays.fill(cluster, -1);
        int iteration = 0;
        boolean changed = true;
        while (changed && iteration < MAX_ITERATIONS) {
            iteration++;
            changed = false;
            for (int i = 0; i < points.length; i++) {                  // assign
                int c = nearest(points[i], mu, k);
                changed |= c != cluster[i];
                cluster[i] = c;
            }
            for (int j = 0; j < k; j++) {                              // move each centroid to its mean
                double[] sum = new double[points[0].length];
                int n = 0;
                for (int i = 0; i < points.length; i++) {
                    if (cluster[i] == j) {
                        for (int d = 0; d < sum.length; d++) {
                            sum[d] += points[i][d];
                        }
                        n++;
                    }
                }
                if (n > 0) {
                    for (int d = 0; d < sum.length; d++) {
                        sum[d] /= n;
                    }
                    mu[j] = sum;
                }
            }
        }
        return new KMeans(cluster, mu, iteration);
    }

    private static int nearest(double[] x, double[][] mu, int among) {
        int best = 0;
        for (int j = 1; j < among; j++) {
            if (squaredDistance(x, mu[j]) < squaredDistance(x, mu[best])) {
                best = j;
            }
        }
        return best;
    }

    private static double squaredDistance(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += (a[i] - b[i]) * (a[i] - b[i]);
        }
        return s;
    }

    /** The cluster (0..k−1) of each point. */
    public int[] assignments() {
        return assignment.clone();
    }

    /** The centroids μ_j, one row per cluster. */
    public double[][] centroids() {
        return Arrays.stream(centroids).map(double[]::clone).toArray(double[][]::new);
    }

    /** The number of points in each cluster. */
    public int[] sizes() {
        int[] n = new int[centroids.length];
        for (int c : assignment) {
            n[c]++;
        }
        return n;
    }

    /** The number of assign-and-move rounds until nothing changed. */
    public int iterations() {
        return iterations;
    }
}

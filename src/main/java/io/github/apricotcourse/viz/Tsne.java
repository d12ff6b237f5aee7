package io.github.apricotcourse.viz;

import io.github.apricotcourse.embed.Embeddings;
import io.github.apricotcourse.math.Vectors;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import tech.tablesaw.api.Table;

/**
 * t-SNE (t-distributed stochastic neighbour embedding; van der Maaten &amp; Hinton 2008): a 2-D
 * picture that keeps each point's <em>neighbours</em>, not its distances. Each high-dimensional
 * point x_i spreads its attention over the others by a Gaussian, the 2-D points y_i by a
 * Student-t with one degree of freedom, and the y are moved until the two agree:
 *
 * <pre>
 *   p_{j|i} = exp(−‖x_i − x_j‖² / 2σ_i²) / Σ_{k≠i} exp(−‖x_i − x_k‖² / 2σ_i²)
 *   σ_i is set so that 2^{H(P_i)} = perplexity,   H(P_i) = −Σ_j p_{j|i} log₂ p_{j|i}
 *   p_ij = (p_{j|i} + p_{i|j}) / 2n                              (symmetric, Σ p_ij = 1)
 *   q_ij = (1 + ‖y_i − y_j‖²)⁻¹ / Σ_{k≠l} (1 + ‖y_k − y_l‖²)⁻¹
 *   C    = KL(P ‖ Q) = Σ_{i≠j} p_ij log(p_ij / q_ij)                  (what t-SNE minimises)
 *   ∂C/∂y_i = 4 Σ_j (p_ij − q_ij)(y_i − y_j)(1 + ‖y_i − y_j‖²)⁻¹
 * </pre>
 *
 * The perplexity is the effective number of neighbours each point attends to (5–50 is usual).
 * The y start at small random points (seeded), and follow gradient descent with momentum and
 * per-coordinate gains, as in the paper's implementation; for the first
 * {@link #EXAGGERATION_ITERATIONS} steps every p_ij is multiplied by {@link #EXAGGERATION}
 * ("early exaggeration"), which pulls neighbours together into clusters that can then move apart.
 *
 * <p>This is exact t-SNE: every step visits all n² pairs, fine for a few thousand points.
 * Caveats (the lesson shows them): sizes of clusters and distances between clusters mean little;
 * another seed or perplexity gives another picture; only the neighbourhoods are to be trusted.
 */
public final class Tsne {

    /** Early exaggeration: p_ij × 12 for the first 250 steps (the values scikit-learn uses). */
    static final double EXAGGERATION = 12;
    static final int EXAGGERATION_ITERATIONS = 250;
    /** KL(P‖Q) is recorded every this many steps. */
    static final int RECORD_EVERY = 50;
    /** Exact t-SNE keeps n × n arrays of p: at most this many points (200 MB each). */
    static final int MAX_POINTS = 5_000;

    private double perplexity = 30;
    private int iterations = 500;
    private long seed = 1;

    private Tsne() {
    }

    /** t-SNE with perplexity 30, 500 steps, seed 1. */
    public static Tsne create() {
        return new Tsne();
    }

    /** The effective number of neighbours per point, 2^{H(P_i)}; must be below the number of points. */
    public Tsne perplexity(double perplexity) {
        if (!(perplexity >= 2 && perplexity <= 1000)) {
            throw new IllegalArgumentException("perplexity must be between 2 and 1000 (5–50 is usual), got " + perplexity);
        }
        this.perplexity = perplexity;
        return this;
    }

    /** The number of gradient steps (at least 300: the first 250 exaggerate P). */
    public Tsne iterations(int iterations) {
        if (iterations < EXAGGERATION_ITERATIONS + RECORD_EVERY || iterations > 10_000) {
            throw new IllegalArgumentException("iterations must be between " + (EXAGGERATION_ITERATIONS + RECORD_EVERY)
                    + " and 10000 (the first " + EXAGGERATION_ITERATIONS + " exaggerate P), got " + iterations);
        }
        this.iterations = iterations;
        return this;
    }

    /** The seed of the random starting points. */
    public Tsne seed(long seed) {
        this.seed = seed;
        return this;
    }

    /**
     * The result of a run.
     *
     * @param points one {x, y} per input row
     * @param kl KL(P‖Q) at the end
     * @param history KL(P‖Q) every {@link #RECORD_EVERY} steps (under exaggeration P is scaled,
     *                so the value is computed with the true P)
     * @param meanSigma the mean σ_i that the perplexity gave
     */
    public record Result(double[][] points, double kl, List<Double> history, double meanSigma) {
    }

    /** The words' vectors, scaled to length 1 (so that close means high cosine), in 2-D: columns word, x, y. */
    public Table fit(Embeddings embeddings, List<String> words) {
        double[][] rows = new double[words.size()][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = Vectors.normalize(embeddings.vector(words.get(i)));
        }
        return Projection.table("t-SNE of " + words.size() + " words (perplexity " + perplexity + ", seed " + seed + ")",
                words, fit(rows).points());
    }

    /** Runs t-SNE on the rows (n × d, n greater than 3 × perplexity). */
    public Result fit(double[][] rows) {
        int n = check(rows);
        double[] sigma = new double[n];
        double[] p = affinities(rows, sigma);                       // p_ij, symmetric, sums to 1
        SplittableRandom random = new SplittableRandom(seed);
        double[] y = new double[2 * n];
        for (int i = 0; i < y.length; i++) {
            y[i] = 1e-4 * random.nextGaussian();
        }
        double[] velocity = new double[2 * n];
        double[] gains = new double[2 * n];
        java.util.Arrays.fill(gains, 1);
        double eta = Math.max(n / EXAGGERATION / 4, 50);            // learning rate (scikit-learn's "auto")
        double[] gradient = new double[2 * n];
        List<Double> history = new ArrayList<>();
        for (int t = 1; t <= iterations; t++) {
            boolean early = t <= EXAGGERATION_ITERATIONS;
            double exaggeration = early ? EXAGGERATION : 1;
            double momentum = early ? 0.5 : 0.8;
            // One pass over the pairs: with w_ij = (1 + ‖y_i − y_j‖²)⁻¹ and Z = Σ w, q_ij = w_ij / Z and
            // ∂C/∂y_i = 4 Σ_j (p_ij − w_ij / Z) w_ij (y_i − y_j) = 4 (attract_i − repel_i / Z).
            double[] attract = new double[2 * n];
            double[] repel = new double[2 * n];
            double z = 0;
            for (int i = 0; i < n; i++) {
                for (int j = i + 1; j < n; j++) {
                    double dx = y[2 * i] - y[2 * j];
                    double dy = y[2 * i + 1] - y[2 * j + 1];
                    double w = 1 / (1 + dx * dx + dy * dy);
                    z += 2 * w;
                    double a = exaggeration * p[i * n + j] * w;
                    double r = w * w;
                    attract[2 * i] += a * dx;
                    attract[2 * i + 1] += a * dy;
                    attract[2 * j] -= a * dx;
                    attract[2 * j + 1] -= a * dy;
                    repel[2 * i] += r * dx;
                    repel[2 * i + 1] += r * dy;
                    repel[2 * j] -= r * dx;
                    repel[2 * j + 1] -= r * dy;
                }
            }
            for (int c = 0; c < 2 * n; c++) {
                gradient[c] = 4 * (attract[c] - repel[c] / z);
                // the velocity points down the past gradients: a gain grows while the gradient agrees, shrinks when it turns
                gains[c] = Math.signum(gradient[c]) != Math.signum(velocity[c]) ? gains[c] + 0.2 : Math.max(0.01, gains[c] * 0.8);
                velocity[c] = momentum * velocity[c] - eta * gains[c] * gradient[c];
                y[c] += velocity[c];
            }
            if (t % RECORD_EVERY == 0) {
                history.add(kl(p, y, n));
            }
        }
        double[][] points = new double[n][2];
        for (int i = 0; i < n; i++) {
            points[i][0] = y[2 * i];
            points[i][1] = y[2 * i + 1];
        }
        double meanSigma = 0;
        for (double s : sigma) {
            meanSigma += s / n;
        }
        return new Result(points, history.get(history.size() - 1), List.copyOf(history), meanSigma);
    }

    /** KL(P‖Q) = Σ_{i≠j} p_ij log(p_ij / q_ij) for the points y. */
    private static double kl(double[] p, double[] y, int n) {
        double z = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                z += 2 / (1 + squaredDistance(y, i, j));
            }
        }
        double sum = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double q = 1 / (1 + squaredDistance(y, i, j)) / z;
                sum += 2 * p[i * n + j] * Math.log(p[i * n + j] / q);
            }
        }
        return sum;
    }

    /** ‖y_i − y_j‖² for 2-D points stored as x₀, y₀, x₁, y₁, … */
    private static double squaredDistance(double[] y, int i, int j) {
        double dx = y[2 * i] - y[2 * j];
        double dy = y[2 * i + 1] - y[2 * j + 1];
        return dx * dx + dy * dy;
    }

    /**
     * The symmetric p_ij (upper triangle of an n × n array), with each σ_i found by bisection
     * on β_i = 1 / 2σ_i² until the perplexity of P_i is the one asked for.
     */
    private double[] affinities(double[][] x, double[] sigma) {
        int n = x.length;
        double[] d2 = new double[n];
        double[] conditional = new double[n * n];                     // p_{j|i} in row i
        double target = Math.log(perplexity);                         // H in nats
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                d2[j] = i == j ? 0 : squaredDistance(x[i], x[j]);
            }
            double beta = 1, lo = 0, hi = Double.POSITIVE_INFINITY;
            for (int step = 0; step < 100; step++) {
                double sum = 0, weighted = 0;
                for (int j = 0; j < n; j++) {
                    if (j != i) {
                        double e = Math.exp(-beta * d2[j]);
                        conditional[i * n + j] = e;
                        sum += e;
                        weighted += e * d2[j];
                    }
                }
                if (sum == 0) {                                        // σ_i too small: every e underflowed
                    hi = beta;
                    beta = (lo + hi) / 2;
                    continue;
                }
                double entropy = Math.log(sum) + beta * weighted / sum; // H(P_i) in nats
                for (int j = 0; j < n; j++) {
                    conditional[i * n + j] /= sum;
                }
                if (Math.abs(entropy - target) < 1e-5) {
                    break;
                }
                if (entropy > target) {                                // too many neighbours: narrow σ_i
                    lo = beta;
                    beta = Double.isInfinite(hi) ? beta * 2 : (lo + hi) / 2;
                } else {
                    hi = beta;
                    beta = (lo + hi) / 2;
                }
            }
            conditional[i * n + i] = 0;
            sigma[i] = Math.sqrt(1 / (2 * beta));
        }
        double[] p = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                p[i * n + j] = Math.max((conditional[i * n + j] + conditional[j * n + i]) / (2 * n), 1e-12);
            }
        }
        return p;
    }

    private int check(double[][] rows) {
        if (rows == null || rows.length == 0) {
            throw new IllegalArgumentException("t-SNE needs points: got " + (rows == null ? "null" : "no rows"));
        }
        int n = rows.length;
        if (n <= 3 * perplexity) {
            throw new IllegalArgumentException("t-SNE with perplexity " + perplexity + " needs more than "
                    + (int) (3 * perplexity) + " points, got " + n + ": lower the perplexity or give more points");
        }
        if (n > MAX_POINTS) {
            throw new IllegalArgumentException("exact t-SNE visits all n² pairs per step; " + n
                    + " points is too many (at most " + MAX_POINTS + "): take the most frequent few thousand");
        }
        int d = rows[0].length;
        for (int i = 0; i < n; i++) {
            if (rows[i] == null || rows[i].length != d) {
                throw new IllegalArgumentException("dimension mismatch: row " + i + " has "
                        + (rows[i] == null ? "no vector (null)" : rows[i].length + " entries") + " but row 0 has " + d);
            }
        }
        return n;
    }

    private static double squaredDistance(double[] a, double[] b) {
        double s = 0;
        for (int k = 0; k < a.length; k++) {
            double diff = a[k] - b[k];
            s += diff * diff;
        }
        return s;
    }
}

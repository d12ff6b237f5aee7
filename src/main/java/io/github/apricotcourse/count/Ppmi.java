package io.github.apricotcourse.count;

import io.github.apricotcourse.sgns.NoiseDistribution;

/**
 * Positive pointwise mutual information (JM §6.6, eq. 6.17–6.20): how much more often w and c
 * occur together than they would by chance, with negative values (unreliable in small corpora)
 * replaced by zero:
 *
 * <pre>
 *   P(w, c)  = count(w, c) / N                     N = Σ_w Σ_c count(w, c)
 *   P(w)     = Σ_c count(w, c) / N
 *   P_α(c)   = count(c)^α / Σ_c' count(c')^α       count(c) = Σ_w count(w, c); α = 1 is plain P(c)
 *   PMI(w, c)  = log₂ P(w, c) / (P(w) P_α(c))
 *   PPMI(w, c) = max(PMI(w, c), 0)
 * </pre>
 *
 * α = 0.75 (JM eq. 6.21, Levy et al. 2015) raises the probability of rare contexts and so
 * lowers PMI's bias towards them; it is the same smoothing as skip-gram's noise distribution,
 * computed by the same method ({@link NoiseDistribution#powerNormalised}).
 *
 * <pre>
 *   CooccurrenceMatrix ppmi = Ppmi.of(counts).alpha(0.75).matrix();
 * </pre>
 */
public final class Ppmi {
    private final CooccurrenceMatrix counts;
    private final double total;
    private final double[] rowSums;
    private double alpha = 1;
    private double[] contextP;   // P_α(c), for the current α

    private Ppmi(CooccurrenceMatrix counts) {
        this.counts = counts;
        this.total = counts.total();
        if (total == 0) {
            throw new IllegalArgumentException("the co-occurrence matrix is all zeros: count a corpus with"
                    + " sentences of at least two vocabulary words");
        }
        rowSums = new double[counts.size()];
        for (int w = 0; w < rowSums.length; w++) {
            rowSums[w] = counts.rowSum(w);
        }
        contextP = contextProbabilities(1);
    }

    /** PMI and PPMI of a matrix of co-occurrence counts, with α = 1 (no smoothing). */
    public static Ppmi of(CooccurrenceMatrix counts) {
        return new Ppmi(counts);
    }

    /** The smoothing exponent α of the context probabilities (1 = none, 0.75 as word2vec). */
    public Ppmi alpha(double a) {
        if (!(a > 0 && a <= 1)) {
            throw new IllegalArgumentException("alpha must be in (0, 1] (0.75 smooths as word2vec, 1 does not), got " + a);
        }
        alpha = a;
        contextP = contextProbabilities(a);
        return this;
    }

    /** P_α(c) = count(c)^α / Σ_c' count(c')^α, with count(c) the column sums (= row sums: the matrix is symmetric). */
    private double[] contextProbabilities(double a) {
        return NoiseDistribution.powerNormalised(rowSums, a);
    }

    /** PMI(w, c) in bits; −∞ when w and c never co-occur. */
    public double pmi(String w, String c) {
        return pmi(counts.vocabulary().index(w), counts.vocabulary().index(c));
    }

    /** PMI(w, c) in bits, by index. */
    public double pmi(int w, int c) {
        return pmi(w, c, counts.get(w, c));
    }

    private double pmi(int w, int c, double count) {
        double pwc = count / total;
        double pw = rowSums[w] / total;
        return log2(pwc / (pw * contextP[c]));
    }

    /** PPMI(w, c) = max(PMI(w, c), 0). */
    public double ppmi(String w, String c) {
        return Math.max(0, pmi(w, c));
    }

    /** The PPMI-weighted matrix: same cells as the counts, each count replaced by its PPMI. */
    public CooccurrenceMatrix matrix() {
        int[] perRow = new int[counts.size()];
        counts.forEachNonZero((w, c, v) -> perRow[w]++);
        double[][] values = new double[counts.size()][];
        for (int w = 0; w < values.length; w++) {
            values[w] = new double[perRow[w]];
        }
        int[] filled = new int[counts.size()];
        counts.forEachNonZero((w, c, v) -> values[w][filled[w]++] = Math.max(0, pmi(w, c, v)));
        return counts.withValues(values);
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }

    @Override
    public String toString() {
        return "Ppmi(α = " + alpha + ", " + counts + ")";
    }
}

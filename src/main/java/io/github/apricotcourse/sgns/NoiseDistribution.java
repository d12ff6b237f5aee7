package io.github.apricotcourse.sgns;

import io.github.apricotcourse.text.Vocabulary;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Where noise words come from (JM §6.8.2): words are drawn by their unigram frequency raised to
 * the power α, which gives rare words a little more chance than their frequency alone:
 *
 * <pre>
 *   P_α(w) = count(w)^α / Σ_v count(v)^α        (α = 0.75 in word2vec)
 * </pre>
 *
 * JM's example: with P(a) = .99 and P(b) = .01, P_α(a) = .99^.75 / (.99^.75 + .01^.75) ≈ .97
 * and P_α(b) ≈ .03.
 *
 * <p>Sampling is O(1) per draw with Walker's alias method (Vose's construction): the table has
 * one column per word; a draw picks a column uniformly, then the column's own word with
 * probability {@code keep[i]} or its alias otherwise.
 */
public final class NoiseDistribution {
    /** word2vec's exponent. */
    public static final double DEFAULT_ALPHA = 0.75;

    private final List<String> words;
    private final double[] weights;
    private final double alpha;
    private final double[] p;
    private final double[] keep;
    private final int[] alias;

    private NoiseDistribution(List<String> words, double[] weights, double alpha) {
        if (!(alpha >= 0) || Double.isInfinite(alpha)) {
            throw new IllegalArgumentException("alpha must be a finite number ≥ 0 (word2vec uses 0.75), got " + alpha);
        }
        if (weights.length == 0) {
            throw new IllegalArgumentException("the noise distribution needs at least one word; the vocabulary is empty");
        }
        this.words = words;
        this.weights = weights.clone();
        this.alpha = alpha;
        for (int i = 0; i < weights.length; i++) {
            if (!(weights[i] >= 0) || Double.isInfinite(weights[i])) {
                throw new IllegalArgumentException("count of word " + name(i) + " must be finite and ≥ 0, got " + weights[i]);
            }
        }
        p = powerNormalised(weights, alpha);
        if (p == null) {
            throw new IllegalArgumentException("all counts are zero: no word can be drawn as noise");
        }
        keep = new double[p.length];
        alias = new int[p.length];
        buildAliasTable();
    }

    /**
     * count^α / Σ count^α, the power normalisation of noise sampling and of PPMI's context
     * smoothing (JM eq. 6.21): {@code powerNormalised(counts, 1)} is plain relative frequency, α &lt; 1
     * gives rare words more. A zero count stays 0 (also for α = 0). Null when every count is 0.
     */
    public static double[] powerNormalised(double[] counts, double alpha) {
        double[] p = new double[counts.length];
        double z = 0;
        for (int i = 0; i < counts.length; i++) {
            p[i] = counts[i] == 0 ? 0 : Math.pow(counts[i], alpha);        // count(w)^α
            z += p[i];
        }
        if (z == 0) {
            return null;
        }
        for (int i = 0; i < p.length; i++) {
            p[i] /= z;                                                     // ... / Σ_v count(v)^α
        }
        return p;
    }

    /** P_α over the words of a vocabulary, from their counts. */
    public static NoiseDistribution of(Vocabulary vocabulary, double alpha) {
        long[] c = vocabulary.counts();
        return new NoiseDistribution(vocabulary.words(), IntStream.range(0, c.length).mapToDouble(i -> c[i]).toArray(), alpha);
    }

    /** P_0.75 over the words of a vocabulary. */
    public static NoiseDistribution of(Vocabulary vocabulary) {
        return of(vocabulary, DEFAULT_ALPHA);
    }

    /**
     * P_α from raw weights: counts, or probabilities (scaling all weights by the same factor
     * changes nothing), e.g. {@code ofWeights(new double[] {.99, .01}, .75)}.
     */
    public static NoiseDistribution ofWeights(double[] weights, double alpha) {
        return new NoiseDistribution(null, weights, alpha);
    }

    /** P_α(i) for the word at index i. */
    public double probability(int i) {
        if (i < 0 || i >= p.length) {
            throw new IndexOutOfBoundsException("word index " + i + " is outside 0.." + (p.length - 1));
        }
        return p[i];
    }

    /** P_α(w) for a word of the vocabulary this distribution was built from. */
    public double probability(String word) {
        if (words == null) {
            throw new IllegalStateException("this distribution was built from weights, not a vocabulary: ask by index");
        }
        int i = words.indexOf(word);
        if (i < 0) {
            throw new io.github.apricotcourse.text.UnknownWordException(word, words, words.size(), "the noise distribution's vocabulary");
        }
        return p[i];
    }

    /** All probabilities P_α, by index (a copy). */
    public double[] probabilities() {
        return p.clone();
    }

    /** The exponent α. */
    public double alpha() {
        return alpha;
    }

    /** The number of words. */
    public int size() {
        return p.length;
    }

    /** One noise word index drawn from P_α in O(1). */
    public int sample(SplittableRandom rng) {
        int column = rng.nextInt(p.length);
        return rng.nextDouble() < keep[column] ? column : alias[column];
    }

    /** One noise word drawn from P_α that is never the target word (redrawn if it is). */
    public int sample(SplittableRandom rng, int target) {
        if (target >= 0 && target < p.length && p[target] >= 1.0 - 1e-12) {
            throw new IllegalStateException("only the target word " + name(target) + " can be drawn: noise words"
                    + " need a vocabulary with at least two words");
        }
        int w;
        do {
            w = sample(rng);
        } while (w == target);
        return w;
    }

    /** k noise words for a target, each drawn from P_α and none equal to the target. */
    public int[] sample(SplittableRandom rng, int target, int k) {
        int[] out = new int[k];
        for (int i = 0; i < k; i++) {
            out[i] = sample(rng, target);
        }
        return out;
    }

    /** A table of word, weight (count), unigram probability and P_α, in index order. */
    public Table table() {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        StringColumn word = StringColumn.create("word");
        DoubleColumn count = DoubleColumn.create("count");
        DoubleColumn unigram = DoubleColumn.create("P(w)");
        DoubleColumn pa = DoubleColumn.create("P_" + alpha + "(w)");
        for (int i = 0; i < p.length; i++) {
            word.append(name(i));
            count.append(weights[i]);
            unigram.append(weights[i] / total);
            pa.append(p[i]);
        }
        return Table.create("Noise distribution, α = " + alpha, word, count, unigram, pa);
    }

    /** Column i of the alias table: keep it with this probability, otherwise take {@link #alias}. */
    double keep(int column) {
        return keep[column];
    }

    /** The word that fills the rest of column i of the alias table. */
    int alias(int column) {
        return alias[column];
    }

    private String name(int i) {
        return words == null ? "#" + i : "'" + words.get(i) + "'";
    }

    /** Vose's alias method: split each column between one "small" and one "large" word. */
    private void buildAliasTable() {
        int n = p.length;
        double[] scaled = new double[n];
        Deque<Integer> small = new ArrayDeque<>();
        Deque<Integer> large = new ArrayDeque<>();
        for (int i = 0; i < n; i++) {
            scaled[i] = p[i] * n;
            (scaled[i] < 1 ? small : large).push(i);
        }
        while (!small.isEmpty() && !large.isEmpty()) {
            int s = small.pop();
            int l = large.pop();
            keep[s] = scaled[s];
            alias[s] = l;
            scaled[l] = scaled[l] + scaled[s] - 1;
            (scaled[l] < 1 ? small : large).push(l);
        }
        while (!large.isEmpty()) {
            int l = large.pop();
            keep[l] = 1;
            alias[l] = l;
        }
        while (!small.isEmpty()) {          // only through rounding: these columns are full
            int s = small.pop();
            keep[s] = 1;
            alias[s] = s;
        }
    }
}

package io.github.apricotcourse.subword;

import io.github.apricotcourse.math.Vectors;
import io.github.apricotcourse.sgns.NoiseDistribution;
import io.github.apricotcourse.sgns.SgnsLoss;
import io.github.apricotcourse.text.Corpus;
import io.github.apricotcourse.text.Subsampling;
import io.github.apricotcourse.text.Vocabulary;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Skip-gram with subwords (fastText; JM §6.8.3): the same SGNS loss as word2vec, but the target
 * word's vector is built from pieces, the average h of its own row and its n-grams' bucket rows:
 *
 * <pre>
 *   h = average of x_w and z_bucket(g) for g ∈ ngrams(w)           (see {@link SubwordModel})
 *   L = −[ log σ(c_pos · h) + Σ_i log σ(−c_neg_i · h) ]              (the loss of lesson 3)
 *   c ← c − η ∂L/∂c  for c_pos and each c_neg_i;   every row r of h:  r ← r − η ∂L/∂h
 * </pre>
 *
 * (fastText moves every row of h by the full gradient ∂L/∂h, as here.) Seeded like
 * {@link io.github.apricotcourse.sgns.SkipGramTrainer}:
 *
 * <pre>
 *   SubwordModel m = FastTextTrainer.create().dimension(50).ngrams(3, 6).buckets(20_000)
 *           .epochs(5).seed(7).train(corpus);
 * </pre>
 */
public final class FastTextTrainer {
    private int dimension = 50;
    private int window = 5;
    private int negatives = 5;
    private int epochs = 5;
    private double learningRate = 0.05;
    private int minCount = 5;
    private double subsample = 1e-3;
    private int minN = 3;
    private int maxN = 6;
    private int buckets = 20_000;
    private long seed = 1;

    private FastTextTrainer() {}

    /** A trainer with fastText's skip-gram defaults, but fewer buckets (20,000) and d = 50 for small corpora. */
    public static FastTextTrainer create() {
        return new FastTextTrainer();
    }

    /** d, the length of each vector. */
    public FastTextTrainer dimension(int d) {
        dimension = positive("dimension", d);
        return this;
    }

    /** L, the number of context words on each side. */
    public FastTextTrainer window(int L) {
        window = positive("window", L);
        return this;
    }

    /** k, the number of noise words per positive pair. */
    public FastTextTrainer negatives(int k) {
        negatives = positive("negatives", k);
        return this;
    }

    /** Passes over the corpus. */
    public FastTextTrainer epochs(int n) {
        epochs = positive("epochs", n);
        return this;
    }

    /** η₀, decaying linearly as in word2vec. */
    public FastTextTrainer learningRate(double eta) {
        if (!(eta > 0) || Double.isInfinite(eta)) {
            throw new IllegalArgumentException("learningRate must be a positive number (fastText uses 0.05), got " + eta);
        }
        learningRate = eta;
        return this;
    }

    /** Words seen fewer times than this get no vector of their own (their n-grams still learn). */
    public FastTextTrainer minCount(int n) {
        minCount = positive("minCount", n);
        return this;
    }

    /** The subsampling threshold t (0 keeps every word). */
    public FastTextTrainer subsample(double t) {
        if (!(t >= 0) || Double.isInfinite(t)) {
            throw new IllegalArgumentException("subsample must be ≥ 0, got " + t);
        }
        subsample = t;
        return this;
    }

    /** The n-gram lengths minN..maxN (fastText: 3..6). */
    public FastTextTrainer ngrams(int min, int max) {
        if (min < 1 || max < min) {
            throw new IllegalArgumentException("need 1 ≤ minN ≤ maxN (fastText uses 3 and 6), got " + min + ", " + max);
        }
        minN = min;
        maxN = max;
        return this;
    }

    /** B, the number of hash buckets for n-grams (fastText: 2,000,000). */
    public FastTextTrainer buckets(int b) {
        buckets = positive("buckets", b);
        return this;
    }

    /** The seed of every random choice. */
    public FastTextTrainer seed(long s) {
        seed = s;
        return this;
    }

    /** Trains on the corpus. */
    public SubwordModel train(Corpus corpus) {
        Vocabulary vocabulary = Vocabulary.of(corpus, minCount);
        if (vocabulary.size() < 2) {
            throw new IllegalArgumentException("the vocabulary has only " + vocabulary.size()
                    + " word: use more text or a lower minCount");
        }
        int[][] rowsOf = new int[vocabulary.size()][];
        for (int i = 0; i < rowsOf.length; i++) {
            rowsOf[i] = SubwordModel.rows(vocabulary.word(i), vocabulary, minN, maxN, buckets);
        }
        List<int[]> sentences = new ArrayList<>();
        for (List<String> s : corpus) {
            sentences.add(vocabulary.encode(s));
        }
        SplittableRandom rng = new SplittableRandom(seed);
        double[][] input = new double[vocabulary.size() + buckets][dimension];
        double[][] context = new double[vocabulary.size()][dimension];
        for (double[] row : input) {
            for (int j = 0; j < dimension; j++) {
                row[j] = (rng.nextDouble() - 0.5) / dimension;
            }
        }
        NoiseDistribution noise = NoiseDistribution.of(vocabulary);
        Subsampling subsampling = new Subsampling(vocabulary, subsample);
        long total = (long) epochs * vocabulary.totalCount();
        long done = 0;
        for (int epoch = 0; epoch < epochs; epoch++) {
            for (int[] sentence : sentences) {
                int[] kept = subsampling.apply(sentence, rng);
                double eta = learningRate * Math.max(1e-4, 1 - (double) done / total);
                for (int t = 0; t < kept.length; t++) {
                    int[] rows = rowsOf[kept[t]];
                    int l = window - rng.nextInt(window);
                    for (int j = Math.max(0, t - l); j <= Math.min(kept.length - 1, t + l); j++) {
                        if (j != t) {
                            step(input, context, rows, kept[j], noise.sample(rng, kept[t], negatives), eta);
                        }
                    }
                }
                done += sentence.length;
            }
        }
        String settings = String.format(Locale.ROOT, "d=%d, L=%d, k=%d, epochs=%d, η₀=%s, minCount=%d, n=%d..%d, buckets=%d, seed=%d",
                dimension, window, negatives, epochs, learningRate, minCount, minN, maxN, buckets, seed);
        return new SubwordModel(vocabulary, input, context, minN, maxN, buckets, settings);
    }

    /** One SGNS step with h = the average of the target's rows. */
    private static void step(double[][] input, double[][] context, int[] rows, int cPos, int[] cNeg, double eta) {
        double[] h = new double[context[0].length];
        for (int r : rows) {
            for (int j = 0; j < h.length; j++) {
                h[j] += input[r][j] / rows.length;
            }
        }
        double[][] noise = new double[cNeg.length][];
        for (int i = 0; i < cNeg.length; i++) {
            noise[i] = context[cNeg[i]];
        }
        SgnsLoss loss = SgnsLoss.of(h, context[cPos], noise);
        Vectors.axpy(-eta, loss.gradCPos(), context[cPos]);           // c ← c − η ∂L/∂c
        for (int i = 0; i < cNeg.length; i++) {
            Vectors.axpy(-eta, loss.gradCNeg(i), context[cNeg[i]]);
        }
        double[] gradH = loss.gradW();
        for (int r : rows) {
            Vectors.axpy(-eta, gradH, input[r]);
        }
    }

    private static int positive(String name, int v) {
        if (v < 1) {
            throw new IllegalArgumentException(name + " must be at least 1, got " + v);
        }
        return v;
    }
}

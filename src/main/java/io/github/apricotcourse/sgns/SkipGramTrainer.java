package io.github.apricotcourse.sgns;

import io.github.apricotcourse.text.Corpus;
import io.github.apricotcourse.text.Subsampling;
import io.github.apricotcourse.text.Vocabulary;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Trains skip-gram with negative sampling on running text (JM §6.8.2), the readable way:
 *
 * <pre>
 *   W ← small random numbers, C ← 0
 *   for each epoch, for each sentence (frequent words subsampled):
 *     for each target w at position t, window l = L (or L − b, b random, when shrinking):
 *       for each context c_pos within ±l of t:
 *         draw k noise words c_neg_1..k from P_α (never w)
 *         η = η₀ · max(1e−4, 1 − progress)        (linear decay)
 *         SgdStep: W[w], C[c_pos], C[c_neg_i] each move against their gradient
 * </pre>
 *
 * Options are set fluently and every run is reproducible from its seed:
 *
 * <pre>
 *   SkipGramModel m = SkipGramTrainer.create().dimension(50).window(2).negatives(5)
 *           .epochs(5).seed(42).train(corpus);
 * </pre>
 *
 * <p>Two layers, one trainer. The loop above is the lesson's: it calls {@link SgdStep} on
 * {@code double[][]} matrices, one pair at a time. {@link #fast()} or {@link #threads(int)}
 * switch to the fast path, word2vec.c's loop on flat float arrays, several threads at once
 * and the k noise words shared by the words of a window (see {@code FastTrainer} and
 * {@code FastSgdStep}); tests check that both compute the same update for the same pair and
 * reach the same quality on the same corpus:
 *
 * <pre>
 *   SkipGramModel m = SkipGramTrainer.create().threads(2).epochs(1).train(corpus);
 * </pre>
 *
 * With one thread a seed gives bit-identical embeddings on either path. With more threads the
 * fast path is not bit-reproducible: threads interleave their updates differently on each run.
 */
public final class SkipGramTrainer {
    private int dimension = 100;
    private int window = 5;
    private int negatives = 5;
    private int epochs = 5;
    private double learningRate = 0.025;
    private int minCount = 5;
    private double subsample = 1e-3;
    private double alpha = NoiseDistribution.DEFAULT_ALPHA;
    private boolean shrinkWindow = true;
    private long seed = 1;
    private TrainingListener listener = p -> { };
    private int threads = 0;                 // 0: the readable loop; n ≥ 1: the fast path on n threads
    private boolean sharedNegatives = true;
    private boolean exactSigmoid = false;

    private SkipGramTrainer() {}

    /** A trainer with word2vec's defaults: d = 100, L = 5, k = 5, 5 epochs, η₀ = 0.025, min-count 5, sample 1e−3. */
    public static SkipGramTrainer create() {
        return new SkipGramTrainer();
    }

    /** d, the length of each word vector. */
    public SkipGramTrainer dimension(int d) {
        dimension = positive("dimension", d);
        return this;
    }

    /** L, the number of context words on each side of the target. */
    public SkipGramTrainer window(int L) {
        window = positive("window", L);
        return this;
    }

    /** k, the number of noise words per positive pair. */
    public SkipGramTrainer negatives(int k) {
        if (k < 0) {
            throw new IllegalArgumentException("negatives (k) must be ≥ 0, got " + k);
        }
        negatives = k;
        return this;
    }

    /** Passes over the corpus. */
    public SkipGramTrainer epochs(int n) {
        epochs = positive("epochs", n);
        return this;
    }

    /** η₀, the starting learning rate; it decays linearly to η₀ · 1e−4. */
    public SkipGramTrainer learningRate(double eta) {
        if (!(eta > 0) || Double.isInfinite(eta)) {
            throw new IllegalArgumentException("learningRate must be a positive number (word2vec uses 0.025), got " + eta);
        }
        learningRate = eta;
        return this;
    }

    /** Words seen fewer times than this are dropped from the vocabulary. */
    public SkipGramTrainer minCount(int n) {
        minCount = positive("minCount", n);
        return this;
    }

    /** The subsampling threshold t (1e−3 in word2vec); 0 keeps every word. */
    public SkipGramTrainer subsample(double t) {
        if (!(t >= 0) || Double.isInfinite(t)) {
            throw new IllegalArgumentException("subsample must be ≥ 0 (e.g. 1e-3, or 0 for none), got " + t);
        }
        subsample = t;
        return this;
    }

    /** α, the exponent of the noise distribution (0.75 in word2vec). */
    public SkipGramTrainer noiseExponent(double a) {
        if (!(a >= 0) || Double.isInfinite(a)) {
            throw new IllegalArgumentException("noiseExponent must be ≥ 0 (word2vec uses 0.75), got " + a);
        }
        alpha = a;
        return this;
    }

    /** Whether to shrink each window at random as word2vec does (on by default). */
    public SkipGramTrainer shrinkWindow(boolean on) {
        shrinkWindow = on;
        return this;
    }

    /** The seed of every random choice: initial vectors, subsampling, windows, noise words. */
    public SkipGramTrainer seed(long s) {
        seed = s;
        return this;
    }

    /** Receives progress reports (e.g. {@code new ProgressBar()} in a notebook). */
    public SkipGramTrainer listener(TrainingListener l) {
        listener = l == null ? p -> { } : l;
        return this;
    }

    /** The fast path on every available processor (see {@link #threads(int)}). */
    public SkipGramTrainer fast() {
        return threads(Runtime.getRuntime().availableProcessors());
    }

    /**
     * The fast path on n threads: word2vec.c's loop on flat float arrays, lock-free across
     * threads (Hogwild). One thread is bit-reproducible from the seed; more are not.
     */
    public SkipGramTrainer threads(int n) {
        threads = positive("threads", n);
        return this;
    }

    /**
     * On the fast path, whether the words of one window share one draw of k noise words (on by
     * default; Ji et al. 2016) or each pair draws its own as word2vec.c does. The readable loop
     * always draws k noise words per pair.
     */
    public SkipGramTrainer sharedNegatives(boolean on) {
        sharedNegatives = on;
        return this;
    }

    /** On the fast path, compute σ exactly instead of from a table (for tests). */
    SkipGramTrainer exactSigmoid(boolean on) {
        exactSigmoid = on;
        return this;
    }

    /** Trains on the corpus and returns W, C, the vocabulary and the loss history. */
    public SkipGramModel train(Corpus corpus) {
        if (corpus == null) {
            throw new IllegalArgumentException("corpus is null: pass a Corpus, e.g. Corpus.of(\"lemon, a tablespoon of apricot jam\")");
        }
        Vocabulary vocabulary = Vocabulary.of(corpus, minCount);
        List<int[]> sentences = new ArrayList<>();
        for (List<String> s : corpus) {
            sentences.add(vocabulary.encode(s));
        }
        if (vocabulary.size() < 2) {
            throw new IllegalArgumentException("the vocabulary has only " + vocabulary.size() + " word (" + vocabulary.words()
                    + "): training needs at least two distinct words; use more text or a lower minCount");
        }
        return run(vocabulary, sentences);
    }

    private SkipGramModel run(Vocabulary vocabulary, List<int[]> sentences) {
        if (threads > 0) {
            LossHistory history = new LossHistory();
            FastTrainer.Result r = new FastTrainer(dimension, window, negatives, epochs, learningRate, shrinkWindow,
                    sharedNegatives, exactSigmoid, threads, seed, listener)
                    .train(vocabulary, sentences, NoiseDistribution.of(vocabulary, alpha),
                            new Subsampling(vocabulary, subsample), history);
            return new SkipGramModel(vocabulary, r.W(), r.C(), history, describe());
        }
        SplittableRandom rng = new SplittableRandom(seed);
        int n = vocabulary.size();
        double[][] W = new double[n][dimension];
        double[][] C = new double[n][dimension];
        for (double[] row : W) {
            for (int j = 0; j < dimension; j++) {
                row[j] = (rng.nextDouble() - 0.5) / dimension;     // word2vec's initialisation
            }
        }
        NoiseDistribution noise = NoiseDistribution.of(vocabulary, alpha);
        Subsampling subsampling = new Subsampling(vocabulary, subsample);
        LossHistory history = new LossHistory();

        long total = (long) epochs * vocabulary.totalCount();
        long reportEvery = Math.max(1, total / 200);
        long nextReport = reportEvery;
        long done = 0;
        double lossSum = 0;
        long examples = 0;
        long start = System.nanoTime();
        double eta = learningRate;
        for (int epoch = 1; epoch <= epochs; epoch++) {
            for (int[] sentence : sentences) {
                int[] kept = subsampling.apply(sentence, rng);
                eta = learningRate * Math.max(1e-4, 1 - (double) done / (total + 1));
                for (int t = 0; t < kept.length; t++) {
                    int l = shrinkWindow ? window - rng.nextInt(window) : window;
                    for (int j = Math.max(0, t - l); j <= Math.min(kept.length - 1, t + l); j++) {
                        if (j == t) {
                            continue;
                        }
                        int[] cNeg = noise.sample(rng, kept[t], negatives);
                        double loss = SgdStep.apply(W, C, kept[t], kept[j], cNeg, eta);
                        if (!Double.isFinite(loss)) {
                            throw diverged(loss, epoch, done);
                        }
                        lossSum += loss;
                        examples++;
                    }
                }
                done += sentence.length;
                if (done >= nextReport || done == total) {
                    nextReport = done + reportEvery;
                    double mean = examples == 0 ? Double.NaN : lossSum / examples;
                    if (examples > 0) {
                        history.add(new LossHistory.Point(epoch, done, mean));
                    }
                    listener.onProgress(new TrainingProgress(epoch, epochs, done, total, mean, eta,
                            Duration.ofNanos(System.nanoTime() - start)));
                    lossSum = 0;
                    examples = 0;
                }
            }
        }
        return new SkipGramModel(vocabulary, W, C, history, describe());
    }

    private TrainingDivergedException diverged(double loss, int epoch, long done) {
        return new TrainingDivergedException(String.format(Locale.ROOT,
                "training diverged: the loss became %s in epoch %d after %d words, with learning rate η₀ = %s."
                        + " The vectors grew without bound: lower the learning rate (word2vec uses 0.025)"
                        + " and train again.", loss, epoch, done, learningRate));
    }

    private String describe() {
        String path = threads == 0 ? "" : String.format(Locale.ROOT, ", fast: threads=%d, shared negatives=%s%s",
                threads, sharedNegatives, exactSigmoid ? ", exact σ" : "");
        return String.format(Locale.ROOT, "d=%d, L=%d, k=%d, epochs=%d, η₀=%s, minCount=%d, sample=%s, α=%s, shrink=%s, seed=%d",
                dimension, window, negatives, epochs, learningRate, minCount, subsample, alpha, shrinkWindow, seed) + path;
    }

    private static int positive(String name, int v) {
        if (v < 1) {
            throw new IllegalArgumentException(name + " must be at least 1, got " + v);
        }
        return v;
    }

    @Override
    public String toString() {
        return "SkipGramTrainer(" + describe() + ")";
    }
}

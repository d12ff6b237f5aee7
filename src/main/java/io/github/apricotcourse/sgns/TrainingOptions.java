package io.github.apricotcourse.sgns;

import java.util.Locale;

/**
 * The settings every negative-sampling trainer shares, set by name: skip-gram's readable and
 * fast loops ({@link SkipGramTrainer}) and fastText's ({@code subword.FastTextTrainer}). Each
 * trainer's builder is one of these, so {@code .dimension(50).window(2).seed(42)} means the
 * same thing everywhere:
 *
 * <pre>
 *   d       dimension       length of each vector
 *   L       window          context words on each side of the target (shrunk at random: shrinkWindow)
 *   k       negatives       noise words per positive pair, drawn from P_α (α: noiseExponent)
 *   η₀      learningRate    the starting learning rate, decaying as {@link LearningRate} says
 *   t       subsample       frequent-word subsampling threshold ({@code text.Subsampling})
 *           epochs, minCount, seed, listener (progress reports)
 * </pre>
 *
 * @param <T> the trainer, so that each setter returns it and the chain ends in its {@code train}
 */
public abstract class TrainingOptions<T extends TrainingOptions<T>> {
    private int dimension;
    private int window = 5;
    private int negatives = 5;
    private int epochs = 5;
    private double learningRate;
    private int minCount = 5;
    private double subsample = 1e-3;
    private double noiseExponent = NoiseDistribution.DEFAULT_ALPHA;
    private boolean shrinkWindow = true;
    private long seed = 1;
    private TrainingListener listener = p -> { };

    /** Options with the trainer's own defaults for d and η₀; the rest as word2vec. */
    protected TrainingOptions(int dimension, double learningRate) {
        this.dimension = dimension;
        this.learningRate = learningRate;
    }

    /** This trainer, for the chain. */
    protected abstract T self();

    /** d, the length of each vector. */
    public T dimension(int d) {
        dimension = positive("dimension", d);
        return self();
    }

    /** L, the number of context words on each side of the target. */
    public T window(int L) {
        window = positive("window", L);
        return self();
    }

    /** k, the number of noise words per positive pair. */
    public T negatives(int k) {
        if (k < 0) {
            throw new IllegalArgumentException("negatives (k) must be ≥ 0, got " + k);
        }
        negatives = k;
        return self();
    }

    /** Passes over the corpus. */
    public T epochs(int n) {
        epochs = positive("epochs", n);
        return self();
    }

    /** η₀, the starting learning rate; it decays linearly to η₀ · 1e−4 ({@link LearningRate}). */
    public T learningRate(double eta) {
        if (!(eta > 0) || Double.isInfinite(eta)) {
            throw new IllegalArgumentException("learningRate must be a positive number (word2vec uses 0.025, fastText"
                    + " 0.05), got " + eta);
        }
        learningRate = eta;
        return self();
    }

    /** Words seen fewer times than this are dropped from the vocabulary. */
    public T minCount(int n) {
        minCount = positive("minCount", n);
        return self();
    }

    /** The subsampling threshold t (1e−3 in word2vec); 0 keeps every word. */
    public T subsample(double t) {
        if (!(t >= 0) || Double.isInfinite(t)) {
            throw new IllegalArgumentException("subsample must be ≥ 0 (e.g. 1e-3, or 0 for none), got " + t);
        }
        subsample = t;
        return self();
    }

    /** α, the exponent of the noise distribution (0.75 in word2vec). */
    public T noiseExponent(double a) {
        if (!(a >= 0) || Double.isInfinite(a)) {
            throw new IllegalArgumentException("noiseExponent must be ≥ 0 (word2vec uses 0.75), got " + a);
        }
        noiseExponent = a;
        return self();
    }

    /** Whether to shrink each window at random as word2vec does (on by default). */
    public T shrinkWindow(boolean on) {
        shrinkWindow = on;
        return self();
    }

    /** The seed of every random choice: initial vectors, subsampling, windows, noise words. */
    public T seed(long s) {
        seed = s;
        return self();
    }

    /** Receives progress reports (e.g. {@code new ProgressBar()} in a notebook). */
    public T listener(TrainingListener l) {
        listener = l == null ? p -> { } : l;
        return self();
    }

    /** d. */
    public int dimension() {
        return dimension;
    }

    /** L. */
    public int window() {
        return window;
    }

    /** k. */
    public int negatives() {
        return negatives;
    }

    /** The number of passes over the corpus. */
    public int epochs() {
        return epochs;
    }

    /** η₀. */
    public double learningRate() {
        return learningRate;
    }

    /** The minimum count of a vocabulary word. */
    public int minCount() {
        return minCount;
    }

    /** The subsampling threshold t. */
    public double subsample() {
        return subsample;
    }

    /** α of the noise distribution. */
    public double noiseExponent() {
        return noiseExponent;
    }

    /** Whether windows shrink at random. */
    public boolean shrinkWindow() {
        return shrinkWindow;
    }

    /** The seed. */
    public long seed() {
        return seed;
    }

    /** Who receives progress reports. */
    public TrainingListener listener() {
        return listener;
    }

    /** The shared settings in one line, e.g. {@code d=100, L=5, k=5, …, seed=1}. */
    protected String describe() {
        return String.format(Locale.ROOT, "d=%d, L=%d, k=%d, epochs=%d, η₀=%s, minCount=%d, sample=%s, α=%s, shrink=%s,"
                + " seed=%d", dimension, window, negatives, epochs, learningRate, minCount, subsample, noiseExponent,
                shrinkWindow, seed);
    }

    /** v, if it is at least 1; otherwise an exception naming the option. */
    protected static int positive(String name, int v) {
        if (v < 1) {
            throw new IllegalArgumentException(name + " must be at least 1, got " + v);
        }
        return v;
    }
}

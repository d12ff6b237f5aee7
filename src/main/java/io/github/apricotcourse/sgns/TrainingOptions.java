package io.github.apricotcourse.sgns;

import java.util.Locale;

/**
 * The settings every trainer shares, set by name: skip-gram's readable and fast loops
 * ({@link SkipGramTrainer}), fastText's ({@code subword.FastTextTrainer}) and GloVe's
 * ({@code glove.GloveTrainer}). Each trainer's builder is one of these, so
 * {@code .dimension(50).window(2).seed(42)} means the same thing everywhere:
 *
 * <pre>
 *   d       dimension       length of each vector
 *   L       window          context words on each side of the target
 *   η₀      learningRate    the starting learning rate
 *           epochs, minCount, seed, listener (progress reports)
 * </pre>
 *
 * The negative-sampling trainers add theirs in {@link NegativeSamplingOptions}.
 *
 * @param <T> the trainer, so that each setter returns it and the chain ends in its {@code train}
 */
public abstract class TrainingOptions<T extends TrainingOptions<T>> {
    private int dimension;
    private int window = 5;
    private int epochs = 5;
    private double learningRate;
    private int minCount = 5;
    private long seed = 1;
    private TrainingListener listener = p -> { };

    /** Options with the trainer's own defaults for d and η₀; L = 5, 5 epochs, minCount 5 and seed 1 as word2vec. */
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

    /** Passes over the corpus. */
    public T epochs(int n) {
        epochs = positive("epochs", n);
        return self();
    }

    /** η₀, the starting learning rate (for SGNS it decays linearly to η₀ · 1e−4, {@link LearningRate}). */
    public T learningRate(double eta) {
        if (!(eta > 0) || Double.isInfinite(eta)) {
            throw new IllegalArgumentException("learningRate must be a positive number (word2vec uses 0.025, fastText"
                    + " 0.05, GloVe 0.05), got " + eta);
        }
        learningRate = eta;
        return self();
    }

    /** Words seen fewer times than this are dropped from the vocabulary. */
    public T minCount(int n) {
        minCount = positive("minCount", n);
        return self();
    }

    /** The seed of every random choice: initial vectors, subsampling, windows, noise words, the order of cells. */
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

    /** The seed. */
    public long seed() {
        return seed;
    }

    /** Who receives progress reports. */
    public TrainingListener listener() {
        return listener;
    }

    /** The shared settings in one line, e.g. {@code d=100, L=5, epochs=5, η₀=0.025, minCount=5, seed=1}. */
    protected String describe() {
        return String.format(Locale.ROOT, "d=%d, L=%d, epochs=%d, η₀=%s, minCount=%d, seed=%d", dimension, window, epochs,
                learningRate, minCount, seed);
    }

    /** v, if it is at least 1; otherwise an exception naming the option. */
    protected static int positive(String name, int v) {
        if (v < 1) {
            throw new IllegalArgumentException(name + " must be at least 1, got " + v);
        }
        return v;
    }
}

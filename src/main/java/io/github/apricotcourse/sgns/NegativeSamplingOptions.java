package io.github.apricotcourse.sgns;

import java.util.Locale;

/**
 * The settings the negative-sampling trainers add to every trainer's ({@link TrainingOptions}):
 * skip-gram's readable and fast loops ({@link SkipGramTrainer}) and fastText's
 * ({@code subword.FastTextTrainer}):
 *
 * <pre>
 *   k       negatives       noise words per positive pair, drawn from P_α (α: noiseExponent)
 *   t       subsample       frequent-word subsampling threshold ({@code text.Subsampling})
 *           shrinkWindow    shrink each window L to L − b, b random (word2vec)
 * </pre>
 *
 * and η decays linearly over the run ({@link LearningRate}).
 *
 * @param <T> the trainer, so that each setter returns it and the chain ends in its {@code train}
 */
public abstract class NegativeSamplingOptions<T extends NegativeSamplingOptions<T>> extends TrainingOptions<T> {
    private int negatives = 5;
    private double subsample = 1e-3;
    private double noiseExponent = NoiseDistribution.DEFAULT_ALPHA;
    private boolean shrinkWindow = true;

    /** Options with the trainer's own defaults for d and η₀; k = 5, t = 1e−3, α = 0.75 and shrinking as word2vec. */
    protected NegativeSamplingOptions(int dimension, double learningRate) {
        super(dimension, learningRate);
    }

    /** k, the number of noise words per positive pair. */
    public T negatives(int k) {
        if (k < 0) {
            throw new IllegalArgumentException("negatives (k) must be ≥ 0, got " + k);
        }
        negatives = k;
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

    /** k. */
    public int negatives() {
        return negatives;
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

    /** The shared settings in one line, e.g. {@code d=100, L=5, k=5, …, seed=1}. */
    @Override
    protected String describe() {
        return String.format(Locale.ROOT, "d=%d, L=%d, k=%d, epochs=%d, η₀=%s, minCount=%d, sample=%s, α=%s, shrink=%s,"
                + " seed=%d", dimension(), window(), negatives, epochs(), learningRate(), minCount(), subsample,
                noiseExponent, shrinkWindow, seed());
    }
}

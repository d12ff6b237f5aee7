package io.github.apricotcourse.sgns;

/**
 * The learning-rate schedule of every trainer: word2vec's linear decay from η₀ towards 0 over
 * the whole run, never below η₀ · 10⁻⁴,
 *
 * <pre>
 *   η = η₀ · max(10⁻⁴, 1 − done / (total + 1))      done, total: corpus words, over all epochs
 * </pre>
 *
 * as word2vec.c computes it ({@code alpha = starting_alpha * (1 - word_count_actual /
 * (real)(iter * train_words + 1))}, floored at {@code starting_alpha * 0.0001}).
 */
public final class LearningRate {
    private LearningRate() {}

    /** η after {@code done} of {@code total} corpus words, for starting rate η₀. */
    public static double at(double eta0, long done, long total) {
        return eta0 * Math.max(1e-4, 1 - (double) done / (total + 1));
    }
}

package io.github.apricotcourse.sgns;

import io.github.apricotcourse.embed.Embeddings;
import io.github.apricotcourse.text.Vocabulary;

/**
 * What skip-gram training learns (JM §6.8.2): two matrices with one row per vocabulary word,
 * W (the target embeddings) and C (the context embeddings). The usual word vector is the row
 * of W; adding both, w_i + c_i, is a common alternative.
 */
public final class SkipGramModel {
    /** Which matrix gives the word vectors. */
    public enum Vectors { W, C, W_PLUS_C }

    private final Vocabulary vocabulary;
    private final Embeddings w;
    private final Embeddings c;
    private final LossHistory history;
    private final String settings;

    /** A model from its vocabulary and matrices (rows in vocabulary order). */
    public SkipGramModel(Vocabulary vocabulary, double[][] W, double[][] C, LossHistory history, String settings) {
        this(vocabulary, Embeddings.of(vocabulary.words(), W), Embeddings.of(vocabulary.words(), C), history, settings);
    }

    /** A model from its vocabulary and embeddings (rows in vocabulary order). */
    public SkipGramModel(Vocabulary vocabulary, Embeddings W, Embeddings C, LossHistory history, String settings) {
        this.vocabulary = vocabulary;
        this.w = W;
        this.c = C;
        this.history = history;
        this.settings = settings;
    }

    /** The words, their counts and indices. */
    public Vocabulary vocabulary() {
        return vocabulary;
    }

    /** W, the target embeddings. */
    public Embeddings W() {
        return w;
    }

    /** C, the context embeddings. */
    public Embeddings C() {
        return c;
    }

    /** The word vectors: rows of W, as word2vec returns them. */
    public Embeddings embeddings() {
        return w;
    }

    /** The word vectors from W, C or W + C. */
    public Embeddings embeddings(Vectors which) {
        return switch (which) {
            case W -> w;
            case C -> c;
            case W_PLUS_C -> w.plus(c);
        };
    }

    /** The mean loss recorded during training. */
    public LossHistory lossHistory() {
        return history;
    }

    /** The settings this model was trained with. */
    public String settings() {
        return settings;
    }

    @Override
    public String toString() {
        return "SkipGramModel(" + vocabulary.size() + " words, " + settings + ", " + history + ")";
    }
}

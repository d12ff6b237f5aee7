package io.github.apricotcourse.glove;

import io.github.apricotcourse.embed.Embeddings;
import io.github.apricotcourse.math.Vectors;
import io.github.apricotcourse.sgns.LossHistory;
import io.github.apricotcourse.text.Vocabulary;

/**
 * What GloVe learns: for every vocabulary word a word vector w and a context vector w̃ (rows of
 * W and W̃), and a bias for each. Since X is symmetric, W and W̃ learn the same thing from
 * different random starts, and GloVe's word vectors are their sum, W + W̃ (Pennington et al.
 * 2014, §4.2; JM §6.8.2 recommends the same sum for word2vec's W and C).
 */
public final class GloveModel {
    private final Vocabulary vocabulary;
    private final Embeddings w;
    private final Embeddings wTilde;
    private final double[] b;
    private final double[] bTilde;
    private final LossHistory history;
    private final String settings;

    GloveModel(Vocabulary vocabulary, double[][] W, double[][] WTilde, double[] b, double[] bTilde,
               LossHistory history, String settings) {
        this.vocabulary = vocabulary;
        this.w = Embeddings.of(vocabulary.words(), W);
        this.wTilde = Embeddings.of(vocabulary.words(), WTilde);
        this.b = b;
        this.bTilde = bTilde;
        this.history = history;
        this.settings = settings;
    }

    /** The words, their counts and indices. */
    public Vocabulary vocabulary() {
        return vocabulary;
    }

    /** W, the word vectors w_i. */
    public Embeddings W() {
        return w;
    }

    /** W̃, the context vectors w̃_j. */
    public Embeddings WTilde() {
        return wTilde;
    }

    /** GloVe's word vectors: W + W̃. */
    public Embeddings embeddings() {
        return w.plus(wTilde);
    }

    /** b_i, the bias of a word as a row word. */
    public double bias(String word) {
        return b[vocabulary.index(word)];
    }

    /** b̃_j, the bias of a word as a context word. */
    public double contextBias(String word) {
        return bTilde[vocabulary.index(word)];
    }

    /** w_i · w̃_j + b_i + b̃_j: the model's estimate of log X_ij. */
    public double logCount(String word, String context) {
        int i = vocabulary.index(word);
        int j = vocabulary.index(context);
        return Vectors.dot(w.row(i), wTilde.row(j)) + b[i] + bTilde[j];
    }

    /** The mean loss per cell recorded during training. */
    public LossHistory lossHistory() {
        return history;
    }

    /** The settings this model was trained with. */
    public String settings() {
        return settings;
    }

    @Override
    public String toString() {
        return "GloveModel(" + vocabulary.size() + " words, " + settings + ", " + history + ")";
    }
}

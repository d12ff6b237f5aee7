package io.github.apricotcourse.subword;

import io.github.apricotcourse.embed.Embeddings;
import io.github.apricotcourse.embed.Neighbour;
import io.github.apricotcourse.sgns.LossHistory;
import io.github.apricotcourse.text.Vocabulary;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What fastText learns (JM §6.8.3): a vector for each vocabulary word and one for each bucket of
 * hashed character n-grams. A word's vector is the average of its own vector (if it has one)
 * and the vectors of its n-grams' buckets:
 *
 * <pre>
 *   v(w) = ( [x_w] + Σ_{g ∈ ngrams(w)} z_bucket(g) ) / (number of terms)
 * </pre>
 *
 * so a word never seen in training still gets a vector, from the pieces it shares with seen
 * words ("whereabouts" from &lt;wh, whe, her, …).
 */
public final class SubwordModel {
    private final Vocabulary vocabulary;
    private final double[][] input;   // rows 0..V−1: words; rows V..V+B−1: n-gram buckets
    private final double[][] context;
    private final int minN;
    private final int maxN;
    private final int buckets;
    private final String settings;
    private final LossHistory history;

    SubwordModel(Vocabulary vocabulary, double[][] input, double[][] context, int minN, int maxN, int buckets, String settings,
                 LossHistory history) {
        this.vocabulary = vocabulary;
        this.input = input;
        this.context = context;
        this.minN = minN;
        this.maxN = maxN;
        this.buckets = buckets;
        this.settings = settings;
        this.history = history;
    }

    /** The rows of the input matrix that make up a word: its own row if known, then one per n-gram. */
    static int[] rows(String word, Vocabulary vocabulary, int minN, int maxN, int buckets) {
        List<String> grams = CharNgrams.of(word, minN, maxN);
        int own = vocabulary.indexOrMinusOne(word);
        int[] rows = new int[grams.size() + (own >= 0 ? 1 : 0)];
        int k = 0;
        if (own >= 0) {
            rows[k++] = own;
        }
        for (String g : grams) {
            rows[k++] = vocabulary.size() + CharNgrams.bucket(g, buckets);
        }
        return rows;
    }

    /** The vector of any word, seen in training or not: the average of its rows. */
    public double[] vector(String word) {
        int[] rows = rows(word, vocabulary, minN, maxN, buckets);
        double[] v = new double[context[0].length];
        for (int r : rows) {
            for (int j = 0; j < v.length; j++) {
                v[j] += input[r][j] / rows.length;
            }
        }
        return v;
    }

    /** True when the word was in the training vocabulary (so it has a vector of its own). */
    public boolean knows(String word) {
        return vocabulary.contains(word);
    }

    /** The n-grams that make up a word's vector. */
    public List<String> ngrams(String word) {
        return CharNgrams.of(word, minN, maxN);
    }

    /** The vectors of the vocabulary words, v(w) as in {@link #vector}. */
    public Embeddings embeddings() {
        double[][] rows = new double[vocabulary.size()][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = vector(vocabulary.word(i));
        }
        return Embeddings.of(vocabulary.words(), rows);
    }

    /** The n vocabulary words nearest to any word (seen or unseen) by cosine. */
    public List<Neighbour> nearest(String word, int n) {
        return embeddings().nearest(vector(word), n, Set.of(word));
    }

    /** The training vocabulary. */
    public Vocabulary vocabulary() {
        return vocabulary;
    }

    /** The mean loss recorded during training. */
    public LossHistory lossHistory() {
        return history;
    }

    /** The settings this model was trained with. */
    public String settings() {
        return settings;
    }

    /** Words of the vocabulary that share at least one n-gram with the word (for explaining a vector). */
    public List<String> wordsSharingNgrams(String word, int max) {
        Set<String> mine = Set.copyOf(ngrams(word));
        List<String> out = new ArrayList<>();
        for (String w : vocabulary.words()) {
            if (!w.equals(word) && ngrams(w).stream().anyMatch(mine::contains)) {
                out.add(w);
                if (out.size() == max) {
                    break;
                }
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return "SubwordModel(" + vocabulary.size() + " words + " + buckets + " n-gram buckets, " + settings + ")";
    }
}

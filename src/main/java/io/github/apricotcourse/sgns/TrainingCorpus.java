package io.github.apricotcourse.sgns;

import io.github.apricotcourse.text.Corpus;
import io.github.apricotcourse.text.Subsampling;
import io.github.apricotcourse.text.Vocabulary;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What every trainer prepares from the corpus before its loop, once and in one place: the
 * vocabulary (words seen at least minCount times), the sentences as word indices, the
 * subsampling table and the noise distribution P_α. Bad settings are explained here, before
 * any training: a vocabulary of fewer than two words, or a subsampling threshold that would
 * drop nearly every word.
 *
 * @param vocabulary  the words, their counts and indices
 * @param sentences   each sentence as indices into the vocabulary (words outside it dropped)
 * @param subsampling P_keep of each word
 * @param noise       P_α, where noise words come from
 * @param longest     the length of the longest sentence (the size of a buffer for one sentence)
 */
public record TrainingCorpus(Vocabulary vocabulary, List<int[]> sentences, Subsampling subsampling,
                             NoiseDistribution noise, int longest) {
    /** Below this expected share of the corpus kept by subsampling, training is refused. */
    static final double LEAST_KEPT = 0.01;

    /** The corpus prepared for a trainer with these options. */
    public static TrainingCorpus of(Corpus corpus, NegativeSamplingOptions<?> options) {
        if (corpus == null) {
            throw new IllegalArgumentException("corpus is null: pass a Corpus, e.g. Corpus.of(\"lemon, a tablespoon of apricot jam\")");
        }
        Vocabulary vocabulary = Vocabulary.of(corpus, options.minCount());
        if (vocabulary.size() < 2) {
            throw new IllegalArgumentException("the vocabulary has only " + vocabulary.size() + " word (" + vocabulary.words()
                    + "): training needs at least two distinct words; use more text or a lower minCount");
        }
        List<int[]> sentences = new ArrayList<>();
        int longest = 1;
        for (List<String> s : corpus) {
            int[] encoded = vocabulary.encode(s);
            sentences.add(encoded);
            longest = Math.max(longest, encoded.length);
        }
        Subsampling subsampling = new Subsampling(vocabulary, options.subsample());
        double kept = subsampling.expectedKept() / vocabulary.totalCount();
        if (kept < LEAST_KEPT) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "subsample t = %s would keep only about %.2f%%"
                    + " of the corpus's %d words (%.0f per epoch): training would learn next to nothing. Raise it"
                    + " (word2vec uses 1e-3; 1e-5 for corpora of billions of words) or set subsample(0) to keep every word",
                    options.subsample(), 100 * kept, vocabulary.totalCount(), subsampling.expectedKept()));
        }
        return new TrainingCorpus(vocabulary, sentences, subsampling,
                NoiseDistribution.of(vocabulary, options.noiseExponent()), longest);
    }

    /** The corpus words of a whole run: epochs × the in-vocabulary words of one pass. */
    public long total(int epochs) {
        return (long) epochs * vocabulary.totalCount();
    }
}

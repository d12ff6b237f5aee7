package io.github.apricotcourse.text;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * word2vec's frequent-word subsampling: very frequent words ("the", "of") carry little
 * information about their neighbours, so each occurrence of word w is kept only with
 * probability
 *
 * <pre>
 *   P_keep(w) = (√(f(w) / t) + 1) · t / f(w),     f(w) = count(w) / Σ_v count(v)
 * </pre>
 *
 * where t is the {@code sample} threshold (1e−3 in word2vec; 0 turns subsampling off). This
 * is the formula of word2vec.c's code; words with f(w) ≤ t are always kept (P_keep ≥ 1).
 * The draws are seeded, so the same seed drops the same occurrences.
 */
public final class Subsampling {
    private final double[] keep;
    private final double expectedKept;

    /** Keep probabilities for every word of the vocabulary, for threshold {@code sample}. */
    public Subsampling(Vocabulary vocabulary, double sample) {
        if (!(sample >= 0) || Double.isInfinite(sample)) {
            throw new IllegalArgumentException("sample must be ≥ 0 (e.g. 1e-3, or 0 for no subsampling), got " + sample);
        }
        keep = new double[vocabulary.size()];
        double total = vocabulary.totalCount();
        double kept = 0;
        for (int i = 0; i < keep.length; i++) {
            if (sample == 0) {
                keep[i] = 1;
            } else {
                double f = vocabulary.count(i) / total;
                keep[i] = Math.min(1, (Math.sqrt(f / sample) + 1) * sample / f);
            }
            kept += vocabulary.count(i) * keep[i];
        }
        expectedKept = kept;
    }

    /** P_keep for the word at an index, in (0, 1]. */
    public double keepProbability(int word) {
        return keep[word];
    }

    /** The sentence with each occurrence kept with probability P_keep (seeded by {@code rng}). */
    public int[] apply(int[] sentence, SplittableRandom rng) {
        int[] out = new int[sentence.length];
        int n = apply(sentence, out, rng);
        return n == out.length ? out : Arrays.copyOf(out, n);
    }

    /**
     * The same draws as {@link #apply(int[], SplittableRandom)}, written into {@code kept} (at
     * least as long as the sentence) without allocating; returns how many words were kept.
     */
    public int apply(int[] sentence, int[] kept, SplittableRandom rng) {
        int n = 0;
        for (int w : sentence) {
            if (keep[w] >= 1 || rng.nextDouble() < keep[w]) {
                kept[n++] = w;
            }
        }
        return n;
    }

    /** The expected number of corpus words kept in one pass: Σ_w count(w) · P_keep(w). */
    public double expectedKept() {
        return expectedKept;
    }
}

package io.github.apricotcourse.bench;

import io.github.apricotcourse.text.Corpus;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;

/**
 * A generated corpus over a vocabulary of {@code words} words {@code w0, w1, …}, for memory
 * and throughput tests at sizes no real corpus here reaches: first every word once (so all of
 * them are in the vocabulary at min-count 1), then Zipf-distributed words, P(rank r) ∝ 1/r,
 * drawn as r = ⌊words^u⌋ − 1 for uniform u. The same seed gives the same text on every pass.
 */
final class SyntheticCorpus implements Corpus {
    private static final int SENTENCE = 1000;
    private final int words;
    private final long tokens;
    private final long seed;

    SyntheticCorpus(int words, long tokens, long seed) {
        if (words < 2 || tokens < words) {
            throw new IllegalArgumentException("a synthetic corpus needs at least 2 words and at least one token"
                    + " per word, got " + words + " words and " + tokens + " tokens");
        }
        this.words = words;
        this.tokens = tokens;
        this.seed = seed;
    }

    @Override
    public Iterator<List<String>> iterator() {
        SplittableRandom rng = new SplittableRandom(seed);
        double logWords = Math.log(words);
        return new Iterator<>() {
            private long position;

            @Override
            public boolean hasNext() {
                return position < tokens;
            }

            @Override
            public List<String> next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                int n = (int) Math.min(SENTENCE, tokens - position);
                List<String> s = new ArrayList<>(n);
                for (int i = 0; i < n; i++, position++) {
                    long r = position < words ? position : Math.min(words - 1, (long) Math.exp(rng.nextDouble() * logWords) - 1);
                    s.add("w" + r);
                }
                return s;
            }
        };
    }

    @Override
    public String toString() {
        return "synthetic corpus (" + words + " words, " + tokens + " tokens, Zipf)";
    }
}

package io.github.apricotcourse.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;

/**
 * Running text, as the trainer reads it: a sequence of sentences, each a list of tokens.
 * A corpus can be read more than once (the trainer counts words in one pass and trains in
 * later ones). Windows never cross a sentence boundary.
 *
 * <pre>
 *   Corpus.of("lemon, a tablespoon of apricot jam, a pinch", "...")  // one sentence per string
 * </pre>
 */
public interface Corpus extends Iterable<List<String>> {

    /** One sentence per string, each tokenized with {@link Tokenizer}. */
    static Corpus of(String... sentences) {
        return fromLines(Arrays.asList(sentences));
    }

    /** One sentence per line, each tokenized with {@link Tokenizer}; empty lines are skipped. */
    static Corpus fromLines(List<String> lines) {
        List<List<String>> sentences = new ArrayList<>();
        for (String line : lines) {
            List<String> tokens = Tokenizer.tokenize(line);
            if (!tokens.isEmpty()) {
                sentences.add(List.copyOf(tokens));
            }
        }
        return fromSentences(sentences);
    }

    /** Sentences that are already tokenized, used as they are. */
    static Corpus fromSentences(List<List<String>> sentences) {
        List<List<String>> copy = List.copyOf(sentences);
        return copy::iterator;
    }

    /** The number of tokens, counted by reading the corpus once. */
    default long tokenCount() {
        long n = 0;
        for (List<String> s : this) {
            n += s.size();
        }
        return n;
    }

    /** The first {@code n} sentences as a list (for a quick look in a notebook). */
    default List<List<String>> head(int n) {
        List<List<String>> out = new ArrayList<>();
        Iterator<List<String>> it = iterator();
        while (out.size() < n && it.hasNext()) {
            out.add(it.next());
        }
        return out;
    }
}

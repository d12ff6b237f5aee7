package io.github.apricotcourse.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;

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
        Objects.requireNonNull(sentences, "the sentences are null: pass one string per sentence,"
                + " e.g. Corpus.of(\"the king rules\", \"the queen rules\")");
        return fromLines(Arrays.asList(sentences));
    }

    /** One sentence per line, each tokenized with {@link Tokenizer}; empty lines are skipped. */
    static Corpus fromLines(List<String> lines) {
        Objects.requireNonNull(lines, "the list of lines is null: pass one string per sentence");
        List<List<String>> sentences = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line == null) {
                throw new IllegalArgumentException("sentence " + i + " (counting from 0) is null: pass a string for"
                        + " every sentence (\"\" for an empty one), or leave it out");
            }
            List<String> tokens = Tokenizer.tokenize(line);
            if (!tokens.isEmpty()) {
                sentences.add(List.copyOf(tokens));
            }
        }
        return fromSentences(sentences);
    }

    /** Sentences that are already tokenized, used as they are. */
    static Corpus fromSentences(List<List<String>> sentences) {
        Objects.requireNonNull(sentences, "the list of sentences is null: pass one list of tokens per sentence,"
                + " e.g. List.of(List.of(\"the\", \"king\"))");
        for (int i = 0; i < sentences.size(); i++) {
            List<String> s = sentences.get(i);
            if (s == null) {
                throw new IllegalArgumentException("sentence " + i + " (counting from 0) is null: pass a list of"
                        + " tokens for every sentence (List.of() for an empty one), or leave it out");
            }
            for (int t = 0; t < s.size(); t++) {
                if (s.get(t) == null) {
                    throw new IllegalArgumentException("token " + t + " of sentence " + i + " (counting from 0) is"
                            + " null: every token must be a word; remove it or tokenize the text with Corpus.of");
                }
            }
        }
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

package io.github.apricotcourse.sense;

import io.github.apricotcourse.embed.Embeddings;
import io.github.apricotcourse.math.Vectors;
import io.github.apricotcourse.text.Corpus;
import io.github.apricotcourse.text.SkipGramWindows;
import java.util.ArrayList;
import java.util.List;

/**
 * One vector per occurrence of a word instead of one per word: each occurrence is represented
 * by the average of the static vectors of the words around it (a poor man's version of the
 * contextual embeddings of JM chapter 11, built from this chapter's tools):
 *
 * <pre>
 *   v(t) = normalize( Σ_{j : 0 < |j − t| ≤ L, e(word_j) known} ê(word_j) )      ê = e / |e|
 * </pre>
 *
 * "the bank of the river" and "money at the bank" now get different vectors, which
 * {@link KMeans} can group into senses.
 */
public final class ContextVectors {
    /** One occurrence: its sentence, the position of the word in it, and its context vector. */
    public record Occurrence(List<String> sentence, int position, double[] vector) {
        /** The words within ±L of the occurrence, with the word itself in brackets. */
        public String window(int L) {
            List<String> words = new ArrayList<>(sentence.subList(Math.max(0, position - L), position));
            words.add("[" + sentence.get(position) + "]");
            words.addAll(sentence.subList(position + 1, Math.min(sentence.size(), position + L + 1)));
            return String.join(" ", words);
        }
    }

    private final List<Occurrence> occurrences;
    private final int window;

    private ContextVectors(List<Occurrence> occurrences, int window) {
        this.occurrences = occurrences;
        this.window = window;
    }

    /** The context vectors of up to {@code max} occurrences of the word, in corpus order. */
    public static ContextVectors of(Corpus corpus, String word, Embeddings e, int window, int max) {
        if (window < 1) {
            throw new IllegalArgumentException("the window L must be at least 1, got " + window);
        }
        List<Occurrence> out = new ArrayList<>();
        for (List<String> sentence : corpus) {
            for (int t = 0; t < sentence.size() && out.size() < max; t++) {
                if (sentence.get(t).equals(word)) {
                    double[] v = of(sentence, t, e, window);
                    if (Vectors.norm(v) > 0) {
                        out.add(new Occurrence(sentence, t, v));
                    }
                }
            }
            if (out.size() == max) {
                break;
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("'" + word + "' does not occur in the corpus with a known word"
                    + " around it: pick a word of the corpus, e.g. one of its vocabulary");
        }
        return new ContextVectors(out, window);
    }

    /** v(t): the normalized sum of the unit vectors of the known words within ±L of position t. */
    public static double[] of(List<String> sentence, int t, Embeddings e, int window) {
        double[] sum = new double[e.dimension()];
        for (String c : SkipGramWindows.contexts(sentence, t, window)) {
            if (e.contains(c)) {
                Vectors.axpy(1, Vectors.normalize(e.vector(c)), sum);
            }
        }
        return Vectors.normalize(sum);
    }

    /** The occurrences, in corpus order. */
    public List<Occurrence> occurrences() {
        return occurrences;
    }

    /** The vectors, one row per occurrence (for {@link KMeans}). */
    public double[][] vectors() {
        return occurrences.stream().map(Occurrence::vector).toArray(double[][]::new);
    }

    /** The number of occurrences. */
    public int size() {
        return occurrences.size();
    }

    /** L, the window around each occurrence. */
    public int window() {
        return window;
    }
}

package io.github.apricotcourse.count;

import io.github.apricotcourse.embed.Neighbour;
import io.github.apricotcourse.text.Corpus;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The term–document matrix weighted by tf-idf (JM §6.5): a cell counts how often term t occurs
 * in document d, and the weight keeps what is frequent in the document but rare across documents.
 *
 * <pre>
 *   tf(t, d)   = log₁₀(count(t, d) + 1)
 *   df(t)      = the number of documents that contain t
 *   idf(t)     = log₁₀(N / df(t))                      N = the number of documents
 *   w(t, d)    = tf(t, d) · idf(t)
 * </pre>
 *
 * A word in every document (<i>the</i>) has idf = log₁₀ 1 = 0 and so weight 0 everywhere. When a
 * corpus has no document divisions (text8 is one line), JM suggests cutting it into documents
 * yourself: {@link #ofBlocks} does that.
 *
 * <pre>
 *   TfIdf tfidf = TfIdf.ofBlocks(corpus, 10_000);     // documents of 10,000 tokens
 *   tfidf.weight("apricot", 3);  tfidf.top(3, 10);
 * </pre>
 */
public final class TfIdf {
    private final List<Map<String, Integer>> counts = new ArrayList<>();
    private final Map<String, Integer> df = new HashMap<>();

    private TfIdf(List<List<String>> documents) {
        if (documents.isEmpty()) {
            throw new IllegalArgumentException("there are no documents: pass at least one list of tokens");
        }
        for (List<String> document : documents) {
            Map<String, Integer> c = new HashMap<>();
            for (String t : document) {
                c.merge(t, 1, Integer::sum);
            }
            c.keySet().forEach(t -> df.merge(t, 1, Integer::sum));
            counts.add(c);
        }
    }

    /** The matrix of these documents, each a list of tokens. */
    public static TfIdf of(List<List<String>> documents) {
        if (documents == null) {
            throw new IllegalArgumentException("documents is null: pass a list of documents, each a list of tokens");
        }
        return new TfIdf(documents);
    }

    /** The corpus cut into documents of {@code tokensPerDocument} consecutive tokens (the last one may be shorter). */
    public static TfIdf ofBlocks(Corpus corpus, int tokensPerDocument) {
        if (tokensPerDocument < 1) {
            throw new IllegalArgumentException("tokensPerDocument must be at least 1, got " + tokensPerDocument);
        }
        List<List<String>> documents = new ArrayList<>();
        List<String> current = new ArrayList<>();
        for (List<String> sentence : corpus) {
            for (String t : sentence) {
                current.add(t);
                if (current.size() == tokensPerDocument) {
                    documents.add(current);
                    current = new ArrayList<>();
                }
            }
        }
        if (!current.isEmpty()) {
            documents.add(current);
        }
        return of(documents);
    }

    /** N, the number of documents. */
    public int documentCount() {
        return counts.size();
    }

    /** count(t, d): how often term t occurs in document d (0 … N − 1). */
    public int count(String t, int d) {
        if (d < 0 || d >= counts.size()) {
            throw new IndexOutOfBoundsException("document " + d + " does not exist: there are " + counts.size()
                    + " documents, numbered 0 to " + (counts.size() - 1));
        }
        return counts.get(d).getOrDefault(t, 0);
    }

    /** tf(t, d) = log₁₀(count(t, d) + 1). */
    public double tf(String t, int d) {
        return Math.log10(count(t, d) + 1);
    }

    /** df(t): in how many documents t occurs. */
    public int df(String t) {
        return df.getOrDefault(t, 0);
    }

    /** idf(t) = log₁₀(N / df(t)); 0 for a term in no document (it has weight 0 anyway). */
    public double idf(String t) {
        int n = df(t);
        return n == 0 ? 0 : Math.log10((double) counts.size() / n);
    }

    /** w(t, d) = tf(t, d) · idf(t). */
    public double weight(String t, int d) {
        return tf(t, d) * idf(t);
    }

    /** The n terms of document d with the largest tf-idf weight, largest first (ties in alphabetical order). */
    public List<Neighbour> top(int d, int n) {
        count("", d);                                   // checks d
        return counts.get(d).keySet().stream()
                .map(t -> new Neighbour(t, weight(t, d)))
                .sorted(Comparator.comparingDouble(Neighbour::similarity).reversed().thenComparing(Neighbour::word))
                .limit(Math.max(0, n))
                .toList();
    }

    @Override
    public String toString() {
        return "TfIdf(" + counts.size() + " documents, " + df.size() + " terms)";
    }
}

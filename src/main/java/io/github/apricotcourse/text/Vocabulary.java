package io.github.apricotcourse.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The words a model knows: each word's count in the corpus, and the index of its row in the
 * matrices W and C. Words seen fewer than {@code minCount} times are dropped (word2vec's
 * {@code min_count}); the rest are sorted by count, most frequent first (ties alphabetically),
 * so index 0 is the most frequent word.
 *
 * <pre>
 *   count(w)     = number of occurrences of w in the corpus
 *   frequency(w) = count(w) / Σ_v count(v)
 * </pre>
 */
public final class Vocabulary {
    private final String[] words;
    private final long[] counts;
    private final Map<String, Integer> index;
    private final long total;
    private final int minCount;

    private Vocabulary(String[] words, long[] counts, int minCount) {
        this.words = words;
        this.counts = counts;
        this.minCount = minCount;
        this.index = new HashMap<>(words.length * 2);
        long t = 0;
        for (int i = 0; i < words.length; i++) {
            index.put(words[i], i);
            t += counts[i];
        }
        this.total = t;
    }

    /** Counts the words of a corpus and keeps those seen at least {@code minCount} times. */
    public static Vocabulary of(Iterable<? extends List<String>> sentences, int minCount) {
        Map<String, long[]> counts = new HashMap<>();
        long tokens = 0;
        for (List<String> sentence : sentences) {
            for (String w : sentence) {
                counts.computeIfAbsent(w, k -> new long[1])[0]++;
                tokens++;
            }
        }
        return fromCounts(counts.entrySet().stream()
                .collect(HashMap::new, (m, e) -> m.put(e.getKey(), e.getValue()[0]), Map::putAll),
                minCount, tokens);
    }

    /** A vocabulary from word counts, keeping words with count ≥ {@code minCount}. */
    public static Vocabulary fromCounts(Map<String, Long> counts, int minCount) {
        return fromCounts(counts, minCount, counts.values().stream().mapToLong(Long::longValue).sum());
    }

    private static Vocabulary fromCounts(Map<String, Long> counts, int minCount, long tokens) {
        if (minCount < 1) {
            throw new IllegalArgumentException("minCount must be at least 1, got " + minCount);
        }
        if (tokens == 0) {
            throw new IllegalArgumentException("the corpus is empty: it has no tokens (only letters a–z"
                    + " and digits make tokens). Pass sentences of text, e.g. Corpus.of(\"lemon, a tablespoon"
                    + " of apricot jam\")");
        }
        List<Map.Entry<String, Long>> kept = new ArrayList<>();
        for (Map.Entry<String, Long> e : counts.entrySet()) {
            if (e.getValue() >= minCount) {
                kept.add(e);
            }
        }
        if (kept.isEmpty()) {
            long max = counts.values().stream().mapToLong(Long::longValue).max().orElse(0);
            throw new IllegalArgumentException("no word occurs at least minCount = " + minCount + " times in "
                    + tokens + " tokens (the most frequent occurs " + max + " times): lower minCount"
                    + " to at most " + max + " or use a larger corpus");
        }
        kept.sort(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                .thenComparing(Map.Entry.comparingByKey()));
        String[] words = new String[kept.size()];
        long[] c = new long[kept.size()];
        for (int i = 0; i < words.length; i++) {
            words[i] = kept.get(i).getKey();
            c[i] = kept.get(i).getValue();
        }
        return new Vocabulary(words, c, minCount);
    }

    /** The number of distinct words kept. */
    public int size() {
        return words.length;
    }

    /** The word at an index. */
    public String word(int index) {
        if (index < 0 || index >= words.length) {
            throw new IndexOutOfBoundsException("word index " + index + " is outside the vocabulary of "
                    + words.length + " words (valid: 0 to " + (words.length - 1) + ")");
        }
        return words[index];
    }

    /** The index of a word; throws {@link UnknownWordException} (with near spellings) if absent. */
    public int index(String word) {
        Integer i = word == null ? null : index.get(word);
        if (i == null) {
            throw new UnknownWordException(word, Arrays.asList(words), words.length,
                    "the vocabulary (min-count " + minCount + ")");
        }
        return i;
    }

    /** The index of a word, or −1 if it is not in the vocabulary. */
    public int indexOrMinusOne(String word) {
        Integer i = index.get(word);
        return i == null ? -1 : i;
    }

    /** True when the word is in the vocabulary. */
    public boolean contains(String word) {
        return index.containsKey(word);
    }

    /** count(w) for the word at an index. */
    public long count(int index) {
        word(index);
        return counts[index];
    }

    /** count(w) for a word. */
    public long count(String word) {
        return counts[index(word)];
    }

    /** All counts, by index (a copy). */
    public long[] counts() {
        return counts.clone();
    }

    /** Σ_v count(v) over the kept words. */
    public long totalCount() {
        return total;
    }

    /** The min-count this vocabulary was built with. */
    public int minCount() {
        return minCount;
    }

    /** A vocabulary of the n most frequent words only (all of them if there are fewer), with their counts. */
    public Vocabulary mostFrequent(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("n must be at least 1, got " + n);
        }
        Map<String, Long> top = new HashMap<>();
        for (int i = 0; i < Math.min(n, words.length); i++) {
            top.put(words[i], counts[i]);
        }
        return fromCounts(top, minCount);
    }

    /** The words, most frequent first (an unmodifiable view). */
    public List<String> words() {
        return List.of(words);
    }

    /** The indices of a sentence's words; words not in the vocabulary are dropped. */
    public int[] encode(List<String> sentence) {
        int[] out = new int[sentence.size()];
        int n = 0;
        for (String w : sentence) {
            Integer i = index.get(w);
            if (i != null) {
                out[n++] = i;
            }
        }
        return n == out.length ? out : Arrays.copyOf(out, n);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Vocabulary(" + words.length + " words, " + total + " tokens: ");
        for (int i = 0; i < Math.min(8, words.length); i++) {
            sb.append(i == 0 ? "" : ", ").append(words[i]).append('=').append(counts[i]);
        }
        return sb.append(words.length > 8 ? ", …)" : ")").toString();
    }
}

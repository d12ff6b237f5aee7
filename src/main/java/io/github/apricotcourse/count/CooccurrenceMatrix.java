package io.github.apricotcourse.count;

import io.github.apricotcourse.embed.Embeddings;
import io.github.apricotcourse.embed.Neighbour;
import io.github.apricotcourse.math.Vectors;
import io.github.apricotcourse.text.Corpus;
import io.github.apricotcourse.text.SkipGramWindows;
import io.github.apricotcourse.text.Vocabulary;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The word–context matrix (JM §6.3.3): one row per target word w, one column per context word
 * c, and in each cell how often c occurs within ±L words of w in the running text:
 *
 * <pre>
 *   count(w, c) = #{ positions t, j : word_t = w, word_j = c, 0 < |t − j| ≤ L, same sentence }
 * </pre>
 *
 * Rows and columns are the words of one vocabulary (words outside it are skipped but still take
 * up their position, so windows are measured in the running text). GloVe counts the same pairs
 * weighted by how far apart they are ({@link #countByDistance}): a pair δ words apart adds 1/δ. Most cells are zero, so only
 * the non-zero ones are stored. The same class holds weighted matrices, e.g. {@link Ppmi}'s: the
 * rows are then sparse vectors, compared by cosine (JM §6.4).
 *
 * <pre>
 *   CooccurrenceMatrix counts = CooccurrenceMatrix.count(corpus, vocabulary, 2);
 *   CooccurrenceMatrix glove = CooccurrenceMatrix.countByDistance(corpus, vocabulary, 5);
 *   counts.topContexts("apricot", 5)           // first-order: what occurs next to apricot
 *   counts.nearest("apricot", 5)               // second-order: whose rows look like apricot's
 * </pre>
 */
public final class CooccurrenceMatrix {
    private final Vocabulary vocabulary;
    private final int window;
    private final boolean byDistance; // each pair δ words apart counted 1/δ instead of 1
    private final int[][] columns;   // per row: the context indices with a non-zero value, ascending
    private final double[][] values; // per row: the values, in the same order
    private double[] norms;          // |row|, computed on first use

    CooccurrenceMatrix(Vocabulary vocabulary, int window, boolean byDistance, int[][] columns, double[][] values) {
        this.vocabulary = vocabulary;
        this.window = window;
        this.byDistance = byDistance;
        this.columns = columns;
        this.values = values;
    }

    /** Counts every (w, c) pair within ±window words, for the words of the vocabulary. */
    public static CooccurrenceMatrix count(Corpus corpus, Vocabulary vocabulary, int window) {
        return count(corpus, vocabulary, window, false);
    }

    /**
     * GloVe's counts (Pennington et al. 2014, §4.2): every (w, c) pair within ±window words, but a
     * pair δ words apart adds 1/δ instead of 1, so that near neighbours weigh more than far ones:
     *
     * <pre>
     *   X(w, c) = Σ over the same pairs as count(w, c) of 1 / |t − j|
     * </pre>
     *
     * (word2vec's random window shrinking weighs a pair δ apart (L − δ + 1) / L on average, to the
     * same end.)
     */
    public static CooccurrenceMatrix countByDistance(Corpus corpus, Vocabulary vocabulary, int window) {
        return count(corpus, vocabulary, window, true);
    }

    private static CooccurrenceMatrix count(Corpus corpus, Vocabulary vocabulary, int window, boolean byDistance) {
        Objects.requireNonNull(corpus, "the corpus is null: pass running text, e.g. Corpus.of(\"the king rules\")");
        Objects.requireNonNull(vocabulary, "the vocabulary is null: pass the words of the rows and columns,"
                + " e.g. Vocabulary.of(corpus, 1)");
        if (window < 1) {
            throw new IllegalArgumentException("the window L must be at least 1 (words on each side), got " + window);
        }
        RowCounter[] rows = new RowCounter[vocabulary.size()];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = new RowCounter(Math.min(FREQUENT_CONTEXTS, vocabulary.size()));
        }
        int sentenceNo = 0;
        int[] around = new int[2 * window];
        for (List<String> sentence : corpus) {
            if (sentence == null) {
                throw new IllegalArgumentException("sentence " + sentenceNo + " (counting from 0) of the corpus is null:"
                        + " a corpus yields one list of tokens per sentence; build it with Corpus.of or Corpus.fromSentences");
            }
            sentenceNo++;
            int[] ids = new int[sentence.size()];
            for (int t = 0; t < ids.length; t++) {
                ids[t] = vocabulary.indexOrMinusOne(sentence.get(t));   // −1: outside the vocabulary
            }
            for (int t = 0; t < ids.length; t++) {
                if (ids[t] < 0) {
                    continue;
                }
                int m = SkipGramWindows.contexts(ids, ids.length, t, window, around);
                for (int i = 0; i < m; i++) {
                    if (around[i] >= 0) {                              // count(w, c) += 1, or 1/δ
                        rows[ids[t]].add(around[i], byDistance ? 1.0 / SkipGramWindows.distance(t, window, i) : 1);
                    }
                }
            }
        }
        int[][] cols = new int[rows.length][];
        double[][] vals = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            cols[i] = rows[i].sortedKeys();
            vals[i] = new double[cols[i].length];
            for (int k = 0; k < cols[i].length; k++) {
                vals[i][k] = rows[i].get(cols[i][k]);
            }
            rows[i] = null;                                             // free the counter as its row is done
        }
        return new CooccurrenceMatrix(vocabulary, window, byDistance, cols, vals);
    }

    /** A matrix with the same rows and columns and new values for the same non-zero cells. */
    CooccurrenceMatrix withValues(double[][] newValues) {
        return new CooccurrenceMatrix(vocabulary, window, byDistance, columns, newValues);
    }

    /** The words of the rows and columns. */
    public Vocabulary vocabulary() {
        return vocabulary;
    }

    /** L, the window the counts were taken with. */
    public int window() {
        return window;
    }

    /** Whether each pair δ words apart was counted 1/δ ({@link #countByDistance}) instead of 1. */
    public boolean byDistance() {
        return byDistance;
    }

    /** The number of rows (= columns). */
    public int size() {
        return vocabulary.size();
    }

    /** The value of cell (w, c): a count, or a weight such as PPMI. */
    public double get(String w, String c) {
        return get(vocabulary.index(w), vocabulary.index(c));
    }

    /** The value of cell (row w, column c). */
    public double get(int w, int c) {
        int k = Arrays.binarySearch(columns[w], c);
        return k >= 0 ? values[w][k] : 0;
    }

    /** The row of a word as a dense vector of {@link #size()} numbers. */
    public double[] row(String w) {
        int i = vocabulary.index(w);
        double[] v = new double[size()];
        for (int k = 0; k < columns[i].length; k++) {
            v[columns[i][k]] = values[i][k];
        }
        return v;
    }

    /** The columns of row w's non-zero cells, ascending (the matrix's own array: do not change it). */
    int[] columnsOfRow(int w) {
        return columns[w];
    }

    /** The values of row w's non-zero cells, in the order of {@link #columnsOfRow} (the matrix's own array). */
    double[] valuesOfRow(int w) {
        return values[w];
    }

    /**
     * P(k | w), how likely context k is in a window around w: the cell over its row's sum,
     * <pre>
     *   P(k | w) = X_wk / Σ_c X_wc
     * </pre>
     * The ratio P(k | a) / P(k | b) is where GloVe starts (Pennington et al. 2014, §3): large when k
     * goes with a only, small when it goes with b only, near 1 when it goes with both or neither.
     */
    public double probability(String k, String w) {
        int row = vocabulary.index(w);
        int column = vocabulary.index(k);
        double sum = rowSum(row);
        if (sum == 0) {
            throw new IllegalArgumentException("the row of \"" + w + "\" is empty, so P(k | " + w + ") is undefined:"
                    + " the word has no context within ±" + window + " words; pick a word that occurs beside others");
        }
        return get(row, column) / sum;
    }

    /** Σ_c value(w, c) for the row at index w. */
    public double rowSum(int w) {
        return Arrays.stream(values[w]).sum();
    }

    /** Σ_w Σ_c value(w, c). */
    public double total() {
        double s = 0;
        for (int w = 0; w < size(); w++) {
            s += rowSum(w);
        }
        return s;
    }

    /** The number of non-zero cells. */
    public long nonZeros() {
        return Arrays.stream(columns).mapToLong(c -> c.length).sum();
    }

    /** Calls {@code cell} for every non-zero cell, row by row. */
    public void forEachNonZero(Cell cell) {
        for (int w = 0; w < size(); w++) {
            for (int k = 0; k < columns[w].length; k++) {
                cell.accept(w, columns[w][k], values[w][k]);
            }
        }
    }

    /** Receives one non-zero cell. */
    @FunctionalInterface
    public interface Cell {
        void accept(int w, int c, double value);
    }

    /** cos(row a, row b) = a · b / (|a| |b|), over the sparse rows. */
    public double cosine(String a, String b) {
        return cosine(vocabulary.index(a), vocabulary.index(b));
    }

    private double cosine(int a, int b) {
        double dot = 0;
        int i = 0;
        int j = 0;
        int[] ca = columns[a];
        int[] cb = columns[b];
        while (i < ca.length && j < cb.length) {        // walk both sorted rows, multiply shared columns
            if (ca[i] == cb[j]) {
                dot += values[a][i++] * values[b][j++];
            } else if (ca[i] < cb[j]) {
                i++;
            } else {
                j++;
            }
        }
        double n = norm(a) * norm(b);
        return n == 0 ? 0 : dot / n;
    }

    private double norm(int w) {
        if (norms == null) {
            double[] n = new double[size()];
            for (int i = 0; i < n.length; i++) {
                n[i] = Vectors.norm(values[i]);
            }
            norms = n;
        }
        return norms[w];
    }

    /** Second-order similarity: the n words whose rows have the largest cosine with the word's row. */
    public List<Neighbour> nearest(String word, int n) {
        int w = vocabulary.index(word);
        double[] scores = new double[size()];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = i == w ? Double.NEGATIVE_INFINITY : cosine(w, i);
        }
        return best(scores, n, false);
    }

    /** {@link #nearest} as a table: rank, word, cosine. */
    public Table nearestTable(String word, int n) {
        return table("Rows nearest to " + word + " (L = " + window + ")", nearest(word, n), "cosine");
    }

    /** First-order association: the n context words with the largest values in the word's row. */
    public List<Neighbour> topContexts(String word, int n) {
        int w = vocabulary.index(word);
        double[] scores = new double[size()];
        Arrays.fill(scores, Double.NEGATIVE_INFINITY);
        for (int k = 0; k < columns[w].length; k++) {
            scores[columns[w][k]] = values[w][k];
        }
        return best(scores, n, true);
    }

    /** {@link #topContexts} as a table: rank, word, value. */
    public Table topContextsTable(String word, int n) {
        return table("Largest cells in the row of " + word + " (L = " + window + ")", topContexts(word, n), "value");
    }

    /** The rows as dense embeddings (size × size numbers: for small vocabularies). */
    public Embeddings toEmbeddings() {
        double[][] rows = new double[size()][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = row(vocabulary.word(i));
        }
        return Embeddings.of(vocabulary.words(), rows);
    }

    private List<Neighbour> best(double[] scores, int n, boolean positiveOnly) {
        if (n < 1) {
            throw new IllegalArgumentException("n must be at least 1, got " + n);
        }
        Integer[] order = new Integer[scores.length];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, (a, b) -> Double.compare(scores[b], scores[a]));
        List<Neighbour> out = new ArrayList<>();
        for (int k = 0; k < Math.min(n, order.length); k++) {
            double s = scores[order[k]];
            if (s == Double.NEGATIVE_INFINITY || (positiveOnly && s <= 0)) {
                break;
            }
            out.add(new Neighbour(vocabulary.word(order[k]), s));
        }
        return out;
    }

    private static Table table(String title, List<Neighbour> ns, String valueName) {
        IntColumn rank = IntColumn.create("rank");
        StringColumn word = StringColumn.create("word");
        DoubleColumn value = DoubleColumn.create(valueName);
        for (int i = 0; i < ns.size(); i++) {
            rank.append(i + 1);
            word.append(ns.get(i).word());
            value.append(ns.get(i).similarity());
        }
        return Table.create(title, rank, word, value);
    }

    /**
     * The number of context words, the most frequent ones (vocabulary indices 0, 1, …), whose
     * counts every row keeps in a plain array while counting: by Zipf's law they take most of the
     * increments, and an array index is much cheaper than a hash lookup. Rows × this many doubles
     * (40 MB for 5,000 rows).
     */
    private static final int FREQUENT_CONTEXTS = 1024;

    /**
     * The counts of one row while counting: contexts below {@code head} (the frequent words) in an
     * array, the rest in an open-addressing hash table with linear probing ({@code slots[i]} =
     * context index + 1, 0 for an empty slot; {@code counts[i]} = its count). The table's size is
     * a power of two, so a slot is found with a mask, not a division. Counts are doubles, since
     * {@link #countByDistance} adds fractions (whole counts stay exact up to 2⁵³).
     */
    private static final class RowCounter {
        private final double[] head;
        private int[] slots = new int[8];
        private double[] counts = new double[8];
        private int size;

        RowCounter(int headSize) {
            head = new double[headSize];
        }

        void add(int c, double amount) {
            if (c < head.length) {
                head[c] += amount;
                return;
            }
            if (2 * (size + 1) > slots.length) {           // keep at most half of the slots full
                grow();
            }
            int i = find(slots, c);
            if (slots[i] == 0) {
                slots[i] = c + 1;
                size++;
            }
            counts[i] += amount;
        }

        double get(int c) {
            if (c < head.length) {
                return head[c];
            }
            int i = find(slots, c);
            return slots[i] == 0 ? 0 : counts[i];
        }

        /** The contexts with a non-zero count, ascending. */
        int[] sortedKeys() {
            int frequent = 0;
            for (double n : head) {
                frequent += n != 0 ? 1 : 0;
            }
            int[] keys = new int[frequent + size];
            int n = 0;
            for (int c = 0; c < head.length; c++) {
                if (head[c] != 0) {
                    keys[n++] = c;
                }
            }
            for (int slot : slots) {
                if (slot != 0) {
                    keys[n++] = slot - 1;
                }
            }
            Arrays.sort(keys, frequent, keys.length);      // the head is in order already; every key after it is larger
            return keys;
        }

        /** The index of c's slot, or of the empty slot where it would go. */
        private static int find(int[] slots, int c) {
            int mask = slots.length - 1;
            int slot = (c * 0x9E3779B1 >>> 7) & mask;
            while (slots[slot] != 0 && slots[slot] != c + 1) {
                slot = (slot + 1) & mask;
            }
            return slot;
        }

        private void grow() {
            int[] oldSlots = slots;
            double[] oldCounts = counts;
            slots = new int[2 * oldSlots.length];
            counts = new double[2 * oldSlots.length];
            for (int i = 0; i < oldSlots.length; i++) {
                if (oldSlots[i] != 0) {
                    int j = find(slots, oldSlots[i] - 1);
                    slots[j] = oldSlots[i];
                    counts[j] = oldCounts[i];
                }
            }
        }
    }

    @Override
    public String toString() {
        return "CooccurrenceMatrix(" + size() + " × " + size() + " words, L = " + window + (byDistance ? ", pairs δ apart counted 1/δ" : "")
                + ", " + nonZeros() + " non-zero cells)";
    }
}

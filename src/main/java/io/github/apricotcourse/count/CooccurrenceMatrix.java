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
import org.ejml.data.DMatrixSparseCSC;
import org.ejml.data.DMatrixSparseTriplet;
import org.ejml.ops.DConvertMatrixStruct;
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
 * up their position, so windows are measured in the running text). Most cells are zero, so only
 * the non-zero ones are stored. The same class holds weighted matrices, e.g. {@link Ppmi}'s: the
 * rows are then sparse vectors, compared by cosine (JM §6.4).
 *
 * <pre>
 *   CooccurrenceMatrix counts = CooccurrenceMatrix.count(corpus, vocabulary, 2);
 *   counts.topContexts("apricot", 5)           // first-order: what occurs next to apricot
 *   counts.nearest("apricot", 5)               // second-order: whose rows look like apricot's
 * </pre>
 */
public final class CooccurrenceMatrix {
    private final Vocabulary vocabulary;
    private final int window;
    private final int[][] columns;   // per row: the context indices with a non-zero value, ascending
    private final double[][] values; // per row: the values, in the same order
    private double[] norms;          // |row|, computed on first use

    CooccurrenceMatrix(Vocabulary vocabulary, int window, int[][] columns, double[][] values) {
        this.vocabulary = vocabulary;
        this.window = window;
        this.columns = columns;
        this.values = values;
    }

    /** Counts every (w, c) pair within ±window words, for the words of the vocabulary. */
    public static CooccurrenceMatrix count(Corpus corpus, Vocabulary vocabulary, int window) {
        Objects.requireNonNull(corpus, "the corpus is null: pass running text, e.g. Corpus.of(\"the king rules\")");
        Objects.requireNonNull(vocabulary, "the vocabulary is null: pass the words of the rows and columns,"
                + " e.g. Vocabulary.of(corpus, 1)");
        if (window < 1) {
            throw new IllegalArgumentException("the window L must be at least 1 (words on each side), got " + window);
        }
        RowCounter[] rows = new RowCounter[vocabulary.size()];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = new RowCounter();
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
                    if (around[i] >= 0) {
                        rows[ids[t]].increment(around[i]);             // count(w, c) += 1
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
        }
        return new CooccurrenceMatrix(vocabulary, window, cols, vals);
    }

    /** A matrix with the same rows and columns and new values for the same non-zero cells. */
    CooccurrenceMatrix withValues(double[][] newValues) {
        return new CooccurrenceMatrix(vocabulary, window, columns, newValues);
    }

    /** The words of the rows and columns. */
    public Vocabulary vocabulary() {
        return vocabulary;
    }

    /** L, the window the counts were taken with. */
    public int window() {
        return window;
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

    /** The matrix in EJML's compressed sparse column form (rows and columns in vocabulary order). */
    public DMatrixSparseCSC toSparse() {
        DMatrixSparseTriplet t = new DMatrixSparseTriplet(size(), size(), (int) Math.min(Integer.MAX_VALUE, nonZeros()));
        forEachNonZero((w, c, v) -> t.addItem(w, c, v));
        return DConvertMatrixStruct.convert(t, (DMatrixSparseCSC) null);
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

    /** The counts of one row while counting: an open-addressing hash table from context index to count. */
    private static final class RowCounter {
        private int[] keys = new int[8];     // context index + 1; 0 marks an empty slot
        private int[] counts = new int[8];
        private int size;

        void increment(int c) {
            if (2 * (size + 1) > keys.length) {
                grow();
            }
            int slot = find(keys, c);
            if (keys[slot] == 0) {
                keys[slot] = c + 1;
                size++;
            }
            counts[slot]++;
        }

        int get(int c) {
            int slot = find(keys, c);
            return keys[slot] == 0 ? 0 : counts[slot];
        }

        int[] sortedKeys() {
            return Arrays.stream(keys).filter(k -> k != 0).map(k -> k - 1).sorted().toArray();
        }

        /** The slot of c, or the empty slot where it would go (linear probing). */
        private static int find(int[] keys, int c) {
            int slot = (c * 0x9E3779B1 >>> 1) % keys.length;
            while (keys[slot] != 0 && keys[slot] != c + 1) {
                slot = (slot + 1) % keys.length;
            }
            return slot;
        }

        private void grow() {
            int[] oldKeys = keys;
            int[] oldCounts = counts;
            keys = new int[oldKeys.length * 2];
            counts = new int[oldKeys.length * 2];
            for (int i = 0; i < oldKeys.length; i++) {
                if (oldKeys[i] != 0) {
                    int slot = find(keys, oldKeys[i] - 1);
                    keys[slot] = oldKeys[i];
                    counts[slot] = oldCounts[i];
                }
            }
        }
    }

    @Override
    public String toString() {
        return "CooccurrenceMatrix(" + size() + " × " + size() + " words, L = " + window + ", " + nonZeros() + " non-zero cells)";
    }
}

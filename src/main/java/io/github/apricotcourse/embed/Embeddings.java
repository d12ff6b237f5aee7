package io.github.apricotcourse.embed;

import io.github.apricotcourse.math.Vectors;
import io.github.apricotcourse.text.UnknownWordException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.Set;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Word vectors: one row of d numbers per word, and the questions the chapter asks of them
 * (JM §6.4, §6.10): how similar are two words, and which words are nearest to a word?
 *
 * <pre>
 *   cos(v, w) = v · w / (|v| |w|)                 in [−1, 1]
 *   nearest(w, n) = the n words x ≠ w with the largest cos(x, w)
 * </pre>
 *
 * Vectors are stored as floats in one flat array, row by row, as word2vec stores them.
 */
public final class Embeddings {
    private final List<String> words;
    private final Map<String, Integer> index;
    private final float[] vectors;
    private final int dimension;
    private float[] unit;   // rows scaled to length 1, computed on first use

    private Embeddings(List<String> words, float[] vectors, int dimension) {
        Objects.requireNonNull(words, "the list of words is null: pass one word per vector, e.g. List.of(\"king\", \"queen\")");
        Objects.requireNonNull(vectors, "the array of vectors is null: pass words.size() × dimension numbers");
        if (dimension < 1) {
            throw new IllegalArgumentException("dimension must be at least 1, got " + dimension);
        }
        if ((long) words.size() * dimension != vectors.length) {
            throw new IllegalArgumentException("dimension mismatch: " + words.size() + " words × " + dimension
                    + " dimensions needs " + (long) words.size() * dimension + " numbers, got " + vectors.length);
        }
        for (int i = 0; i < words.size(); i++) {
            if (words.get(i) == null) {
                throw new IllegalArgumentException("the word of row " + i + " is null: every vector needs a word");
            }
        }
        this.words = List.copyOf(words);
        this.vectors = vectors;
        this.dimension = dimension;
        this.index = new HashMap<>(words.size() * 2);
        for (int i = 0; i < this.words.size(); i++) {
            Integer earlier = index.put(this.words.get(i), i);
            if (earlier != null) {
                throw new IllegalArgumentException("the word '" + this.words.get(i) + "' appears twice (rows "
                        + earlier + " and " + i + ", counting from 0): each word needs exactly one vector");
            }
        }
    }

    /** Embeddings from words and a flat row-major array of words.size() × dimension floats (not copied). */
    public static Embeddings of(List<String> words, float[] flat, int dimension) {
        return new Embeddings(words, flat, dimension);
    }

    /** Embeddings from words and one row of doubles per word. */
    public static Embeddings of(List<String> words, double[][] rows) {
        Objects.requireNonNull(words, "the list of words is null: pass one word per vector, e.g. List.of(\"king\", \"queen\")");
        Objects.requireNonNull(rows, "the array of vectors is null: pass one row of numbers per word");
        if (rows.length != words.size()) {
            throw new IllegalArgumentException("dimension mismatch: " + words.size() + " words but " + rows.length + " rows");
        }
        if (rows.length == 0) {
            throw new IllegalArgumentException("no words: embeddings need at least one word and its vector");
        }
        for (int i = 0; i < rows.length; i++) {
            if (rows[i] == null) {
                throw new IllegalArgumentException("the vector of '" + words.get(i) + "' (row " + i
                        + ") is null: every word needs a vector of numbers");
            }
        }
        int d = rows[0].length;
        float[] flat = new float[rows.length * d];
        for (int i = 0; i < rows.length; i++) {
            if (rows[i].length != d) {
                throw new IllegalArgumentException("dimension mismatch: the vector of '" + words.get(i) + "' has "
                        + rows[i].length + " entries but the first has " + d);
            }
            for (int j = 0; j < d; j++) {
                flat[i * d + j] = (float) rows[i][j];
            }
        }
        return new Embeddings(words, flat, d);
    }

    /** Embeddings from a map of word → vector, in the map's iteration order. */
    public static Embeddings of(Map<String, double[]> vectors) {
        Objects.requireNonNull(vectors, "the map of words to vectors is null: pass e.g. Map.of(\"king\", new double[] {1, 0})");
        return of(List.copyOf(vectors.keySet()), vectors.values().toArray(new double[0][]));
    }

    /** Reads embeddings from a file in the given format. */
    public static Embeddings load(Path file, VectorFormat format) throws IOException {
        return format.read(file);
    }

    /** Writes these embeddings to a new file in the given format (never overwrites an existing file). */
    public void save(Path file, VectorFormat format) throws IOException {
        format.write(this, file);
    }

    /** The number of words. */
    public int size() {
        return words.size();
    }

    /** d, the length of each vector. */
    public int dimension() {
        return dimension;
    }

    /** The words, in row order. */
    public List<String> words() {
        return words;
    }

    /** True when the word has a vector. */
    public boolean contains(String word) {
        return index.containsKey(word);
    }

    /** The row of a word; throws {@link UnknownWordException} with near spellings if it has none. */
    public int index(String word) {
        Integer i = word == null ? null : index.get(word);
        if (i == null) {
            throw new UnknownWordException(word, words, words.size(), "these embeddings");
        }
        return i;
    }

    /** The vector of a word, as a new array of doubles. */
    public double[] vector(String word) {
        return row(index(word));
    }

    /** The vector at a row, as a new array of doubles. */
    public double[] row(int i) {
        double[] v = new double[dimension];
        for (int j = 0; j < dimension; j++) {
            v[j] = vectors[i * dimension + j];
        }
        return v;
    }

    /** The underlying flat float array, row-major (shared, not copied: for fast code). */
    public float[] flat() {
        return vectors;
    }

    /** cos(a, b) of two words. */
    public double cosine(String a, String b) {
        return Vectors.cosine(vector(a), vector(b));
    }

    /** The n words nearest to a word by cosine, excluding the word itself. */
    public List<Neighbour> nearest(String word, int n) {
        return nearest(vector(word), n, Set.of(word));
    }

    /** The n words nearest to a vector by cosine, skipping the words in {@code exclude}. */
    public List<Neighbour> nearest(double[] v, int n, Set<String> exclude) {
        Objects.requireNonNull(v, "the query vector is null: pass a vector of numbers, e.g. e.vector(\"king\")");
        Objects.requireNonNull(exclude, "the set of words to exclude is null: pass Set.of() to exclude none");
        for (int j = 0; j < v.length; j++) {
            if (!Double.isFinite(v[j])) {
                throw new IllegalArgumentException("the query vector holds " + v[j] + " at entry " + j
                        + ": cosines with it would all be NaN. Vectors must hold finite numbers; look for a division"
                        + " by zero or an overflow where the vector was computed");
            }
        }
        if (v.length != dimension) {
            throw new IllegalArgumentException("dimension mismatch: the query vector has " + v.length
                    + " entries but these embeddings have " + dimension);
        }
        double[] q = Vectors.normalize(v);
        double[] scores = new double[size()];
        float[] u = unit();
        for (int i = 0; i < scores.length; i++) {
            double s = 0;
            for (int j = 0; j < dimension; j++) {
                s += u[i * dimension + j] * q[j];
            }
            scores[i] = s;
        }
        return top(scores, n, exclude);
    }

    /** The n best-scoring words, skipping excluded ones, best first. */
    List<Neighbour> top(double[] scores, int n, Set<String> exclude) {
        if (n < 1) {
            throw new IllegalArgumentException("n must be at least 1, got " + n);
        }
        PriorityQueue<Integer> best = new PriorityQueue<>((a, b) -> Double.compare(scores[a], scores[b]));
        for (int i = 0; i < scores.length; i++) {
            if (exclude.contains(words.get(i))) {
                continue;
            }
            if (best.size() < n) {
                best.add(i);
            } else if (scores[i] > scores[best.peek()]) {
                best.poll();
                best.add(i);
            }
        }
        Neighbour[] out = new Neighbour[best.size()];
        for (int k = out.length - 1; k >= 0; k--) {
            int i = best.poll();
            out[k] = new Neighbour(words.get(i), scores[i]);
        }
        return List.of(out);
    }

    /** The nearest neighbours of a word as a table: rank, word, cosine. */
    public Table nearestTable(String word, int n) {
        List<Neighbour> ns = nearest(word, n);
        IntColumn rank = IntColumn.create("rank");
        StringColumn w = StringColumn.create("word");
        DoubleColumn cos = DoubleColumn.create("cosine");
        for (int i = 0; i < ns.size(); i++) {
            rank.append(i + 1);
            w.append(ns.get(i).word());
            cos.append(ns.get(i).similarity());
        }
        return Table.create("Nearest to " + word, rank, w, cos);
    }

    /** a : b :: c : ?, by the parallelogram method (3CosAdd), input words excluded: the best answer. */
    public Neighbour analogy(String a, String b, String c) {
        return Analogy.of(a, b, c).solve(this).get(0);
    }

    /** Rows scaled to unit length (zero rows stay zero), computed once. */
    public float[] unit() {
        if (unit == null) {
            float[] u = new float[vectors.length];
            for (int i = 0; i < size(); i++) {
                double norm = 0;
                for (int j = 0; j < dimension; j++) {
                    norm += (double) vectors[i * dimension + j] * vectors[i * dimension + j];
                }
                double s = norm == 0 ? 0 : 1 / Math.sqrt(norm);
                for (int j = 0; j < dimension; j++) {
                    u[i * dimension + j] = (float) (vectors[i * dimension + j] * s);
                }
            }
            unit = u;
        }
        return unit;
    }

    /** Element-wise sum with embeddings of the same words (e.g. W + C). */
    public Embeddings plus(Embeddings other) {
        Objects.requireNonNull(other, "the embeddings to add are null: pass embeddings of the same words, e.g. model.embeddings(Vectors.C)");
        if (!words.equals(other.words) || dimension != other.dimension) {
            throw new IllegalArgumentException("can only add embeddings of the same words and dimension: got "
                    + size() + " × " + dimension + " and " + other.size() + " × " + other.dimension);
        }
        float[] sum = vectors.clone();
        for (int i = 0; i < sum.length; i++) {
            sum[i] += other.vectors[i];
        }
        return new Embeddings(words, sum, dimension);
    }

    /** The first n words (the most frequent ones, for files sorted by frequency) and their vectors. */
    public Embeddings restrictTo(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("n must be at least 1, got " + n);
        }
        if (n >= size()) {
            return this;
        }
        return new Embeddings(words.subList(0, n), Arrays.copyOf(vectors, n * dimension), dimension);
    }

    @Override
    public String toString() {
        return "Embeddings(" + size() + " words × " + dimension + " dimensions: "
                + String.join(", ", words.subList(0, Math.min(6, size()))) + (size() > 6 ? ", …)" : ")");
    }
}

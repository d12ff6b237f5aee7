package io.github.apricotcourse.context;

import io.github.apricotcourse.math.Vectors;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One sentence as the contextual model sees it: its words, its word pieces with the model's
 * vector for each piece (the rows of {@code last_hidden_state}), and one vector per word, the mean
 * of its pieces' vectors:
 *
 * <pre>
 *   v(word i) = (1 / |P(i)|) Σ_{p : wordOfPiece[p] = i} h_p          ([CLS] and [SEP] belong to no word)
 * </pre>
 *
 * Made by {@link ContextualEncoder#encode(String)}.
 */
public final class ContextualSentence {
    private final List<String> words;
    private final List<String> pieces;
    private final int[] wordOfPiece;
    private final double[][] pieceVectors;
    private final double[][] wordVectors;

    ContextualSentence(List<String> words, List<String> pieces, int[] wordOfPiece, double[][] pieceVectors) {
        this.words = List.copyOf(words);
        this.pieces = List.copyOf(pieces);
        this.wordOfPiece = wordOfPiece.clone();
        this.pieceVectors = pieceVectors;
        this.wordVectors = new double[words.size()][];
        for (int i = 0; i < words.size(); i++) {
            wordVectors[i] = meanOfPieces(pieceVectors, wordOfPiece, i);
        }
    }

    /**
     * The word vector pooled from piece vectors: the mean of the rows {@code p} with
     * {@code wordOfPiece[p] == word}.
     */
    public static double[] meanOfPieces(double[][] pieceVectors, int[] wordOfPiece, int word) {
        if (pieceVectors.length != wordOfPiece.length) {
            throw new IllegalArgumentException("there are " + pieceVectors.length + " piece vectors but " + wordOfPiece.length
                    + " entries in wordOfPiece: give one word index per piece (−1 for [CLS] and [SEP])");
        }
        double[] sum = new double[pieceVectors[0].length];
        int n = 0;
        for (int p = 0; p < pieceVectors.length; p++) {
            if (wordOfPiece[p] == word) {
                Vectors.axpy(1, pieceVectors[p], sum);
                n++;
            }
        }
        if (n == 0) {
            throw new IllegalArgumentException("no piece belongs to word " + word + ": word indices run from 0 to "
                    + Arrays.stream(wordOfPiece).max().orElse(-1));
        }
        return Vectors.scale(1.0 / n, sum);
    }

    /** The words (the course's {@link io.github.apricotcourse.text.Tokenizer} tokens of the sentence). */
    public List<String> words() {
        return words;
    }

    /** The word pieces, [CLS] first and [SEP] last; a continuation piece starts with ##. */
    public List<String> pieces() {
        return pieces;
    }

    /** For each piece, the index of its word, or −1 for [CLS] and [SEP]. */
    public int[] wordOfPiece() {
        return wordOfPiece.clone();
    }

    /** The model's vector for each piece (a copy: rows of last_hidden_state). */
    public double[][] pieceVectors() {
        double[][] copy = new double[pieceVectors.length][];
        for (int p = 0; p < copy.length; p++) {
            copy[p] = pieceVectors[p].clone();
        }
        return copy;
    }

    /** The pieces of word i, e.g. [flu, ##mp, ##et] for "flumpet". */
    public List<String> piecesOf(int i) {
        requireWordIndex(i);
        List<String> out = new ArrayList<>();
        for (int p = 0; p < pieces.size(); p++) {
            if (wordOfPiece[p] == i) {
                out.add(pieces.get(p));
            }
        }
        return out;
    }

    /** The contextual vector of the word at position i (the mean of its pieces' vectors). */
    public double[] vector(int i) {
        requireWordIndex(i);
        return wordVectors[i].clone();
    }

    /** The contextual vector of the first occurrence of the word in the sentence. */
    public double[] vector(String word) {
        return vector(indexOf(word));
    }

    /** The position of the first occurrence of the word; an error names the words there are. */
    public int indexOf(String word) {
        int i = words.indexOf(word);
        if (i < 0) {
            throw new IllegalArgumentException("'" + word + "' is not a word of this sentence " + words
                    + ": ask for one of these (lowercase, as the Tokenizer writes them)");
        }
        return i;
    }

    private void requireWordIndex(int i) {
        if (i < 0 || i >= words.size()) {
            throw new IndexOutOfBoundsException("word " + i + " does not exist: this sentence has words 0 to "
                    + (words.size() - 1) + " " + words);
        }
    }

    @Override
    public String toString() {
        return String.join(" ", pieces);
    }
}

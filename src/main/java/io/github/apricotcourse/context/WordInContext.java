package io.github.apricotcourse.context;

import io.github.apricotcourse.data.SenseSentences;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The Word-in-Context task (WiC; Pilehvar and Camacho-Collados 2019): two sentences use the same
 * word — is it the same sense? A representation answers with a cosine threshold θ:
 *
 * <pre>
 *   same sense  ⇔  cos(v(w in sentence 1), v(w in sentence 2)) ≥ θ
 *   θ = the threshold with the best accuracy on the pairs it is fit on (midpoints between sorted cosines)
 * </pre>
 *
 * θ is fit on one half of the pairs and scored on the other, so the score says how the rule does
 * on pairs it has not seen. A static embedding gives every pair cosine 1, so it cannot do better
 * than always answering "same" (or always "different").
 */
public final class WordInContext {
    private WordInContext() {}

    /** Two sentences with the same word; the answer is whether they use it in the same sense. */
    public record Pair(SenseSentences.Sentence first, SenseSentences.Sentence second) {
        /** The word both sentences use. */
        public String word() {
            return first.word();
        }

        /** The gold answer: the same sense in both. */
        public boolean sameSense() {
            return first.sense().equals(second.sense());
        }
    }

    /**
     * {@code perWord} pairs for every word (half the same sense, half different senses, two distinct
     * sentences each), shuffled together, reproducibly from the seed.
     */
    public static List<Pair> pairs(SenseSentences sentences, int perWord, long seed) {
        if (perWord < 2 || perWord % 2 != 0) {
            throw new IllegalArgumentException("perWord must be an even number of at least 2 (half same, half different"
                    + " sense), got " + perWord);
        }
        SplittableRandom rng = new SplittableRandom(seed);
        List<Pair> out = new ArrayList<>();
        for (String word : sentences.words()) {
            List<SenseSentences.Sentence> all = sentences.of(word);
            if (sentences.senses(word).size() < 2) {
                throw new IllegalArgumentException("'" + word + "' has only one sense in the sentences: WiC needs two");
            }
            int same = 0;
            int different = 0;
            while (same + different < perWord) {
                SenseSentences.Sentence a = all.get(rng.nextInt(all.size()));
                SenseSentences.Sentence b = all.get(rng.nextInt(all.size()));
                if (a == b) {
                    continue;
                }
                boolean isSame = a.sense().equals(b.sense());
                if (isSame && same < perWord / 2) {
                    same++;
                    out.add(new Pair(a, b));
                } else if (!isSame && different < perWord / 2) {
                    different++;
                    out.add(new Pair(a, b));
                }
            }
        }
        for (int i = out.size() - 1; i > 0; i--) {                      // Fisher–Yates
            int j = rng.nextInt(i + 1);
            Pair t = out.get(i);
            out.set(i, out.get(j));
            out.set(j, t);
        }
        return out;
    }

    /**
     * The θ with the highest accuracy on these pairs: every midpoint between two neighbouring
     * distinct cosines is tried, and one below the smallest and one above the largest ("always
     * same", "always different"); ties go to the smallest θ.
     */
    public static double fitThreshold(double[] cosines, boolean[] same) {
        requireSameLength(cosines, same);
        double[] sorted = Arrays.stream(cosines).distinct().sorted().toArray();
        double best = sorted[0] - 1;
        double bestAccuracy = accuracy(best, cosines, same);
        for (int i = 0; i < sorted.length; i++) {
            double theta = i + 1 < sorted.length ? (sorted[i] + sorted[i + 1]) / 2 : sorted[i] + 1;
            double a = accuracy(theta, cosines, same);
            if (a > bestAccuracy) {
                best = theta;
                bestAccuracy = a;
            }
        }
        return best;
    }

    /** The fraction of pairs answered right by "same sense ⇔ cosine ≥ θ". */
    public static double accuracy(double threshold, double[] cosines, boolean[] same) {
        requireSameLength(cosines, same);
        int right = 0;
        for (int i = 0; i < cosines.length; i++) {
            if ((cosines[i] >= threshold) == same[i]) {
                right++;
            }
        }
        return (double) right / cosines.length;
    }

    private static void requireSameLength(double[] cosines, boolean[] same) {
        if (cosines.length == 0 || cosines.length != same.length) {
            throw new IllegalArgumentException("give one cosine and one answer per pair, and at least one pair: got "
                    + cosines.length + " cosines and " + same.length + " answers");
        }
    }
}

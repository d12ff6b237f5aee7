package io.github.apricotcourse.text;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * The skip-gram's training pairs (JM §6.8.1): each word t of the running text is a target, and
 * every word within ±L positions of it is a context word c, giving the positive pairs (t, c).
 * With L = 2, "lemon a tablespoon of apricot jam a pinch" gives apricot the contexts
 * tablespoon, of, jam, a.
 *
 * <p>word2vec's random window shrinking: for each target it draws b uniformly from 0..L−1 and
 * uses the window ±(L − b), which weights near context words more than far ones.
 */
public final class SkipGramWindows {
    /** A positive (target, context) pair. */
    public record Pair(String target, String context) {
        @Override
        public String toString() {
            return "(" + target + ", " + context + ")";
        }
    }

    private SkipGramWindows() {}

    /** The context words of the target at {@code position}, within ±L, left to right. */
    public static List<String> contexts(List<String> tokens, int position, int L) {
        requireWindow(L);
        if (position < 0 || position >= tokens.size()) {
            throw new IndexOutOfBoundsException("position " + position + " is outside the sentence of "
                    + tokens.size() + " tokens");
        }
        int[] positions = IntStream.range(0, tokens.size()).toArray();
        int[] around = new int[2 * L];
        int m = contexts(positions, positions.length, position, L, around);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < m; i++) {
            out.add(tokens.get(around[i]));
        }
        return out;
    }

    /** Every (target, context) pair of a sentence with window ±L, target by target. */
    public static List<Pair> pairs(List<String> tokens, int L) {
        List<Pair> out = new ArrayList<>();
        for (int t = 0; t < tokens.size(); t++) {
            for (String c : contexts(tokens, t, L)) {
                out.add(new Pair(tokens.get(t), c));
            }
        }
        return out;
    }

    /**
     * l, how far the window reaches around one target: L, or with word2vec's random shrinking
     * (when {@code shrink} is non-null) L − b for b drawn uniformly from 0..L−1.
     */
    public static int reach(int L, SplittableRandom shrink) {
        return shrink == null ? L : L - shrink.nextInt(L);
    }

    /**
     * The window: the words within ±l of position t in {@code sentence[0..n)}, t itself left out,
     * written left to right into {@code out} (at least 2l long); returns how many. Every trainer
     * and counter walks its windows with this one loop.
     */
    public static int contexts(int[] sentence, int n, int t, int l, int[] out) {
        int m = 0;
        for (int j = Math.max(0, t - l); j <= Math.min(n - 1, t + l); j++) {
            if (j != t) {
                out[m++] = sentence[j];
            }
        }
        return m;
    }

    /**
     * How far from t the i-th word that {@link #contexts(int[], int, int, int, int[])} wrote for
     * the same t, l lies: the words left of t first (farthest first), then those right of it.
     */
    public static int distance(int t, int l, int i) {
        int left = t - Math.max(0, t - l);          // how many words the window has left of t
        return i < left ? left - i : i - left + 1;
    }

    /** Receives the index pairs of an encoded sentence. */
    @FunctionalInterface
    public interface PairConsumer {
        void accept(int target, int context);
    }

    /**
     * Every (target, context) index pair of an encoded sentence, with word2vec's random window
     * shrinking when {@code shrink} is non-null (the effective window is L − b, b ∈ [0, L)).
     */
    public static void forEachPair(int[] sentence, int L, SplittableRandom shrink, PairConsumer out) {
        requireWindow(L);
        int[] around = new int[2 * L];
        for (int t = 0; t < sentence.length; t++) {
            int m = contexts(sentence, sentence.length, t, reach(L, shrink), around);
            for (int i = 0; i < m; i++) {
                out.accept(sentence[t], around[i]);
            }
        }
    }

    private static void requireWindow(int L) {
        if (L < 1) {
            throw new IllegalArgumentException("the window L must be at least 1 (words on each side), got " + L);
        }
    }
}

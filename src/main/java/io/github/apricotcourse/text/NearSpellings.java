package io.github.apricotcourse.text;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Words spelled like a given one, for "did you mean …?" messages: the known words at the
 * smallest Levenshtein (edit) distance, at most 2 edits away (or a third of the word's length
 * for long words), nearest first.
 */
public final class NearSpellings {
    private NearSpellings() {}

    /** Up to {@code max} known words close in spelling to {@code word}, nearest first. */
    public static List<String> of(String word, Iterable<String> known, int max) {
        int limit = Math.max(2, word.length() / 3);
        record Candidate(String word, int distance) {}
        List<Candidate> found = new ArrayList<>();
        for (String k : known) {
            if (Math.abs(k.length() - word.length()) > limit) {
                continue;
            }
            int d = distance(word, k, limit);
            if (d <= limit) {
                found.add(new Candidate(k, d));
            }
        }
        found.sort(Comparator.comparingInt(Candidate::distance).thenComparing(Candidate::word));
        return found.stream().limit(max).map(Candidate::word).toList();
    }

    /** Levenshtein distance between a and b, or limit + 1 once it must exceed limit. */
    static int distance(String a, String b, int limit) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            int rowMin = cur[0];
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
                rowMin = Math.min(rowMin, cur[j]);
            }
            if (rowMin > limit) {
                return limit + 1;
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}

package io.github.apricotcourse.subword;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * fastText's subwords (JM §6.8.3; Bojanowski et al. 2017): a word is wrapped in the boundary
 * symbols &lt; and &gt; and cut into every character n-gram with minN ≤ n ≤ maxN. For n = 3:
 *
 * <pre>
 *   where → &lt;where&gt; → &lt;wh, whe, her, ere, re&gt;
 * </pre>
 *
 * ("her" inside "where" is a different n-gram from the word "&lt;her&gt;".) fastText keeps a
 * vector for each of about two million buckets rather than for each n-gram, and finds an
 * n-gram's bucket with the 32-bit FNV-1a hash of its UTF-8 bytes:
 *
 * <pre>
 *   h ← 2166136261;  for each byte b: h ← (h XOR b) · 16777619  (mod 2³²);   bucket = h mod B
 * </pre>
 */
public final class CharNgrams {
    private CharNgrams() {}

    /** The character n-grams of {@code <word>} for minN ≤ n ≤ maxN, by start position, shortest first. */
    public static List<String> of(String word, int minN, int maxN) {
        if (word == null || word.isEmpty()) {
            throw new IllegalArgumentException("the word is empty: pass a word such as \"where\"");
        }
        if (minN < 1 || maxN < minN) {
            throw new IllegalArgumentException("need 1 ≤ minN ≤ maxN (fastText uses 3 and 6), got minN = "
                    + minN + ", maxN = " + maxN);
        }
        String s = "<" + word + ">";
        List<String> out = new ArrayList<>();
        for (int start = 0; start < s.length(); start++) {
            for (int n = minN; n <= maxN && start + n <= s.length(); n++) {
                String gram = s.substring(start, start + n);
                if (!gram.equals("<") && !gram.equals(">")) {       // fastText skips the bare boundary symbols
                    out.add(gram);
                }
            }
        }
        return out;
    }

    /** The 32-bit FNV-1a hash of the n-gram's UTF-8 bytes, as fastText computes it (an unsigned value). */
    public static long fnv1a(String ngram) {
        int h = 0x811C9DC5;                       // 2166136261
        for (byte b : ngram.getBytes(StandardCharsets.UTF_8)) {
            h ^= b;                               // fastText XORs the byte as a signed char, sign-extended
            h *= 16777619;
        }
        return Integer.toUnsignedLong(h);
    }

    /** The bucket of an n-gram among {@code buckets}: FNV-1a mod buckets. */
    public static int bucket(String ngram, int buckets) {
        if (buckets < 1) {
            throw new IllegalArgumentException("buckets must be at least 1 (fastText uses 2,000,000), got " + buckets);
        }
        return (int) (fnv1a(ngram) % buckets);
    }
}

package io.github.apricotcourse.bias;

import io.github.apricotcourse.embed.Embeddings;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Locale;
import java.util.Random;
import java.util.SplittableRandom;

/**
 * The Word Embedding Association Test (JM §6.11; Caliskan et al. 2017), the embedding analogue
 * of the Implicit Association Test. Two sets of target words X, Y (e.g. career, family words)
 * and two sets of attribute words A, B (e.g. male, female names):
 *
 * <pre>
 *   s(w, A, B)   = mean_{a ∈ A} cos(w, a) − mean_{b ∈ B} cos(w, b)
 *   S(X, Y, A, B) = Σ_{x ∈ X} s(x, A, B) − Σ_{y ∈ Y} s(y, A, B)
 *   effect size d = ( mean_{x ∈ X} s(x, A, B) − mean_{y ∈ Y} s(y, A, B) ) / std_{w ∈ X ∪ Y} s(w, A, B)
 *   p = P[ S(X_i, Y_i, A, B) > S(X, Y, A, B) ]   over random equal-size splits (X_i, Y_i) of X ∪ Y
 * </pre>
 *
 * d > 0 means X is closer to A (and Y to B) than the other way round; |d| around 0.8 is a large
 * effect. The p-value is estimated from a seeded sample of splits (a permutation test).
 */
public final class Weat {
    private final Embeddings e;
    private final List<String> X;
    private final List<String> Y;
    private final List<String> A;
    private final List<String> B;
    private final Map<String, Double> s = new HashMap<>();   // s(w, A, B) for w ∈ X ∪ Y
    private int permutations = 10_000;
    private long seed = 1;

    private Weat(Embeddings e, List<String> X, List<String> Y, List<String> A, List<String> B) {
        this.e = Objects.requireNonNull(e, "the embeddings are null: pass the embeddings to test, e.g. model.embeddings()");
        this.X = known(e, X, "X");
        this.Y = known(e, Y, "Y");
        this.A = known(e, A, "A");
        this.B = known(e, B, "B");
        if (new HashSet<>(this.A).equals(new HashSet<>(this.B))) {
            throw new IllegalArgumentException("the attribute sets A and B hold the same words " + this.A
                    + ": every s(w, A, B) would be 0, the effect size 0/0 (NaN) and p = 1. WEAT compares two different"
                    + " attribute sets, e.g. male and female names");
        }
        if (new HashSet<>(this.X).equals(new HashSet<>(this.Y))) {
            throw new IllegalArgumentException("the target sets X and Y hold the same words " + this.X
                    + ": their difference is 0 by construction and p ≈ 1. WEAT compares two different target sets,"
                    + " e.g. career and family words");
        }
        for (String w : this.X) {
            s.put(w, association(w));
        }
        for (String w : this.Y) {
            s.put(w, association(w));
        }
    }

    /** The test of targets X, Y against attributes A, B (unknown words are left out). */
    public static Weat of(Embeddings e, List<String> X, List<String> Y, List<String> A, List<String> B) {
        return new Weat(e, X, Y, A, B);
    }

    /** The number of random splits for the p-value (10,000 by default). */
    public Weat permutations(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("permutations must be at least 1, got " + n);
        }
        permutations = n;
        return this;
    }

    /** The seed of the random splits. */
    public Weat seed(long s) {
        seed = s;
        return this;
    }

    /** s(w, A, B) = mean_a cos(w, a) − mean_b cos(w, b). */
    public double association(String w) {
        return mean(w, A) - mean(w, B);
    }

    /** S(X, Y, A, B) = Σ_x s(x) − Σ_y s(y). */
    public double statistic() {
        return statistic(X, Y);
    }

    private double statistic(List<String> x, List<String> y) {
        return x.stream().mapToDouble(s::get).sum() - y.stream().mapToDouble(s::get).sum();
    }

    /** d = (mean_x s(x) − mean_y s(y)) / std_{w ∈ X ∪ Y} s(w) (sample standard deviation). */
    public double effectSize() {
        double mx = X.stream().mapToDouble(s::get).average().orElseThrow();
        double my = Y.stream().mapToDouble(s::get).average().orElseThrow();
        List<String> all = new ArrayList<>(X);
        all.addAll(Y);
        double mean = all.stream().mapToDouble(s::get).average().orElseThrow();
        double ss = all.stream().mapToDouble(w -> Math.pow(s.get(w) - mean, 2)).sum();
        if (ss == 0) {
            throw new IllegalStateException("every target word has the same association s(w, A, B) = " + mean
                    + ", so the effect size is 0/0: the embeddings do not tell the words of X ∪ Y apart."
                    + " Use embeddings of more dimensions, or other words");
        }
        return (mx - my) / Math.sqrt(ss / (all.size() - 1));
    }

    /** One-sided permutation p-value: the share of random splits with S at least as large as the observed one. */
    public double pValue() {
        double observed = statistic();
        List<String> all = new ArrayList<>(X);
        all.addAll(Y);
        Random shuffler = new Random(new SplittableRandom(seed).nextLong());
        int atLeast = 0;
        for (int i = 0; i < permutations; i++) {
            Collections.shuffle(all, shuffler);
            if (statistic(all.subList(0, X.size()), all.subList(X.size(), all.size())) >= observed) {
                atLeast++;
            }
        }
        return (atLeast + 1.0) / (permutations + 1.0);
    }

    /** X, Y, A, B as used (words unknown to the embeddings left out). */
    public List<List<String>> sets() {
        return List.of(X, Y, A, B);
    }

    private double mean(String w, List<String> set) {
        return set.stream().mapToDouble(a -> e.cosine(w, a)).average().orElseThrow();
    }

    private static List<String> known(Embeddings e, List<String> words, String name) {
        Objects.requireNonNull(words, "the set " + name + " is null: pass a list of words, e.g. List.of(\"he\", \"man\")");
        List<String> k = words.stream().filter(e::contains).toList();
        if (k.size() < 2) {
            throw new IllegalArgumentException("the set " + name + " " + words + " has " + k.size()
                    + " word(s) with a vector; WEAT needs at least 2 per set: use more words or embeddings that know them");
        }
        return k;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "Weat(|X| = %d, |Y| = %d, |A| = %d, |B| = %d, %d permutations, seed %d)",
                X.size(), Y.size(), A.size(), B.size(), permutations, seed);
    }
}

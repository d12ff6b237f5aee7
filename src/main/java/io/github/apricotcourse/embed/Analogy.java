package io.github.apricotcourse.embed;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Analogies by vector arithmetic (JM §6.10, the parallelogram model): "a is to b as c is to ?"
 * — man : king :: woman : ? — is answered by the word x whose vector is closest to b − a + c.
 * With unit-length vectors (â = a / |a|):
 *
 * <pre>
 *   3CosAdd:  x = argmax_x  cos(x, b) − cos(x, a) + cos(x, c)
 *   3CosMul:  x = argmax_x  cos'(x, b) · cos'(x, c) / (cos'(x, a) + ε),   cos' = (cos + 1) / 2, ε = 0.001
 * </pre>
 *
 * (3CosMul is Levy and Goldberg's 2014 variant, which lets no single term dominate.) As JM
 * warns, the closest vector is usually one of the input words themselves, so by default a, b
 * and c are excluded from the answers; {@link #excludeInputs(boolean)} turns that off, so a
 * lesson can show why it is needed.
 */
public final class Analogy {
    /** How candidates are scored. */
    public enum Method { COS_ADD, COS_MUL }

    private final String a;
    private final String b;
    private final String c;
    private Method method = Method.COS_ADD;
    private boolean excludeInputs = true;
    private int top = 1;

    private Analogy(String a, String b, String c) {
        this.a = a;
        this.b = b;
        this.c = c;
    }

    /** The question a : b :: c : ?. */
    public static Analogy of(String a, String b, String c) {
        return new Analogy(a, b, c);
    }

    /** 3CosAdd (default) or 3CosMul. */
    public Analogy method(Method m) {
        method = Objects.requireNonNull(m, "the method is null: pass Analogy.Method.COS_ADD or Analogy.Method.COS_MUL");
        return this;
    }

    /** Whether a, b and c may not be answers (true by default). */
    public Analogy excludeInputs(boolean exclude) {
        excludeInputs = exclude;
        return this;
    }

    /** How many answers to return, best first (1 by default). */
    public Analogy top(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("top must be at least 1, got " + n);
        }
        top = n;
        return this;
    }

    /** The best answers in the given embeddings, best first, with their scores. */
    public List<Neighbour> solve(Embeddings e) {
        Objects.requireNonNull(e, "the embeddings are null: pass the embeddings to search, e.g. model.embeddings()");
        int d = e.dimension();
        int ia = e.index(a);
        int ib = e.index(b);
        int ic = e.index(c);
        float[] u = e.unit();
        double[] scores = new double[e.size()];
        for (int x = 0; x < scores.length; x++) {
            double ca = 0;
            double cb = 0;
            double cc = 0;
            for (int j = 0; j < d; j++) {
                float ux = u[x * d + j];
                ca += ux * u[ia * d + j];
                cb += ux * u[ib * d + j];
                cc += ux * u[ic * d + j];
            }
            scores[x] = method == Method.COS_ADD
                    ? cb - ca + cc
                    : ((cb + 1) / 2) * ((cc + 1) / 2) / ((ca + 1) / 2 + 0.001);
        }
        Set<String> exclude = new LinkedHashSet<>();
        if (excludeInputs) {
            exclude.addAll(List.of(a, b, c));
        }
        List<Neighbour> best = e.top(scores, top, exclude);
        if (best.isEmpty()) {
            throw new IllegalArgumentException("no candidate answers: the embeddings hold only the words " + e.words()
                    + ", and the inputs " + exclude + " are excluded. Use embeddings with more words, or"
                    + " .excludeInputs(false) to allow the inputs as answers");
        }
        return best;
    }

    @Override
    public String toString() {
        return a + " : " + b + " :: " + c + " : ?  (" + method + (excludeInputs ? ", inputs excluded)" : ", inputs allowed)");
    }
}

package io.github.apricotcourse.bench;

import io.github.apricotcourse.embed.Embeddings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The two quality figures of the benchmark, computed the way gensim's
 * {@code evaluate_word_pairs} and {@code evaluate_word_analogies} compute them, so that the
 * side-by-side numbers compare like with like. (A minimal version for the benchmark; the
 * {@code eval} package has the library's.)
 *
 * <pre>
 *   WordSim-353:  ρ = Spearman(human rating, cos(a, b)) over the pairs with both words known
 *   analogies:    a : b :: c : ?  answered by argmax_x x̂ · (b̂ − â + ĉ)   (3CosAdd, x ∉ {a, b, c}),
 *                 x among the top-n words; questions with a word outside the top n are skipped;
 *                 accuracy = correct / answered
 * </pre>
 */
final class Evaluation {
    private Evaluation() {}

    /** A similarity result: Spearman's ρ and how many pairs could be scored. */
    record Similarity(double spearman, int pairs, int total) {}

    /** An analogy result: accuracy over the answered questions. */
    record Analogies(double accuracy, int correct, int answered, int total) {}

    /** Spearman's ρ on a WordSim-353-style file: lines {@code word1<TAB>word2<TAB>rating}, # comments. */
    static Similarity wordSim(Embeddings e, Path file) throws IOException {
        List<Double> human = new ArrayList<>();
        List<Double> model = new ArrayList<>();
        int total = 0;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t");
            if (f.length < 3) {
                throw new IllegalArgumentException("malformed line in " + file + " (need word1, word2, rating"
                        + " separated by tabs): " + line);
            }
            total++;
            String a = f[0].toLowerCase(Locale.ROOT);
            String b = f[1].toLowerCase(Locale.ROOT);
            if (e.contains(a) && e.contains(b)) {
                human.add(Double.parseDouble(f[2]));
                model.add(e.cosine(a, b));
            }
        }
        return new Similarity(spearman(human, model), human.size(), total);
    }

    /** Spearman's ρ: Pearson's correlation of the ranks, ties sharing their mean rank. */
    static double spearman(List<Double> x, List<Double> y) {
        double[] rx = ranks(x);
        double[] ry = ranks(y);
        int n = rx.length;
        double mx = Arrays.stream(rx).average().orElse(0);
        double my = Arrays.stream(ry).average().orElse(0);
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < n; i++) {
            sxy += (rx[i] - mx) * (ry[i] - my);
            sxx += (rx[i] - mx) * (rx[i] - mx);
            syy += (ry[i] - my) * (ry[i] - my);
        }
        return sxx == 0 || syy == 0 ? Double.NaN : sxy / Math.sqrt(sxx * syy);
    }

    private static double[] ranks(List<Double> v) {
        Integer[] order = IntStream.range(0, v.size()).boxed().toArray(Integer[]::new);
        Arrays.sort(order, (a, b) -> Double.compare(v.get(a), v.get(b)));
        double[] r = new double[v.size()];
        for (int i = 0; i < order.length; ) {
            int j = i;
            while (j + 1 < order.length && v.get(order[j + 1]).equals(v.get(order[i]))) {
                j++;
            }
            for (int t = i; t <= j; t++) {
                r[order[t]] = (i + j) / 2.0 + 1;
            }
            i = j + 1;
        }
        return r;
    }

    /** 3CosAdd accuracy on a Google-analogy file (": section" lines, then "a b c d"), over the top {@code topN} words. */
    static Analogies analogies(Embeddings e, Path file, int topN) throws IOException {
        Embeddings top = e.restrictTo(topN);
        int n = top.size();
        int d = top.dimension();
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < n; i++) {
            index.put(top.words().get(i), i);
        }
        List<int[]> questions = new ArrayList<>();
        int total = 0;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith(":")) {
                continue;
            }
            total++;
            String[] f = line.trim().toLowerCase(Locale.ROOT).split("\\s+");
            int[] q = new int[4];
            boolean known = f.length == 4;
            for (int i = 0; i < 4 && known; i++) {
                Integer ix = index.get(f[i]);
                known = ix != null;
                q[i] = known ? ix : -1;
            }
            if (known) {
                questions.add(q);
            }
        }
        float[] u = top.unit();
        int block = 64;
        int blocks = (questions.size() + block - 1) / block;
        int correct = IntStream.range(0, blocks).parallel().map(bi -> {
            int from = bi * block;
            int to = Math.min(questions.size(), from + block);
            float[] targets = new float[(to - from) * d];           // b̂ − â + ĉ, one row per question
            for (int q = from; q < to; q++) {
                int[] abc = questions.get(q);
                for (int j = 0; j < d; j++) {
                    targets[(q - from) * d + j] = u[abc[1] * d + j] - u[abc[0] * d + j] + u[abc[2] * d + j];
                }
            }
            float[] best = new float[to - from];
            int[] answer = new int[to - from];
            Arrays.fill(best, Float.NEGATIVE_INFINITY);
            for (int x = 0; x < n; x++) {
                for (int q = from; q < to; q++) {
                    int[] abc = questions.get(q);
                    if (x == abc[0] || x == abc[1] || x == abc[2]) {
                        continue;
                    }
                    float s = dot(u, x * d, targets, (q - from) * d, d);
                    if (s > best[q - from]) {
                        best[q - from] = s;
                        answer[q - from] = x;
                    }
                }
            }
            int c = 0;
            for (int q = from; q < to; q++) {
                if (answer[q - from] == questions.get(q)[3]) {
                    c++;
                }
            }
            return c;
        }).sum();
        return new Analogies(questions.isEmpty() ? Double.NaN : (double) correct / questions.size(), correct,
                questions.size(), total);
    }

    private static float dot(float[] a, int ai, float[] b, int bi, int n) {
        float s0 = 0;
        float s1 = 0;
        float s2 = 0;
        float s3 = 0;
        int j = 0;
        for (; j <= n - 4; j += 4) {
            s0 += a[ai + j] * b[bi + j];
            s1 += a[ai + j + 1] * b[bi + j + 1];
            s2 += a[ai + j + 2] * b[bi + j + 2];
            s3 += a[ai + j + 3] * b[bi + j + 3];
        }
        for (; j < n; j++) {
            s0 += a[ai + j] * b[bi + j];
        }
        return (s0 + s1) + (s2 + s3);
    }
}

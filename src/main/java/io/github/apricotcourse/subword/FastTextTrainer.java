package io.github.apricotcourse.subword;

import io.github.apricotcourse.math.Vectors;
import io.github.apricotcourse.sgns.Initialisation;
import io.github.apricotcourse.sgns.LossHistory;
import io.github.apricotcourse.sgns.SgnsLoss;
import io.github.apricotcourse.sgns.SkipGramLoop;
import io.github.apricotcourse.sgns.TrainingCorpus;
import io.github.apricotcourse.sgns.NegativeSamplingOptions;
import io.github.apricotcourse.text.Corpus;
import io.github.apricotcourse.text.Vocabulary;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Skip-gram with subwords (fastText; JM §6.8.3): the same SGNS loss as word2vec, but the target
 * word's vector is built from pieces, the average h of its own row and its n-grams' bucket rows:
 *
 * <pre>
 *   h = average of x_w and z_bucket(g) for g ∈ ngrams(w)           (see {@link SubwordModel})
 *   L = −[ log σ(c_pos · h) + Σ_i log σ(−c_neg_i · h) ]              (the loss of lesson 3)
 *   c ← c − η ∂L/∂c  for c_pos and each c_neg_i;   every row r of h:  r ← r − η ∂L/∂h
 * </pre>
 *
 * (fastText moves every row of h by the full gradient ∂L/∂h, as here.) The loop is skip-gram's
 * own ({@link SkipGramLoop}: the same windows, η schedule, progress, loss history and divergence
 * check) with this step in place of {@code SgdStep}; the options are every trainer's
 * ({@link NegativeSamplingOptions}), plus the n-gram lengths and buckets. Seeded like
 * {@link io.github.apricotcourse.sgns.SkipGramTrainer}:
 *
 * <pre>
 *   SubwordModel m = FastTextTrainer.create().dimension(50).ngrams(3, 6).buckets(20_000)
 *           .epochs(5).seed(7).train(corpus);
 * </pre>
 */
public final class FastTextTrainer extends NegativeSamplingOptions<FastTextTrainer> {
    private int minN = 3;
    private int maxN = 6;
    private int buckets = 20_000;

    private FastTextTrainer() {
        super(50, 0.05);
    }

    /** A trainer with fastText's skip-gram defaults, but fewer buckets (20,000) and d = 50 for small corpora. */
    public static FastTextTrainer create() {
        return new FastTextTrainer();
    }

    @Override
    protected FastTextTrainer self() {
        return this;
    }

    /** The n-gram lengths minN..maxN (fastText: 3..6). */
    public FastTextTrainer ngrams(int min, int max) {
        if (min < 1 || max < min) {
            throw new IllegalArgumentException("need 1 ≤ minN ≤ maxN (fastText uses 3 and 6), got " + min + ", " + max);
        }
        minN = min;
        maxN = max;
        return this;
    }

    /** B, the number of hash buckets for n-grams (fastText: 2,000,000). */
    public FastTextTrainer buckets(int b) {
        buckets = positive("buckets", b);
        return this;
    }

    /** Trains on the corpus: input rows for words and buckets, context rows for words. */
    public SubwordModel train(Corpus corpus) {
        TrainingCorpus c = TrainingCorpus.of(corpus, this);
        Vocabulary vocabulary = c.vocabulary();
        int d = dimension();
        Initialisation.requireFits((long) vocabulary.size() + buckets, vocabulary.size(), d, Double.BYTES, false);
        int[][] rowsOf = new int[vocabulary.size()][];
        for (int i = 0; i < rowsOf.length; i++) {
            rowsOf[i] = SubwordModel.rows(vocabulary.word(i), vocabulary, minN, maxN, buckets);
        }
        SplittableRandom root = new SplittableRandom(seed());
        double[][] input = Initialisation.W(vocabulary.size() + buckets, d, root);
        double[][] context = new double[vocabulary.size()][d];
        LossHistory history = SkipGramLoop.train(this, c, input, context,
                (W, C, w, cPos, cNeg, eta) -> step(W, C, rowsOf[w], cPos, cNeg, eta), false, root.split(), root.split());
        String settings = describe() + String.format(Locale.ROOT, ", n=%d..%d, buckets=%d", minN, maxN, buckets);
        return new SubwordModel(vocabulary, input, context, minN, maxN, buckets, settings, history);
    }

    /** One SGNS step with h = the average of the target's rows; returns the loss before the step. */
    private static double step(double[][] input, double[][] context, int[] rows, int cPos, int[] cNeg, double eta) {
        double[] h = new double[context[0].length];
        for (int r : rows) {
            for (int j = 0; j < h.length; j++) {
                h[j] += input[r][j] / rows.length;
            }
        }
        double[][] noise = new double[cNeg.length][];
        for (int i = 0; i < cNeg.length; i++) {
            noise[i] = context[cNeg[i]];
        }
        SgnsLoss loss = SgnsLoss.of(h, context[cPos], noise);
        Vectors.axpy(-eta, loss.gradCPos(), context[cPos]);           // c ← c − η ∂L/∂c
        for (int i = 0; i < cNeg.length; i++) {
            Vectors.axpy(-eta, loss.gradCNeg(i), context[cNeg[i]]);
        }
        double[] gradH = loss.gradW();
        for (int r : rows) {
            Vectors.axpy(-eta, gradH, input[r]);
        }
        return loss.value();
    }
}

package io.github.apricotcourse.glove;

import io.github.apricotcourse.count.CooccurrenceMatrix;
import io.github.apricotcourse.sgns.Initialisation;
import io.github.apricotcourse.sgns.LossHistory;
import io.github.apricotcourse.sgns.TrainingLog;
import io.github.apricotcourse.sgns.TrainingOptions;
import io.github.apricotcourse.text.Corpus;
import io.github.apricotcourse.text.Vocabulary;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Trains GloVe (Pennington et al. 2014; JM §6.8.3) on the co-occurrence counts of running text:
 * weighted least squares on log X_ij ({@link GloveLoss}), each non-zero cell once per epoch in a
 * seeded random order, each step AdaGrad's ({@link AdaGradStep}):
 *
 * <pre>
 *   X ← CooccurrenceMatrix.countByDistance(corpus, vocabulary, L)   (words seen ≥ minCount times;
 *                                                                     a pair δ apart counts 1/δ)
 *   W, W̃ ← small random numbers (Initialisation.W),  b, b̃ ← 0,  every G ← 1
 *   for each epoch, for each non-zero cell (i, j) in a random order:
 *     f = min(1, (X_ij / x_max)^α),   e = w_i · w̃_j + b_i + b̃_j − log X_ij
 *     AdaGrad step on w_i, w̃_j, b_i, b̃_j against ½ f e²
 *   word vectors: W + W̃
 * </pre>
 *
 * The options are every trainer's ({@link TrainingOptions}: d, L, epochs, η₀, minCount, seed,
 * listener), plus x_max and α; progress, the loss history (mean J per cell) and the divergence
 * check are every trainer's too ({@link TrainingLog}), with cells in place of corpus words. η
 * stays η₀: AdaGrad shrinks each parameter's steps by itself.
 *
 * <pre>
 *   GloveModel m = GloveTrainer.create().dimension(50).window(5).epochs(10).seed(1).train(corpus);
 *   GloveModel m = GloveTrainer.create().train(CooccurrenceMatrix.countByDistance(corpus, vocabulary, 5));
 * </pre>
 */
public final class GloveTrainer extends TrainingOptions<GloveTrainer> {
    /** Cells between two reports to the log. */
    private static final int PUBLISH_EVERY = 10_000;

    private double xMax = GloveLoss.X_MAX;
    private double alpha = GloveLoss.ALPHA;

    private GloveTrainer() {
        super(50, 0.05);
        epochs(10);
    }

    /** A trainer with glove.c's η₀ = 0.05, x_max = 100, α = ¾; d = 50, L = 5, 10 epochs, minCount 5. */
    public static GloveTrainer create() {
        return new GloveTrainer();
    }

    @Override
    protected GloveTrainer self() {
        return this;
    }

    /**
     * x_max, the count from which a cell weighs 1: the paper's 100 suits billions of words; on a
     * few million most counts stay far below it, and glove.c's demo script uses 10 on text8.
     */
    public GloveTrainer xMax(double x) {
        GloveLoss.requireWeighting(x, alpha);
        xMax = x;
        return this;
    }

    /** α, the exponent of the weighting f (GloVe: ¾). */
    public GloveTrainer alpha(double a) {
        GloveLoss.requireWeighting(xMax, a);
        alpha = a;
        return this;
    }

    /**
     * Counts the corpus's co-occurrences within ±L words among the words seen ≥ minCount times, a
     * pair δ words apart counting 1/δ as in the paper (§4.2), and trains on them.
     */
    public GloveModel train(Corpus corpus) {
        if (corpus == null) {
            throw new IllegalArgumentException("corpus is null: pass a Corpus, e.g. Corpus.of(\"the king rules\")");
        }
        Vocabulary vocabulary = Vocabulary.of(corpus, minCount());
        if (vocabulary.size() < 2) {
            throw new IllegalArgumentException("the vocabulary has only " + vocabulary.size() + " word: GloVe needs at"
                    + " least two distinct words; use more text or a lower minCount");
        }
        return train(CooccurrenceMatrix.countByDistance(corpus, vocabulary, window()));
    }

    /**
     * Trains on counts already taken (their vocabulary and window; this trainer's minCount and L are
     * not used): GloVe's are {@link CooccurrenceMatrix#countByDistance}, plain counts work too.
     */
    public GloveModel train(CooccurrenceMatrix counts) {
        if (counts == null) {
            throw new IllegalArgumentException("the counts are null: pass CooccurrenceMatrix.countByDistance(corpus, vocabulary, L)");
        }
        int n = counts.size();
        int d = dimension();
        long cells = counts.nonZeros();
        if (cells == 0) {
            throw new IllegalArgumentException("the co-occurrence matrix has no non-zero cell: no two vocabulary words"
                    + " occur within ±" + counts.window() + " words of each other; use more text or a lower minCount");
        }
        if (cells > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException(cells + " non-zero cells are more than a Java array holds: use a higher"
                    + " minCount or a smaller window");
        }
        Initialisation.requireFits(n, n, 2 * d, Double.BYTES, false);   // W, W̃ and their sums of squares
        int[] row = new int[(int) cells];
        int[] col = new int[(int) cells];
        double[] x = new double[(int) cells];
        int[] at = {0};
        counts.forEachNonZero((w, c, v) -> {
            row[at[0]] = w;
            col[at[0]] = c;
            x[at[0]++] = v;
        });
        SplittableRandom root = new SplittableRandom(seed());
        AdaGradStep.Parameters p = new AdaGradStep.Parameters(Initialisation.W(n, d, root), Initialisation.W(n, d, root),
                new double[n], new double[n], ones(n, d), ones(n, d), ones(n), ones(n));
        SplittableRandom order = root.split();
        int[] perm = new int[(int) cells];
        for (int k = 0; k < perm.length; k++) {
            perm[k] = k;
        }
        TrainingLog log = new TrainingLog(epochs() * cells, epochs(), learningRate(), listener());
        for (int epoch = 1; epoch <= epochs(); epoch++) {
            shuffle(perm, order);
            double lossSum = 0;
            int pending = 0;
            for (int k : perm) {
                lossSum += AdaGradStep.apply(p, row[k], col[k], x[k], GloveLoss.weight(x[k], xMax, alpha), learningRate());
                if (++pending == PUBLISH_EVERY) {
                    if (!Double.isFinite(lossSum)) {
                        throw log.diverged(epoch);
                    }
                    log.add(epoch, pending, lossSum, pending);
                    lossSum = 0;
                    pending = 0;
                }
            }
            if (!Double.isFinite(lossSum)) {
                throw log.diverged(epoch);
            }
            log.add(epoch, pending, lossSum, pending);
        }
        LossHistory history = log.finish();
        String settings = describe() + String.format(Locale.ROOT, ", x_max=%s, α=%s, %d cells%s", xMax, alpha, cells,
                counts.byDistance() ? " (pairs δ apart counted 1/δ)" : " (plain counts)");
        return new GloveModel(counts.vocabulary(), p.W(), p.WTilde(), p.b(), p.bTilde(), history, settings);
    }

    /** Fisher–Yates: every order of the cells equally likely, from the seeded generator. */
    private static void shuffle(int[] a, SplittableRandom rng) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    /** Every G starts at 1. */
    private static double[][] ones(int rows, int d) {
        double[][] m = new double[rows][];
        for (int i = 0; i < rows; i++) {
            m[i] = ones(d);
        }
        return m;
    }

    private static double[] ones(int n) {
        double[] v = new double[n];
        Arrays.fill(v, 1);
        return v;
    }

    @Override
    public String toString() {
        return "GloveTrainer(" + describe() + String.format(Locale.ROOT, ", x_max=%s, α=%s)", xMax, alpha);
    }
}

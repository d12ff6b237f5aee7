package io.github.apricotcourse.sgns;

import io.github.apricotcourse.text.SkipGramWindows;
import java.util.SplittableRandom;

/**
 * The lesson's skip-gram training loop (JM §6.8.2), one (w, c_pos) pair at a time on
 * {@code double[][]} matrices; {@link SkipGramTrainer} runs it unless asked for the fast path:
 *
 * <pre>
 *   for each epoch, for each sentence:
 *     drop frequent words (subsampling);  η = η₀ · max(1e−4, 1 − done / (total + 1))
 *     for each target w at position t, for each c_pos within ±l of t (l = L, or L − b when shrinking):
 *       draw k noise words c_neg from P_α (never w)
 *       step: W[w], C[c_pos], C[c_neg_i] each move against their gradient      (SgdStep)
 * </pre>
 *
 * With {@code cbow} the window's words predict w instead: one example per window, its average
 * h against C[w] and k noise words ({@link CbowStep}).
 *
 * <p>Subsampling and windows draw from one random stream ({@code walk}), noise words from another
 * ({@code draw}), as on the fast path: with one thread both see the same windows. fastText
 * ({@code subword.FastTextTrainer}) runs this same loop with its own step.
 */
public final class SkipGramLoop {
    private SkipGramLoop() {}

    /**
     * Trains W and C in place with the given step on each (w, c_pos) pair, or with CBOW's step on
     * each window; returns the loss history, or throws {@link TrainingDivergedException} when an
     * example's loss is not finite.
     */
    public static LossHistory train(NegativeSamplingOptions<?> o, TrainingCorpus corpus, double[][] W, double[][] C, PairStep step,
                                    boolean cbow, SplittableRandom walk, SplittableRandom draw) {
        TrainingLog log = new TrainingLog(corpus.total(o.epochs()), o.epochs(), o.learningRate(), o.listener());
        int[] kept = new int[corpus.longest()];
        int[] around = new int[2 * o.window()];
        long[] pairs = new long[1];
        for (int epoch = 1; epoch <= o.epochs(); epoch++) {
            for (int[] sentence : corpus.sentences()) {
                int n = corpus.subsampling().apply(sentence, kept, walk);
                pairs[0] = 0;
                double loss = pass(W, C, kept, n, o.window(), o.shrinkWindow() ? walk : null, o.negatives(), corpus.noise(),
                        draw, log.eta(0), step, cbow, around, pairs);
                if (!Double.isFinite(loss)) {
                    throw log.diverged(epoch);
                }
                log.add(epoch, sentence.length, loss, pairs[0]);
            }
        }
        return log.finish();
    }

    /**
     * The library's {@link SentencePass}: JM's loop over one whole sentence, as lesson 4 writes it
     * (no subsampling, no window shrinking), with {@link SgdStep} on each pair; returns the summed
     * loss. A sentence of one word has no pairs: nothing moves and no noise word is drawn.
     */
    public static double sentence(double[][] W, double[][] C, int[] sentence, int L, int k, NoiseDistribution noise,
                                  SplittableRandom draw, double eta) {
        if (L < 1) {
            throw new IllegalArgumentException("the window L must be at least 1 (words on each side), got " + L);
        }
        return pass(W, C, sentence, sentence.length, L, null, k, noise, draw, eta, SgdStep::apply, false, new int[2 * L], new long[1]);
    }

    /**
     * One pass over {@code sentence[0..n)} at learning rate η: for each target, its window (±L, or
     * shrunk with {@code shrink}), then a step per (w, c_pos) pair with k fresh noise words, or one
     * CBOW step per window. Returns the summed loss, or the first loss that is not finite; adds the
     * examples to {@code pairs[0]}.
     */
    private static double pass(double[][] W, double[][] C, int[] sentence, int n, int L, SplittableRandom shrink, int k,
                               NoiseDistribution noise, SplittableRandom draw, double eta, PairStep step, boolean cbow,
                               int[] around, long[] pairs) {
        double loss = 0;
        for (int t = 0; t < n; t++) {
            int w = sentence[t];
            int m = SkipGramWindows.contexts(sentence, n, t, SkipGramWindows.reach(L, shrink), around);
            int examples = cbow ? Math.min(m, 1) : m;      // CBOW: one per window; skip-gram: one per c_pos
            for (int i = 0; i < examples; i++) {
                int[] cNeg = noise.sample(draw, w, k);
                double example = cbow ? CbowStep.apply(W, C, around, m, w, cNeg, eta)   // average → w
                        : step.apply(W, C, w, around[i], cNeg, eta);                    // w → c_pos
                if (!Double.isFinite(example)) {
                    return example;
                }
                loss += example;
                pairs[0]++;
            }
        }
        return loss;
    }
}

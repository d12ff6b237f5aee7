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
        for (int epoch = 1; epoch <= o.epochs(); epoch++) {
            for (int[] sentence : corpus.sentences()) {
                int n = corpus.subsampling().apply(sentence, kept, walk);
                double eta = log.eta(0);
                double loss = 0;
                long pairs = 0;
                for (int t = 0; t < n; t++) {
                    int w = kept[t];
                    int l = SkipGramWindows.reach(o.window(), o.shrinkWindow() ? walk : null);
                    int m = SkipGramWindows.contexts(kept, n, t, l, around);
                    int examples = cbow ? Math.min(m, 1) : m;      // CBOW: one per window; skip-gram: one per c_pos
                    for (int i = 0; i < examples; i++) {
                        int[] cNeg = corpus.noise().sample(draw, w, o.negatives());
                        double example = cbow ? CbowStep.apply(W, C, around, m, w, cNeg, eta)   // average → w
                                : step.apply(W, C, w, around[i], cNeg, eta);                    // w → c_pos
                        if (!Double.isFinite(example)) {
                            throw log.diverged(epoch);
                        }
                        loss += example;
                        pairs++;
                    }
                }
                log.add(epoch, sentence.length, loss, pairs);
            }
        }
        return log.finish();
    }
}

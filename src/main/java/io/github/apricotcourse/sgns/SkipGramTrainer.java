package io.github.apricotcourse.sgns;

import io.github.apricotcourse.text.Corpus;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Trains skip-gram with negative sampling on running text (JM §6.8.2), the readable way:
 *
 * <pre>
 *   W ← small random numbers, C ← 0
 *   for each epoch, for each sentence (frequent words subsampled):
 *     for each target w at position t, window l = L (or L − b, b random, when shrinking):
 *       for each context c_pos within ±l of t:
 *         draw k noise words c_neg_1..k from P_α (never w)
 *         η = η₀ · max(1e−4, 1 − progress)        (linear decay)
 *         SgdStep: W[w], C[c_pos], C[c_neg_i] each move against their gradient
 * </pre>
 *
 * (the loop itself is {@code SkipGramLoop}, one screen). Options are set fluently, by the names
 * every trainer shares ({@link TrainingOptions}, {@link NegativeSamplingOptions}), and every run
 * is reproducible from its seed:
 *
 * <pre>
 *   SkipGramModel m = SkipGramTrainer.create().dimension(50).window(2).negatives(5)
 *           .epochs(5).seed(42).train(corpus);
 * </pre>
 *
 * <p>Two layers, one trainer. The loop above is the lesson's: it calls {@link SgdStep} on
 * {@code double[][]} matrices, one pair at a time. {@link #fast()} or {@link #threads(int)}
 * switch to the fast path, word2vec.c's loop on flat float arrays, several threads at once
 * and the k noise words shared by the words of a window (see {@code FastTrainer} and
 * {@code FastSgdStep}); tests check that both compute the same update for the same pair and
 * reach the same quality on the same corpus:
 *
 * <pre>
 *   SkipGramModel m = SkipGramTrainer.create().threads(2).epochs(1).train(corpus);
 * </pre>
 *
 * With one thread a seed gives bit-identical embeddings on either path, and both paths walk the
 * same windows (the same words kept, the same window sizes): the readable loop trains each
 * (centre, neighbour) pair, the fast loop each (neighbour, centre) pair as word2vec.c does. With
 * more threads the fast path is not bit-reproducible: threads interleave their updates
 * differently on each run.
 */
public final class SkipGramTrainer extends NegativeSamplingOptions<SkipGramTrainer> {
    private int threads = 0;                 // 0: the readable loop; n ≥ 1: the fast path on n threads
    private boolean sharedNegatives = true;
    private boolean exactSigmoid = false;
    private boolean cbow = false;
    private PairStep step = SgdStep::apply;  // the readable loop's step
    private TrainingLoop loop;               // a loop written elsewhere, instead of SkipGramLoop
    private FastTrainer.WindowObserver observer;

    private SkipGramTrainer() {
        super(100, 0.025);
    }

    /** A trainer with word2vec's defaults: d = 100, L = 5, k = 5, 5 epochs, η₀ = 0.025, min-count 5, sample 1e−3. */
    public static SkipGramTrainer create() {
        return new SkipGramTrainer();
    }

    @Override
    protected SkipGramTrainer self() {
        return this;
    }

    /** The fast path on every available processor (see {@link #threads(int)}). */
    public SkipGramTrainer fast() {
        return threads(Runtime.getRuntime().availableProcessors());
    }

    /**
     * The fast path on n threads: word2vec.c's loop on flat float arrays, lock-free across
     * threads (Hogwild). One thread is bit-reproducible from the seed; more are not.
     */
    public SkipGramTrainer threads(int n) {
        threads = positive("threads", n);
        return this;
    }

    /**
     * On the fast path, whether the words of one window share one draw of k noise words (on by
     * default; Ji et al. 2016) or each pair draws its own as word2vec.c does. The readable loop
     * always draws k noise words per pair.
     */
    public SkipGramTrainer sharedNegatives(boolean on) {
        sharedNegatives = on;
        return this;
    }

    /**
     * CBOW instead of skip-gram (word2vec's {@code -cbow 1}), on either path: the average h of
     * the window's words (rows of W) predicts the word at its centre (a row of C) against k noise
     * words, one example per window ({@link CbowLoss}). word2vec uses η₀ = 0.05 for CBOW.
     */
    public SkipGramTrainer cbow(boolean on) {
        cbow = on;
        return this;
    }

    /** On the fast path, compute σ exactly instead of from a table (for tests). */
    SkipGramTrainer exactSigmoid(boolean on) {
        exactSigmoid = on;
        return this;
    }

    /**
     * The step the readable loop takes on each (w, c_pos) pair, {@link SgdStep#apply} unless
     * replaced: a student's step (lesson 4) trains in the library's loop.
     */
    public SkipGramTrainer step(PairStep s) {
        if (s == null) {
            throw new IllegalArgumentException("step is null: pass a PairStep, e.g. SgdStep::apply");
        }
        step = s;
        return this;
    }

    /**
     * Trains with this loop instead of the library's ({@link TrainingLoop}): a student's epoch
     * loop (lesson 4) gets the same initial W, zero C, the prepared corpus and the same two random
     * streams as the readable loop would, so with {@code shrinkWindow(false)} an honest loop gives
     * the library's vectors. The fast path and CBOW keep their own loops;
     * {@code loop(null)} returns to the library's.
     */
    public SkipGramTrainer loop(TrainingLoop l) {
        loop = l;
        return this;
    }

    /** Sees every window the fast path trains on (for tests). */
    SkipGramTrainer observeWindows(FastTrainer.WindowObserver o) {
        observer = o;
        return this;
    }

    /** The number of fast-path threads; 0 for the readable loop. */
    int threads() {
        return threads;
    }

    /** Whether the fast path shares one draw of noise words per window. */
    boolean sharedNegatives() {
        return sharedNegatives;
    }

    /** Whether the fast path computes σ exactly. */
    boolean exactSigmoid() {
        return exactSigmoid;
    }

    /** Whether this trains CBOW instead of skip-gram. */
    boolean cbow() {
        return cbow;
    }

    /** The test's window observer, or null. */
    FastTrainer.WindowObserver windowObserver() {
        return observer;
    }

    /**
     * Trains on the corpus and returns W, C, the vocabulary and the loss history. Initial
     * vectors, then the window walk, then the noise draws each take their own stream split from
     * the seed.
     */
    public SkipGramModel train(Corpus corpus) {
        TrainingCorpus c = TrainingCorpus.of(corpus, this);
        int n = c.vocabulary().size();
        int d = dimension();
        SplittableRandom root = new SplittableRandom(seed());
        if (threads > 0) {
            if (loop != null) {
                throw new IllegalStateException("loop(...) replaces the readable loop; the fast path (threads " + threads
                        + ") keeps its own: drop fast()/threads(n) or loop(...)");
            }
            Initialisation.requireFits(n, n, d, Float.BYTES, true);
            FastTrainer.Result r = new FastTrainer(this).train(c, root);
            return new SkipGramModel(c.vocabulary(), r.W(), r.C(), r.history(), describe());
        }
        Initialisation.requireFits(n, n, d, Double.BYTES, false);
        double[][] W = Initialisation.W(n, d, root);
        double[][] C = new double[n][d];
        SplittableRandom walk = root.split();
        SplittableRandom draw = root.split();
        if (loop != null) {
            if (cbow) {
                throw new IllegalStateException("loop(...) replaces the skip-gram loop; CBOW keeps the library's: drop cbow(true) or loop(...)");
            }
            loop.train(W, C, c, this, walk, draw);
            return new SkipGramModel(c.vocabulary(), W, C, new LossHistory(), describe() + ", your loop");
        }
        LossHistory history = SkipGramLoop.train(this, c, W, C, step, cbow, walk, draw);
        return new SkipGramModel(c.vocabulary(), W, C, history, describe());
    }

    @Override
    protected String describe() {
        String path = threads == 0 ? "" : String.format(Locale.ROOT, ", fast: threads=%d, shared negatives=%s%s",
                threads, sharedNegatives, exactSigmoid ? ", exact σ" : "");
        return super.describe() + (cbow ? ", CBOW" : "") + path;
    }

    @Override
    public String toString() {
        return "SkipGramTrainer(" + describe() + ")";
    }
}

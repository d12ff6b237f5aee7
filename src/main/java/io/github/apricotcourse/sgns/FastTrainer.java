package io.github.apricotcourse.sgns;

import io.github.apricotcourse.embed.Embeddings;
import io.github.apricotcourse.text.SkipGramWindows;
import io.github.apricotcourse.text.Subsampling;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The fast path of {@link SkipGramTrainer} (its {@code fast()} and {@code threads(n)} options),
 * which reads like word2vec.c's training thread:
 *
 * <pre>
 *   W ← small random numbers, C ← 0                       (flat float arrays, one row per word)
 *   each thread takes a slice of the sentences; for each epoch, for each sentence:
 *     drop frequent words (subsampling, from a precomputed table)
 *     η = η₀ · max(1e−4, 1 − done / (total + 1))                (LearningRate; done: all threads)
 *     for each position t:  c_pos = word at t,  l = L − b (b random when shrinking)
 *       targets w_1..m = the words within ±l of t                 (SkipGramWindows, as every loop)
 *       draw k noise words c_neg (never c_pos) from NoiseDistribution's alias table, packed
 *       FastSgdStep: W[w_i], C[c_pos], C[c_neg] move as in SgdStep, for all i at once
 * </pre>
 *
 * As in word2vec.c, the word at the centre of the window plays c_pos and the words around it
 * play w. It walks the same windows as the readable loop (subsampling and window sizes come
 * from the same random stream, split from the seed in the same order): without shrinking,
 * "a is within ±L of b" is symmetric, so both train the same (w, c_pos) pairs; with shrinking,
 * the same pairs with w and c_pos swapped. With shared negatives (the default) the m targets
 * share one draw of k noise words (Ji et al. 2016); without, each pair draws its own, exactly
 * as word2vec.c. With CBOW the roles are word2vec.c's too: the average of W[w_1..m] predicts
 * C[c_pos] ({@link FastSgdStep#cbow}).
 *
 * <p>W and C are kept with their rows {@link FastSgdStep#stride} apart (d rounded up to a whole
 * number of vectors, zeros after the d numbers), and copied to rows of d at the end. The loss
 * history is computed on one window in every few (up to 16), so that each of its 200 points
 * still averages about a thousand windows: the step then skips log σ for the others.
 *
 * <p>Threads update W and C without locks (Hogwild, as word2vec.c and gensim do): a thread
 * may now and then overwrite another's tiny update, which SGD absorbs. With one thread a seed
 * gives bit-identical embeddings; with more, the interleaving of threads varies from run to
 * run, so the results are equally good but not bit-identical.
 */
final class FastTrainer {
    /** Words between two updates of the shared progress counter (word2vec.c uses 10,000). */
    private static final int PUBLISH_EVERY = 10_000;
    /** About this many windows' losses make each point of the loss history. */
    private static final int WINDOWS_PER_POINT = 1_000;
    /** The loss is computed on at most every this-many-th window (log σ costs as much as σ). */
    private static final int MOST_WINDOWS_PER_LOSS = 16;

    /** Sees each window the fast path trains on: the centre c_pos and the m words around it. */
    @FunctionalInterface
    interface WindowObserver {
        void window(int cPos, int[] around, int m);
    }

    private final int d;
    private final int L;
    private final int k;
    private final int epochs;
    private final double eta0;
    private final boolean shrinkWindow;
    private final TrainingListener listener;
    private final int threads;
    private final boolean sharedNegatives;
    private final boolean exactSigmoid;
    private final boolean cbow;
    private final WindowObserver observer;

    /** The fast path with a trainer's options, read by name. */
    FastTrainer(SkipGramTrainer o) {
        d = o.dimension();
        L = o.window();
        k = o.negatives();
        epochs = o.epochs();
        eta0 = o.learningRate();
        shrinkWindow = o.shrinkWindow();
        listener = o.listener();
        threads = o.threads();
        sharedNegatives = o.sharedNegatives();
        exactSigmoid = o.exactSigmoid();
        cbow = o.cbow();
        observer = o.windowObserver();
    }

    /**
     * Trains on a prepared corpus: W from the root generator, then for each thread a stream for
     * its window walk and one for its noise words, split from the root in that order.
     */
    Result train(TrainingCorpus corpus, SplittableRandom root) {
        int n = corpus.vocabulary().size();
        int stride = FastSgdStep.stride(d);
        float[] W = restride(Initialisation.flatW(n, d, root), n, d, stride, d);
        float[] C = new float[n * stride];
        NoiseTable noiseTable = new NoiseTable(corpus.noise());
        TrainingLog log = new TrainingLog(corpus.total(epochs), epochs, eta0, listener);
        int lossEvery = (int) Math.max(1, Math.min(MOST_WINDOWS_PER_LOSS, log.wordsPerPoint() / WINDOWS_PER_POINT));
        List<int[]> sentences = corpus.sentences();
        int slices = Math.max(1, Math.min(threads, sentences.size()));
        int[] bounds = slices(sentences, slices);
        Worker[] workers = new Worker[slices];
        Thread[] running = new Thread[slices];
        for (int s = 0; s < slices; s++) {
            workers[s] = new Worker(W, C, stride, sentences.subList(bounds[s], bounds[s + 1]), noiseTable,
                    corpus.subsampling(), corpus.longest(), root.split(), root.split(), log, lossEvery);
        }
        if (slices == 1) {
            workers[0].run();                                          // on the caller's thread
        } else {
            for (int s = 0; s < slices; s++) {
                running[s] = new Thread(workers[s], "apricot-sgns-" + s);
                running[s].setDaemon(true);
                running[s].start();
            }
            for (Thread t : running) {
                try {
                    t.join();
                } catch (InterruptedException e) {
                    log.fail(e);
                    Thread.currentThread().interrupt();
                }
            }
        }
        LossHistory history = log.finish();
        List<String> words = corpus.vocabulary().words();
        W = restride(W, n, stride, d, d);
        C = restride(C, n, stride, d, d);
        return new Result(Embeddings.of(words, W, d), Embeddings.of(words, C, d), history);
    }

    /** The n rows of d numbers in {@code flat}, {@code from} apart, copied {@code to} apart (zeros between). */
    private static float[] restride(float[] flat, int n, int from, int to, int d) {
        if (from == to) {
            return flat;
        }
        float[] out = new float[n * to];
        for (int r = 0; r < n; r++) {
            System.arraycopy(flat, r * from, out, r * to, d);
        }
        return out;
    }

    record Result(Embeddings W, Embeddings C, LossHistory history) {}

    /** Bounds of {@code parts} consecutive slices of the sentences with about equal numbers of words. */
    private static int[] slices(List<int[]> sentences, int parts) {
        long total = 0;
        for (int[] s : sentences) {
            total += s.length;
        }
        int[] bounds = new int[parts + 1];
        long sum = 0;
        int part = 1;
        for (int i = 0; i < sentences.size() && part < parts; i++) {
            sum += sentences.get(i).length;
            if (sum * parts >= total * part) {
                bounds[part++] = i + 1;
            }
        }
        while (part <= parts) {
            bounds[part++] = sentences.size();
        }
        for (int p = 1; p <= parts; p++) {                              // keep every slice non-empty
            bounds[p] = Math.max(bounds[p], Math.min(sentences.size(), bounds[p - 1] + 1));
        }
        bounds[parts] = sentences.size();
        return bounds;
    }

    /** One training thread: word2vec.c's loop over its slice of the sentences. */
    private final class Worker implements Runnable {
        private final float[] W;
        private final float[] C;
        private final List<int[]> slice;
        private final NoiseTable noise;
        private final Subsampling subsampling;
        private final SplittableRandom walk;     // subsampling and window sizes
        private final SplittableRandom shrink;   // walk when windows shrink, else null
        private final SplittableRandom draw;     // noise words
        private final TrainingLog log;
        private final FastSgdStep step;
        private final int[] kept;        // the sentence after subsampling
        private final int[] w;           // the targets around c_pos
        private final int[] cNeg;        // the k noise words
        private final int[] one = new int[1];   // a single target, when each pair draws its own noise
        private final int lossEvery;     // the loss of one window in this many

        Worker(float[] W, float[] C, int stride, List<int[]> slice, NoiseTable noise, Subsampling subsampling,
               int longest, SplittableRandom walk, SplittableRandom draw, TrainingLog log, int lossEvery) {
            this.W = W;
            this.C = C;
            this.slice = slice;
            this.noise = noise;
            this.subsampling = subsampling;
            this.walk = walk;
            this.shrink = shrinkWindow ? walk : null;
            this.draw = draw;
            this.log = log;
            this.lossEvery = lossEvery;
            step = new FastSgdStep(d, stride, k, exactSigmoid, FastSgdStep.VECTOR_API);
            kept = new int[longest];
            w = new int[2 * L];
            cNeg = new int[k];
        }

        @Override
        public void run() {
            try {
                train();
            } catch (Throwable e) {
                log.fail(e);
            }
        }

        private void train() {
            long words = 0;                                              // since the last publish
            double loss = 0;
            long pairs = 0;
            int unmeasured = 0;                                          // windows since the last loss
            for (int epoch = 1; epoch <= epochs; epoch++) {
                for (int[] sentence : slice) {
                    if (log.stopped()) {
                        return;
                    }
                    int n = subsampling.apply(sentence, kept, walk);
                    float eta = (float) log.eta(words);
                    for (int t = 0; t < n; t++) {
                        int cPos = kept[t];
                        int m = SkipGramWindows.contexts(kept, n, t, SkipGramWindows.reach(L, shrink), w);
                        if (m == 0) {
                            continue;
                        }
                        if (observer != null) {
                            observer.window(cPos, w, m);
                        }
                        boolean measure = unmeasured == 0;
                        unmeasured = unmeasured + 1 == lossEvery ? 0 : unmeasured + 1;
                        double stepLoss;
                        if (cbow) {                                  // the average of w_1..m predicts c_pos
                            drawNoise(cPos);
                            stepLoss = step.cbow(W, C, w, m, cPos, cNeg, eta, measure);
                        } else if (sharedNegatives) {
                            drawNoise(cPos);
                            stepLoss = step.apply(W, C, w, m, cPos, cNeg, eta, measure);
                        } else {
                            stepLoss = 0;
                            for (int i = 0; i < m; i++) {
                                drawNoise(cPos);
                                one[0] = w[i];
                                stepLoss += step.apply(W, C, one, 1, cPos, cNeg, eta, measure);
                            }
                        }
                        if (Double.isNaN(stepLoss)) {
                            log.fail(log.diverged(epoch));
                            return;
                        }
                        if (measure) {
                            loss += stepLoss;
                            pairs += cbow ? 1 : m;
                        }
                    }
                    words += sentence.length;
                    if (words >= PUBLISH_EVERY) {
                        log.add(epoch, words, loss, pairs);
                        words = 0;
                        loss = 0;
                        pairs = 0;
                    }
                }
                log.add(epoch, words, loss, pairs);
                words = 0;
                loss = 0;
                pairs = 0;
            }
        }

        /** k noise words from P_α, none equal to c_pos (redrawn if so, as word2vec.c skips them). */
        private void drawNoise(int cPos) {
            for (int o = 0; o < k; o++) {
                int c;
                do {
                    c = noise.sample(draw.nextLong());
                } while (c == cPos);
                cNeg[o] = c;
            }
        }
    }

}

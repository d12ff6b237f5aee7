package io.github.apricotcourse.sgns;

import io.github.apricotcourse.embed.Embeddings;
import io.github.apricotcourse.text.Subsampling;
import io.github.apricotcourse.text.Vocabulary;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The fast path of {@link SkipGramTrainer} (its {@code fast()} and {@code threads(n)} options),
 * which reads like word2vec.c's training thread:
 *
 * <pre>
 *   W ← small random numbers, C ← 0                       (flat float arrays, one row per word)
 *   each thread takes a slice of the sentences; for each epoch, for each sentence:
 *     drop frequent words (subsampling, from a precomputed table)
 *     η = η₀ · max(1e−4, 1 − progress of all threads)
 *     for each position t:  c_pos = word at t,  l = L − b (b random when shrinking)
 *       targets w_1..m = the words within ±l of t
 *       draw k noise words c_neg (never c_pos) from the cached alias table
 *       FastSgdStep: W[w_i], C[c_pos], C[c_neg] move as in SgdStep, for all i at once
 * </pre>
 *
 * As in word2vec.c, the word at the centre of the window plays c_pos and the words around it
 * play w; since "a is within ±l of b" is symmetric this yields the same (w, c_pos) pairs as the
 * readable loop. With shared negatives (the default) the m targets share one draw of k noise
 * words (Ji et al. 2016); without, each pair draws its own, exactly as word2vec.c.
 *
 * <p>Threads update W and C without locks (Hogwild, as word2vec.c and gensim do): a thread
 * may now and then overwrite another's tiny update, which SGD absorbs. With one thread a seed
 * gives bit-identical embeddings; with more, the interleaving of threads varies from run to
 * run, so the results are equally good but not bit-identical.
 */
final class FastTrainer {
    /** Words between two updates of the shared progress counter (word2vec.c uses 10,000). */
    private static final int PUBLISH_EVERY = 10_000;

    private final int d;
    private final int L;
    private final int k;
    private final int epochs;
    private final double eta0;
    private final boolean shrinkWindow;
    private final boolean sharedNegatives;
    private final boolean exactSigmoid;
    private final int threads;
    private final long seed;
    private final TrainingListener listener;

    FastTrainer(int d, int L, int k, int epochs, double eta0, boolean shrinkWindow, boolean sharedNegatives,
                boolean exactSigmoid, int threads, long seed, TrainingListener listener) {
        this.d = d;
        this.L = L;
        this.k = k;
        this.epochs = epochs;
        this.eta0 = eta0;
        this.shrinkWindow = shrinkWindow;
        this.sharedNegatives = sharedNegatives;
        this.exactSigmoid = exactSigmoid;
        this.threads = threads;
        this.seed = seed;
        this.listener = listener;
    }

    /** Trains on encoded sentences; returns W and C as embeddings of the vocabulary. */
    Result train(Vocabulary vocabulary, List<int[]> sentences, NoiseDistribution noise, Subsampling subsampling,
                 LossHistory history) {
        int n = vocabulary.size();
        long cells = (long) n * d;
        if (cells > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "%d words × %d dimensions = %d numbers per"
                    + " matrix, more than a Java array holds (2^31 − 1): use a smaller dimension or a higher minCount",
                    n, d, cells));
        }
        SplittableRandom root = new SplittableRandom(seed);
        float[] W = new float[(int) cells];
        float[] C = new float[(int) cells];
        for (int i = 0; i < W.length; i++) {
            W[i] = (float) ((root.nextDouble() - 0.5) / d);           // word2vec's initialisation
        }
        NoiseTable noiseTable = new NoiseTable(noise);
        float[] keep = new float[n];
        for (int i = 0; i < n; i++) {
            keep[i] = (float) subsampling.keepProbability(i);
        }
        int longest = 1;
        for (int[] s : sentences) {
            longest = Math.max(longest, s.length);
        }
        Progress progress = new Progress((long) epochs * vocabulary.totalCount(), history);
        int slices = Math.max(1, Math.min(threads, sentences.size()));
        int[] bounds = slices(sentences, slices);
        Worker[] workers = new Worker[slices];
        Thread[] running = new Thread[slices];
        for (int s = 0; s < slices; s++) {
            workers[s] = new Worker(W, C, sentences.subList(bounds[s], bounds[s + 1]), noiseTable, keep, longest,
                    root.split(), progress);
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
                    progress.stop(e);
                    Thread.currentThread().interrupt();
                }
            }
        }
        progress.finish();
        List<String> words = vocabulary.words();
        return new Result(Embeddings.of(words, W, d), Embeddings.of(words, C, d));
    }

    record Result(Embeddings W, Embeddings C) {}

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
        private final float[] keep;
        private final SplittableRandom rng;
        private final Progress progress;
        private final FastSgdStep step;
        private final int[] kept;        // the sentence after subsampling
        private final int[] w;           // the targets around c_pos
        private final int[] cNeg;        // the k noise words
        private final int[] one = new int[1];   // a single target, when each pair draws its own noise

        Worker(float[] W, float[] C, List<int[]> slice, NoiseTable noise, float[] keep, int longest,
               SplittableRandom rng, Progress progress) {
            this.W = W;
            this.C = C;
            this.slice = slice;
            this.noise = noise;
            this.keep = keep;
            this.rng = rng;
            this.progress = progress;
            step = new FastSgdStep(d, k, exactSigmoid);
            kept = new int[longest];
            w = new int[2 * L];
            cNeg = new int[k];
        }

        @Override
        public void run() {
            try {
                train();
            } catch (Throwable e) {
                progress.stop(e);
            }
        }

        private void train() {
            long words = 0;                                              // since the last publish
            double loss = 0;
            long pairs = 0;
            for (int epoch = 1; epoch <= epochs; epoch++) {
                for (int[] sentence : slice) {
                    if (progress.stopped()) {
                        return;
                    }
                    int n = 0;
                    for (int word : sentence) {                          // subsampling
                        if (keep[word] >= 1f || rng.nextFloat() < keep[word]) {
                            kept[n++] = word;
                        }
                    }
                    float eta = (float) (eta0 * Math.max(1e-4, 1 - progress.fraction(words)));
                    for (int t = 0; t < n; t++) {
                        int cPos = kept[t];
                        int l = shrinkWindow ? L - rng.nextInt(L) : L;
                        int m = 0;
                        for (int j = Math.max(0, t - l); j <= Math.min(n - 1, t + l); j++) {
                            if (j != t) {
                                w[m++] = kept[j];
                            }
                        }
                        if (m == 0) {
                            continue;
                        }
                        double stepLoss;
                        if (sharedNegatives) {
                            drawNoise(cPos);
                            stepLoss = step.apply(W, C, w, m, cPos, cNeg, eta);
                        } else {
                            stepLoss = 0;
                            for (int i = 0; i < m; i++) {
                                drawNoise(cPos);
                                one[0] = w[i];
                                stepLoss += step.apply(W, C, one, 1, cPos, cNeg, eta);
                            }
                        }
                        if (Double.isNaN(stepLoss)) {
                            progress.diverged(epoch);
                            return;
                        }
                        loss += stepLoss;
                        pairs += m;
                    }
                    words += sentence.length;
                    if (words >= PUBLISH_EVERY) {
                        progress.publish(epoch, words, loss, pairs);
                        words = 0;
                        loss = 0;
                        pairs = 0;
                    }
                }
                progress.publish(epoch, words, loss, pairs);
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
                    c = noise.sample(rng.nextLong());
                } while (c == cPos);
                cNeg[o] = c;
            }
        }
    }

    /**
     * What all threads share: the number of words done (for η and for reports), the loss since
     * the last report, and the first failure. Reports go to the loss history every 1/200 of the
     * run, and to the listener at most every 100 ms (and once at the end).
     */
    private final class Progress {
        private final long total;
        private final LossHistory history;
        private final long reportEvery;
        private final long start = System.nanoTime();
        private final AtomicLong done = new AtomicLong();
        private long nextReport;
        private long lastCall = Long.MIN_VALUE;
        private double lossSum;
        private double lastMean = Double.NaN;
        private long pairs;
        private int epoch = 1;
        private double eta = eta0;
        private volatile Throwable failure;

        Progress(long total, LossHistory history) {
            this.total = total;
            this.history = history;
            reportEvery = Math.max(1, total / 200);
            nextReport = reportEvery;
        }

        /** The fraction of all words done, counting a thread's unpublished words too. */
        double fraction(long unpublished) {
            return (double) (done.get() + unpublished) / (total + 1);
        }

        synchronized void publish(int epochOfThread, long words, double loss, long examples) {
            long now = done.addAndGet(words);
            lossSum += loss;
            pairs += examples;
            epoch = epochOfThread;
            eta = eta0 * Math.max(1e-4, 1 - (double) now / (total + 1));
            if (now >= nextReport) {
                nextReport = now + reportEvery;
                report(now, false);
            }
        }

        private void report(long now, boolean last) {
            double mean = pairs == 0 ? lastMean : lossSum / pairs;    // nothing new: repeat the last mean
            if (pairs > 0) {
                history.add(new LossHistory.Point(epoch, now, mean));
                lastMean = mean;
            }
            long t = System.nanoTime();
            if (last || t - lastCall >= 100_000_000L || lastCall == Long.MIN_VALUE) {
                lastCall = t;
                listener.onProgress(new TrainingProgress(epoch, epochs, now, total, mean, eta,
                        Duration.ofNanos(t - start)));
            }
            lossSum = 0;
            pairs = 0;
        }

        boolean stopped() {
            return failure != null;
        }

        void stop(Throwable e) {
            if (failure == null) {
                failure = e;
            }
        }

        void diverged(int epochOfThread) {
            stop(new TrainingDivergedException(String.format(Locale.ROOT,
                    "training diverged: a score c · w became infinite or NaN in epoch %d after about %d words,"
                            + " with learning rate η₀ = %s. The vectors grew without bound: lower the learning"
                            + " rate (word2vec uses 0.025) and train again.", epochOfThread, done.get(), eta0)));
        }

        /** Rethrows a thread's failure, or sends the last report. */
        synchronized void finish() {
            Throwable e = failure;
            if (e instanceof RuntimeException r) {
                throw r;
            }
            if (e instanceof Error err) {
                throw err;
            }
            if (e != null) {
                throw new IllegalStateException("training was interrupted", e);
            }
            report(done.get(), true);
        }
    }
}

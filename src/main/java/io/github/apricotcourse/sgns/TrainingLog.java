package io.github.apricotcourse.sgns;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What every trainer keeps while it runs, in one place: the corpus words done (for η and for
 * progress), the loss history (one point per 1/200 of the run), reports to the listener (at
 * most every 100 ms, and once at the end), the divergence check and the first failure of any
 * thread. Training threads add their words and losses every few thousand words:
 *
 * <pre>
 *   log.add(epoch, words, lossSum, pairs);     η = log.eta(unpublished words);
 *   if (!Double.isFinite(loss)) throw log.diverged(epoch);
 *   log.finish();                               the last report, or a thread's failure
 * </pre>
 */
public final class TrainingLog {
    private final long total;
    private final int epochs;
    private final double eta0;
    private final TrainingListener listener;
    private final LossHistory history = new LossHistory();
    private final long reportEvery;
    private final long start = System.nanoTime();
    private final AtomicLong done = new AtomicLong();
    private long nextReport;
    private long lastCall = Long.MIN_VALUE;
    private double lossSum;
    private double lastMean = Double.NaN;
    private long pairs;
    private int epoch = 1;
    private volatile Throwable failure;

    /** A log for a run of {@code total} corpus words (epochs × words per epoch) starting at η₀. */
    public TrainingLog(long total, int epochs, double eta0, TrainingListener listener) {
        this.total = total;
        this.epochs = epochs;
        this.eta0 = eta0;
        this.listener = listener;
        reportEvery = Math.max(1, total / 200);
        nextReport = reportEvery;
    }

    /** η now, counting a thread's words not yet added ({@link LearningRate}). */
    public double eta(long unpublished) {
        return LearningRate.at(eta0, done.get() + unpublished, total);
    }

    /** Corpus words between two points of the loss history (1/200 of the run). */
    public long wordsPerPoint() {
        return reportEvery;
    }

    /** Corpus words done, over all epochs and threads. */
    public long done() {
        return done.get();
    }

    /** Adds {@code words} corpus words done in an epoch, and the summed loss of the {@code examples} pairs trained on them. */
    public synchronized void add(int epochOfThread, long words, double loss, long examples) {
        long now = done.addAndGet(words);
        lossSum += loss;
        pairs += examples;
        epoch = epochOfThread;
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
            listener.onProgress(new TrainingProgress(epoch, epochs, now, total, mean, eta(0), Duration.ofNanos(t - start)));
        }
        lossSum = 0;
        pairs = 0;
    }

    /** The divergence check's verdict: the loss of a pair (or a score) became infinite or NaN. */
    public TrainingDivergedException diverged(int epochOfThread) {
        return new TrainingDivergedException(String.format(Locale.ROOT,
                "training diverged: the loss became infinite or NaN in epoch %d after about %d words, with learning"
                        + " rate η₀ = %s. The vectors grew without bound: lower the learning rate (word2vec uses 0.025,"
                        + " fastText 0.05) and train again.", epochOfThread, done.get(), eta0));
    }

    /** Records a thread's failure (the first one wins); the other threads see {@link #stopped()}. */
    public void fail(Throwable e) {
        if (failure == null) {
            failure = e;
        }
    }

    /** True once a thread has failed. */
    public boolean stopped() {
        return failure != null;
    }

    /** Rethrows a thread's failure, or sends the last report; returns the loss history. */
    public synchronized LossHistory finish() {
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
        return history;
    }
}

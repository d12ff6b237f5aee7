package io.github.apricotcourse.sgns;

import java.time.Duration;

/**
 * A snapshot of training: how far it got, how fast, and the mean loss since the last report.
 *
 * @param epoch        the current epoch, 1-based
 * @param epochs       the number of epochs
 * @param wordsDone    corpus words processed so far, over all epochs (before subsampling)
 * @param wordsTotal   corpus words to process in all epochs
 * @param meanLoss     mean SGNS loss per (target, context) example since the last report
 * @param learningRate the current η
 * @param elapsed      wall time since training started
 */
public record TrainingProgress(int epoch, int epochs, long wordsDone, long wordsTotal,
                               double meanLoss, double learningRate, Duration elapsed) {

    /** wordsDone / wordsTotal, in [0, 1]. */
    public double fraction() {
        return wordsTotal == 0 ? 1 : Math.min(1, (double) wordsDone / wordsTotal);
    }

    /** Words processed per second of wall time. */
    public double wordsPerSecond() {
        double s = elapsed.toNanos() / 1e9;
        return s == 0 ? 0 : wordsDone / s;
    }

    /** Estimated time left at the current speed. */
    public Duration remaining() {
        double wps = wordsPerSecond();
        return wps == 0 ? Duration.ZERO : Duration.ofMillis((long) ((wordsTotal - wordsDone) / wps * 1000));
    }

    /** True for the last report of a run. */
    public boolean finished() {
        return wordsDone >= wordsTotal;
    }
}

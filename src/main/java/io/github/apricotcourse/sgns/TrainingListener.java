package io.github.apricotcourse.sgns;

/**
 * Receives the trainer's progress a few hundred times per run and once at the end; the
 * notebook kernel turns it into a live progress bar ({@code viz.ProgressBar}).
 */
@FunctionalInterface
public interface TrainingListener {
    void onProgress(TrainingProgress progress);
}

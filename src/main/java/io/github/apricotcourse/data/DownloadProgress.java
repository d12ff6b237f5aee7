package io.github.apricotcourse.data;

import io.github.apricotcourse.viz.ProgressBar;
import java.util.Locale;

/**
 * Receives the progress of a download. {@link #automatic()} (the default) shows it with the
 * course's one {@link ProgressBar}: updated in place inside a notebook, a line on standard error
 * every few seconds elsewhere.
 */
@FunctionalInterface
public interface DownloadProgress {

    /** {@code done} of {@code total} bytes of {@code label} have arrived ({@code total} ≤ 0 when unknown). */
    void update(String label, long done, long total);

    /** Nothing is shown. */
    static DownloadProgress none() {
        return (label, done, total) -> { };
    }

    /** A {@link ProgressBar} per file: in a notebook an HTML bar, elsewhere lines on standard error. */
    static DownloadProgress automatic() {
        return new DownloadProgress() {
            private String file;
            private ProgressBar bar;

            @Override
            public void update(String label, long done, long total) {
                if (!label.equals(file)) {
                    file = label;
                    bar = new ProgressBar("Downloading " + label, System.err);
                }
                bar.update(total > 0 ? (double) done / total : 0, status(done, total), total > 0 && done >= total);
            }
        };
    }

    /** "11.0 / 31.3 MB", or "11.0 MB" when the size is unknown. */
    private static String status(long done, long total) {
        return total > 0 ? String.format(Locale.ROOT, "%.1f / %.1f MB", done / 1e6, total / 1e6)
                : String.format(Locale.ROOT, "%.1f MB", done / 1e6);
    }
}

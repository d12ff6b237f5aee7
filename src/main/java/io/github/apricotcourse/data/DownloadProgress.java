package io.github.apricotcourse.data;

import java.io.PrintStream;
import java.util.Locale;

/**
 * Receives the progress of a download. {@link #text(PrintStream)} draws a one-line text bar;
 * a notebook kernel can pass its own (e.g. an HTML progress bar) to {@link Datasets#progress}.
 */
@FunctionalInterface
public interface DownloadProgress {

    /** {@code done} of {@code total} bytes of {@code label} have arrived ({@code total} ≤ 0 when unknown). */
    void update(String label, long done, long total);

    /** Nothing is shown. */
    static DownloadProgress none() {
        return (label, done, total) -> { };
    }

    /** A text bar such as {@code text8.zip [#######.............] 35%  11.0 / 31.3 MB}, redrawn in place. */
    static DownloadProgress text(PrintStream out) {
        return new DownloadProgress() {
            private int shown = -1;

            @Override
            public void update(String label, long done, long total) {
                int percent = total > 0 ? (int) (100 * done / total) : -1;
                boolean finished = total > 0 && done >= total;
                if (percent == shown && !finished) {
                    return;
                }
                shown = percent;
                int filled = Math.max(0, percent) / 5;
                out.printf(Locale.ROOT, "\r%s [%s%s] %3d%%  %.1f / %.1f MB", label, "#".repeat(filled),
                        ".".repeat(20 - filled), Math.max(0, percent), done / 1e6, total / 1e6);
                if (finished) {
                    out.println();
                }
                out.flush();
            }
        };
    }
}

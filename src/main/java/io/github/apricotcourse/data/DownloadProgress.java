package io.github.apricotcourse.data;

import io.github.apricotcourse.viz.Display;
import io.github.apricotcourse.viz.Html;
import java.io.PrintStream;
import java.util.Locale;

/**
 * Receives the progress of a download. {@link #automatic()} (the default) shows an HTML bar,
 * updated in place, inside a notebook and a one-line text bar on standard error elsewhere.
 */
@FunctionalInterface
public interface DownloadProgress {

    /** {@code done} of {@code total} bytes of {@code label} have arrived ({@code total} ≤ 0 when unknown). */
    void update(String label, long done, long total);

    /** Nothing is shown. */
    static DownloadProgress none() {
        return (label, done, total) -> { };
    }

    /** An HTML bar in a notebook (through {@link Display}), a text bar on standard error elsewhere. */
    static DownloadProgress automatic() {
        return new DownloadProgress() {
            private DownloadProgress chosen;

            @Override
            public void update(String label, long done, long total) {
                if (chosen == null) {
                    chosen = Display.inNotebook() ? notebook() : text(System.err);
                }
                chosen.update(label, done, total);
            }
        };
    }

    /** An HTML {@code <progress>} bar shown and updated in place through {@link Display}. */
    static DownloadProgress notebook() {
        return new DownloadProgress() {
            private String id;
            private int shown = -1;

            @Override
            public void update(String label, long done, long total) {
                int percent = total > 0 ? (int) (100 * done / total) : 0;
                if (percent == shown) {
                    return;
                }
                shown = percent;
                String text = String.format(Locale.ROOT, "Downloading %s: %d%% (%.1f / %.1f MB)", label, percent,
                        done / 1e6, total / 1e6);
                Html bar = new Html("<div style=\"font-family:monospace\"><b>" + Html.escape(label)
                        + "</b> <progress value=\"" + percent + "\" max=\"100\" style=\"width:16em\"></progress> "
                        + Html.escape(text.substring(text.indexOf(':') + 2)) + "</div>", text);
                if (id == null) {
                    id = Display.show(bar);
                } else {
                    Display.update(id, bar);
                }
            }
        };
    }

    /** A text bar such as {@code text8.zip [#######.............] 35%  11.0 / 31.3 MB}, redrawn in place. */
    static DownloadProgress text(PrintStream out) {
        return text(out, null);
    }

    /**
     * The same text bar for things counted one by one: {@code done} and {@code total} are numbers
     * of {@code unit} ({@code Grading [#######.............] 35%  105 / 300 students}); bytes when
     * {@code unit} is null.
     */
    static DownloadProgress text(PrintStream out, String unit) {
        return new DownloadProgress() {
            private int shown = -1;

            @Override
            public void update(String label, long done, long total) {
                int percent = total > 0 ? (int) (100 * done / total) : -1;
                boolean finished = total > 0 && done >= total;
                if (percent == shown && !finished && unit == null) {
                    return;
                }
                shown = percent;
                int filled = Math.max(0, percent) / 5;
                String amount = unit == null ? String.format(Locale.ROOT, "%.1f / %.1f MB", done / 1e6, total / 1e6)
                        : done + " / " + total + " " + unit;
                out.printf(Locale.ROOT, "\r%s [%s%s] %3d%%  %s", label, "#".repeat(filled), ".".repeat(20 - filled),
                        Math.max(0, percent), amount);
                if (finished) {
                    out.println();
                }
                out.flush();
            }
        };
    }
}

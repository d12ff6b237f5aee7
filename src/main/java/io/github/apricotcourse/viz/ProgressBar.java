package io.github.apricotcourse.viz;

import io.github.apricotcourse.sgns.TrainingListener;
import io.github.apricotcourse.sgns.TrainingProgress;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;

/**
 * The progress bar of the course, for anything that reports how far it is: training (it is a
 * {@link TrainingListener}, with words per second, the mean loss and the time left) and
 * downloads ({@code data.DownloadProgress} reports bytes through {@link #update}).
 *
 * <pre>{@code
 * SkipGramModel model = SkipGramTrainer.create().seed(1).listener(new ProgressBar("Training")).train(corpus);
 * }</pre>
 *
 * In a notebook the bar is one output replaced in place (at most every {@value #MIN_UPDATE_MILLIS}
 * ms, and always for a finished report); in a console a line is printed at the first report, every
 * {@value #CONSOLE_UPDATE_MILLIS} ms and at the first finished report, on standard output (through
 * {@link Display}) or on the stream given.
 */
public final class ProgressBar implements TrainingListener {

    static final long MIN_UPDATE_MILLIS = 250;
    static final long CONSOLE_UPDATE_MILLIS = 5_000;

    private final String label;
    private final PrintStream console;
    private String displayId;
    private boolean shown;
    private boolean finishedShown;
    private long lastShownNanos;
    private double lastLoss = Double.NaN;

    /** A bar titled {@code label}, shown at the first report. */
    public ProgressBar(String label) {
        this(label, null);
    }

    /** A bar that, outside a notebook, prints its lines on {@code console} (e.g. System.err) instead of standard output. */
    public ProgressBar(String label, PrintStream console) {
        this.label = label;
        this.console = console;
    }

    @Override
    public synchronized void onProgress(TrainingProgress report) {
        TrainingProgress progress = withLastKnownLoss(report);
        update(progress.fraction(), status(progress), progress.finished());
    }

    /** Shows {@code fraction} (0 to 1) done with a status text; the last report has {@code finished} true. */
    public synchronized void update(double fraction, String status, boolean finished) {
        long now = System.nanoTime();
        boolean inPlace = Display.inNotebook();
        long every = inPlace ? MIN_UPDATE_MILLIS : CONSOLE_UPDATE_MILLIS;
        if (shown && !finished && (now - lastShownNanos) / 1_000_000 < every || finishedShown && !inPlace) {
            return;   // too soon; or a console already has the finished line, which it cannot replace
        }
        finishedShown = finished;
        Html bar = render(fraction, status);
        if (console != null && !inPlace) {
            console.println(bar.text());
            console.flush();
        } else if (displayId == null) {
            displayId = Display.show(bar);
        } else {
            Display.update(displayId, bar);
        }
        shown = true;
        lastShownNanos = now;
    }

    /**
     * The report, with the last finite loss when it has none (a report with no training example
     * since the previous one has a NaN mean loss).
     */
    private TrainingProgress withLastKnownLoss(TrainingProgress p) {
        if (Double.isFinite(p.meanLoss())) {
            lastLoss = p.meanLoss();
            return p;
        }
        return new TrainingProgress(p.epoch(), p.epochs(), p.wordsDone(), p.wordsTotal(), lastLoss,
                p.learningRate(), p.elapsed());
    }

    /** The bar for one training snapshot, as HTML with a plain-text twin. */
    public Html render(TrainingProgress p) {
        return render(p.fraction(), status(p));
    }

    /** The bar at {@code fraction} done with a status text, as HTML with a plain-text twin. */
    public Html render(double fraction, String status) {
        double f = Math.max(0, Math.min(1, fraction));
        int percent = (int) Math.floor(f * 100);
        String html = "<div class=\"apricot-progress\" style=\"font-family:monospace\">"
                + "<b>" + Html.escape(label) + "</b> "
                + "<progress value=\"" + String.format(Locale.ROOT, "%.4f", f) + "\" max=\"1\" "
                + "style=\"width:16em;vertical-align:middle\"></progress> "
                + percent + "% &middot; " + Html.escape(status) + "</div>";
        int filled = (int) Math.round(f * 20);
        String text = label + " [" + "#".repeat(filled) + ".".repeat(20 - filled) + "] " + percent + "% · " + status;
        return new Html(html, text);
    }

    /** "epoch 2/5 · 12,345 words/s · loss 0.4123 · 0:42 left" (or "done in 1:03"). */
    static String status(TrainingProgress p) {
        String speed = String.format(Locale.ROOT, "%,.0f words/s", p.wordsPerSecond());
        String loss = Double.isNaN(p.meanLoss()) ? "loss –" : String.format(Locale.ROOT, "loss %.4f", p.meanLoss());
        String time = p.finished() ? "done in " + clock(p.elapsed()) : clock(p.remaining()) + " left";
        return "epoch " + p.epoch() + "/" + p.epochs() + " · " + speed + " · " + loss + " · " + time;
    }

    /** m:ss, or h:mm:ss from an hour on. */
    static String clock(Duration d) {
        long s = Math.max(0, d.toSeconds());
        return s >= 3600
                ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}

package io.github.apricotcourse.viz;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import tech.tablesaw.plotly.components.Figure;

/**
 * A Tablesaw/plotly {@link Figure} as self-contained notebook HTML that draws without internet.
 *
 * <p>plotly.js (from npm {@code plotly.js-dist-min}, bundled into the jar at build time) is
 * embedded in the first figure of each kernel session, like plotly.py's offline notebook mode;
 * later figures wait for {@code window.Plotly}. The library is wrapped so that require.js (the
 * classic Notebook) does not capture it as an anonymous AMD module: it always lands on
 * {@code window.Plotly}, with or without require.js. The same HTML works in the classic
 * Notebook, JupyterLab and nbconvert's HTML export.
 */
public final class FigureHtml {

    /** Classpath location of the bundled plotly.js. */
    static final String PLOTLY_RESOURCE = "plotly.min.js";

    /** How long a figure waits for plotly.js before explaining how to get it. */
    static final int WAIT_MILLIS = 20_000;

    private static final AtomicBoolean libraryEmitted = new AtomicBoolean(false);

    private FigureHtml() {
    }

    /** The HTML for {@code figure}, embedding plotly.js if this is the session's first figure. */
    public static String of(Figure figure) {
        boolean withLibrary = libraryEmitted.compareAndSet(false, true);
        return of(figure, newDivId(), withLibrary);
    }

    /** The HTML for a slider figure, embedding plotly.js if this is the session's first figure. */
    public static String of(SliderFigure figure) {
        boolean withLibrary = libraryEmitted.compareAndSet(false, true);
        return of(figure, newDivId(), withLibrary);
    }

    /**
     * The HTML for a neighbour explorer: its search box, view and neighbour list, and the plot
     * (class {@code apricot-explorer-plot}), embedding plotly.js if this is the session's first figure.
     */
    public static String of(Explorer explorer) {
        boolean withLibrary = libraryEmitted.compareAndSet(false, true);
        return of(explorer, newDivId(), withLibrary);
    }

    /** The HTML for a neighbour explorer whose plot is drawn into a div with id {@code divId}. */
    static String of(Explorer explorer, String divId, boolean withLibrary) {
        return explorer.controls(divId)
                + html(explorer.drawingCode(divId), divId, "apricot-figure apricot-explorer-plot", withLibrary)
                + Explorer.closing();
    }

    /** A fresh div id; Tablesaw also uses it as a JavaScript variable name, so it must be an identifier. */
    private static String newDivId() {
        return "apricot_figure_" + UUID.randomUUID().toString().replace("-", "");
    }

    /**
     * Embeds plotly.js again in the next figure, for a page that lost the output that carried
     * it (for example after "Clear all outputs" without a kernel restart).
     */
    public static void embedLibraryAgain() {
        libraryEmitted.set(false);
    }

    /** The HTML for {@code figure} drawn into a div with id {@code divId}. */
    static String of(Figure figure, String divId, boolean withLibrary) {
        return html(drawingCode(figure, divId), divId, "apricot-figure", withLibrary);
    }

    /**
     * The HTML for a slider figure drawn into a div with id {@code divId}: plotly draws the
     * figure with its frames, slider and play button (class {@code apricot-slider-figure}).
     */
    static String of(SliderFigure figure, String divId, boolean withLibrary) {
        // Inline scripts end at the first "</", wherever it stands (even inside a JSON string).
        String drawing = "Plotly.newPlot(document.getElementById('" + divId + "'), "
                + figure.json().replace("</", "<\\/") + ");";
        return html(drawing, divId, "apricot-figure apricot-slider-figure", withLibrary);
    }

    private static String html(String drawingCode, String divId, String cssClass, boolean withLibrary) {
        StringBuilder html = new StringBuilder();
        html.append("<div id=\"").append(divId).append("\" class=\"").append(cssClass).append("\"></div>\n");
        if (withLibrary) {
            html.append("<script type=\"text/javascript\">/* plotly.js, embedded by Apricot for offline use */\n")
                    .append("(function (define, module, exports) {\n")
                    .append(plotlyJs())
                    .append("\n}).call(window);\n</script>\n");
        }
        html.append("<script type=\"text/javascript\">\n(function () {\n")
                .append("  var draw = function () {\n").append(drawingCode).append("\n  };\n")
                .append("  var waited = 0;\n")
                .append("  (function whenPlotlyLoaded() {\n")
                .append("    if (window.Plotly) { draw(); return; }\n")
                .append("    waited += 50;\n")
                .append("    if (waited > ").append(WAIT_MILLIS).append(") {\n")
                .append("      document.getElementById('").append(divId).append("').textContent = ")
                .append("'This figure needs plotly.js, which Apricot embeds in the first figure of a kernel "
                        + "session, and that output is not on this page. Fix: Kernel > Restart & Run All.';\n")
                .append("      return;\n    }\n")
                .append("    setTimeout(whenPlotlyLoaded, 50);\n")
                .append("  })();\n})();\n</script>");
        return html.toString();
    }

    /** Tablesaw's own drawing script for the figure, without its {@code <script>} tags. */
    private static String drawingCode(Figure figure, String divId) {
        String script = figure.asJavascript(divId).strip();
        int open = script.indexOf('>');
        int close = script.lastIndexOf("</script>");
        if (!script.startsWith("<script") || open < 0 || close < open) {
            throw new IllegalStateException("Unexpected Tablesaw figure script (expected <script>...</script>): "
                    + script.substring(0, Math.min(80, script.length())));
        }
        return script.substring(open + 1, close);
    }

    /** The bundled plotly.js source, read once. */
    static String plotlyJs() {
        return PlotlyJs.SOURCE;
    }

    /** Holder so the 4.5 MB library is read only when the first figure is drawn. */
    private static final class PlotlyJs {
        static final String SOURCE = read();

        private static String read() {
            try (InputStream in = FigureHtml.class.getResourceAsStream(PLOTLY_RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("plotly.js is missing from the Apricot jar (resource "
                            + "io/github/apricotcourse/viz/" + PLOTLY_RESOURCE + "). Fix: rebuild with `mvn package`, "
                            + "which downloads it from the npm registry.");
                }
                String js = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                // Inline scripts end at the first "</script", wherever it stands.
                return js.replace("</script", "<\\/script");
            } catch (IOException e) {
                throw new UncheckedIOException("Could not read the bundled plotly.js", e);
            }
        }
    }
}

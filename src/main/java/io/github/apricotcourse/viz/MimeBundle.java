package io.github.apricotcourse.viz;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import tech.tablesaw.api.Table;
import tech.tablesaw.plotly.components.Figure;

/**
 * The rich forms of a value, keyed by MIME type ({@code text/html}, {@code text/plain}), in
 * the order a front end should prefer them. This is the one place that decides how course
 * objects look in a notebook; both the Apricot kernel and the IJava bridge in {@link Display}
 * use it.
 *
 * <p>Figures are self-contained HTML that carries plotly.js (the first of a session, ~4.5 MB), so
 * they draw offline everywhere. With the environment variable {@code APRICOT_PLOTLY=mime} a plain
 * Tablesaw {@link Figure} is sent instead as plotly's own MIME type
 * ({@code application/vnd.plotly.v1+json}: its data and layout, a few KB) with a short
 * {@code text/html} note for front ends that cannot draw it: JupyterLab and Notebook 7 draw it
 * when plotly's extension is installed ({@code pip install plotly}), nbconvert's HTML export and
 * front ends without the extension show the note. Slider figures and explorers run their own
 * JavaScript and stay HTML with plotly.js.
 *
 * <p>A JSON form ({@code application/...+json}) is kept as the JSON tree it was built as, and
 * becomes text only when {@link #data()} is asked for it.
 */
public final class MimeBundle {

    public static final String HTML = "text/html";
    public static final String TEXT = "text/plain";
    /** plotly's own MIME type: a JSON object with the figure's {@code data} and {@code layout}. */
    public static final String PLOTLY = "application/vnd.plotly.v1+json";
    /** The environment variable that chooses how figures travel: {@code inline} (the default) or {@code mime}. */
    public static final String PLOTLY_FORM = "APRICOT_PLOTLY";

    private static final String FIGURE_TEXT = "Figure (plotly): shown in a notebook, or save with "
            + "tech.tablesaw.plotly.Plot.show(figure)";

    /** MIME type to content, most preferred first: a {@link JsonElement} for JSON types, else a String. */
    private final Map<String, Object> forms;

    private MimeBundle(Map<String, Object> forms) {
        this.forms = Collections.unmodifiableMap(new LinkedHashMap<>(forms));
    }

    /** An HTML bundle with its plain-text twin. */
    public static MimeBundle html(String html, String text) {
        Map<String, Object> forms = new LinkedHashMap<>();
        forms.put(HTML, html);
        forms.put(TEXT, text);
        return new MimeBundle(forms);
    }

    /**
     * The rich forms of {@code value} if it is a type Apricot knows how to draw: Tablesaw
     * {@link Table}s and {@link Figure}s, {@link SliderFigure}s, {@link Explorer}s and {@link Html}. Anything else is left to the kernel's
     * own renderer (usually its {@code toString()}).
     */
    public static Optional<MimeBundle> of(Object value) {
        return of(value, plotlyMime(System.getenv(PLOTLY_FORM)));
    }

    /**
     * Whether {@code APRICOT_PLOTLY}'s value asks for plotly's MIME type: true for {@code mime},
     * false when unset, empty or {@code inline}.
     */
    static boolean plotlyMime(String setting) {
        String v = setting == null ? "" : setting.strip().toLowerCase(Locale.ROOT);
        return switch (v) {
            case "", "inline" -> false;
            case "mime" -> true;
            default -> throw new IllegalArgumentException(PLOTLY_FORM + " is '" + setting + "'. Fix: set it to 'inline' "
                    + "(figures carry plotly.js and draw offline everywhere, the default) or 'mime' (plotly's own MIME "
                    + "type, for JupyterLab with plotly's extension), or unset it.");
        };
    }

    /** The rich forms of {@code value}; plain figures as plotly's MIME type if {@code plotlyMime}. */
    static Optional<MimeBundle> of(Object value, boolean plotlyMime) {
        if (value instanceof Figure f && plotlyMime) {
            Map<String, Object> forms = new LinkedHashMap<>();
            forms.put(PLOTLY, SliderFigure.figureJson(f));
            forms.put(HTML, "<div class=\"apricot-figure-note\">This plotly figure was sent as plotly's own MIME type "
                    + "(APRICOT_PLOTLY=mime), which this page cannot draw. Fix: open the notebook in JupyterLab with "
                    + "plotly's extension (pip install plotly), or run it again with APRICOT_PLOTLY unset, which "
                    + "draws every figure offline.</div>");
            forms.put(TEXT, FIGURE_TEXT);
            return Optional.of(new MimeBundle(forms));
        }
        if (value instanceof Html h) {
            return Optional.of(html(h.html(), h.text()));
        }
        if (value instanceof Table t) {
            return Optional.of(html(TableHtml.of(t), t.print()));
        }
        if (value instanceof Figure f) {
            return Optional.of(html(FigureHtml.of(f), FIGURE_TEXT));
        }
        if (value instanceof SliderFigure s) {
            return Optional.of(html(FigureHtml.of(s), s.toString()));
        }
        if (value instanceof Explorer e) {
            return Optional.of(html(FigureHtml.of(e), e.toString()));
        }
        return Optional.empty();
    }

    /** MIME type to content as text, most preferred first; a JSON form is written out as JSON text. */
    public Map<String, String> data() {
        Map<String, String> out = new LinkedHashMap<>();
        forms.forEach((mime, content) -> out.put(mime, content.toString()));
        return Collections.unmodifiableMap(out);
    }

    /**
     * The data as a Jupyter message carries it: JSON MIME types ({@code application/...+json}) as
     * JSON objects (maps and lists, which any kernel's JSON writer serialises as such, whichever
     * Gson it has), the rest as text.
     */
    public Map<String, Object> jupyterData() {
        Map<String, Object> out = new LinkedHashMap<>();
        forms.forEach((mime, content) -> out.put(mime,
                content instanceof JsonElement json ? new Gson().fromJson(json, Object.class) : content));
        return out;
    }
}

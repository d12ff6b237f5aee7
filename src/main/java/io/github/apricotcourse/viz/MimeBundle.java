package io.github.apricotcourse.viz;

import java.util.Collections;
import java.util.LinkedHashMap;
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
 * @param data MIME type to content, most preferred first
 */
public record MimeBundle(Map<String, String> data) {

    public static final String HTML = "text/html";
    public static final String TEXT = "text/plain";

    public MimeBundle {
        data = Collections.unmodifiableMap(new LinkedHashMap<>(data));
    }

    /** An HTML bundle with its plain-text twin. */
    public static MimeBundle html(String html, String text) {
        Map<String, String> data = new LinkedHashMap<>();
        data.put(HTML, html);
        data.put(TEXT, text);
        return new MimeBundle(data);
    }

    /**
     * The rich forms of {@code value} if it is a type Apricot knows how to draw: Tablesaw
     * {@link Table}s and {@link Figure}s, {@link SliderFigure}s, {@link Explorer}s and {@link Html}. Anything else is left to the kernel's
     * own renderer (usually its {@code toString()}).
     */
    public static Optional<MimeBundle> of(Object value) {
        if (value instanceof Html h) {
            return Optional.of(html(h.html(), h.text()));
        }
        if (value instanceof Table t) {
            return Optional.of(html(TableHtml.of(t), t.print()));
        }
        if (value instanceof Figure f) {
            return Optional.of(html(FigureHtml.of(f), "Figure (plotly): shown in a notebook, or save with "
                    + "tech.tablesaw.plotly.Plot.show(figure)"));
        }
        if (value instanceof SliderFigure s) {
            return Optional.of(html(FigureHtml.of(s), s.toString()));
        }
        if (value instanceof Explorer e) {
            return Optional.of(html(FigureHtml.of(e), e.toString()));
        }
        return Optional.empty();
    }
}

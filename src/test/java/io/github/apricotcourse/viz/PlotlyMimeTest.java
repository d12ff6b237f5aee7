package io.github.apricotcourse.viz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import io.github.spencerpark.jupyter.kernel.display.Renderer;
import io.github.spencerpark.jupyter.kernel.display.mime.MIMEType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.plotly.api.LinePlot;
import tech.tablesaw.plotly.components.Figure;

/** APRICOT_PLOTLY=mime: plain figures as plotly's MIME type, a few KB instead of plotly.js. */
class PlotlyMimeTest {

    private static Figure figure() {
        Table t = Table.create("loss", IntColumn.create("epoch", 1, 2), DoubleColumn.create("loss", 2.0, 1.5));
        return LinePlot.create("Loss", t, "epoch", "loss");
    }

    /** Tablesaw writes some numbers as strings ('1'); plotly reads both. */
    private static List<Double> numbers(Object list) {
        return assertInstanceOf(List.class, list).stream().map(v -> Double.parseDouble(String.valueOf(v))).toList();
    }

    @Test
    void theSettingIsInlineUnlessItSaysMime() {
        assertFalse(MimeBundle.plotlyMime(null));
        assertFalse(MimeBundle.plotlyMime(""));
        assertFalse(MimeBundle.plotlyMime("inline"));
        assertTrue(MimeBundle.plotlyMime(" MIME "));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MimeBundle.plotlyMime("json"));
        assertTrue(e.getMessage().contains("APRICOT_PLOTLY is 'json'") && e.getMessage().contains("Fix:"), e.getMessage());
    }

    @Test
    void aFigureTravelsAsPlotlyJsonWithAShortNote() {
        MimeBundle bundle = MimeBundle.of(figure(), true).orElseThrow();
        assertEquals(List.of(MimeBundle.PLOTLY, MimeBundle.HTML, MimeBundle.TEXT), List.copyOf(bundle.data().keySet()));
        Map<?, ?> json = assertInstanceOf(Map.class, bundle.jupyterData().get(MimeBundle.PLOTLY));
        List<?> traces = assertInstanceOf(List.class, json.get("data"));
        Map<?, ?> trace = assertInstanceOf(Map.class, traces.get(0));
        assertEquals(List.of(1.0, 2.0), numbers(trace.get("x")));
        assertEquals(List.of(2.0, 1.5), numbers(trace.get("y")));
        assertTrue(assertInstanceOf(Map.class, json.get("layout")).toString().contains("Loss"), json.toString());
        String note = bundle.data().get(MimeBundle.HTML);
        assertTrue(note.contains("APRICOT_PLOTLY") && !note.contains("<script"), note);
        int size = bundle.data().values().stream().mapToInt(String::length).sum();
        assertTrue(size < 5_000, size + " characters");
    }

    @Test
    void theJsonTextAndTheMessageObjectAreTheSameFigure() {
        MimeBundle bundle = MimeBundle.of(figure(), true).orElseThrow();
        JsonElement text = new Gson().fromJson(bundle.data().get(MimeBundle.PLOTLY), JsonElement.class);
        assertEquals(SliderFigure.figureJson(figure()), text);
        assertEquals(new Gson().fromJson(text, Object.class), bundle.jupyterData().get(MimeBundle.PLOTLY));
        assertEquals(bundle.data().get(MimeBundle.HTML), bundle.jupyterData().get(MimeBundle.HTML));
    }

    @Test
    void slidersAndTheDefaultStayInlineHtml() {
        FigureHtml.embedLibraryAgain();
        MimeBundle inline = MimeBundle.of(figure(), false).orElseThrow();
        assertEquals(List.of(MimeBundle.HTML, MimeBundle.TEXT), List.copyOf(inline.data().keySet()));
        assertTrue(inline.data().get(MimeBundle.HTML).contains("plotly.js v2"));
        SliderFigure slider = SliderFigure.over("k", List.of(1, 2), k -> figure());
        assertEquals(List.of(MimeBundle.HTML, MimeBundle.TEXT), List.copyOf(MimeBundle.of(slider, true).orElseThrow().data().keySet()));
        assertFalse(MimeBundle.of(figure()).orElseThrow().data().containsKey(MimeBundle.PLOTLY),
                "figures are plotly's MIME type without APRICOT_PLOTLY=mime (is it set where the tests run?)");
    }

    @Test
    void theKernelsRendererSendsTheJsonAsAnObject() {
        Renderer renderer = new Renderer();
        RichRenderers.register(renderer, true);
        DisplayData data = renderer.render(figure());
        Map<?, ?> json = assertInstanceOf(Map.class, data.getData(MIMEType.parse(MimeBundle.PLOTLY)));
        assertTrue(json.containsKey("data") && json.containsKey("layout"), json.toString());
        assertTrue(String.valueOf(data.getData(MIMEType.TEXT_HTML)).contains("APRICOT_PLOTLY"));

        Renderer inline = new Renderer();
        RichRenderers.register(inline, false);
        DisplayData html = inline.render(figure());
        assertEquals(null, html.getData(MIMEType.parse(MimeBundle.PLOTLY)));
        assertTrue(String.valueOf(html.getData(MIMEType.TEXT_HTML)).contains("Plotly.newPlot"));
    }
}

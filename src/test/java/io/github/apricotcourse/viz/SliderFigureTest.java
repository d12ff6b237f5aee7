package io.github.apricotcourse.viz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.plotly.components.Figure;

class SliderFigureTest {

    /** P_α over three words with counts 6, 3, 1: one bar chart per α. */
    private static Figure noise(double alpha) {
        double[] counts = {6, 3, 1};
        double sum = 0;
        double[] p = new double[3];
        for (int i = 0; i < 3; i++) {
            p[i] = Math.pow(counts[i], alpha);
            sum += p[i];
        }
        for (int i = 0; i < 3; i++) {
            p[i] /= sum;
        }
        Table t = Table.create("noise", StringColumn.create("word", "the", "of", "it's \"apricot\""),
                DoubleColumn.create("P_α", p));
        return Plots.bars("P_α, α = " + alpha, t, "word", "P_α");
    }

    private static JsonObject parse(SliderFigure f) {
        return new JsonParser().parse(f.json()).getAsJsonObject();
    }

    @Test
    void oneFramePerValueAndOneLabelledSliderStepPerFrame() {
        SliderFigure f = SliderFigure.over("α", List.of(0.0, 0.5, 0.75, 1.0), SliderFigureTest::noise);
        assertEquals(4, f.frameCount());
        assertEquals(List.of("0.0", "0.5", "0.75", "1.0"), f.labels());
        JsonObject fig = parse(f);
        JsonArray frames = fig.getAsJsonArray("frames");
        assertEquals(4, frames.size());
        JsonArray steps = fig.getAsJsonObject("layout").getAsJsonArray("sliders").get(0).getAsJsonObject()
                .getAsJsonArray("steps");
        assertEquals(4, steps.size());
        for (int i = 0; i < 4; i++) {
            JsonObject step = steps.get(i).getAsJsonObject();
            String label = f.labels().get(i);
            assertEquals(label, step.get("label").getAsString());
            assertEquals("animate", step.get("method").getAsString());
            assertEquals(label, step.getAsJsonArray("args").get(0).getAsJsonArray().get(0).getAsString());
            assertEquals(label, frames.get(i).getAsJsonObject().get("name").getAsString());
        }
        assertEquals("α = ", fig.getAsJsonObject("layout").getAsJsonArray("sliders").get(0).getAsJsonObject()
                .getAsJsonObject("currentvalue").get("prefix").getAsString());
        JsonArray buttons = fig.getAsJsonObject("layout").getAsJsonArray("updatemenus").get(0).getAsJsonObject()
                .getAsJsonArray("buttons");
        assertEquals(2, buttons.size(), "a play and a pause button");
    }

    @Test
    void framesCarryEachValuesDataAndTitle() {
        SliderFigure f = SliderFigure.over("α", List.of(0.0, 1.0), SliderFigureTest::noise);
        JsonArray frames = parse(f).getAsJsonArray("frames");
        JsonArray uniform = frames.get(0).getAsJsonObject().getAsJsonArray("data").get(0).getAsJsonObject()
                .getAsJsonArray("y");
        JsonArray unigram = frames.get(1).getAsJsonObject().getAsJsonArray("data").get(0).getAsJsonObject()
                .getAsJsonArray("y");
        assertEquals(1 / 3.0, uniform.get(0).getAsDouble(), 1e-12);
        assertEquals(0.6, unigram.get(0).getAsDouble(), 1e-12);
        assertEquals("it's \"apricot\"", frames.get(0).getAsJsonObject().getAsJsonArray("data").get(0)
                .getAsJsonObject().getAsJsonArray("x").get(2).getAsString());
        assertEquals("P_α, α = 1.0", frames.get(1).getAsJsonObject().getAsJsonObject("layout").get("title").getAsString());
        // The figure starts at the first frame.
        assertEquals(uniform, parse(f).getAsJsonArray("data").get(0).getAsJsonObject().getAsJsonArray("y"));
    }

    @Test
    void theYAxisHoldsEveryFrameUnlessEachKeepsItsOwn() {
        JsonObject yaxis = parse(SliderFigure.over("α", List.of(0.0, 1.0), SliderFigureTest::noise))
                .getAsJsonObject("layout").getAsJsonObject("yaxis");
        JsonArray range = yaxis.getAsJsonArray("range");
        assertEquals(0.0, range.get(0).getAsDouble(), 1e-12, "bars keep their zero");
        assertTrue(range.get(1).getAsDouble() >= 0.6, "the tallest bar of any frame fits: " + range);
        assertFalse(yaxis.get("autorange").getAsBoolean());
        JsonObject own = parse(SliderFigure.over("α", List.of(0.0, 1.0), SliderFigureTest::noise).ownAxes());
        double firstTop = own.getAsJsonObject("layout").getAsJsonObject("yaxis").getAsJsonArray("range").get(1).getAsDouble();
        double lastTop = own.getAsJsonArray("frames").get(1).getAsJsonObject().getAsJsonObject("layout")
                .getAsJsonObject("yaxis").getAsJsonArray("range").get(1).getAsDouble();
        assertTrue(firstTop < 0.6 && firstTop >= 1 / 3.0, "frame 0's own range holds its bars of 1/3: " + firstTop);
        assertTrue(lastTop >= 0.6, "the last frame brings a range that holds its bar of 0.6: " + lastTop);
    }

    @Test
    void lineChartsGetBothAxesFixedToEveryFramesNumbers() {
        JsonObject layout = parse(SliderFigure.over("n", List.of(2, 4), n -> {
            Table t = Table.create("t", DoubleColumn.create("x"), DoubleColumn.create("y"));
            for (int i = 0; i <= n; i++) {
                t.doubleColumn("x").append(i);
                t.doubleColumn("y").append(-i * n);
            }
            return Plots.lines("n = " + n, t, "x", "y");
        })).getAsJsonObject("layout");
        JsonArray x = layout.getAsJsonObject("xaxis").getAsJsonArray("range");
        JsonArray y = layout.getAsJsonObject("yaxis").getAsJsonArray("range");
        assertTrue(x.get(0).getAsDouble() < 0 && x.get(1).getAsDouble() > 4, "x from 0 to 4 with room: " + x);
        assertTrue(y.get(0).getAsDouble() < -16 && y.get(1).getAsDouble() > 0, "y from -16 to 0 with room: " + y);
    }

    @Test
    void theSameValuesGiveTheSameFigure() {
        String a = SliderFigure.over("α", List.of(0.0, 0.75), SliderFigureTest::noise).frameMillis(300).json();
        String b = SliderFigure.over("α", List.of(0.0, 0.75), SliderFigureTest::noise).frameMillis(300).json();
        assertEquals(a, b);
        assertTrue(a.contains("\"duration\":300"), a);
    }

    @Test
    void badInputIsNamed() {
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
                () -> SliderFigure.over("α", List.<Double>of(), SliderFigureTest::noise));
        assertTrue(none.getMessage().contains("no values"), none.getMessage());
        IllegalArgumentException blank = assertThrows(IllegalArgumentException.class,
                () -> SliderFigure.over(" ", List.of(1.0), SliderFigureTest::noise));
        assertTrue(blank.getMessage().contains("name the parameter"), blank.getMessage());
        IllegalArgumentException twice = assertThrows(IllegalArgumentException.class,
                () -> SliderFigure.over("α", List.of(0.5, 0.5), SliderFigureTest::noise));
        assertTrue(twice.getMessage().contains("appears twice"), twice.getMessage());
        IllegalArgumentException nothing = assertThrows(IllegalArgumentException.class,
                () -> SliderFigure.over("α", List.of(0.5), a -> null));
        assertTrue(nothing.getMessage().contains("null"), nothing.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> SliderFigure.over("α", List.of(0.5), SliderFigureTest::noise).frameMillis(0));
    }

    @Test
    void framesWithDifferentTracesAreRefused() {
        Table t = Table.create("t", StringColumn.create("w", "a", "b"), DoubleColumn.create("p", 1, 2),
                DoubleColumn.create("q", 3, 4));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SliderFigure.over("k",
                List.of(1, 2), k -> k == 1 ? Plots.bars("one", t, "w", "p") : Plots.bars("two", t, "w", "p", "q")));
        assertTrue(e.getMessage().contains("k = 2 has 2 trace(s)") && e.getMessage().contains("same traces"),
                e.getMessage());
        IllegalArgumentException kinds = assertThrows(IllegalArgumentException.class, () -> SliderFigure.over("k",
                List.of(1, 2), k -> k == 1 ? Plots.bars("bars", t, "w", "p") : Plots.lines("lines", t, "p", "q")));
        assertTrue(kinds.getMessage().contains("same kinds of traces"), kinds.getMessage());
    }

    @Test
    void aFailingFrameNamesItsValue() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> SliderFigure.over("η",
                List.of(0.1, 5.0), eta -> {
                    if (eta > 1) {
                        throw new IllegalArgumentException("training diverged");
                    }
                    return noise(eta);
                }));
        assertTrue(e.getMessage().contains("η = 5.0") && e.getMessage().contains("training diverged"), e.getMessage());
    }

    @Test
    void tablesawTrailingCommasAreDroppedOutsideStrings() {
        assertEquals("{a: [1, 2], b: 'x,}', c: \"y,]\"\n}",
                SliderFigure.withoutTrailingCommas("{a: [1, 2,], b: 'x,}', c: \"y,]\",\n}"));
    }

    @Test
    void htmlDrawsWithPlotlysFramesAndEscapesScriptEnds() {
        Table t = Table.create("t", StringColumn.create("w", "</script>", "b"), DoubleColumn.create("p", 1, 2));
        SliderFigure f = SliderFigure.over("k", List.of(1, 2), k -> Plots.bars("k = " + k, t, "w", "p"));
        String html = FigureHtml.of(f, "d1", false);
        assertTrue(html.contains("class=\"apricot-figure apricot-slider-figure\""), html);
        assertTrue(html.contains("Plotly.newPlot(document.getElementById('d1'), {\"data\""), html);
        assertFalse(html.contains("\"</script>\""), "a </script> inside the JSON would end the script early");
        assertTrue(MimeBundle.of(f).orElseThrow().data().get(MimeBundle.TEXT).contains("k = 1, 2"));
    }
}

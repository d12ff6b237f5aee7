package io.github.apricotcourse.viz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.apricotcourse.sgns.SkipGramTrainer;
import io.github.apricotcourse.text.Corpus;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.plotly.components.Figure;

class PlotsTest {
    private static Table noise() {
        return Table.create("noise", StringColumn.create("word", "the", "of", "apricot"),
                DoubleColumn.create("α = 0", 1 / 3.0, 1 / 3.0, 1 / 3.0),
                DoubleColumn.create("α = 1", 0.6, 0.3, 0.1));
    }

    @Test
    void groupedBarsHaveOneTracePerValueColumn() {
        Figure f = Plots.bars("Noise", noise(), "word", "α = 0", "α = 1");
        assertEquals(2, f.getTraces().length);
        String js = f.asJavascript("target");
        assertTrue(js.contains("apricot") && js.contains("α = 1"), js);
    }

    @Test
    void logScaleBars() {
        String js = Plots.barsLogScale("Noise", noise(), "word", "α = 0", "α = 1").asJavascript("d");
        assertTrue(js.contains("log"), js);
    }

    @Test
    void linesAndLossCurve() {
        Table t = Table.create("t", DoubleColumn.create("x", 1, 2, 3), DoubleColumn.create("y", 3, 2, 1));
        assertEquals(1, Plots.lines("down", t, "x", "y").getTraces().length);
        var model = SkipGramTrainer.create().dimension(4).window(2).epochs(2).minCount(1).seed(3)
                .train(Corpus.of("lemon a tablespoon of apricot jam a pinch", "a pinch of apricot jam"));
        assertTrue(Plots.loss(model.lossHistory()).asJavascript("d").contains("Training loss"));
    }

    @Test
    void vectorsAndPathsDrawOneTracePerWordOnFixedAxes() {
        Map<String, double[]> v = new LinkedHashMap<>();
        v.put("apricot", new double[] {1, 0});
        v.put("jam", new double[] {0.5, 0.5});
        Figure f = Plots.vectors("Vectors", v, 1.5);
        assertEquals(2, f.getTraces().length);
        assertTrue(f.asJavascript("d").contains("1.5"));
        Map<String, List<double[]>> p = Map.of("apricot", List.of(new double[] {0, 0}, new double[] {1, 1}));
        assertEquals(1, Plots.paths("Paths", p, 2).getTraces().length);
    }

    @Test
    void labelledPoints() {
        Table t = Table.create("p", StringColumn.create("word", "a", "b"), DoubleColumn.create("x", 0, 1),
                DoubleColumn.create("y", 1, 0));
        assertTrue(Plots.points("Points", t, "word", "x", "y").asJavascript("d").contains("\"b\""));
    }

    @Test
    void clearErrors() {
        var e = assertThrows(IllegalArgumentException.class, () -> Plots.bars("x", noise(), "word", "α = 2"));
        assertTrue(e.getMessage().contains("no column 'α = 2'"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Plots.bars("x", noise(), "α = 1", "word"));
        assertTrue(e.getMessage().contains("not numbers"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Plots.vectors("x", Map.of("w", new double[] {1, 2, 3}), 1));
        assertTrue(e.getMessage().contains("Projection.pca"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Plots.vectors("x", Map.of(), 0));
    }
}

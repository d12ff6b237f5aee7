package io.github.apricotcourse.viz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.apricotcourse.sgns.TrainingProgress;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.plotly.api.LinePlot;
import tech.tablesaw.plotly.components.Figure;

class VizTest {

    private static Figure figure() {
        Table t = Table.create("loss", IntColumn.create("epoch", 1, 2), DoubleColumn.create("loss", 2.0, 1.5));
        return LinePlot.create("Loss", t, "epoch", "loss");
    }

    @Test
    void tableHtmlEscapesCellsAndNamesTheSize() {
        Table t = Table.create("a<b", StringColumn.create("word", "<cat>", "dog & co"));
        String html = TableHtml.of(t);
        assertTrue(html.contains("a&lt;b <small>(2 rows, 1 column)</small>"), html);
        assertTrue(html.contains("<td>&lt;cat&gt;</td>") && html.contains("<td>dog &amp; co</td>"), html);
    }

    @Test
    void longTablesShowHeadAndTail() {
        int[] n = new int[100];
        for (int i = 0; i < n.length; i++) {
            n[i] = i;
        }
        String html = TableHtml.of(Table.create("n", IntColumn.create("n", n)));
        assertTrue(html.contains("<td>0</td>") && html.contains("<td>99</td>") && !html.contains("<td>50</td>"));
        assertTrue(html.contains("… 80 more rows …"), html);
    }

    @Test
    void figureHtmlCarriesPlotlyOnceAndHidesItFromRequireJs() {
        String first = FigureHtml.of(figure(), "fig_a", true);
        String later = FigureHtml.of(figure(), "fig_b", false);
        assertTrue(first.contains("plotly.js v2.35.3") && first.contains("(function (define, module, exports) {"));
        assertFalse(later.contains("plotly.js v2"));
        assertTrue(later.contains("Plotly.newPlot(target_fig_b, data, layout);"), later);
        assertTrue(later.startsWith("<div id=\"fig_b\" class=\"apricot-figure\"></div>"), later);
        assertFalse(first.substring(first.indexOf("<script"), first.lastIndexOf("</script>")).contains("</script><"));
    }

    @Test
    void sessionEmbedsTheLibraryInItsFirstFigureOnly() {
        FigureHtml.embedLibraryAgain();
        String first = MimeBundle.of(figure()).orElseThrow().data().get(MimeBundle.HTML);
        String second = MimeBundle.of(figure()).orElseThrow().data().get(MimeBundle.HTML);
        assertTrue(first.length() > 1_000_000 && second.length() < 10_000);
        assertTrue(first.matches("(?s)<div id=\"apricot_figure_[0-9a-f]{32}\".*"), first.substring(0, 80));
    }

    @Test
    void otherValuesAreLeftToTheKernel() {
        assertTrue(MimeBundle.of("text").isEmpty());
        assertEquals("t", MimeBundle.of(new Html("<b>t</b>", "t")).orElseThrow().data().get(MimeBundle.TEXT));
    }

    @Test
    void progressStatusShowsSpeedLossAndTimeLeft() {
        TrainingProgress p = new TrainingProgress(2, 5, 40_000, 100_000, 0.41234, 0.02, Duration.ofSeconds(20));
        assertEquals("epoch 2/5 · 2,000 words/s · loss 0.4123 · 0:30 left", ProgressBar.status(p));
        TrainingProgress done = new TrainingProgress(5, 5, 100_000, 100_000, Double.NaN, 0.0, Duration.ofSeconds(3725));
        assertEquals("epoch 5/5 · 27 words/s · loss – · done in 1:02:05", ProgressBar.status(done));
        Html bar = new ProgressBar("Training").render(p);
        assertTrue(bar.text().startsWith("Training [########............] 40% · epoch 2/5"), bar.text());
        assertTrue(bar.html().contains("<progress value=\"0.4000\" max=\"1\""), bar.html());
    }

    @Test
    void progressBarShowsOnceThenUpdatesInPlace() {
        RecordingTarget recorder = new RecordingTarget();
        List<String> events = recorder.events;
        Display.install(recorder);
        try {
            ProgressBar bar = new ProgressBar("T");
            bar.onProgress(new TrainingProgress(1, 1, 10, 100, 1.0, 0.025, Duration.ofMillis(10)));
            bar.onProgress(new TrainingProgress(1, 1, 20, 100, 1.0, 0.025, Duration.ofMillis(20)));
            bar.onProgress(new TrainingProgress(1, 1, 100, 100, Double.NaN, 0.0, Duration.ofMillis(90)));
        } finally {
            Display.uninstall(recorder);
        }
        assertEquals(2, events.size(), events.toString());
        assertTrue(events.get(0).startsWith("show T [##"), events.get(0));
        assertTrue(events.get(1).startsWith("update id-1 T [####################] 100%"), events.get(1));
        assertTrue(events.get(1).contains("loss 1.0000"), "the last known loss stays shown: " + events.get(1));
    }

    @Test
    void outsideAKernelDisplayPrintsText() {
        PrintStream original = System.out;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        try {
            Display.show(new Html("<i>hi</i>", "hi"));
        } finally {
            System.setOut(original);
        }
        assertEquals("hi" + System.lineSeparator(), buffer.toString(StandardCharsets.UTF_8));
        assertFalse(Display.inNotebook());
    }

    @Test
    void outsideANotebookTheBarPrintsLinesOnTheStreamGivenAndTheFinishedLineOnce() {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        ProgressBar bar = new ProgressBar("Downloading x.zip", new PrintStream(buffer, true, StandardCharsets.UTF_8));
        bar.update(0.5, "1.0 / 2.0 MB", false);
        bar.update(0.6, "1.2 / 2.0 MB", false);   // within 5 s of the first line: not printed
        bar.update(1, "2.0 / 2.0 MB", true);
        bar.update(1, "2.0 / 2.0 MB", true);
        assertEquals(List.of("Downloading x.zip [##########..........] 50% · 1.0 / 2.0 MB",
                "Downloading x.zip [####################] 100% · 2.0 / 2.0 MB"),
                buffer.toString(StandardCharsets.UTF_8).lines().toList());
    }
}

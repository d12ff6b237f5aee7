package io.github.apricotcourse.viz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.spencerpark.ijava.IJava;
import io.github.spencerpark.ijava.JavaKernel;
import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import io.github.spencerpark.jupyter.kernel.display.mime.MIMEType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.plotly.api.LinePlot;
import tech.tablesaw.plotly.components.Figure;

/**
 * The course inside a real IJava kernel (a stand-in here), found by reflection on
 * IJava.getKernelInstance(): {@link Display} from library code, and a cell's last expression once
 * IJava has run the start-up script {@code ijava-renderers.jsh}.
 */
class IJavaBridgeTest {

    static final String RENDERERS_SCRIPT = "/io/github/apricotcourse/kernel/ijava-renderers.jsh";

    @AfterEach
    void leaveIJava() {
        IJava.setKernelInstance(null);
    }

    private static Table table() {
        return Table.create("t", IntColumn.create("n", 1, 2));
    }

    private static Figure figure() {
        Table t = Table.create("loss", IntColumn.create("epoch", 1, 2), DoubleColumn.create("loss", 2.0, 1.5));
        return LinePlot.create("Loss", t, "epoch", "loss");
    }

    /** Runs the start-up script in this JVM as IJava does: snippet by snippet, in JShell. */
    private static void runRenderersScript() throws IOException {
        String script;
        try (InputStream in = IJavaBridgeTest.class.getResourceAsStream(RENDERERS_SCRIPT)) {
            assertNotNull(in, RENDERERS_SCRIPT + " is not on the classpath");
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        try (JShell shell = JShell.builder().executionEngine("local").build()) {
            SourceCodeAnalysis analysis = shell.sourceCodeAnalysis();
            for (var info = analysis.analyzeCompletion(script); info.completeness().isComplete();
                    info = analysis.analyzeCompletion(info.remaining())) {
                String source = info.source();
                SnippetEvent event = shell.eval(source).get(0);
                assertEquals(Snippet.Status.VALID, event.status(), () -> source + " does not compile: "
                        + shell.diagnostics(event.snippet()).map(d -> d.getMessage(null)).toList());
                assertNull(event.exception(), () -> source + " threw " + event.exception());
            }
        }
    }

    @Test
    void libraryDisplaysGoThroughTheIJavaKernelAsHtml() {
        JavaKernel kernel = new JavaKernel();
        IJava.setKernelInstance(kernel);
        assertTrue(Display.inNotebook());
        String id = Display.show(table());
        Display.show("plain");
        assertEquals(2, kernel.displayed.size());
        DisplayData table = kernel.displayed.get(0);
        assertEquals(id, table.getDisplayId());
        assertTrue(((String) table.getData(MIMEType.TEXT_HTML)).startsWith("<table class=\"apricot-table\">"));
        assertEquals("plain", kernel.displayed.get(1).getData(MIMEType.TEXT_PLAIN));
    }

    @Test
    void afterTheStartUpScriptACellsLastExpressionIsDrawnAsInTheApricotKernel() throws IOException {
        JavaKernel kernel = new JavaKernel();
        IJava.setKernelInstance(kernel);
        // Stock IJava knows nothing of Tablesaw: a table is its toString().
        assertNull(kernel.cellResult(table()).getData(MIMEType.TEXT_HTML));

        runRenderersScript();

        assertEquals(MimeBundle.of(table()).orElseThrow().data().get(MimeBundle.HTML),
                kernel.cellResult(table()).getData(MIMEType.TEXT_HTML));
        String figure = (String) kernel.cellResult(figure()).getData(MIMEType.TEXT_HTML);
        assertTrue(figure.contains("class=\"apricot-figure\"") && figure.contains("Plotly.newPlot"), figure);
        String explorer = (String) kernel.cellResult(Explorer.of(ExplorerTest.embeddings(40)).tsneWords(0))
                .getData(MIMEType.TEXT_HTML);
        assertTrue(explorer.contains("class=\"apricot-explorer-search\"") && explorer.contains("apricot-explorer-plot"), explorer);
        Html html = new Html("<b>bold</b>", "bold");
        assertEquals("<b>bold</b>", kernel.cellResult(html).getData(MIMEType.TEXT_HTML));
        DisplayData other = kernel.cellResult(42);
        assertNull(other.getData(MIMEType.TEXT_HTML));
        assertEquals("42", other.getData(MIMEType.TEXT_PLAIN));
    }

    @Test
    void theStartUpScriptDoesNothingOutsideIJava() throws IOException {
        runRenderersScript();   // no IJava kernel in this JVM: compiles, runs, registers nothing

        JavaKernel kernel = new JavaKernel();
        IJava.setKernelInstance(kernel);
        assertNull(kernel.cellResult(table()).getData(MIMEType.TEXT_HTML));
    }
}

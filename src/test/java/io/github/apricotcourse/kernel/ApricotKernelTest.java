package io.github.apricotcourse.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import io.github.spencerpark.jupyter.kernel.display.mime.MIMEType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The kernel without a Jupyter connection: cells in, rendered results out. */
class ApricotKernelTest {

    private static ApricotKernel kernel;
    /** The stream messages the kernel sent, as the notebook would receive them. */
    private static final List<String> messages = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() throws CellError {
        kernel = new ApricotKernel(KernelSettings.from(Map.of("IJAVA_STARTUP_SCRIPT", "int courseSeed = 42;")),
                (stream, text) -> messages.add(text));
    }

    @AfterAll
    static void stop() {
        kernel.onShutdown(false);
    }

    @Test
    void tablesRenderAsHtmlWithATextTwin() throws Exception {
        DisplayData data = kernel.eval("Table.create(\"t\", IntColumn.create(\"n\", 1, 2, 3))");
        assertTrue(((String) data.getData(MIMEType.TEXT_HTML)).startsWith("<table class=\"apricot-table\">"));
        assertTrue(((String) data.getData(MIMEType.TEXT_PLAIN)).contains("n  |"));
    }

    @Test
    void plainValuesRenderAsText() throws Exception {
        assertEquals("42", kernel.eval("courseSeed").getData(MIMEType.TEXT_PLAIN));
        assertNull(kernel.eval("int unused = 0;"));
    }

    @Test
    void loadMagicRunsAScriptThenTheRestOfTheCell(@TempDir Path dir) throws Exception {
        Path script = Files.writeString(dir.resolve("helpers.jsh"), "int twice(int n) { return 2 * n; }");
        DisplayData data = kernel.eval("%load " + script + "\ntwice(21)");
        assertEquals("42", data.getData(MIMEType.TEXT_PLAIN));
    }

    @Test
    void systemExitStopsTheCellNotTheKernel() throws Exception {
        CellError e = assertThrows(CellError.class, () -> kernel.eval("System.out.println(\"before\");\nSystem.exit(3);"));
        assertTrue(e.getMessage().startsWith("java.lang.SecurityException: System.exit(3) was blocked"), e.getMessage());
        assertTrue(String.join("\n", e.report()).contains(", line 2"), e.report().toString());
        CellError inMethod = assertThrows(CellError.class,
                () -> kernel.eval("void quit() { Runnable r = () -> System.exit(1); r.run(); }\nquit();"));
        assertTrue(inMethod.getMessage().contains("System.exit(1) was blocked"), inMethod.getMessage());
        assertEquals("42", kernel.eval("courseSeed").getData(MIMEType.TEXT_PLAIN));
    }

    @Test
    void brokenStartupScriptIsReportedOnceByTheFirstCell() throws Exception {
        ApricotKernel broken = new ApricotKernel(KernelSettings.from(Map.of("IJAVA_STARTUP_SCRIPT", "int seed = ;")));
        try {
            CellError e = assertThrows(CellError.class, () -> broken.eval("1"));
            assertTrue(e.getMessage().startsWith("Start-up script IJAVA_STARTUP_SCRIPT failed: Compile error in "
                    + "start-up script, line 1"), e.getMessage());
            assertEquals("2", broken.eval("1 + 1").getData(MIMEType.TEXT_PLAIN));
        } finally {
            broken.onShutdown(false);
        }
    }

    @Test
    void isCompleteAsksForMoreInsideABlock() {
        assertEquals("complete", kernel.isComplete("int a = 1;"));
        assertEquals("    ", kernel.isComplete("for (int i = 0; i < 3; i++) {"));
    }

    @Test
    void completionSuggestsMembers() {
        var options = kernel.complete("Math.sq", 7);
        assertTrue(options.getReplacements().stream().anyMatch(s -> s.startsWith("sqrt")), options.getReplacements().toString());
    }

    @Test
    void aMillionPrintlnCallsMakeFewMessagesAndAreCut() throws Exception {
        messages.clear();
        assertNull(kernel.eval("for (int i = 0; i < 1_000_000; i++) {\n  System.out.println(i);\n}"));
        String shown = String.join("", messages);
        assertTrue(messages.size() < 1000, messages.size() + " messages");
        assertTrue(shown.startsWith("0\n1\n2\n"), shown.substring(0, 20));
        assertTrue(shown.endsWith(" of output cut (limit 1 MB per cell)\n"), shown.substring(shown.length() - 100));
        assertTrue(shown.length() < CellOutput.LIMIT_BYTES + 1000, shown.length() + " characters");
        assertEquals("42", kernel.eval("courseSeed").getData(MIMEType.TEXT_PLAIN));
    }

    @Test
    void oneHugePrintIsCutToTheLimitWithANote() throws Exception {
        messages.clear();
        kernel.eval("System.out.print(\"z\".repeat(20_000_000));");
        String shown = String.join("", messages);
        assertEquals(CellOutput.LIMIT_BYTES, shown.chars().filter(c -> c == 'z').count());
        assertTrue(shown.endsWith("\u2026 18.1 MB of output cut (limit 1 MB per cell)\n"), shown.substring(shown.length() - 100));
        messages.clear();
        kernel.eval("System.out.println(\"small\");");
        assertEquals("small\n", String.join("", messages));
    }
}

package io.github.apricotcourse.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tech.tablesaw.api.Table;

/** Cells evaluated by a real JShell in this JVM, with the kernel's start-up scripts. */
class JShellSessionTest {

    private static JShellSession session;
    private static final ByteArrayOutputStream notes = new ByteArrayOutputStream();

    @BeforeAll
    static void start() throws CellError {
        PrintStream err = new PrintStream(notes, true, StandardCharsets.UTF_8);
        session = new JShellSession(new KernelSettings(List.of(), List.of(), "", Optional.empty(), List.of()),
                System.out, err, InputStream.nullInputStream());
        session.eval(ApricotKernel.resource(ApricotKernel.IMPORTS), 0, 0);
    }

    @AfterAll
    static void stop() {
        session.close();
    }

    private static String report(CellError e) {
        return String.join("\n", e.report()).replaceAll("\u001b\\[[0-9;]*m", "");
    }

    @Test
    void lastExpressionIsReturnedAsAnObject() throws CellError {
        assertEquals(42, session.eval("int a = 40;\nint b = 2;\na + b", 1, 0));
        assertNull(session.eval("int c = 3;", 1, 0));
    }

    @Test
    void defaultImportsReachTheLibraryAndTablesaw() throws CellError {
        Object t = session.eval("Table.create(\"words\", StringColumn.create(\"w\", \"cat\", \"dog\"))", 2, 0);
        assertInstanceOf(Table.class, t);
        assertEquals(2, ((Table) t).rowCount());
        assertEquals(0.5, (double) session.eval("Sigmoid.sigma(0)", 2, 0), 1e-12);
    }

    @Test
    void compileErrorNamesCellLineAndMarksTheCode() {
        CellError e = assertThrows(CellError.class, () -> session.eval("int ok = 1;\nint x = \"hello\";", 7, 2));
        String text = report(e);
        assertTrue(text.contains("Compile error in cell [7], line 4: incompatible types"), text);
        assertTrue(text.contains("  4 | int x = \"hello\";"), text);
        assertTrue(text.contains("    |         ^^^^^^^"), text);
        assertTrue(!text.contains("location:") && !text.contains("$JShell$"), text);
    }

    @Test
    void exceptionShowsMessageAndOnlyCellFrames() {
        CellError e = assertThrows(CellError.class, () -> session.eval(
                "int half(int n) {\n  if (n % 2 != 0) throw new IllegalArgumentException(\"odd: \" + n);\n  return n / 2;\n}\nhalf(3)", 5, 0));
        String text = report(e);
        assertTrue(text.startsWith("java.lang.IllegalArgumentException: odd: 3"), text);
        assertTrue(text.contains("at half (cell [5], line 2)"), text);
        assertTrue(text.contains("at cell [5], line 5"), text);
        assertTrue(text.contains("at half"), text);
        assertTrue(!text.contains("jdk.jshell") && !text.contains("reflect") && !text.contains("apricotcourse.kernel"), text);
    }

    @Test
    void assertionsAreEnabled() {
        CellError e = assertThrows(CellError.class, () -> session.eval("assert 1 > 2 : \"maths broke\";", 3, 0));
        assertTrue(report(e).startsWith("java.lang.AssertionError: maths broke"), report(e));
    }

    @Test
    void incompleteCodeIsReported() {
        CellError e = assertThrows(CellError.class, () -> session.eval("int x = 1;\nfor (int i = 0; i < 3; i++) {", 4, 0));
        assertTrue(report(e).contains("Incomplete code in cell [4], line 2"), report(e));
    }

    @Test
    @Timeout(60)
    void interruptStopsABusyLoopAndKeepsState() throws Exception {
        session.eval("int kept = 7;", 8, 0);
        session.eval("long n = 0;", 9, 0);
        System.clearProperty("apricot.test.loop");
        Thread stopper = new Thread(() -> {
            try {
                // Wait until the loop runs: compiling it can be slow on a busy machine.
                while (System.getProperty("apricot.test.loop") == null) {
                    Thread.sleep(20);
                }
                Thread.sleep(200);
            } catch (InterruptedException e) {
                return;
            }
            session.stop();
        });
        stopper.start();
        CellError e = assertThrows(CellError.class,
                () -> session.eval("System.setProperty(\"apricot.test.loop\", \"running\");\nwhile (true) { n++; }", 9, 1));
        assertTrue(e.getMessage().startsWith("Interrupted"), e.getMessage());
        session.beginCell();
        assertEquals(7, session.eval("kept", 10, 0));
    }

    @Test
    @Timeout(60)
    void timeoutStopsAStatement() throws Exception {
        try (JShellSession limited = new JShellSession(
                new KernelSettings(List.of(), List.of(), "", Optional.of(Duration.ofMillis(300)), List.of()),
                System.out, System.err, InputStream.nullInputStream())) {
            CellError e = assertThrows(CellError.class, () -> limited.eval("while (true) { }", 1, 0));
            assertTrue(e.getMessage().contains("time limit of 300 ms"), e.getMessage());
            assertEquals(3, limited.eval("1 + 2", 2, 0));
        }
    }
}

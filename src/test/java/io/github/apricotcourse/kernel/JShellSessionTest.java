package io.github.apricotcourse.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.RandomAccessFile;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
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

    /** As the kernel does before each cell: an interrupt of an earlier one no longer applies. */
    @BeforeEach
    void newCell() {
        session.beginCell();
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
    void checkForbidReadsTheSourceTheKernelRecordedForTheName() throws CellError {
        session.eval("static double forbidSigmoid(double x) {\n  return Sigmoid.sigma(x);\n}", 31, 0);
        CellError e = assertThrows(CellError.class, () -> session.eval("Check.forbid(\"forbidSigmoid\", \"Sigmoid.sigma\");", 32, 0));
        assertTrue(report(e).contains("forbidSigmoid: uses Sigmoid.sigma, the library's twin; write it yourself"), report(e));
        session.eval("static double forbidSigmoid(double x) {\n  return 1 / (1 + Math.exp(-x)); // not Sigmoid.sigma\n}", 33, 0);
        session.eval("Check.forbid(\"forbidSigmoid\", \"Sigmoid.sigma\");", 34, 0);
        session.eval("static double forbidSigmoid(double x, double t) {\n  return Sigmoid.sigma(x / t);\n}", 35, 0);
        assertThrows(CellError.class, () -> session.eval("Check.forbid(\"forbidSigmoid\", \"Sigmoid.sigma\");", 36, 0),
                "an overload that uses the twin is found too");
    }

    @Test
    void checkForbidFollowsTheHelpersTheCellsDeclared() throws CellError {
        session.eval("static double forbidTwin(double x) {\n  return Sigmoid.sigma(x);\n}\n"
                + "static double forbidOwn(double x) {\n  return 1 / (1 + Math.exp(-x));\n}", 41, 0);
        session.eval("static double forbidHelped(double x) {\n  return forbidOwn(x) * 0 + forbidTwin(x);\n}", 42, 0);
        CellError e = assertThrows(CellError.class, () -> session.eval("Check.forbid(\"forbidHelped\", \"Sigmoid.sigma\");", 43, 0));
        assertTrue(report(e).contains("forbidHelped: uses helper forbidTwin, which calls Sigmoid.sigma, the library's twin; "
                + "write it yourself"), report(e));
        session.eval("static double forbidHelped(double x) {\n  return forbidOwn(x);\n}", 44, 0);
        session.eval("Check.forbid(\"forbidHelped\", \"Sigmoid.sigma\");", 45, 0);   // forbidTwin, in the same cell as forbidOwn, is not called
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
        Thread stopper = interruptWhenSet("apricot.test.loop");
        // One statement: an interrupt while a second one still compiled would stop it before it ran.
        CellError e = assertThrows(CellError.class, () -> session.eval(
                "{\n  System.setProperty(\"apricot.test.loop\", \"running\");\n  while (true) { n++; }\n}", 9, 1));
        stopper.join();
        assertTrue(e.getMessage().startsWith("Interrupted: The cell was interrupted; variables keep"), e.getMessage());
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

    @Test
    void everyWayToEndTheKernelFromACellIsBlockedWithTheSameMessage() throws Exception {
        session.eval("int survivor = 11;", 20, 0);
        List<String> calls = List.of(
                "System.exit(3);",
                "Runtime.getRuntime().exit(3);",
                "Runtime.getRuntime().halt(3);",
                "System.class.getMethod(\"exit\", int.class).invoke(null, 5);",
                "Runtime.class.getMethod(\"halt\", int.class).invoke(Runtime.getRuntime(), 6);",
                "java.lang.invoke.MethodHandles.lookup().findStatic(System.class, \"exit\", "
                        + "java.lang.invoke.MethodType.methodType(void.class, int.class)).invoke(7);",
                "java.util.concurrent.Executors.newSingleThreadExecutor().submit(() -> Runtime.getRuntime().halt(8)).get();");
        List<String> expected = List.of("System.exit(3)", "Runtime.getRuntime().exit(3)", "Runtime.getRuntime().halt(3)",
                "System.exit(5)", "Runtime.getRuntime().halt(6)", "System.exit(7)", "Runtime.getRuntime().halt(8)");
        for (int i = 0; i < calls.size(); i++) {
            String call = calls.get(i);
            CellError e = assertThrows(CellError.class, () -> session.eval(call, 21, 0), call);
            assertTrue(report(e).contains(expected.get(i) + " was blocked: it would stop the notebook's kernel"),
                    call + "\n" + report(e));
        }
        assertEquals(11, session.eval("survivor", 22, 0));
    }

    @Test
    @Timeout(60)
    void anInterruptSwallowedByTheCellEscalatesToThreadStop() throws Exception {
        System.clearProperty("apricot.test.sleeper");
        Thread stopper = interruptWhenSet("apricot.test.sleeper");
        CellError e = assertThrows(CellError.class, () -> session.eval(
                "while (true) {\n  System.setProperty(\"apricot.test.sleeper\", \"running\");\n"
                        + "  try { Thread.sleep(10_000); } catch (InterruptedException ignored) { }\n}", 30, 0));
        stopper.join();
        assertTrue(e.getMessage().startsWith("Interrupted: The cell was interrupted; variables keep"), e.getMessage());
        session.beginCell();
        assertEquals(2, session.eval("1 + 1", 31, 0));
    }

    @Test
    @Timeout(60)
    void aCellThatNeitherInterruptNorThreadStopEndsIsLeftRunningAndSaysSo(@TempDir Path dir) throws Exception {
        // A thread blocked in a system call (here: opening a named pipe nobody writes to) can be
        // neither interrupted nor stopped until the call returns.
        Path fifo = dir.resolve("never-written");
        Assumptions.assumeTrue(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0, "needs mkfifo");
        System.clearProperty("apricot.test.stubborn");
        Thread stopper = interruptWhenSet("apricot.test.stubborn");
        try {
            CellError e = assertThrows(CellError.class, () -> session.eval(
                    "{\n  System.setProperty(\"apricot.test.stubborn\", \"running\");\n"
                            + "  new FileInputStream(\"" + fifo + "\").read();\n}", 32, 0));
            assertTrue(e.getMessage().startsWith("Interrupted: The cell was interrupted, but it did not stop"),
                    e.getMessage());
            assertTrue(e.getMessage().contains("Fix: Kernel > Restart ends it"), e.getMessage());
            session.beginCell();
            assertEquals(2, session.eval("1 + 1", 33, 0));
        } finally {
            stopper.join();
            // Opening a named pipe for reading and writing does not wait (on Linux); it lets the
            // abandoned cell's open return, and its thread end.
            new RandomAccessFile(fifo.toFile(), "rw").close();
        }
    }

    /**
     * A thread that interrupts the session once the system property is set (the cell is running:
     * compiling it can be slow on a busy machine).
     */
    private static Thread interruptWhenSet(String property) {
        Thread stopper = new Thread(() -> {
            try {
                while (System.getProperty(property) == null) {
                    Thread.sleep(20);
                }
                Thread.sleep(200);
            } catch (InterruptedException e) {
                return;
            }
            session.stop();
        });
        stopper.start();
        return stopper;
    }

    @Test
    void deepRecursionShowsEachRepeatedFrameOnce() {
        CellError e = assertThrows(CellError.class, () -> session.eval(
                "int depth(int n) {\n  return depth(n + 1) + 1;\n}\ndepth(0)", 40, 0));
        String text = report(e);
        assertTrue(text.startsWith("java.lang.StackOverflowError"), text);
        assertEquals(1, text.split("at depth \\(cell \\[40\\], line 2\\)", -1).length - 1, text);
        assertTrue(text.matches("(?s).*\n    \u2026 [0-9,]+ more frames of depth(\n.*)?"), text);
        assertTrue(text.length() < 1000, text.length() + " characters: " + text);
    }

    @Test
    void aFailingLineSaysWhichEarlierLinesRan() throws CellError {
        CellError e = assertThrows(CellError.class, () -> session.eval(
                "int ranFirst = 1;\nint ranSecond = 2;\nint broken = \"text\";", 50, 0));
        assertTrue(report(e).endsWith("Note: lines 1\u20132 of this cell ran before the error (what they defined or "
                + "changed stays); the statement that failed starts on line 3."), report(e));
        assertEquals(1, session.eval("ranFirst", 51, 0));
        CellError thrown = assertThrows(CellError.class, () -> session.eval(
                "int before = 1;\nObject o = null;\no.toString();", 52, 0));
        assertTrue(report(thrown).contains("Note: lines 1\u20132 of this cell ran"), report(thrown));
        assertTrue(report(thrown).startsWith("java.lang.NullPointerException: Cannot invoke \"Object.toString()\" because "
                + "\"o\" is null"), report(thrown));
        CellError first = assertThrows(CellError.class, () -> session.eval("int alone = \"x\";", 53, 0));
        assertTrue(!report(first).contains("of this cell ran"), report(first));
    }

    @Test
    void aCellClassThatHidesALibraryClassIsNamed() throws CellError {
        try (JShellSession own = new JShellSession(new KernelSettings(List.of(), List.of(), "", Optional.empty(), List.of()),
                System.out, System.err, InputStream.nullInputStream())) {
            own.eval(ApricotKernel.resource(ApricotKernel.IMPORTS), 0, 0);
            own.eval("class Corpus { }", 3, 0);
            CellError e = assertThrows(CellError.class, () -> own.eval("Corpus c = Corpus.of(\"a b\");", 4, 0));
            assertTrue(report(e).contains("Note: your cell [3] declared class Corpus, which hides "
                    + "io.github.apricotcourse.text.Corpus. Fix: rename your class, or write the full name "
                    + "io.github.apricotcourse.text.Corpus."), report(e));
            CellError unrelated = assertThrows(CellError.class, () -> own.eval("int n = \"x\";", 5, 0));
            assertTrue(!report(unrelated).contains("hides"), report(unrelated));
        }
    }

    @Test
    @Timeout(60)
    void aBackgroundThreadsErrorNamesItsCell() throws CellError {
        notes.reset();
        session.eval("Thread worker = new Thread(() -> {\n  int[] a = new int[1];\n  a[2] = 1;\n});\n"
                + "worker.start();\nworker.join();", 60, 0);
        String shown = notes.toString(StandardCharsets.UTF_8);
        assertTrue(shown.contains("Exception in thread \"" ), shown);
        assertTrue(shown.contains("which cell code started:"), shown);
        assertTrue(shown.contains("java.lang.ArrayIndexOutOfBoundsException"), shown);
        assertTrue(shown.contains("at lambda (cell [60], line 3)"), shown);
        assertTrue(!shown.contains("$JShell$"), shown);

        notes.reset();
        session.eval("Thread late = new Thread(() -> { throw new IllegalStateException(\"late\"); });", 61, 0);
        session.eval("late.start(); late.join();", 62, 0);
        assertTrue(notes.toString(StandardCharsets.UTF_8).contains("IllegalStateException: late"),
                notes.toString(StandardCharsets.UTF_8));
    }
}

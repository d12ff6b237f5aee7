package io.github.apricotcourse.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ErrorReportTest {

    private static final SnippetSource SQUARE = new SnippetSource("double square(double x) {\n  return x * y;\n}", 3, 4);

    private static List<String> plain(List<String> lines) {
        return lines.stream().map(l -> l.replaceAll("\u001b\\[[0-9;]*m", "")).toList();
    }

    @Test
    void compileErrorMarksTheOffendingCodeOnItsCellLine() {
        int y = SQUARE.source().indexOf('y');
        CellError e = ErrorReport.compileError(SQUARE,
                List.of(new CompileProblem("cannot find symbol\n  symbol:   variable y\n  location: class $JShell$12", y, y + 1, true)),
                List.of());
        assertEquals(List.of(
                "Compile error in cell [3], line 6: cannot find symbol",
                "  symbol:   variable y",
                "  6 |   return x * y;",
                "    |              ^",
                ""), plain(e.report()));
        assertEquals("Compile error in cell [3], line 6: cannot find symbol", e.getMessage());
    }

    @Test
    void warningsAloneDoNotMakeAnErrorLine() {
        CellError e = ErrorReport.compileError(SQUARE, List.of(new CompileProblem("unchecked", 0, 3, false)),
                List.of("variable y"));
        assertEquals("Compile error in cell [3], line 5: this uses names that are not defined yet: variable y",
                e.getMessage());
    }

    @Test
    void exceptionKeepsCellAndLibraryFramesAndDropsMachinery() {
        StackTraceElement[] stack = {
                new StackTraceElement("java.util.Objects", "checkIndex", "Objects.java", 359),
                new StackTraceElement("", "square", "#12", 2),
                new StackTraceElement("", "", "#13", 1),
                new StackTraceElement("jdk.internal.reflect.NativeMethodAccessorImpl", "invoke0", null, -2),
                new StackTraceElement("io.github.apricotcourse.kernel.InProcessExecutionControl", "lambda$invoke$0", null, 60),
        };
        Map<String, SnippetSource> snippets = Map.of("12", SQUARE, "13", new SnippetSource("square(2)", 4, 0));
        ThrownInfo cause = new ThrownInfo("java.io.IOException", null, new StackTraceElement[0], null);
        CellError e = ErrorReport.exception(new ThrownInfo("java.lang.IndexOutOfBoundsException", "Index 5 out of bounds",
                stack, cause), id -> Optional.ofNullable(snippets.get(id)));
        assertEquals(List.of(
                "java.lang.IndexOutOfBoundsException: Index 5 out of bounds",
                "    at java.util.Objects.checkIndex(Objects.java:359)",
                "    at square (cell [3], line 6)",
                "    at cell [4], line 1",
                "Caused by: java.io.IOException"), plain(e.report()));
    }

    @Test
    void framesOfClassesAndLambdasInCellsAreNamedAsWritten() {
        SnippetSource foo = new SnippetSource("class Foo {}", 2, 0);
        assertEquals("Foo.m (cell [2], line 1)",
                ErrorReport.frame(new StackTraceElement("Foo", "m", "#7", 1), id -> Optional.of(foo)));
        assertEquals("Foo.lambda in m (cell [2], line 1)",
                ErrorReport.frame(new StackTraceElement("Foo", "lambda$m$0", "#7", 1), id -> Optional.of(foo)));
    }

    @Test
    void incompleteCodeShowsTheUnfinishedLines() {
        CellError e = ErrorReport.incomplete(new SnippetSource("for (int i = 0; i < 3; i++) {\n  sum += i;", 9, 1));
        assertEquals(List.of(
                "Incomplete code in cell [9], line 2: the cell ends before this statement does (a missing '}', ')' or ';'?)",
                "  2 | for (int i = 0; i < 3; i++) {",
                "  3 |   sum += i;"), plain(e.report()));
    }
}

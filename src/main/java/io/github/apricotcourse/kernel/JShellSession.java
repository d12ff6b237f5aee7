package io.github.apricotcourse.kernel;

import io.github.spencerpark.jupyter.kernel.util.GlobFinder;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import jdk.jshell.DeclarationSnippet;
import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.JShellException;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.UnresolvedReferenceException;

/**
 * One JShell, run in this JVM, that evaluates cells snippet by snippet and returns the last
 * expression's value as a Java object. Errors come back as {@link CellError}s whose reports point
 * at cell lines.
 */
final class JShellSession implements AutoCloseable {

    private final JShell shell;
    private final InProcessExecutionControl control;
    private final SourceCodeAnalysis analysis;
    /** Where each snippet (by JShell id) came from, to name cells and lines in stack traces. */
    private final Map<String, SnippetSource> sources = new ConcurrentHashMap<>();
    private final PrintStream notes;

    /**
     * @param settings classpath, compiler options and time limit
     * @param out      JShell's own output (the kernel passes streams that follow {@code System.out})
     * @param err      JShell's own errors, and notes such as "defined, but needs x"
     * @param in       input for cell code
     */
    JShellSession(KernelSettings settings, PrintStream out, PrintStream err, InputStream in) throws CellError {
        this.control = new InProcessExecutionControl(settings.timeout());
        this.notes = err;
        this.shell = JShell.builder()
                .executionEngine(new InProcessExecutionProvider(control), Map.of())
                .out(out).err(err).in(in)
                .compilerOptions(settings.compilerOptions().toArray(String[]::new))
                .build();
        this.analysis = shell.sourceCodeAnalysis();
        for (String entry : settings.classpath()) {
            for (String path : expand(entry)) {
                shell.addToClasspath(path);
            }
        }
    }

    /** The classpath entries a glob names, or the entry itself when nothing matches yet. */
    private static List<String> expand(String glob) throws CellError {
        List<String> paths = new ArrayList<>();
        try {
            for (Path p : new GlobFinder(glob).computeMatchingPaths()) {
                paths.add(p.toAbsolutePath().toString());
            }
        } catch (IOException e) {
            throw new CellError("Could not read classpath entry '" + glob + "' from " + KernelSettings.CLASSPATH
                    + ": " + e.getMessage() + ". Fix: correct " + KernelSettings.CLASSPATH + " in the kernelspec.");
        }
        return paths.isEmpty() ? List.of(glob) : paths;
    }

    /** Adds a jar or class folder for both compiling and running cells. */
    void addToClasspath(String path) {
        shell.addToClasspath(path);
    }

    /** Code analysis for completion and documentation. */
    SourceCodeAnalysis analysis() {
        return analysis;
    }

    /**
     * Evaluates {@code code}, snippet by snippet, and returns the value of the last one if it is
     * an expression (null otherwise).
     *
     * @param cell       the cell's execution count, for error reports (0 for start-up scripts)
     * @param lineOffset how many cell lines precede {@code code}
     */
    Object eval(String code, int cell, int lineOffset) throws CellError {
        Object last = null;
        int consumed = 0;
        String remaining = code;
        while (true) {
            SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(remaining);
            if (info.completeness() == SourceCodeAnalysis.Completeness.EMPTY) {
                return last;
            }
            int start = firstNonBlank(code, consumed);
            int firstLine = lineOffset + countNewlines(code, 0, start);
            if (!info.completeness().isComplete()) {
                throw ErrorReport.incomplete(new SnippetSource(remaining.strip(), cell, firstLine));
            }
            // JShell numbers lines from the first non-blank character, so the snippet starts there.
            last = evalSnippet(new SnippetSource(info.source().stripLeading(), cell, firstLine));
            remaining = info.remaining();
            consumed = code.length() - remaining.length();
        }
    }

    private Object evalSnippet(SnippetSource source) throws CellError {
        List<SnippetEvent> events = shell.eval(source.source());
        Object value = null;
        try {
            for (SnippetEvent event : events) {
                if (event.causeSnippet() != null) {
                    continue;
                }
                Snippet snippet = event.snippet();
                sources.put(snippet.id(), source);
                if (event.exception() != null) {
                    throw failure(event.exception());
                }
                if (!event.status().isDefined()) {
                    throw compileError(snippet, source);
                }
                if (event.status() == Snippet.Status.RECOVERABLE_DEFINED && snippet instanceof DeclarationSnippet d) {
                    notes.println("Note: " + d.name() + " is defined, but cannot be used until "
                            + String.join(", ", unresolved(d)) + " is defined.");
                }
                if (event.value() != null && snippet.subKind().isExecutable()) {
                    Object result = control.takeResult(event.value());
                    value = switch (snippet.subKind()) {
                        case VAR_VALUE_SUBKIND, OTHER_EXPRESSION_SUBKIND, TEMP_VAR_EXPRESSION_SUBKIND -> result;
                        default -> null;
                    };
                }
            }
        } finally {
            control.clearResults();
        }
        return value;
    }

    private CellError compileError(Snippet snippet, SnippetSource source) {
        List<CompileProblem> problems = shell.diagnostics(snippet)
                .map(d -> new CompileProblem(d.getMessage(null), (int) d.getStartPosition(), (int) d.getEndPosition(),
                        d.isError()))
                .toList();
        List<String> unresolved = snippet instanceof DeclarationSnippet d && problems.stream().noneMatch(CompileProblem::error)
                ? unresolved(d) : List.of();
        return ErrorReport.compileError(source, problems, unresolved);
    }

    private List<String> unresolved(DeclarationSnippet d) {
        return shell.unresolvedDependencies(d).toList();
    }

    private CellError failure(JShellException e) {
        if (e instanceof UnresolvedReferenceException u) {
            DeclarationSnippet d = u.getSnippet();
            return new CellError(d.name() + " cannot be used until " + String.join(", ", unresolved(d))
                    + " is defined. Fix: run the cell that defines it first.");
        }
        if (e instanceof EvalException ee && (InProcessExecutionControl.TIMEOUT_NAME.equals(ee.getExceptionClassName())
                || InProcessExecutionControl.INTERRUPTED_NAME.equals(ee.getExceptionClassName()))) {
            return new CellError(ee.getExceptionClassName() + ": " + ee.getMessage());
        }
        return ErrorReport.exception(thrownInfo(e), id -> Optional.ofNullable(sources.get(id)));
    }

    /** JShell's view of an exception (class name, message, frames, causes) as a {@link ThrownInfo}. */
    static ThrownInfo thrownInfo(Throwable t) {
        if (t == null) {
            return null;
        }
        String className = t instanceof EvalException ee ? ee.getExceptionClassName() : t.getClass().getName();
        return new ThrownInfo(className, t.getMessage(), t.getStackTrace(), thrownInfo(t.getCause()));
    }

    /** A new cell begins (an interrupt of the last one is over). */
    void beginCell() {
        control.beginCell();
    }

    /** Stops the running statement (an interrupt from the notebook). */
    void stop() {
        shell.stop();
    }

    @Override
    public void close() {
        shell.close();
    }

    private static int firstNonBlank(String s, int from) {
        int i = from;
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    private static int countNewlines(String s, int from, int to) {
        int n = 0;
        for (int i = from; i < to && i < s.length(); i++) {
            if (s.charAt(i) == '\n') {
                n++;
            }
        }
        return n;
    }
}

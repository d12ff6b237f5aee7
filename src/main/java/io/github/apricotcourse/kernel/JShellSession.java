package io.github.apricotcourse.kernel;

import io.github.apricotcourse.check.Definitions;
import io.github.spencerpark.jupyter.kernel.util.GlobFinder;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import jdk.jshell.DeclarationSnippet;
import jdk.jshell.EvalException;
import jdk.jshell.ImportSnippet;
import jdk.jshell.JShell;
import jdk.jshell.JShellException;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.TypeDeclSnippet;
import jdk.jshell.UnresolvedReferenceException;

/**
 * One JShell, run in this JVM, that evaluates cells snippet by snippet and returns the last
 * expression's value as a Java object. Errors come back as {@link CellError}s whose reports point
 * at cell lines, say which earlier lines of the cell ran, and name a cell's class that hides a
 * library class of the same name. An exception that ends a thread a cell started is reported the
 * same way, in the cell running at the time or else in the next one.
 */
final class JShellSession implements AutoCloseable {

    private final JShell shell;
    private final InProcessExecutionControl control;
    private final SourceCodeAnalysis analysis;
    private final CompletionIndex index;
    /** Where each snippet (by JShell id) came from, to name cells and lines in stack traces. */
    private final Map<String, SnippetSource> sources = new ConcurrentHashMap<>();
    /**
     * The live declarations (methods, classes, variables), for {@link Definitions}. A set of
     * snippets, not a map by id: a redefinition can come back under the id of the snippet it replaces.
     */
    private final Set<DeclarationSnippet> declared = ConcurrentHashMap.newKeySet();
    private final Function<String, List<String>> definitions = this::sourcesOf;
    private final Function<String, List<String>> previousDefinitions;
    private final PrintStream notes;
    private final CellClasses classes = new CellClasses();
    /** Reports of background threads that failed while no cell ran; the next cell shows them. */
    private final Queue<List<String>> pendingReports = new ConcurrentLinkedQueue<>();
    private final Thread.UncaughtExceptionHandler previousHandler;
    private final Thread.UncaughtExceptionHandler handler = this::uncaught;
    private volatile boolean inCell;
    /** The cell being evaluated, and its last line that has run (0: none yet). */
    private int ranCell = -1;
    private int ranThrough;

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
        this.index = CompletionIndex.holdBack(analysis);
        ExitGuard.install();
        this.previousDefinitions = Definitions.install(definitions);
        this.previousHandler = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler(handler);
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

    /** Code analysis that needs no class index: where snippets end, whether code is complete. */
    SourceCodeAnalysis analysis() {
        return analysis;
    }

    /** Code analysis for completion and documentation; the first call lets JShell index the class path. */
    SourceCodeAnalysis completionAnalysis() {
        index.release();
        return analysis;
    }

    /** Whether JShell's class index is still held back (no completion asked for yet). */
    boolean indexHeldBack() {
        return index.held();
    }

    /**
     * Evaluates {@code code}, snippet by snippet, and returns the value of the last one if it is
     * an expression (null otherwise).
     *
     * @param cell       the cell's execution count, for error reports (0 for start-up scripts)
     * @param lineOffset how many cell lines precede {@code code}
     */
    Object eval(String code, int cell, int lineOffset) throws CellError {
        if (cell != ranCell) {
            ranCell = cell;
            ranThrough = 0;
        }
        inCell = true;
        try {
            for (List<String> report = pendingReports.poll(); report != null; report = pendingReports.poll()) {
                report.forEach(notes::println);
            }
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
                    throw withLinesRan(ErrorReport.incomplete(new SnippetSource(remaining.strip(), cell, firstLine)),
                            firstLine + 1);
                }
                // JShell numbers lines from the first non-blank character, so the snippet starts there.
                SnippetSource source = new SnippetSource(info.source().stripLeading(), cell, firstLine);
                try {
                    last = evalSnippet(source);
                } catch (CellError e) {
                    throw withLinesRan(e, source.cellLine(1));
                }
                ranThrough = source.cellLine(ErrorReport.lineOf(source.source(), source.source().stripTrailing().length()));
                remaining = info.remaining();
                consumed = code.length() - remaining.length();
            }
        } finally {
            inCell = false;
        }
    }

    /** The error, saying which lines of the cell ran before the statement on {@code failedFrom} failed. */
    private CellError withLinesRan(CellError e, int failedFrom) {
        if (ranThrough == 0) {
            return e;
        }
        return e.withNote("Note: " + (ranThrough == 1 ? "line 1" : "lines 1\u2013" + ranThrough)
                + " of this cell ran before the error (what they defined or changed stays); the statement that "
                + "failed starts on line " + failedFrom + ".");
    }

    private Object evalSnippet(SnippetSource source) throws CellError {
        List<SnippetEvent> events = shell.eval(source.source());
        Object value = null;
        try {
            for (SnippetEvent event : events) {
                if (event.snippet() instanceof DeclarationSnippet d) {
                    if (event.status().isActive()) {
                        declared.add(d);
                    } else {
                        declared.remove(d);
                    }
                }
                if (event.causeSnippet() != null) {
                    // A snippet recompiled because this one changed: its class may have a new name.
                    if (event.status().isDefined()) {
                        classes.add(event.snippet().id(), analysis.wrapper(event.snippet()));
                    }
                    continue;
                }
                Snippet snippet = event.snippet();
                sources.put(snippet.id(), source);
                if (event.status().isDefined()) {
                    classes.add(snippet.id(), analysis.wrapper(snippet));
                }
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

    /** The sources of the live declarations named {@code name} (a method's overloads are several). */
    private List<String> sourcesOf(String name) {
        return declared.stream().filter(d -> d.name().equals(name)).map(Snippet::source).toList();
    }

    private CellError compileError(Snippet snippet, SnippetSource source) {
        List<CompileProblem> problems = shell.diagnostics(snippet)
                .map(d -> new CompileProblem(d.getMessage(null), (int) d.getStartPosition(), (int) d.getEndPosition(),
                        d.isError()))
                .toList();
        List<String> unresolved = snippet instanceof DeclarationSnippet d && problems.stream().noneMatch(CompileProblem::error)
                ? unresolved(d) : List.of();
        CellError error = ErrorReport.compileError(source, problems, unresolved);
        for (String note : hiddenLibraryClasses(source)) {
            error = error.withNote(note);
        }
        return error;
    }

    /**
     * Notes on the classes declared in cells that this snippet names and that hide a class of the
     * same name from an imported package, e.g. {@code class Corpus {}}, which makes
     * {@code Corpus.of(...)} "cannot find symbol".
     */
    private List<String> hiddenLibraryClasses(SnippetSource source) {
        List<String> notes = new ArrayList<>();
        for (TypeDeclSnippet type : shell.types().filter(t -> shell.status(t).isActive()).toList()) {
            if (!Pattern.compile("\\b" + Pattern.quote(type.name()) + "\\b").matcher(source.source()).find()) {
                continue;
            }
            Optional<String> hidden = importedClass(type.name());
            if (hidden.isPresent()) {
                String where = Optional.ofNullable(sources.get(type.id()))
                        .map(s -> s.cell() == 0 ? "a start-up script" : "your cell [" + s.cell() + "]")
                        .orElse("an earlier cell");
                notes.add("Note: " + where + " declared " + kind(type) + " " + type.name() + ", which hides "
                        + hidden.get() + ". Fix: rename your " + kind(type) + ", or write the full name "
                        + hidden.get() + ".");
            }
        }
        return notes;
    }

    /** The class {@code simpleName} would name through java.lang or an on-demand import, if any. */
    private Optional<String> importedClass(String simpleName) {
        List<String> packages = new ArrayList<>(List.of("java.lang"));
        shell.imports().filter(i -> shell.status(i).isActive() && !i.isStatic()
                        && i.subKind() == Snippet.SubKind.TYPE_IMPORT_ON_DEMAND_SUBKIND)
                .map(i -> i.fullname().replaceFirst("\\.\\*$", ""))
                .forEach(packages::add);
        for (String pkg : packages) {
            try {
                return Optional.of(Class.forName(pkg + "." + simpleName, false, JShellSession.class.getClassLoader())
                        .getName());
            } catch (ClassNotFoundException | LinkageError e) {
                // Not in this package.
            }
        }
        return Optional.empty();
    }

    private static String kind(TypeDeclSnippet type) {
        return switch (type.subKind()) {
            case INTERFACE_SUBKIND -> "interface";
            case ENUM_SUBKIND -> "enum";
            case ANNOTATION_TYPE_SUBKIND -> "annotation";
            case RECORD_SUBKIND -> "record";
            default -> "class";
        };
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
        return thrownInfo(t, UnaryOperator.identity());
    }

    /** An exception as a {@link ThrownInfo}, each frame passed through {@code translate}. */
    static ThrownInfo thrownInfo(Throwable t, UnaryOperator<StackTraceElement> translate) {
        if (t == null) {
            return null;
        }
        String className = t instanceof EvalException ee ? ee.getExceptionClassName() : t.getClass().getName();
        StackTraceElement[] stack = Arrays.stream(t.getStackTrace()).map(translate).toArray(StackTraceElement[]::new);
        return new ThrownInfo(className, t.getMessage(), stack, thrownInfo(t.getCause(), translate));
    }

    /**
     * An exception that ended a thread: reported like a cell's if cell code started the thread
     * (now, or by the next cell if none runs), otherwise as Java would.
     */
    @SuppressWarnings("removal")
    private void uncaught(Thread thread, Throwable e) {
        if (e instanceof ThreadDeath) {
            return; // A thread stopped on purpose, as Java's own handler has it.
        }
        ThrownInfo info = thrownInfo(e, classes::translate);
        boolean fromCell = false;
        for (ThrownInfo t = info; t != null && !fromCell; t = t.cause()) {
            fromCell = Arrays.stream(t.stack()).anyMatch(ErrorReport::isCellFrame);
        }
        if (!fromCell) {
            if (previousHandler != null) {
                previousHandler.uncaughtException(thread, e);
            } else {
                System.err.print("Exception in thread \"" + thread.getName() + "\" ");
                e.printStackTrace(System.err);
            }
            return;
        }
        List<String> report = new ArrayList<>();
        boolean now = inCell;
        report.add("Exception in thread \"" + thread.getName() + "\", which cell code started"
                + (now ? ":" : ", after its cell had finished:"));
        report.addAll(ErrorReport.exception(info, id -> Optional.ofNullable(sources.get(id))).report());
        if (now) {
            report.forEach(notes::println);
        } else {
            pendingReports.add(report);
        }
    }

    /** A new cell begins (an interrupt of the last one is over). */
    void beginCell() {
        control.beginCell();
        ranCell = -1;
    }

    /** Stops the running statement (an interrupt from the notebook). */
    void stop() {
        shell.stop();
    }

    @Override
    public void close() {
        // JShell's indexer is one thread for the whole JVM: a session held back forever would block
        // the indexing of every later session in it.
        index.release();
        Definitions.restore(definitions, previousDefinitions);
        if (Thread.getDefaultUncaughtExceptionHandler() == handler) {
            Thread.setDefaultUncaughtExceptionHandler(previousHandler);
        }
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

package io.github.apricotcourse.kernel;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import jdk.jshell.SourceCodeAnalysis;

/**
 * The classes JShell compiled cells into ({@code REPL.$JShell$37}, {@code REPL.$JShell$37$Corpus}),
 * with the snippet each came from, so that a stack trace JShell did not translate itself (an
 * exception in a thread a cell started) can name the cell and line as {@link ErrorReport} does.
 */
final class CellClasses {

    /** A snippet's wrapper class and how its lines map back to the snippet's. */
    private record Wrapped(String snippetId, SourceCodeAnalysis.SnippetWrapper wrapper) {
    }

    private final Map<String, Wrapped> byClassName = new ConcurrentHashMap<>();

    /** Records the class JShell wrapped a snippet in. */
    void add(String snippetId, SourceCodeAnalysis.SnippetWrapper wrapper) {
        byClassName.put(wrapper.fullClassName(), new Wrapped(snippetId, wrapper));
    }

    /**
     * The frame as JShell itself reports cell frames (snippet {@code #37} as file name, the class
     * as written, the snippet's own line), or the frame unchanged if it is not cell code.
     */
    StackTraceElement translate(StackTraceElement e) {
        String className = e.getClassName();
        if (!className.startsWith(ExitGuard.CELL_PACKAGE)) {
            return e;
        }
        String outer = className;
        Wrapped w = byClassName.get(outer);
        while (w == null && outer.lastIndexOf('$') > ExitGuard.CELL_PACKAGE.length()) {
            outer = outer.substring(0, outer.lastIndexOf('$'));
            w = byClassName.get(outer);
        }
        if (w == null) {
            return e;
        }
        String inner = className.substring(outer.length()).replaceFirst("^\\$", "").replace('$', '.');
        String method = e.getMethodName().equals("do_it$") ? "" : e.getMethodName();
        return new StackTraceElement(inner, method, "#" + w.snippetId(), snippetLine(w.wrapper(), e.getLineNumber()));
    }

    /** The snippet line (1-based) of a line of the wrapper class's source. */
    private static int snippetLine(SourceCodeAnalysis.SnippetWrapper wrapper, int wrappedLine) {
        String wrapped = wrapper.wrapped();
        int pos = 0;
        for (int line = 1; line < wrappedLine && pos >= 0; line++) {
            pos = wrapped.indexOf('\n', pos);
            pos = pos < 0 ? -1 : pos + 1;
        }
        if (pos < 0) {
            return 1;
        }
        while (pos < wrapped.length() && wrapped.charAt(pos) == ' ') {
            pos++;
        }
        int source = wrapper.wrappedToSourcePosition(pos);
        return source < 0 ? 1 : ErrorReport.lineOf(wrapper.source(), source);
    }
}

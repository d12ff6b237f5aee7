package io.github.apricotcourse.kernel;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns compiler diagnostics and exceptions into reports a student can read: the offending
 * code marked with carets under it, messages without JShell's wrapper names, and only the
 * frames that are the student's (or the library's) code, each with its cell and line.
 */
public final class ErrorReport {

    static final String RED = "\u001b[1;31m";
    static final String RESET = "\u001b[0m";

    /**
     * JShell reports frames of cell code with the snippet as file name ({@code #12}), the class as
     * written (empty at top level) and the method as written (empty for a top-level statement).
     */
    private static final Pattern SNIPPET_FILE = Pattern.compile("#(\\d+)");
    /** JShell's wrapper class in a name or message ("REPL.$JShell$57.o"): the name as written is enough. */
    private static final Pattern WRAPPER_NAME = Pattern.compile("REPL\\.\\$JShell\\$\\d+[.$]");
    private static final Pattern LAMBDA = Pattern.compile("lambda\\$(.*)\\$\\d+");
    /** Frames of the machinery that runs a cell, never the student's. */
    private static final List<String> MACHINERY = List.of(
            "jdk.jshell.", "java.lang.reflect.", "jdk.internal.reflect.", "java.lang.Thread",
            "io.github.apricotcourse.kernel.");

    /** A block of at most this many frames that repeats is shown once ("… 1,017 more frames of f"). */
    private static final int MAX_REPEAT_PERIOD = 8;
    /** A block must repeat at least this many times to be collapsed. */
    private static final int MIN_REPEATS = 3;

    private ErrorReport() {
    }

    /** A cell that did not compile: each problem with its code marked, then unresolved names. */
    public static CellError compileError(SnippetSource snippet, List<CompileProblem> problems, List<String> unresolved) {
        List<String> lines = new ArrayList<>();
        String summary = null;
        for (CompileProblem p : problems) {
            if (!p.error()) {
                continue;
            }
            String message = readableMessage(p.message());
            int line = lineOf(snippet.source(), p.start());
            String headline = "Compile error in " + snippet.where(line) + ": " + message.lines().findFirst().orElse("");
            if (summary == null) {
                summary = headline;
            }
            lines.add(RED + headline + RESET);
            message.lines().skip(1).forEach(l -> lines.add("  " + l.strip()));
            lines.addAll(markedCode(snippet, p.start(), p.end()));
            lines.add("");
        }
        if (!unresolved.isEmpty()) {
            String headline = "Compile error in " + snippet.where(1) + ": this uses names that are not defined yet: "
                    + String.join(", ", unresolved);
            if (summary == null) {
                summary = headline;
            }
            lines.add(RED + headline + RESET);
            lines.add("  Fix: run the cell that defines them first, or check their spelling.");
        }
        if (summary == null) {
            summary = "Compile error in " + snippet.where(1);
            lines.add(RED + summary + RESET);
            lines.addAll(markedCode(snippet, 0, 0));
        }
        return new CellError(summary, lines);
    }

    /** An exception from cell code: class and message, then the frames that matter, then causes. */
    public static CellError exception(ThrownInfo thrown, Function<String, Optional<SnippetSource>> snippetById) {
        List<String> lines = new ArrayList<>();
        String summary = headline(thrown);
        lines.add(RED + summary + RESET);
        lines.addAll(frames(thrown.stack(), snippetById));
        for (ThrownInfo cause = thrown.cause(); cause != null; cause = cause.cause()) {
            lines.add("Caused by: " + headline(cause));
            lines.addAll(frames(cause.stack(), snippetById));
        }
        return new CellError(summary, lines);
    }

    /** Code that ends before it is complete, e.g. a missing closing brace. */
    public static CellError incomplete(SnippetSource snippet) {
        String summary = "Incomplete code in " + snippet.where(1)
                + ": the cell ends before this statement does (a missing '}', ')' or ';'?)";
        List<String> lines = new ArrayList<>();
        lines.add(RED + summary + RESET);
        lines.addAll(numbered(snippet, 0, snippet.source().length()));
        return new CellError(summary, lines);
    }

    /** "java.lang.IllegalStateException: the message" (without a null message). */
    static String headline(ThrownInfo t) {
        String headline = t.message() == null || t.message().isEmpty() ? t.className() : t.className() + ": " + t.message();
        return WRAPPER_NAME.matcher(headline).replaceAll("");
    }

    /**
     * The frames worth showing: those up to the last frame of cell code, without the JShell and
     * kernel machinery, with snippet classes named as the student wrote them.
     */
    static List<String> frames(StackTraceElement[] stack, Function<String, Optional<SnippetSource>> snippetById) {
        int last = -1;
        for (int i = 0; i < stack.length; i++) {
            if (isCellFrame(stack[i])) {
                last = i;
            }
        }
        int end = last >= 0 ? last + 1 : stack.length;
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < end; i++) {
            StackTraceElement e = stack[i];
            if (isCellFrame(e) || MACHINERY.stream().noneMatch(e.getClassName()::startsWith)) {
                lines.add("    at " + frame(e, snippetById));
            }
        }
        return collapseRepeats(lines);
    }

    /**
     * Frames with each run of a repeating block (deep recursion: {@code f f f ...}, or
     * {@code f g f g ...}) shown once and then counted: "… 1,017 more frames of f".
     */
    static List<String> collapseRepeats(List<String> frames) {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < frames.size()) {
            int period = 0;
            int repeats = 1;
            for (int p = 1; p <= MAX_REPEAT_PERIOD && i + 2 * p <= frames.size(); p++) {
                List<String> block = frames.subList(i, i + p);
                int r = 1;
                while (i + (r + 1) * p <= frames.size() && frames.subList(i + r * p, i + (r + 1) * p).equals(block)) {
                    r++;
                }
                if (r >= MIN_REPEATS && (r - 1) * p > (repeats - 1) * period) {
                    period = p;
                    repeats = r;
                }
            }
            if (period == 0) {
                out.add(frames.get(i));
                i++;
                continue;
            }
            List<String> block = frames.subList(i, i + period);
            out.addAll(block);
            List<String> names = block.stream().map(ErrorReport::frameName).distinct().toList();
            out.add("    \u2026 " + String.format(Locale.ROOT, "%,d", (repeats - 1) * period) + " more frames of "
                    + String.join(", ", names));
            i += repeats * period;
        }
        return out;
    }

    /** "f" for "    at f (cell [3], line 2)", "java.util.X.m" for "    at java.util.X.m(X.java:3)". */
    private static String frameName(String frameLine) {
        String f = frameLine.strip();
        f = f.startsWith("at ") ? f.substring(3) : f;
        int paren = f.indexOf(" (");
        if (paren < 0) {
            paren = f.indexOf('(');
        }
        return paren > 0 ? f.substring(0, paren) : f;
    }

    static boolean isCellFrame(StackTraceElement e) {
        return e.getFileName() != null && SNIPPET_FILE.matcher(e.getFileName()).matches();
    }

    /** One frame: {@code half (cell [3], line 2)}, or the usual form outside cell code. */
    static String frame(StackTraceElement e, Function<String, Optional<SnippetSource>> snippetById) {
        if (!isCellFrame(e)) {
            return e.toString();
        }
        String snippetId = e.getFileName().substring(1);
        String where = snippetById.apply(snippetId)
                .map(s -> s.where(Math.max(1, e.getLineNumber())))
                .orElse("snippet " + snippetId + ", line " + e.getLineNumber());
        String method = e.getMethodName();
        Matcher lambda = LAMBDA.matcher(method);
        if (lambda.matches()) {
            // A lambda in a top-level statement lives in JShell's do_it$ method.
            method = lambda.group(1).equals("do_it$") ? "lambda" : "lambda in " + lambda.group(1);
        }
        String name = e.getClassName().isEmpty() ? method
                : method.isEmpty() ? e.getClassName() : e.getClassName() + "." + method;
        return name.isEmpty() ? where : name + " (" + where + ")";
    }

    /** Compiler messages without the wrapper-class locations JShell would leak. */
    static String readableMessage(String message) {
        StringBuilder out = new StringBuilder();
        for (String line : message.split("\\R")) {
            if (!line.strip().startsWith("location:")) {
                out.append(line).append('\n');
            }
        }
        return out.toString().strip();
    }

    /** The source line holding {@code start}, numbered as in the cell, with carets under [start, end). */
    static List<String> markedCode(SnippetSource snippet, int start, int end) {
        String src = snippet.source();
        int s = Math.max(0, Math.min(start, src.length()));
        int lineStart = src.lastIndexOf('\n', s - 1) + 1;
        int lineEnd = src.indexOf('\n', s);
        if (lineEnd < 0) {
            lineEnd = src.length();
        }
        int e = Math.max(s + 1, Math.min(end, lineEnd));
        int line = lineOf(src, s);
        String number = String.valueOf(snippet.cellLine(line));
        String gutter = " ".repeat(number.length());
        List<String> lines = new ArrayList<>();
        lines.add("  " + number + " | " + src.substring(lineStart, lineEnd));
        lines.add("  " + gutter + " | " + " ".repeat(s - lineStart) + "^".repeat(Math.max(1, e - s)));
        return lines;
    }

    /** The lines [from, to) of the snippet, numbered as in the cell. */
    static List<String> numbered(SnippetSource snippet, int from, int to) {
        List<String> lines = new ArrayList<>();
        String[] src = snippet.source().substring(from, to).split("\\R", -1);
        int first = lineOf(snippet.source(), from);
        for (int i = 0; i < src.length; i++) {
            lines.add("  " + snippet.cellLine(first + i) + " | " + src[i]);
        }
        return lines;
    }

    /** 1-based line number of character {@code pos} in {@code text}. */
    static int lineOf(String text, int pos) {
        int line = 1;
        for (int i = 0; i < Math.min(pos, text.length()); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}

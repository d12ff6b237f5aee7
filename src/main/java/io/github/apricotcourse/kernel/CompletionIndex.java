package io.github.apricotcourse.kernel;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import jdk.jshell.SourceCodeAnalysis;

/**
 * JShell's index of every class on the class path (the JDK's and each jar's), which completion
 * uses to suggest package names. JShell starts building it in a background thread as soon as a
 * session's code analysis exists; with the kernel's jars that took about 1 s of CPU time while
 * the start-up scripts were compiling on a 2-core machine, and kept 34-47 MB more resident
 * (2026-12-02). This holds the indexing back until the first completion or documentation
 * request, the only ones that read it.
 *
 * <p>JShell pauses indexing with {@code suspendIndexing()} and {@code resumeIndexing()}, methods of
 * its implementation class that are public but not part of its API: calling them needs
 * {@code --add-opens jdk.jshell/jdk.jshell=ALL-UNNAMED} (the kernelspec passes it). Without that
 * flag, or on a JShell without these methods, nothing is held back and JShell indexes at once.
 */
final class CompletionIndex {

    private final SourceCodeAnalysis analysis;
    private final Method resume;
    private boolean held;

    private CompletionIndex(SourceCodeAnalysis analysis, Method resume, boolean held) {
        this.analysis = analysis;
        this.resume = resume;
        this.held = held;
    }

    /** Holds back the indexing of {@code analysis}'s class path, if this JVM lets the kernel do so. */
    static CompletionIndex holdBack(SourceCodeAnalysis analysis) {
        try {
            Method suspend = analysis.getClass().getMethod("suspendIndexing");
            Method resume = analysis.getClass().getMethod("resumeIndexing");
            suspend.setAccessible(true);
            resume.setAccessible(true);
            suspend.invoke(analysis);
            return new CompletionIndex(analysis, resume, true);
        } catch (ReflectiveOperationException | RuntimeException e) {
            // Not opened to the kernel (no --add-opens) or another JShell: it indexes as it always did.
            return new CompletionIndex(analysis, null, false);
        }
    }

    /** Whether the indexing is being held back (until {@link #release}). */
    synchronized boolean held() {
        return held;
    }

    /** Lets the indexing run (in JShell's background thread); later calls do nothing. */
    synchronized void release() {
        if (!held) {
            return;
        }
        held = false;
        try {
            resume.invoke(analysis);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("JShell's resumeIndexing could not be called after suspendIndexing was: "
                    + e.getMessage(), e);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("JShell's resumeIndexing failed: " + e.getCause(), e.getCause());
        }
    }
}

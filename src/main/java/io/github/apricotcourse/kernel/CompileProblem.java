package io.github.apricotcourse.kernel;

/**
 * One compiler diagnostic of a snippet, with positions in the snippet's source.
 *
 * @param message the compiler's message
 * @param start   first character of the offending code
 * @param end     one past its last character (equal to start for a point)
 * @param error   true for an error, false for a warning
 */
public record CompileProblem(String message, int start, int end, boolean error) {
}

package io.github.apricotcourse.kernel;

/**
 * An exception thrown by cell code, as JShell reports it (class name, message, frames, cause).
 *
 * @param className the exception's class, e.g. {@code java.lang.IllegalStateException}
 * @param message   its message, or null
 * @param stack     its frames, innermost first
 * @param cause     its cause, or null
 */
public record ThrownInfo(String className, String message, StackTraceElement[] stack, ThrownInfo cause) {
}

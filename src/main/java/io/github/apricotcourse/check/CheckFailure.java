package io.github.apricotcourse.check;

/**
 * A failed notebook check. It is an {@link AssertionError} so that it reads as one, but it is
 * thrown explicitly and never depends on Java's {@code assert} (which is off unless the JVM runs
 * with {@code -ea}).
 */
public class CheckFailure extends AssertionError {
    private static final long serialVersionUID = 1L;

    public CheckFailure(String message) {
        super(message);
    }
}

package io.github.apricotcourse.viz;

import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Outside any notebook kernel: prints each value's text form to standard output. An update is
 * printed as a new line, since a console cannot replace what it printed.
 */
final class ConsoleTarget implements DisplayTarget {

    private final AtomicLong ids = new AtomicLong();

    @Override
    public String display(Object value) {
        out().println(value);
        return "console-" + ids.incrementAndGet();
    }

    @Override
    public void update(String id, Object value) {
        out().println(value);
    }

    @Override
    public boolean updatesInPlace() {
        return false;
    }

    /** Looked up on each call so that redirected {@code System.out} is honoured. */
    private static PrintStream out() {
        return System.out;
    }
}

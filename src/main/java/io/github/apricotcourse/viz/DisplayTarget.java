package io.github.apricotcourse.viz;

/**
 * Where {@link Display} sends output: a notebook kernel, or the console outside one.
 */
public interface DisplayTarget {

    /** Shows {@code value} as a new output and returns the id by which it can be replaced. */
    String display(Object value);

    /** Replaces the output shown under {@code id} by {@code value}. */
    void update(String id, Object value);

    /** True when outputs can be replaced in place (a notebook), false for a console. */
    boolean updatesInPlace();
}

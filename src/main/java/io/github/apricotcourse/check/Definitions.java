package io.github.apricotcourse.check;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The sources of what the notebook's cells declared, by name, as the kernel reports them: the
 * Apricot kernel installs a lookup when it starts ({@code kernel.JShellSession}), so that
 * {@link Check#forbid} can read the code that defined a student's method. A kernel without it
 * (stock IJava, a plain JVM) installs nothing, and {@link #sourcesOf} is empty.
 */
public final class Definitions {
    private static volatile Function<String, List<String>> lookup;

    private Definitions() {}

    /**
     * Installs the kernel's lookup: a name to the sources of the live declarations of that name
     * (none: an empty list). Returns the lookup it replaces (null if none), to put back with
     * {@link #restore}.
     */
    public static synchronized Function<String, List<String>> install(Function<String, List<String>> kernelLookup) {
        Function<String, List<String>> previous = lookup;
        lookup = Objects.requireNonNull(kernelLookup, "the kernel's lookup of declarations");
        return previous;
    }

    /**
     * Puts back the lookup that installing {@code installed} replaced ({@code previous}, null for
     * none), if {@code installed} is still the one in use: a kernel that closes removes its own.
     */
    public static synchronized void restore(Function<String, List<String>> installed, Function<String, List<String>> previous) {
        if (lookup == installed) {
            lookup = previous;
        }
    }

    /**
     * The sources of the live declarations named {@code name} (a method with its overloads, a
     * class, a variable); empty if this kernel does not record them.
     */
    public static Optional<List<String>> sourcesOf(String name) {
        Function<String, List<String>> l = lookup;
        return l == null ? Optional.empty() : Optional.of(List.copyOf(l.apply(name)));
    }
}

package io.github.apricotcourse.kernel;

import java.io.File;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The kernel's settings, read from IJava's environment variables so that a kernelspec written
 * for IJava works unchanged:
 * <ul>
 *   <li>{@code IJAVA_CLASSPATH}: extra classpath entries (globs allowed), separated by the
 *       platform's path separator;</li>
 *   <li>{@code IJAVA_STARTUP_SCRIPTS_PATH}: JShell scripts (globs allowed) run before the first
 *       cell, same separator;</li>
 *   <li>{@code IJAVA_STARTUP_SCRIPT}: one more script, given inline;</li>
 *   <li>{@code IJAVA_TIMEOUT}: the longest a top-level statement may run, e.g. {@code 30000},
 *       {@code "2 MINUTES"}; milliseconds by default; {@code -1} (the default) for none;</li>
 *   <li>{@code IJAVA_COMPILER_OPTS}: javac options for cells, e.g. {@code "-Xlint:all"}.</li>
 * </ul>
 *
 * @param classpath          extra classpath entries, unexpanded
 * @param startupScriptPaths startup script files, unexpanded
 * @param startupScript      an inline startup script, or empty
 * @param timeout            the per-statement time limit, or empty for none
 * @param compilerOptions    extra javac options
 */
public record KernelSettings(List<String> classpath, List<String> startupScriptPaths, String startupScript,
                             Optional<Duration> timeout, List<String> compilerOptions) {

    public static final String CLASSPATH = "IJAVA_CLASSPATH";
    public static final String STARTUP_SCRIPTS_PATH = "IJAVA_STARTUP_SCRIPTS_PATH";
    public static final String STARTUP_SCRIPT = "IJAVA_STARTUP_SCRIPT";
    public static final String TIMEOUT = "IJAVA_TIMEOUT";
    public static final String COMPILER_OPTS = "IJAVA_COMPILER_OPTS";

    private static final Pattern DURATION = Pattern.compile("\\s*(-?\\d+)\\s*([A-Za-z]*)\\s*");

    public KernelSettings {
        classpath = List.copyOf(classpath);
        startupScriptPaths = List.copyOf(startupScriptPaths);
        compilerOptions = List.copyOf(compilerOptions);
    }

    /** Settings from environment variables such as {@link System#getenv()}. */
    public static KernelSettings from(Map<String, String> env) {
        return new KernelSettings(
                splitPath(env.get(CLASSPATH)),
                splitPath(env.get(STARTUP_SCRIPTS_PATH)),
                env.getOrDefault(STARTUP_SCRIPT, ""),
                parseTimeout(env.get(TIMEOUT)),
                splitOptions(env.get(COMPILER_OPTS)));
    }

    /** Entries of a path-separator-separated list, without blanks. */
    static List<String> splitPath(String value) {
        List<String> entries = new ArrayList<>();
        if (value != null) {
            for (String entry : value.split(Pattern.quote(File.pathSeparator))) {
                if (!entry.isBlank()) {
                    entries.add(entry.strip());
                }
            }
        }
        return entries;
    }

    /**
     * IJava's timeout format: a number, optionally followed by a {@link TimeUnit} name
     * (milliseconds by default). Negative or zero means no timeout.
     *
     * @throws IllegalArgumentException naming the variable and the accepted forms
     */
    static Optional<Duration> parseTimeout(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        Matcher m = DURATION.matcher(value);
        if (!m.matches()) {
            throw badTimeout(value);
        }
        long amount = Long.parseLong(m.group(1));
        if (amount <= 0) {
            return Optional.empty();
        }
        String unitName = m.group(2).toUpperCase(Locale.ROOT);
        TimeUnit unit;
        try {
            unit = unitName.isEmpty() ? TimeUnit.MILLISECONDS : TimeUnit.valueOf(unitName);
        } catch (IllegalArgumentException e) {
            throw badTimeout(value);
        }
        return Optional.of(Duration.of(amount, unit.toChronoUnit()));
    }

    private static IllegalArgumentException badTimeout(String value) {
        return new IllegalArgumentException(TIMEOUT + "='" + value + "' is not a duration. Fix: give milliseconds "
                + "(e.g. 30000), a number and a unit (e.g. \"2 MINUTES\", units as in java.util.concurrent.TimeUnit), "
                + "or -1 for no timeout.");
    }

    /** Splits command-line options on blanks, keeping "double-quoted" parts together. */
    static List<String> splitOptions(String value) {
        List<String> options = new ArrayList<>();
        if (value == null) {
            return options;
        }
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        boolean inToken = false;
        for (char c : value.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
                inToken = true;
            } else if (Character.isWhitespace(c) && !quoted) {
                if (inToken) {
                    options.add(current.toString());
                    current.setLength(0);
                    inToken = false;
                }
            } else {
                current.append(c);
                inToken = true;
            }
        }
        if (quoted) {
            throw new IllegalArgumentException(COMPILER_OPTS + "='" + value + "' has an unclosed double quote. "
                    + "Fix: close it, or remove it.");
        }
        if (inToken) {
            options.add(current.toString());
        }
        return options;
    }
}

package io.github.apricotcourse.check;

import java.util.LinkedHashMap;
import java.util.Map;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The student's score so far in this notebook session: every check that ran, and whether it
 * passed the last time it ran. The last cell of a lesson shows it with {@code Score.soFar()}.
 * (The grader does not trust this: it re-runs the original checks itself.)
 */
public final class Score {
    private static final Map<String, String> RESULTS = new LinkedHashMap<>();
    private static long passedEver;
    private static long failedEver;

    private Score() {}

    static synchronized void record(String check, boolean passed, String message) {
        RESULTS.remove(check);
        RESULTS.put(check, passed ? "✔ passed" : "✘ " + message);
        if (passed) {
            passedEver++;
        } else {
            failedEver++;
        }
    }

    /**
     * Every check run in this session, counted each time it ran and never reset. The grader reads
     * it before and after each check cell, so that a check cell only earns points when the real
     * checks ran and passed.
     */
    public static synchronized Tally tally() {
        return new Tally(passedEver, failedEver);
    }

    /** The number of checks that passed the last time they ran. */
    public static synchronized int passed() {
        return (int) RESULTS.values().stream().filter(r -> r.startsWith("✔")).count();
    }

    /** The number of distinct checks that ran. */
    public static synchronized int total() {
        return RESULTS.size();
    }

    /** Forgets all results (e.g. before re-running a notebook from the top). */
    public static synchronized void reset() {
        RESULTS.clear();
    }

    /** A table of every check that ran and its result, titled with the score. */
    public static synchronized Table soFar() {
        StringColumn check = StringColumn.create("check");
        StringColumn result = StringColumn.create("result");
        RESULTS.forEach((k, v) -> {
            check.append(k);
            result.append(v.length() > 120 ? v.substring(0, 117) + "…" : v);
        });
        return Table.create("Score so far: " + passed() + " of " + total() + " checks passed", check, result);
    }
}

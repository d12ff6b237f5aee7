package io.github.apricotcourse.grade;

import io.github.apricotcourse.grade.Lesson.CheckCell;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the grade of each check from an executed {@link GradingNotebook}. A check cell passes only
 * if it ran to the end without an error and, between the grader's cells around it, the library's
 * tally shows at least one real check passed and none failed. Text the student prints is never read.
 */
public final class Verdicts {
    private static final Pattern ANSI = Pattern.compile("\u001B\\[[0-9;]*[A-Za-z]");
    private static final Pattern QUALIFIED_EXCEPTION = Pattern.compile("(?:[a-z_$][\\w$]*\\.)+([A-Z][\\w$]*): ");
    /** Check.result's wrapping of a stub's message, which says "not implemented yet" twice. */
    private static final Pattern NOT_IMPLEMENTED = Pattern.compile("✘ [^:]*: not implemented yet — (Exercise .*)");
    private static final int MESSAGE_CHARS = 200;

    private Verdicts() {}

    /** One result per check of the lesson, in the lesson's order. */
    public static List<ExerciseResult> read(Lesson lesson, Notebook executed, String nonce, String student, String notebook,
            int timeoutSeconds) {
        List<ExerciseResult> results = new ArrayList<>();
        for (CheckCell check : lesson.checks()) {
            Cell mark = find(executed, GradingNotebook.MARK, check.gradeId());
            Cell cell = find(executed, GradingNotebook.CHECK, check.gradeId());
            Cell verdict = find(executed, GradingNotebook.VERDICT, check.gradeId());
            String failure = failure(mark, cell, verdict, nonce, timeoutSeconds);
            boolean passed = failure.startsWith("✔");
            results.add(new ExerciseResult(student, notebook, check.gradeId(), passed ? check.points() : 0, check.points(),
                    passed, passed ? failure.substring(2) : failure));
        }
        return results;
    }

    /** "✔ n checks passed", or why the check cell failed. */
    private static String failure(Cell mark, Cell cell, Cell verdict, String nonce, int timeoutSeconds) {
        if (cell == null) {
            return "the check was not run";
        }
        String status = String.valueOf(cell.apricotMetadata("status"));
        switch (status) {
            case "timeout":
                return "timeout: the check ran longer than " + timeoutSeconds + " s (an endless loop?)";
            case "died":
                return "the kernel stopped during the check (System.exit?)";
            case "error":
                return errorMessage(cell);
            case "ok":
                break;
            default:
                return status.equals("null") ? "the check was not run" : status;
        }
        long[] before = tally(mark, nonce);
        long[] after = tally(verdict, nonce);
        if (before == null || after == null) {
            return "the grader could not read the tally of checks around this cell (does student code declare "
                    + "something named io, or was the kernel restarted?)";
        }
        if (before[2] == 0 || after[2] == 0) {
            return "student code declares a class io that stands in for the library's checks; they could not run";
        }
        long passed = after[0] - before[0];
        long failed = after[1] - before[1];
        if (failed > 0) {
            return "a check failed but its failure was caught";
        }
        if (passed <= 0) {
            return "no Apricot check ran in this cell (were Check, Score or CheckFailure redefined?)";
        }
        return "✔ " + passed + (passed == 1 ? " check passed" : " checks passed");
    }

    /** The {passed, failed, genuine (1 or 0)} tally shown by a grader cell with this run's secret, or null. */
    static long[] tally(Cell cell, String nonce) {
        if (cell == null || !"ok".equals(cell.apricotMetadata("status"))) {
            return null;
        }
        Pattern p = Pattern.compile("APRICOT-" + Pattern.quote(nonce) + " passed=(\\d+) failed=(\\d+) genuine=(true|false)");
        for (Map<String, Object> out : cell.outputs()) {
            if ("execute_result".equals(out.get("output_type")) && out.get("data") instanceof Map<?, ?> data) {
                Matcher m = p.matcher(text(data.get("text/plain")));
                if (m.find()) {
                    return new long[] {Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), m.group(3).equals("true") ? 1 : 0};
                }
            }
        }
        return null;
    }

    /**
     * The first line of the cell's error, readable: "✘ sigmoid(0): expected 0.5, got 0.0",
     * "Exercise 01-sigmoid is not implemented yet: …", "ArithmeticException: / by zero".
     */
    static String errorMessage(Cell cell) {
        for (Map<String, Object> out : cell.outputs()) {
            if ("error".equals(out.get("output_type"))) {
                String value = oneLine(text(out.get("evalue")));
                String name = text(out.get("ename"));
                Matcher m = QUALIFIED_EXCEPTION.matcher(value);
                if (m.lookingAt()) {
                    String rest = value.substring(m.end());
                    value = rest.startsWith("✘") || rest.startsWith("Exercise ") ? rest : m.group(1) + ": " + rest;
                } else if (value.isEmpty()) {
                    value = oneLine(name);
                }
                Matcher stub = NOT_IMPLEMENTED.matcher(value);
                if (stub.matches()) {
                    value = stub.group(1);
                }
                if (value.length() > MESSAGE_CHARS) {
                    value = value.substring(0, MESSAGE_CHARS - 1) + "…";
                }
                return value.isEmpty() ? "the check cell failed" : value;
            }
        }
        return "the check cell failed";
    }

    private static String oneLine(String s) {
        String t = ANSI.matcher(s).replaceAll("").strip();
        int nl = t.indexOf('\n');
        if (nl >= 0) {
            t = t.substring(0, nl).strip();
        }
        return t;
    }

    private static String text(Object value) {
        if (value instanceof String s) {
            return s;
        }
        if (value instanceof List<?> l) {
            StringBuilder sb = new StringBuilder();
            l.forEach(sb::append);
            return sb.toString();
        }
        return value == null ? "" : value.toString();
    }

    private static Cell find(Notebook nb, String role, String gradeId) {
        for (Cell c : nb.cells()) {
            if (role.equals(c.apricotMetadata("role")) && gradeId.equals(c.apricotMetadata("grade_id"))) {
                return c;
            }
        }
        return null;
    }
}

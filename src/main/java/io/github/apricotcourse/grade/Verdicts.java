package io.github.apricotcourse.grade;

import io.github.apricotcourse.check.Check;
import io.github.apricotcourse.check.ForbiddenNames;
import io.github.apricotcourse.check.JavaSource.Code;
import io.github.apricotcourse.check.Tally;
import io.github.apricotcourse.grade.GradingNotebook.Placement;
import io.github.apricotcourse.grade.Lesson.CheckCell;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the grade of each check from an executed {@link GradingNotebook}, at the positions the
 * grader recorded when it assembled it. A check passes only if its released part and its hidden
 * tests ran to the end without an error and, between the grader's cells around them, the
 * library's tally shows at least one real check passed and none failed. Text the student prints is
 * never read. A failed hidden test is named, never quoted.
 */
public final class Verdicts {
    private static final Pattern ANSI = Pattern.compile("\u001B\\[[0-9;]*[A-Za-z]");
    private static final Pattern QUALIFIED_EXCEPTION = Pattern.compile("(?:[a-z_$][\\w$]*\\.)+([A-Z][\\w$]*): ");
    /** Check.result's wrapping of a stub's message, which says "not implemented yet" twice. */
    private static final Pattern NOT_IMPLEMENTED = Pattern.compile("✘ [^:]*: not implemented yet — (Exercise .*)");
    /** Check.result's failure for an exception, after "✘ what: ": "threw ArrayIndexOutOfBoundsException (…): …". */
    private static final Pattern THREW = Pattern.compile("threw ([A-Za-z_$][\\w$]*)(?: \\(|: )");
    /** A check's failure: "✘ what: why". */
    private static final Pattern CHECK_FAILURE = Pattern.compile("✘ (.+?): .*", Pattern.DOTALL);
    private static final int MESSAGE_CHARS = 200;

    private Verdicts() {}

    /**
     * One result per check of the lesson, in the lesson's order. {@code memoryLimit} is how the
     * kernel's heap limit is named in messages ("1 GB").
     */
    public static List<ExerciseResult> read(GradingNotebook.Assembly assembly, Notebook executed, String student, String notebook,
            int timeoutSeconds, String memoryLimit) {
        List<ExerciseResult> results = new ArrayList<>();
        String mismatch = mismatch(assembly, executed);
        List<StudentCode> cells = studentCode(assembly);
        for (Placement p : assembly.placements().values()) {
            CheckCell check = p.check();
            String twin = twin(check, cells);
            String failure = mismatch != null ? mismatch : twin != null ? twin
                    : failure(p, executed, assembly.nonce(), timeoutSeconds, memoryLimit);
            boolean passed = failure.startsWith("✔");
            results.add(new ExerciseResult(student, notebook, check.gradeId(), passed ? check.points() : 0, check.points(),
                    passed, passed ? failure.substring(2) : failure));
        }
        return results;
    }

    /**
     * One row per cell of the lesson that a person grades ({@link Lesson#manual}), never scored:
     * it needs a human, who reads the student's answer in the feedback notebook.
     */
    public static List<ExerciseResult> forAHuman(Lesson lesson, Notebook submission, String student, String notebook) {
        List<ExerciseResult> rows = new ArrayList<>();
        for (Lesson.ManualCell m : lesson.manual()) {
            Cell answer = submission.cells().stream().filter(c -> m.gradeId().equals(c.gradeId()) && !c.isCode()).findFirst().orElse(null);
            String what = m.task() ? "task" : "written answer";
            String message;
            if (answer == null) {
                message = "needs a human: the " + what + "'s cell is not in the notebook (deleted?)";
            } else if (!m.task() && answer.source().strip().equals(Lesson.YOUR_ANSWER_HERE)) {
                message = "needs a human: the answer is still \"" + Lesson.YOUR_ANSWER_HERE + "\"";
            } else {
                message = "needs a human: " + what + ", read it in the feedback notebook";
            }
            rows.add(new ExerciseResult(student, notebook, m.gradeId(), 0, m.points(), false, message, true));
        }
        return rows;
    }

    /**
     * "✘ sigmoid: uses Sigmoid.sigma, the library's twin; write it yourself" if the student's code
     * for this check's exercise uses a name its metadata forbids, itself or through methods and
     * classes of the notebook that it calls ("uses helper myGrad, which calls SgnsLoss.of, …"),
     * else null. Read from the student's cells as sent (never from what ran): the exercise's own
     * cell, every other cell of theirs that declares the exercise's method or class again, and the
     * declarations in all their cells of the helpers these call ({@link ForbiddenNames#reach}).
     */
    static String twin(CheckCell check, List<StudentCode> student) {
        Lesson.Forbid forbid = check.forbid();
        if (forbid == null) {
            return null;
        }
        List<Code> code = new ArrayList<>();
        List<Code> exercise = new ArrayList<>();
        for (StudentCode c : student) {
            code.add(c.code());
            if (Objects.equals(c.gradeId(), check.solutionId()) || ForbiddenNames.declares(c.code(), forbid.name())) {
                exercise.add(c.code());
            }
        }
        List<String> chain = ForbiddenNames.reach(forbid.name(), exercise, forbid.names(), n -> ForbiddenNames.declarations(code, n));
        return chain.isEmpty() ? null : "✘ " + forbid.name() + ": " + ForbiddenNames.message(chain);
    }

    /** A code cell of the student's as sent, with its grade id (null if none) and its code alone. */
    record StudentCode(String gradeId, Code code) {}

    /** The student's code cells as sent (the grader's own cells left out), each made code alone once for every check. */
    static List<StudentCode> studentCode(GradingNotebook.Assembly assembly) {
        List<Cell> cells = assembly.notebook().cells();
        List<StudentCode> student = new ArrayList<>();
        for (int i = 0; i < cells.size(); i++) {
            Cell c = cells.get(i);
            if (!assembly.isGraderCell(i) && c.isCode()) {
                student.add(new StudentCode(c.gradeId(), Code.of(c.source())));
            }
        }
        return student;
    }

    /** Why the executed notebook is not the one the grader assembled, or null if it is. */
    private static String mismatch(GradingNotebook.Assembly assembly, Notebook executed) {
        List<Cell> sent = assembly.notebook().cells();
        List<Cell> back = executed.cells();
        if (sent.size() != back.size()) {
            return "the notebook runner returned " + back.size() + " cells for " + sent.size() + "; not graded";
        }
        for (int i = 0; i < sent.size(); i++) {
            if (assembly.isGraderCell(i) && !sent.get(i).source().equals(back.get(i).source())) {
                return "the grader's cell " + (i + 1) + " came back changed; not graded";
            }
        }
        return null;
    }

    /** "✔ n checks passed", or why the check failed. */
    private static String failure(Placement p, Notebook executed, String nonce, int timeoutSeconds, String memoryLimit) {
        List<Cell> cells = executed.cells();
        String whole = p.check().cell().source();
        String released = Markers.withoutHiddenTests(whole);
        String visible = status(cells.get(p.visible()), null, null, timeoutSeconds, memoryLimit);
        if (visible != null) {
            return visible;
        }
        long passed = 0;
        int[][] around = p.hidden() < 0 ? new int[][] {{p.mark(), p.verdict()}}
                : new int[][] {{p.mark(), p.verdict()}, {p.hiddenMark(), p.hiddenVerdict()}};
        if (p.hidden() >= 0) {
            String hidden = status(cells.get(p.hidden()), released, whole, timeoutSeconds, memoryLimit);
            if (hidden != null) {
                return hidden;
            }
        }
        for (int[] pair : around) {
            Reading before = tally(cells.get(pair[0]), nonce);
            Reading after = tally(cells.get(pair[1]), nonce);
            if (before == null || after == null) {
                return "the grader could not read the tally of checks around this cell (does student code declare "
                        + "something named io, or was the kernel restarted?)";
            }
            if (!before.genuine() || !after.genuine()) {
                return "student code declares a class io that stands in for the library's checks; they could not run";
            }
            if (!after.tally().isAtLeast(before.tally())) {
                return "the tally of checks went back during this cell (was the kernel restarted?)";
            }
            Tally ran = after.tally().since(before.tally());
            if (ran.failed() > 0) {
                return "a check failed but its failure was caught";
            }
            if (ran.passed() <= 0) {
                return "no Apricot check ran in this cell (were Check, Score or CheckFailure redefined?)";
            }
            passed += ran.passed();
        }
        return "✔ " + passed + (passed == 1 ? " check passed" : " checks passed");
    }

    /**
     * Null if the cell ran to the end, else why not. For the whole check run at the end
     * ({@code released} is then its released source, {@code whole} the check with its hidden
     * tests), a failed check that the student cannot see is named, never quoted.
     */
    private static String status(Cell cell, String released, String whole, int timeoutSeconds, String memoryLimit) {
        String status = String.valueOf(cell.apricotMetadata("status"));
        boolean hidden = released != null;
        String what = hidden ? "the check with its hidden tests" : "the check";
        switch (status) {
            case "ok":
                return null;
            case "timeout":
                return "timeout: " + what + " ran longer than " + timeoutSeconds + " s (an endless loop?)";
            case "died":
                return "the kernel stopped during " + what + " (System.exit?)";
            case "error":
                break;
            default:
                return status.equals("null") ? what + " was not run" : status;
        }
        String exception = exceptionName(cell);
        if (exception.endsWith("OutOfMemoryError")) {
            return "ran out of memory (limit " + memoryLimit + ")";
        }
        String message = errorMessage(cell);
        if (!hidden || message.startsWith("Exercise ")) {
            return message;
        }
        String failed = checkName(message, whole);
        Matcher threw = failed == null ? null : THREW.matcher(message.substring(failed.length() + 4));
        // Check.result's failure for an exception: named again from the exception's class, never quoted
        // (its message is the student's code's, and may hold the hidden test's input).
        String how = threw == null || !threw.lookingAt() ? null
                : "threw " + threw.group(1) + ": " + Check.meaning(threw.group(1));
        if (failed != null && released.contains(Markers.javaString(failed))) {
            return (how == null ? message : "✘ " + failed + ": " + how) + " (when the check ran again, at the end of the notebook)";
        }
        if (failed != null) {
            return "hidden test '" + failed + "' failed" + (how == null ? "" : ": it " + how);
        }
        return "a hidden test failed" + (exception.isEmpty() ? "" : " with " + exception.substring(exception.lastIndexOf('.') + 1));
    }

    /**
     * The name of the check that failed with "✘ what: why", or null: {@code what} is the longest
     * part before a ": " that the check cell names as a string (a name may hold ": " itself), else
     * the part before the first ": " (a name built at run time).
     */
    static String checkName(String message, String whole) {
        Matcher m = CHECK_FAILURE.matcher(message);
        if (!m.matches()) {
            return null;
        }
        String rest = message.substring(2);
        String name = m.group(1);
        for (int i = rest.indexOf(": "); i >= 0; i = rest.indexOf(": ", i + 1)) {
            if (whole.contains(Markers.javaString(rest.substring(0, i)))) {
                name = rest.substring(0, i);
            }
        }
        return name;
    }

    /** The exception of the cell's error: the class its message starts with ("java.lang.OutOfMemoryError"), else its ename. */
    private static String exceptionName(Cell cell) {
        for (Map<String, Object> out : cell.outputs()) {
            if ("error".equals(out.get("output_type"))) {
                String value = oneLine(text(out.get("evalue")));
                Matcher m = QUALIFIED_EXCEPTION.matcher(value + (value.contains(": ") ? "" : ": "));
                return m.lookingAt() ? m.group().substring(0, m.group().length() - 2) : oneLine(text(out.get("ename")));
            }
        }
        return "";
    }

    /** What a grader cell showed: the tally of checks, and whether the check classes were the library's. */
    record Reading(Tally tally, boolean genuine) {}

    /**
     * The reading of a grader cell whose value is this run's secret then the {@link Tally}'s JSON
     * ({@link GradingNotebook#tallyExpression}), or null.
     */
    static Reading tally(Cell cell, String nonce) {
        if (cell == null || !"ok".equals(cell.apricotMetadata("status"))) {
            return null;
        }
        for (Map<String, Object> out : cell.outputs()) {
            if ("execute_result".equals(out.get("output_type")) && out.get("data") instanceof Map<?, ?> data) {
                String value = text(data.get("text/plain")).strip();
                value = value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"") ? value.substring(1, value.length() - 1)
                        : value;   // a kernel may show a string's value quoted
                for (String genuine : new String[] {"true", "false"}) {
                    String prefix = GradingNotebook.TALLY_PREFIX + nonce + " genuine=" + genuine + " ";
                    if (value.startsWith(prefix)) {
                        try {
                            return new Reading(Tally.fromJson(value.substring(prefix.length()).replace("\\\"", "\"")),
                                    genuine.equals("true"));
                        } catch (IllegalArgumentException e) {
                            return null;
                        }
                    }
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
}

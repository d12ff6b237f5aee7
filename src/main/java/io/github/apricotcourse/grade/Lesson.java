package io.github.apricotcourse.grade;

import io.github.apricotcourse.check.ForbiddenNames;
import io.github.apricotcourse.check.JavaSource;
import io.github.apricotcourse.grade.Markers.SolutionRegion;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An instructor's notebook with its exercises, checked against the marker convention: solution
 * cells (with their regions) and check cells (with their points and the solution cell they follow).
 * {@link #of} reports every problem at once, each naming notebook, cell and line.
 */
public final class Lesson {
    private static final Pattern GRADE_ID = Pattern.compile("[A-Za-z0-9_-]+");

    /** Check.forbid("sigmoid", "Sigmoid.sigma", …); in a check cell: its string arguments. */
    private static final Pattern FORBID = Pattern.compile(
            "Check\\s*\\.\\s*forbid\\s*\\(\\s*(\"(?:[^\"\\\\\\n]|\\\\.)*\"(?:\\s*,\\s*\"(?:[^\"\\\\\\n]|\\\\.)*\")*)\\s*\\)");
    private static final Pattern STRING = Pattern.compile("\"((?:[^\"\\\\\\n]|\\\\.)*)\"");

    /**
     * A check cell: its grade_id, points, the grade_id of the solution cell above it (null if none),
     * and the library names that solution may not use (null if none).
     */
    public record CheckCell(Cell cell, String gradeId, int points, String solutionId, Forbid forbid) {}

    /**
     * What {@code Check.forbid("sigmoid", "Sigmoid.sigma")} in a check cell says, and the solution
     * cell's {@code metadata.apricot.forbidden} repeats: the student's method or class, and the
     * library names ({@link io.github.apricotcourse.check.ForbiddenNames}) it may not use.
     */
    public record Forbid(String name, List<String> names) {}

    /**
     * A cell a person grades ({@link Cell#isManual}): a written answer, which the release blanks, or
     * a task, which it keeps; the grader never scores it, it lists it as needing a human.
     */
    public record ManualCell(Cell cell, String gradeId, int points, boolean task) {}

    /** What the release puts in a written answer's cell, as nbgrader does. */
    public static final String YOUR_ANSWER_HERE = "YOUR ANSWER HERE";

    private final Notebook notebook;
    private final Map<String, SolutionRegion> regions;
    private final List<CheckCell> checks;
    private final List<ManualCell> manual;
    private final List<String> warnings;

    private Lesson(Notebook notebook, Map<String, SolutionRegion> regions, List<CheckCell> checks, List<ManualCell> manual,
            List<String> warnings) {
        this.notebook = notebook;
        this.regions = regions;
        this.checks = checks;
        this.manual = List.copyOf(manual);
        this.warnings = List.copyOf(warnings);
    }

    /** Things that do not stop a release but are worth fixing (e.g. what nbgrader itself would reject). */
    public List<String> warnings() {
        return warnings;
    }

    /** Parses and validates the notebook's markers; every problem found is in the exception's message. */
    public static Lesson of(Notebook notebook) throws InvalidMarkersException {
        List<String> problems = new ArrayList<>();
        Map<String, SolutionRegion> regions = new LinkedHashMap<>();
        List<CheckCell> checks = new ArrayList<>();
        List<ManualCell> manual = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        Map<String, Cell> seen = new HashMap<>();
        Map<String, List<String>> forbidden = new HashMap<>();
        String lastSolution = null;
        for (Cell cell : notebook.cells()) {
            boolean solution = cell.isSolution();
            boolean mentionsSolution = cell.source().contains(Markers.BEGIN_SOLUTION) || cell.source().contains(Markers.END_SOLUTION);
            boolean check = cell.isCheck();
            String id = cell.gradeId();
            if (cell.nbgrader().isPresent() && (solution || check || cell.isLocked() || cell.isTask())) {
                if (id == null || id.isBlank()) {
                    problems.add(cell.where() + ": nbgrader metadata without a grade_id; add \"grade_id\": \"<lesson>-<name>\"");
                } else if (!GRADE_ID.matcher(id).matches()) {
                    problems.add(cell.where() + ": grade_id \"" + id + "\" may use only letters, digits, '-' and '_'");
                } else if (seen.containsKey(id)) {
                    problems.add(cell.where() + ": duplicate grade_id \"" + id + "\" (also cell " + seen.get(id).number()
                            + "); every exercise and check needs its own id");
                } else {
                    seen.put(id, cell);
                }
            }
            if (cell.isManual()) {
                Integer points = cell.points();
                if (!"markdown".equals(cell.type())) {
                    problems.add(cell.where() + ": an answer or task a person grades is a markdown cell (this is a "
                            + cell.type() + " cell)");
                } else if (cell.isTask() && (solution || check)) {
                    problems.add(cell.where() + ": a task cell has \"task\": true and \"solution\": false, \"grade\": false; "
                            + "a written answer has \"solution\": true, \"grade\": true and \"task\": false");
                } else if (points == null) {
                    problems.add(cell.where() + ": a cell a person grades needs \"points\": <whole number ≥ 0> in its nbgrader metadata");
                } else if (id != null) {
                    manual.add(new ManualCell(cell, id, points, cell.isTask()));
                }
                continue;
            }
            if (cell.isTask()) {
                problems.add(cell.where() + ": a task cell (\"task\": true) is a markdown cell that a person grades; "
                        + "this is a " + cell.type() + " cell");
                continue;
            }
            if (solution && check) {
                problems.add(cell.where() + ": a code cell is either a solution cell or a check cell, not both; "
                        + "Apricot grades code with checks, so split it in two (an answer a person grades is a markdown cell)");
                continue;
            }
            if ((solution || check) && !cell.isCode()) {
                problems.add(cell.where() + ": only code cells can be solution or check cells (this is a " + cell.type() + " cell; "
                        + "an answer a person grades has both \"solution\": true and \"grade\": true)");
                continue;
            }
            if (solution) {
                SolutionRegion region = Markers.solutionRegion(cell, problems);
                if (region != null && id != null) {
                    regions.put(id, region);
                }
                lastSolution = id;
                List<String> names = forbidden(cell, problems);
                if (names != null && id != null) {
                    forbidden.put(id, names);
                }
            } else if (mentionsSolution && !cell.isCode()) {
                warnings.add(cell.where() + ": this " + cell.type() + " cell mentions BEGIN/END SOLUTION; Apricot leaves prose "
                        + "alone, but nbgrader would take it for a solution region outside a solution cell and refuse to "
                        + "generate the assignment (reword it, e.g. \"the BEGIN and END lines\")");
            } else if (mentionsSolution) {
                problems.add(cell.where() + ": solution markers in a cell that is not a solution cell would show the "
                        + "solution to students; add nbgrader metadata with \"solution\": true and a grade_id");
            }
            if (cell.isCode() || check) {
                Markers.checkHiddenTests(cell, check, problems);
            }
            if (check) {
                Integer points = cell.points();
                if (points == null) {
                    problems.add(cell.where() + ": a check cell needs \"points\": <whole number ≥ 0> in its nbgrader metadata");
                } else if (id != null) {
                    Forbid forbid = forbid(cell, lastSolution == null ? null : forbidden.remove(lastSolution), problems);
                    checks.add(new CheckCell(cell, id, points, lastSolution, forbid));
                }
            }
        }
        forbidden.forEach((solution, names) -> problems.add(seen.get(solution).where() + ": its metadata forbids "
                + String.join(", ", names) + ", but no check cell follows it to say Check.forbid(\"<method>\", "
                + quoted(names) + ") as its first line"));
        if (!problems.isEmpty()) {
            throw new InvalidMarkersException(problems);
        }
        return new Lesson(notebook, regions, checks, manual, warnings);
    }

    /** A solution cell's {@code metadata.apricot.forbidden}: null if absent, else its names (a problem if malformed). */
    private static List<String> forbidden(Cell cell, List<String> problems) {
        Object value = cell.apricotMetadata("forbidden");
        if (value == null) {
            return null;
        }
        List<String> names = new ArrayList<>();
        if (value instanceof List<?> list && !list.isEmpty()) {
            for (Object o : list) {
                if (o instanceof String name && ForbiddenNames.isValid(name)) {
                    names.add(name);
                } else {
                    names = null;
                    break;
                }
            }
        } else {
            names = null;
        }
        if (names == null) {
            problems.add(cell.where() + ": metadata.apricot.forbidden must be a list of library names, each a class "
                    + "(\"SgnsLoss\") or a class and member (\"Sigmoid.sigma\"), got " + value);
        }
        return names;
    }

    /**
     * The check cell's Check.forbid, which must list exactly the names its solution's metadata
     * forbids ({@code names}, null if none): one list, written twice, checked here to agree.
     */
    private static Forbid forbid(Cell cell, List<String> names, List<String> problems) {
        String code = Markers.withoutHiddenTests(cell.source());
        Matcher m = FORBID.matcher(code);
        List<Forbid> calls = new ArrayList<>();
        while (m.find()) {
            List<String> args = new ArrayList<>();
            Matcher s = STRING.matcher(m.group(1));
            while (s.find()) {
                args.add(s.group(1));
            }
            calls.add(new Forbid(args.get(0), List.copyOf(args.subList(1, args.size()))));
        }
        if (calls.isEmpty() && ForbiddenNames.used(JavaSource.Code.of(code), List.of("Check.forbid")).isEmpty()) {
            if (names != null) {
                problems.add(cell.where() + ": its solution's metadata forbids " + String.join(", ", names)
                        + ", so the check's first line must be Check.forbid(\"<method>\", " + quoted(names) + ")");
            }
            return null;
        }
        if (calls.size() != 1) {
            problems.add(cell.where() + ": Check.forbid must appear once, in the released part, with string literals only "
                    + "(Check.forbid(\"sigmoid\", \"Sigmoid.sigma\"))");
            return null;
        }
        Forbid forbid = calls.get(0);
        if (names == null) {
            problems.add(cell.where() + ": Check.forbid lists " + String.join(", ", forbid.names()) + " but the solution cell "
                    + "above has no metadata.apricot.forbidden; add \"forbidden\": [" + quoted(forbid.names()) + "] to it");
            return null;
        }
        if (!names.equals(forbid.names())) {
            problems.add(cell.where() + ": Check.forbid lists " + forbid.names() + " but the solution cell's "
                    + "metadata.apricot.forbidden is " + names + "; make them the same list");
            return null;
        }
        return forbid;
    }

    private static String quoted(List<String> names) {
        return names.stream().map(n -> "\"" + n + "\"").collect(java.util.stream.Collectors.joining(", "));
    }

    public Notebook notebook() {
        return notebook;
    }

    /** The solution regions by grade_id, in notebook order. */
    public Map<String, SolutionRegion> regions() {
        return regions;
    }

    /** The check cells in notebook order. */
    public List<CheckCell> checks() {
        return checks;
    }

    /** The cells a person grades (written answers and tasks), in notebook order. */
    public List<ManualCell> manual() {
        return manual;
    }

    /** The total points of the lesson's checks (what the grader scores; {@link #manual} cells not included). */
    public int maxPoints() {
        return checks.stream().mapToInt(CheckCell::points).sum();
    }

    /**
     * The student's version: solutions replaced by stubs, written answers by "YOUR ANSWER HERE",
     * hidden tests removed, outputs cleared.
     */
    public Notebook release() {
        List<Cell> cells = new ArrayList<>();
        for (Cell cell : notebook.cells()) {
            Cell c = cell.cleared();
            SolutionRegion region = cell.isSolution() ? regions.get(cell.gradeId()) : null;
            if (region != null) {
                c = c.withSource(Markers.stub(cell.source(), cell.gradeId(), region));
            } else if (cell.isManual() && !cell.isTask()) {
                c = c.withSource(YOUR_ANSWER_HERE);
            } else if (cell.isCheck()) {
                c = c.withSource(Markers.withoutHiddenTests(cell.source()));
            }
            cells.add(c);
        }
        return notebook.withCells(cells);
    }

    /** Problems with a notebook's markers, one per line in the message. */
    public static final class InvalidMarkersException extends Exception {
        private static final long serialVersionUID = 1L;
        private final List<String> problems;

        InvalidMarkersException(List<String> problems) {
            super(String.join("\n", problems));
            this.problems = List.copyOf(problems);
        }

        public List<String> problems() {
            return problems;
        }
    }
}

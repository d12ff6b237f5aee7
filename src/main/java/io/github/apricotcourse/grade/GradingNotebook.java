package io.github.apricotcourse.grade;

import io.github.apricotcourse.check.Score;
import io.github.apricotcourse.check.Tally;
import io.github.apricotcourse.grade.Lesson.CheckCell;
import io.github.apricotcourse.grade.NotebookJson.JsonNumber;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The notebook the grader runs for one submission: the student's cells, with the instructor's
 * original check cells put back (matched by grade_id, check classes named in full) and each check
 * between two grader cells that read the library's tally of checks. In its place a check runs as
 * released (no hidden tests); a check with hidden tests runs again, whole, at the very end, after
 * every cell of the student's, again between two grader cells. So no student cell runs after a
 * hidden test (not even {@code Score.soFar()}, which would list it), the feedback shows each
 * released check with its outputs, and a failed hidden test is named without being quoted.
 *
 * <p>Where a check goes: where the student's copy of it is, if that copy comes after its solution
 * cell; otherwise right after its solution cell; if the student deleted the solution cell, at the
 * end. The student's cells lose any {@code metadata.apricot} (the grader's notes on a cell), and
 * the grader's cells are found afterwards by the positions recorded here ({@link Assembly}),
 * never by what a cell says about itself. The grader's cells evaluate an expression that no student
 * declaration can shadow (it starts from a string literal and finds {@code Score} by reflection),
 * tagged with a secret made for this run; their result comes back as the cell's execute_result,
 * which printing cannot fake.
 */
public final class GradingNotebook {
    /** metadata.apricot.role of the cells the grader adds or restores. */
    static final String MARK = "mark";
    static final String CHECK = "check";
    static final String HIDDEN = "hidden";
    static final String VERDICT = "verdict";
    static final String WARM_UP = "warm-up";
    /** Seconds the warm-up cell may take: a cold kernel on a busy machine compiles its first cells slowly. */
    static final int WARM_UP_SECONDS = 180;
    /** What a grader cell's value starts with, before the run's secret. */
    static final String TALLY_PREFIX = "APRICOT-";

    /**
     * Where the grader put one check, as 0-based cell positions in the assembled notebook: the
     * released check between its mark and verdict cells, and (-1 if it has no hidden tests) the
     * whole check run again at the end, between its own mark and verdict cells.
     */
    public record Placement(CheckCell check, int mark, int visible, int verdict, int hiddenMark, int hidden, int hiddenVerdict) {
        private Placement withHidden(int hiddenMark, int hidden, int hiddenVerdict) {
            return new Placement(check, mark, visible, verdict, hiddenMark, hidden, hiddenVerdict);
        }

        private boolean holds(int index) {
            return index >= 0 && (index == mark || index == visible || index == verdict || index == hiddenMark || index == hidden
                    || index == hiddenVerdict);
        }
    }

    /**
     * The assembled notebook, the secret of its run, and where the grader's cells are. Only these
     * positions are read back: a student's cell can say anything about itself.
     */
    public record Assembly(Notebook notebook, String nonce, int warmUp, Map<String, Placement> placements) {
        /** True for the positions of the grader's own cells (all but the student's). */
        boolean isGraderCell(int index) {
            if (index == warmUp) {
                return true;
            }
            return placements.values().stream().anyMatch(p -> p.holds(index));
        }
    }

    private GradingNotebook() {}

    /** The notebook to run; {@code nonce} is the secret of this run. */
    public static Assembly assemble(Lesson lesson, Notebook submission, String nonce) {
        Map<String, CheckCell> originals = new LinkedHashMap<>();
        for (CheckCell check : lesson.checks()) {
            originals.put(check.gradeId(), check);
        }
        Set<String> solutions = lesson.regions().keySet();

        // Which of the student's copies of a check stand after their solution cell: those stay in place.
        Set<String> inPlace = new HashSet<>();
        Set<String> seenSolutions = new HashSet<>();
        for (Cell cell : submission.cells()) {
            String id = cell.gradeId();
            if (id == null) {
                continue;
            }
            if (solutions.contains(id) && cell.isCode()) {
                seenSolutions.add(id);
            } else if (originals.containsKey(id)) {
                String anchor = originals.get(id).solutionId();
                if (anchor == null || seenSolutions.contains(anchor)) {
                    inPlace.add(id);
                }
            }
        }

        List<Cell> cells = new ArrayList<>();
        Map<String, Placement> placed = new LinkedHashMap<>();
        boolean ids = hasCellIds(submission);
        // Loads the check classes and warms the compiler, with a longer time limit than other cells,
        // so that a slow first cell is not taken for an endless loop.
        Cell warmUp = grader(lesson.notebook(), tallyExpression(nonce), WARM_UP, "", ids ? "apricot-warm-up" : null)
                .withApricotMetadata("timeout", new JsonNumber(Integer.toString(WARM_UP_SECONDS)));
        cells.add(warmUp);
        for (CheckCell check : originals.values()) {
            if (check.solutionId() == null && !inPlace.contains(check.gradeId()) && !placed.containsKey(check.gradeId())) {
                place(check, cells, placed, nonce, ids);
            }
        }
        Set<String> solutionsPlaced = new HashSet<>();
        for (Cell cell : submission.cells()) {
            String id = cell.gradeId();
            if (id != null && originals.containsKey(id)) {
                if (inPlace.contains(id) && !placed.containsKey(id)) {
                    place(originals.get(id), cells, placed, nonce, ids);
                }
                continue;
            }
            cells.add(cell.cleared().withoutApricotMetadata());
            if (id != null && cell.isCode() && solutions.contains(id) && solutionsPlaced.add(id)) {
                for (CheckCell check : originals.values()) {
                    if (id.equals(check.solutionId()) && !inPlace.contains(check.gradeId())) {
                        place(check, cells, placed, nonce, ids);
                    }
                }
            }
        }
        for (CheckCell check : originals.values()) {
            if (!placed.containsKey(check.gradeId())) {
                place(check, cells, placed, nonce, ids);
            }
        }
        Map<String, Placement> inLessonOrder = new LinkedHashMap<>();
        for (CheckCell check : lesson.checks()) {
            Placement p = placed.get(check.gradeId());
            String source = check.cell().source();
            if (Markers.hasHiddenTests(source)) {
                String id = check.gradeId();
                Notebook from = check.cell().notebook();
                int mark = cells.size();
                cells.add(grader(from, tallyExpression(nonce), MARK, id, ids ? "apricot-hidden-mark-" + id : null));
                cells.add(grader(from, CheckNames.qualify(Markers.withHiddenTests(source)), HIDDEN, id, ids ? "apricot-hidden-" + id : null));
                cells.add(grader(from, tallyExpression(nonce), VERDICT, id, ids ? "apricot-hidden-verdict-" + id : null));
                p = p.withHidden(mark, mark + 1, mark + 2);
            }
            inLessonOrder.put(check.gradeId(), p);
        }
        return new Assembly(submission.withCells(cells), nonce, 0, inLessonOrder);
    }

    /** Adds mark, released check and verdict cells for one check. */
    private static void place(CheckCell check, List<Cell> cells, Map<String, Placement> placed, String nonce, boolean ids) {
        String id = check.gradeId();
        int mark = cells.size();
        cells.add(grader(check.cell().notebook(), tallyExpression(nonce), MARK, id, ids ? "apricot-mark-" + id : null));
        cells.add(check.cell().cleared().withoutApricotMetadata()
                .withSource(CheckNames.qualify(Markers.withoutHiddenTests(check.cell().source())))
                .withApricotMetadata("role", CHECK).withApricotMetadata("grade_id", id)
                .withApricotMetadata("points", new JsonNumber(Integer.toString(check.points()))));
        cells.add(grader(check.cell().notebook(), tallyExpression(nonce), VERDICT, id, ids ? "apricot-verdict-" + id : null));
        placed.put(id, new Placement(check, mark, mark + 1, mark + 2, -1, -1, -1));
    }

    private static Cell grader(Notebook notebook, String source, String role, String gradeId, String cellId) {
        Cell cell = Cell.newCode(notebook, source, role).withApricotMetadata("grade_id", gradeId);
        if (cellId != null) {
            cell.json().put("id", cellId);
        }
        return cell;
    }

    /**
     * An expression whose value is {@code APRICOT-<nonce> genuine=true {"passed":N,"failed":M}}:
     * the {@link Tally} of real checks as its JSON, found from a string literal by reflection (so no
     * student declaration can change it), and whether the full names the check cells use still mean
     * the library's classes ("false" if student code declared a class {@code io} with look-alike
     * nested classes; a variable or plain class {@code io} makes the cell fail to compile, which fails
     * the check as well).
     */
    static String tallyExpression(String nonce) {
        StringBuilder genuine = new StringBuilder();
        for (Class<?> c : CheckNames.CLASSES) {
            genuine.append(genuine.length() == 0 ? "" : " & ").append(c.getName()).append(".class == ").append(forName(c));
        }
        return "\"" + TALLY_PREFIX + nonce + " genuine=\" + (" + genuine + ")\n"
                + "    + \" \" + " + forName(Tally.class) + ".getMethod(\"toJson\").invoke(" + forName(Score.class)
                + ".getMethod(\"tally\").invoke(null))";
    }

    private static String forName(Class<?> c) {
        return "\"\".getClass().forName(\"" + c.getName() + "\")";
    }

    private static boolean hasCellIds(Notebook notebook) {
        return notebook.cells().stream().anyMatch(c -> c.json().containsKey("id"));
    }
}

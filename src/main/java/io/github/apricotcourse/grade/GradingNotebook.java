package io.github.apricotcourse.grade;

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
 * original check cells put back (matched by grade_id, hidden tests included, check classes named in
 * full) and each check cell between two grader cells that read the library's tally of checks.
 *
 * <p>Where a check goes: where the student's copy of it is, if that copy comes after its solution
 * cell; otherwise right after its solution cell; if the student deleted the solution cell, at the
 * end. The grader's cells evaluate an expression that no student declaration can shadow (it starts
 * from a string literal and finds {@code Score} by reflection), tagged with a secret made for this
 * run; their result comes back as the cell's execute_result, which printing cannot fake.
 */
public final class GradingNotebook {
    /** metadata.apricot.role of the cells the grader adds or restores. */
    static final String MARK = "mark";
    static final String CHECK = "check";
    static final String VERDICT = "verdict";
    static final String WARM_UP = "warm-up";
    /** Seconds the warm-up cell may take: a cold kernel on a busy machine compiles its first cells slowly. */
    static final int WARM_UP_SECONDS = 180;

    private GradingNotebook() {}

    /** The notebook to run; {@code nonce} is the secret of this run. */
    public static Notebook assemble(Lesson lesson, Notebook submission, String nonce) {
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
        Set<String> placed = new HashSet<>();
        boolean ids = hasCellIds(submission);
        // Loads the check classes and warms the compiler, with a longer time limit than other cells,
        // so that a slow first cell is not taken for an endless loop.
        Cell warmUp = grader(lesson.notebook(), tallyExpression(nonce), WARM_UP, "", ids ? "apricot-warm-up" : null)
                .withApricotMetadata("timeout", new JsonNumber(Integer.toString(WARM_UP_SECONDS)));
        cells.add(warmUp);
        for (CheckCell check : originals.values()) {
            if (check.solutionId() == null && !inPlace.contains(check.gradeId())) {
                place(check, cells, placed, nonce, ids);
            }
        }
        Set<String> solutionsPlaced = new HashSet<>();
        for (Cell cell : submission.cells()) {
            String id = cell.gradeId();
            if (id != null && originals.containsKey(id)) {
                if (inPlace.contains(id) && !placed.contains(id)) {
                    place(originals.get(id), cells, placed, nonce, ids);
                }
                continue;
            }
            cells.add(cell.cleared());
            if (id != null && cell.isCode() && solutions.contains(id) && solutionsPlaced.add(id)) {
                for (CheckCell check : originals.values()) {
                    if (id.equals(check.solutionId()) && !inPlace.contains(check.gradeId())) {
                        place(check, cells, placed, nonce, ids);
                    }
                }
            }
        }
        for (CheckCell check : originals.values()) {
            if (!placed.contains(check.gradeId())) {
                place(check, cells, placed, nonce, ids);
            }
        }
        return submission.withCells(cells);
    }

    /** Adds mark, original check and verdict cells for one check. */
    private static void place(CheckCell check, List<Cell> cells, Set<String> placed, String nonce, boolean ids) {
        String id = check.gradeId();
        cells.add(grader(check.cell().notebook(), tallyExpression(nonce), MARK, id, ids ? "apricot-mark-" + id : null));
        Cell original = check.cell().cleared().withSource(CheckNames.qualify(check.cell().source()))
                .withApricotMetadata("role", CHECK).withApricotMetadata("grade_id", id)
                .withApricotMetadata("points", new JsonNumber(Integer.toString(check.points())));
        cells.add(original);
        cells.add(grader(check.cell().notebook(), tallyExpression(nonce), VERDICT, id, ids ? "apricot-verdict-" + id : null));
        placed.add(id);
    }

    private static Cell grader(Notebook notebook, String source, String role, String gradeId, String cellId) {
        Cell cell = Cell.newCode(notebook, source, role).withApricotMetadata("grade_id", gradeId);
        if (cellId != null) {
            cell.json().put("id", cellId);
        }
        return cell;
    }

    /**
     * An expression whose value is {@code "APRICOT-<nonce> passed=N failed=M genuine=true"}: the
     * tally of real checks, found from a string literal by reflection (so no student declaration can
     * change it), and whether the full names the check cells use still mean the library's classes
     * ("false" if student code declared a class {@code io} with look-alike nested classes; a variable
     * or plain class {@code io} makes the cell fail to compile, which fails the check as well).
     */
    static String tallyExpression(String nonce) {
        StringBuilder genuine = new StringBuilder();
        for (String name : new String[] {"Check", "Score", "CheckFailure", "GradientCheck"}) {
            genuine.append(genuine.length() == 0 ? "" : " & ").append(CheckNames.PACKAGE).append(name)
                    .append(".class == ").append(forName(name));
        }
        return "\"APRICOT-" + nonce + " \" + " + forName("Score") + ".getMethod(\"tally\").invoke(null)\n"
                + "    + \" genuine=\" + (" + genuine + ")";
    }

    private static String forName(String name) {
        return "\"\".getClass().forName(\"" + CheckNames.PACKAGE + name + "\")";
    }

    private static boolean hasCellIds(Notebook notebook) {
        return notebook.cells().stream().anyMatch(c -> c.json().containsKey("id"));
    }
}

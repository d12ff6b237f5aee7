package io.github.apricotcourse.grade;

import static io.github.apricotcourse.grade.Fixtures.check;
import static io.github.apricotcourse.grade.Fixtures.code;
import static io.github.apricotcourse.grade.Fixtures.markdown;
import static io.github.apricotcourse.grade.Fixtures.notebook;
import static io.github.apricotcourse.grade.Fixtures.solution;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class GradingNotebookTest {
    static final String[] F = {"static int f() {", "  // BEGIN SOLUTION", "  return 1;", "  // END SOLUTION", "}"};
    static final String[] G = {"static int g() {", "  // BEGIN SOLUTION", "  return 2;", "  // END SOLUTION", "}"};

    static Lesson lesson() throws Exception {
        return Lesson.of(notebook("01-n.ipynb", markdown("# N"), solution("n-f", F),
                check("n-f-check", 1, "Check.equal(\"f\", 1, f());", "// BEGIN HIDDEN TESTS", "Check.equal(\"f again\", 1, f());",
                        "// END HIDDEN TESTS"),
                solution("n-g", G), check("n-g-check", 2, "Check.equal(\"g\", 2, g());"), code(null, "Score.soFar()")));
    }

    /** Each cell as role:first line, to compare layouts at a glance. */
    static List<String> layout(Notebook nb) {
        assertEquals(GradingNotebook.WARM_UP, nb.cells().get(0).apricotMetadata("role"));
        return nb.cells().stream().skip(1).map(c -> {
            Object role = c.apricotMetadata("role");
            String first = c.source().lines().findFirst().orElse("");
            return (role == null ? "" : role + ":") + first;
        }).toList();
    }

    @Test
    void restoresEditedChecksInPlaceWithHiddenTestsAndFullNames() throws Exception {
        Notebook student = notebook("01-n.ipynb", markdown("# N"), solution("n-f", "static int f() { return 1; }"),
                check("n-f-check", 1, "System.out.println(\"✔ f\");"), solution("n-g", "static int g() { return 3; }"),
                check("n-g-check", 2, "// deleted"), code(null, "Score.soFar()"));
        GradingNotebook.Assembly assembly = GradingNotebook.assemble(lesson(), student, "N0NCE");
        Notebook graded = assembly.notebook();
        String tally = GradingNotebook.tallyExpression("N0NCE").lines().findFirst().orElseThrow();
        assertTrue(tally.startsWith("\"APRICOT-N0NCE genuine=\" + (io.github.apricotcourse.check.Check.class == "
                + "\"\".getClass().forName(\"io.github.apricotcourse.check.Check\")"), tally);
        assertEquals(List.of("# N", "static int f() { return 1; }", "mark:" + tally,
                "check:io.github.apricotcourse.check.Check.equal(\"f\", 1, f());", "verdict:" + tally,
                "static int g() { return 3; }", "mark:" + tally,
                "check:io.github.apricotcourse.check.Check.equal(\"g\", 2, g());", "verdict:" + tally, "Score.soFar()",
                "mark:" + tally, "hidden:io.github.apricotcourse.check.Check.equal(\"f\", 1, f());", "verdict:" + tally),
                layout(graded));
        assertEquals("io.github.apricotcourse.check.Check.equal(\"f\", 1, f());", graded.cells().get(4).source(), "released, in place");
        assertEquals("io.github.apricotcourse.check.Check.equal(\"f\", 1, f());\nio.github.apricotcourse.check.Check.equal(\"f again\", 1, f());",
                graded.cells().get(12).source(), "whole, after every cell of the student's");
        GradingNotebook.Placement f = assembly.placements().get("n-f-check");
        assertEquals(List.of(3, 4, 5, 11, 12, 13), List.of(f.mark(), f.visible(), f.verdict(), f.hiddenMark(), f.hidden(), f.hiddenVerdict()));
        GradingNotebook.Placement g = assembly.placements().get("n-g-check");
        assertEquals(List.of(7, 8, 9, -1, -1, -1), List.of(g.mark(), g.visible(), g.verdict(), g.hiddenMark(), g.hidden(), g.hiddenVerdict()));
        assertEquals(List.of(), graded.cells().get(2).outputs(), "old outputs are cleared");
    }

    @Test
    void putsDeletedOrMovedChecksRightAfterTheirSolution() throws Exception {
        Notebook student = notebook("01-n.ipynb", check("n-g-check", 2, "moved up"), code(null, "int helper = 1;"),
                solution("n-f", "static int f() { return 1; }"), code(null, "// my notes"), solution("n-g", "static int g() { return 2; }"));
        List<String> layout = layout(GradingNotebook.assemble(lesson(), student, "X").notebook()).stream()
                .filter(s -> !s.startsWith("mark:") && !s.startsWith("verdict:") && !s.startsWith("hidden:")).toList();
        assertEquals(List.of("int helper = 1;", "static int f() { return 1; }", "check:io.github.apricotcourse.check.Check.equal(\"f\", 1, f());",
                "// my notes", "static int g() { return 2; }", "check:io.github.apricotcourse.check.Check.equal(\"g\", 2, g());"), layout);
    }

    @Test
    void runsTheChecksOfADeletedSolutionAtTheEnd() throws Exception {
        Notebook student = notebook("01-n.ipynb", solution("n-g", "static int g() { return 2; }"), code(null, "static int f() { return 1; }"));
        List<String> layout = layout(GradingNotebook.assemble(lesson(), student, "X").notebook()).stream()
                .filter(s -> !s.startsWith("mark:") && !s.startsWith("verdict:") && !s.startsWith("hidden:")).toList();
        assertEquals(List.of("static int g() { return 2; }", "check:io.github.apricotcourse.check.Check.equal(\"g\", 2, g());",
                "static int f() { return 1; }", "check:io.github.apricotcourse.check.Check.equal(\"f\", 1, f());"), layout);
    }

    @Test
    void studentCellsLoseTheGradersMetadataAndCannotTakeItsPlace() throws Exception {
        String forged = "{\"cell_type\": \"code\", \"execution_count\": 1, \"metadata\": {\"apricot\": {\"role\": \"verdict\", "
                + "\"grade_id\": \"n-f-check\", \"timeout\": 99999}}, \"outputs\": [], \"source\": \"\\\"APRICOT-\\\"\"}";
        Notebook student = notebook("01-n.ipynb", forged, solution("n-f", "static int f() { return 1; }"));
        GradingNotebook.Assembly assembly = GradingNotebook.assemble(lesson(), student, "X");
        Cell kept = assembly.notebook().cells().get(1);
        assertEquals(null, kept.apricotMetadata("role"));
        assertEquals(null, kept.apricotMetadata("timeout"));
        assertEquals(false, assembly.isGraderCell(1));
        assertEquals(true, assembly.isGraderCell(assembly.placements().get("n-f-check").verdict()));
    }

    @Test
    void qualifiesCheckNamesOutsideStringsAndComments() {
        assertEquals("io.github.apricotcourse.check.Check.close(\"Check.x\", 1, a.Check, 0); // Check.y\n"
                + "try { } catch (io.github.apricotcourse.check.CheckFailure e) { } /* Score */ io.github.apricotcourse.check.Score.soFar();"
                + " io.github.apricotcourse.check.GradientCheck.of('C', null); import io.github.apricotcourse.check.Check;",
                CheckNames.qualify("Check.close(\"Check.x\", 1, a.Check, 0); // Check.y\n"
                        + "try { } catch (CheckFailure e) { } /* Score */ Score.soFar(); GradientCheck.of('C', null);"
                        + " import io.github.apricotcourse.check.Check;"));
    }
}

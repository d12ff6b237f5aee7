package io.github.apricotcourse.grade;

import static io.github.apricotcourse.grade.Fixtures.check;
import static io.github.apricotcourse.grade.Fixtures.code;
import static io.github.apricotcourse.grade.Fixtures.markdown;
import static io.github.apricotcourse.grade.Fixtures.notebook;
import static io.github.apricotcourse.grade.Fixtures.solution;
import static org.junit.jupiter.api.Assertions.assertEquals;

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
        Notebook graded = GradingNotebook.assemble(lesson(), student, "N0NCE");
        assertEquals(List.of("# N", "static int f() { return 1; }",
                "mark:\"APRICOT-N0NCE \" + \"\".getClass().forName(\"io.github.apricotcourse.check.Score\").getMethod(\"tally\").invoke(null)",
                "check:io.github.apricotcourse.check.Check.equal(\"f\", 1, f());", "verdict:\"APRICOT-N0NCE \" + \"\".getClass()"
                        + ".forName(\"io.github.apricotcourse.check.Score\").getMethod(\"tally\").invoke(null)",
                "static int g() { return 3; }", "mark:\"APRICOT-N0NCE \" + \"\".getClass().forName(\"io.github.apricotcourse.check.Score\")"
                        + ".getMethod(\"tally\").invoke(null)",
                "check:io.github.apricotcourse.check.Check.equal(\"g\", 2, g());", "verdict:\"APRICOT-N0NCE \" + \"\".getClass()"
                        + ".forName(\"io.github.apricotcourse.check.Score\").getMethod(\"tally\").invoke(null)", "Score.soFar()"),
                layout(graded));
        assertEquals("io.github.apricotcourse.check.Check.equal(\"f\", 1, f());\n// BEGIN HIDDEN TESTS\n"
                + "io.github.apricotcourse.check.Check.equal(\"f again\", 1, f());\n// END HIDDEN TESTS", graded.cells().get(4).source());
        assertEquals(List.of(), graded.cells().get(2).outputs(), "old outputs are cleared");
    }

    @Test
    void putsDeletedOrMovedChecksRightAfterTheirSolution() throws Exception {
        Notebook student = notebook("01-n.ipynb", check("n-g-check", 2, "moved up"), code(null, "int helper = 1;"),
                solution("n-f", "static int f() { return 1; }"), code(null, "// my notes"), solution("n-g", "static int g() { return 2; }"));
        List<String> layout = layout(GradingNotebook.assemble(lesson(), student, "X")).stream()
                .filter(s -> !s.startsWith("mark:") && !s.startsWith("verdict:")).toList();
        assertEquals(List.of("int helper = 1;", "static int f() { return 1; }", "check:io.github.apricotcourse.check.Check.equal(\"f\", 1, f());",
                "// my notes", "static int g() { return 2; }", "check:io.github.apricotcourse.check.Check.equal(\"g\", 2, g());"), layout);
    }

    @Test
    void runsTheChecksOfADeletedSolutionAtTheEnd() throws Exception {
        Notebook student = notebook("01-n.ipynb", solution("n-g", "static int g() { return 2; }"), code(null, "static int f() { return 1; }"));
        List<String> layout = layout(GradingNotebook.assemble(lesson(), student, "X")).stream()
                .filter(s -> !s.startsWith("mark:") && !s.startsWith("verdict:")).toList();
        assertEquals(List.of("static int g() { return 2; }", "check:io.github.apricotcourse.check.Check.equal(\"g\", 2, g());",
                "static int f() { return 1; }", "check:io.github.apricotcourse.check.Check.equal(\"f\", 1, f());"), layout);
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

package io.github.apricotcourse.grade;

import static io.github.apricotcourse.grade.Fixtures.check;
import static io.github.apricotcourse.grade.Fixtures.code;
import static io.github.apricotcourse.grade.Fixtures.markdown;
import static io.github.apricotcourse.grade.Fixtures.notebook;
import static io.github.apricotcourse.grade.Fixtures.solution;
import static io.github.apricotcourse.grade.Fixtures.solutionForbidding;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.apricotcourse.grade.Lesson.InvalidMarkersException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LessonTest {
    static final String[] SIGMOID = {
        "static double sigmoid(double z) {",
        "    // BEGIN SOLUTION",
        "    // HINT: 1 / (1 + e^(−z)); say \"e\" with Math.exp",
        "    return 1 / (1 + Math.exp(-z));",
        "    // END SOLUTION",
        "}"};

    @Test
    void releaseReplacesTheSolutionWithAStubThatSaysWhatToDo() throws Exception {
        Lesson lesson = Lesson.of(notebook("01-x.ipynb", markdown("# X"), solution("x-sigmoid", SIGMOID),
                check("x-sigmoid-check", 2, "Check.close(\"s\", 0.5, sigmoid(0), 0);", "// BEGIN HIDDEN TESTS",
                        "Check.close(\"t\", 0.5, sigmoid(0), 0);", "// END HIDDEN TESTS", "Score.soFar();")));
        assertEquals(2, lesson.maxPoints());
        List<Cell> cells = lesson.release().cells();
        assertEquals("static double sigmoid(double z) {\n"
                + "    // YOUR CODE HERE\n"
                + "    throw new UnsupportedOperationException(\"Exercise x-sigmoid is not implemented yet: "
                + "1 / (1 + e^(−z)); say \\\"e\\\" with Math.exp\");\n"
                + "}", cells.get(1).source());
        assertEquals("Check.close(\"s\", 0.5, sigmoid(0), 0);\nScore.soFar();", cells.get(2).source());
        assertTrue(cells.get(1).outputs().isEmpty());
        assertEquals(null, cells.get(1).json().get("execution_count"));
        assertEquals("x-sigmoid", cells.get(1).gradeId(), "nbgrader metadata stays, so the grader can match cells");
    }

    @Test
    void aSolutionWithoutHintGetsTheDefaultMessage() throws Exception {
        Lesson lesson = Lesson.of(notebook("n.ipynb", solution("n-f", "static int f() {", "  // BEGIN SOLUTION", "  return 1;",
                "  // END SOLUTION", "}")));
        assertTrue(lesson.release().cells().get(0).source().contains(
                "\"Exercise n-f is not implemented yet: replace the line that throws this exception with your code\""));
    }

    @Test
    void reportsEveryMarkerProblemWithNotebookCellAndLine() {
        InvalidMarkersException e = assertThrows(InvalidMarkersException.class, () -> Lesson.of(notebook("03-bad.ipynb",
                solution("bad-open", "static int f() {", "    // BEGIN SOLUTION", "    return 1;", "}"),
                solution("bad-after", "static int g() {", "    // BEGIN SOLUTION", "    int x = 1;", "    // END SOLUTION",
                        "    return x;", "}"),
                solution("bad-end", "static int h() {", "    return 1;", "    // END SOLUTION", "}"),
                code("\"grade\": false, \"locked\": false, \"solution\": true", "static int k() {", "// BEGIN SOLUTION",
                        "return 1;", "// END SOLUTION", "}"),
                check("bad-open", 1, "Check.that(\"x\", true, \"\");"),
                code("\"grade\": true, \"grade_id\": \"bad-nopoints\", \"locked\": true, \"solution\": false",
                        "Check.that(\"x\", true, \"\");"),
                check("bad-hidden", 1, "// BEGIN HIDDEN TESTS", "Check.that(\"x\", true, \"\");"),
                code(null, "int leak() {", "  // BEGIN SOLUTION", "  return 42;", "  // END SOLUTION", "}"))));
        List<String> p = e.problems();
        assertEquals(8, p.size(), String.join("\n", p));
        assertEquals("03-bad.ipynb, cell 1 (grade_id bad-open), line 2: // BEGIN SOLUTION is never closed; "
                + "add // END SOLUTION after the student's code", p.get(0));
        assertTrue(p.get(1).startsWith("03-bad.ipynb, cell 2 (grade_id bad-after), line 5: // END SOLUTION is followed by "
                + "a statement (\"return x;\")"), p.get(1));
        assertTrue(p.get(2).startsWith("03-bad.ipynb, cell 3 (grade_id bad-end), line 3: // END SOLUTION without a // BEGIN"), p.get(2));
        assertTrue(p.get(3).startsWith("03-bad.ipynb, cell 4: nbgrader metadata without a grade_id"), p.get(3));
        assertTrue(p.get(4).startsWith("03-bad.ipynb, cell 5 (grade_id bad-open): duplicate grade_id \"bad-open\" (also cell 1)"), p.get(4));
        assertTrue(p.get(5).startsWith("03-bad.ipynb, cell 6 (grade_id bad-nopoints): a check cell needs \"points\""), p.get(5));
        assertTrue(p.get(6).startsWith("03-bad.ipynb, cell 7 (grade_id bad-hidden), line 1: // BEGIN HIDDEN TESTS is never closed"), p.get(6));
        assertTrue(p.get(7).startsWith("03-bad.ipynb, cell 8: solution markers in a cell that is not a solution cell"), p.get(7));
    }

    @Test
    void theRegionMustEndAMethodAndMarkersMustBeWellFormed() {
        InvalidMarkersException e = assertThrows(InvalidMarkersException.class, () -> Lesson.of(notebook("n.ipynb",
                solution("n-a", "// BEGIN SOLUTION", "int x = 1;", "// END SOLUTION"),
                solution("n-b", "static int f() {", "  /* BEGIN SOLUTION */", "  return 1;", "  // END SOLUTION", "}"),
                solution("n-c", "static int f() {", "  return 1;", "}"),
                code(null, "// BEGIN HIDDEN TESTS", "// END HIDDEN TESTS"))));
        List<String> p = e.problems();
        assertEquals(5, p.size(), String.join("\n", p));
        assertTrue(p.get(0).contains("cell 1 (grade_id n-a), line 3: // END SOLUTION must be followed by the closing brace"), p.get(0));
        assertTrue(p.get(1).contains("line 2: the marker must stand alone on its line as \"// BEGIN SOLUTION\""), p.get(1));
        assertTrue(p.get(2).contains("line 4: // END SOLUTION without a // BEGIN SOLUTION"), p.get(2));
        assertTrue(p.get(3).contains("cell 3 (grade_id n-c): a solution cell needs a // BEGIN SOLUTION"), p.get(3));
        assertTrue(p.get(4).contains("cell 4, line 1: hidden tests belong in check cells"), p.get(4));
    }

    @Test
    void checksKnowTheSolutionAboveThem() throws Exception {
        Lesson lesson = Lesson.of(notebook("n.ipynb", check("n-first", 1, "Check.that(\"a\", true, \"\");"),
                solution("n-f", "static int f() {", "  // BEGIN SOLUTION", "  return 1;", "  // END SOLUTION", "}"),
                markdown("text"), check("n-f-check", 2, "Check.equal(\"f\", 1, f());")));
        assertEquals(null, lesson.checks().get(0).solutionId());
        assertEquals("n-f", lesson.checks().get(1).solutionId());
        assertFalse(lesson.regions().isEmpty());
    }

    @Test
    void checkForbidAndTheSolutionsMetadataMustListTheSameNames() throws Exception {
        Lesson ok = Lesson.of(notebook("n.ipynb", solutionForbidding("n-sigmoid", List.of("Sigmoid.sigma", "SgnsLoss"), SIGMOID),
                check("n-sigmoid-check", 2, "Check.forbid(\"sigmoid\", \"Sigmoid.sigma\", \"SgnsLoss\");",
                        "Check.close(\"s\", 0.5, sigmoid(0), 0);")));
        assertEquals(new Lesson.Forbid("sigmoid", List.of("Sigmoid.sigma", "SgnsLoss")), ok.checks().get(0).forbid());

        String problems = assertThrows(InvalidMarkersException.class, () -> Lesson.of(notebook("n.ipynb",
                solutionForbidding("n-a", List.of("Sigmoid.sigma"), SIGMOID),
                check("n-a-check", 1, "Check.forbid(\"sigmoid\", \"Sigmoid.logSigma\");"),
                solutionForbidding("n-b", List.of("Sigmoid.sigma"), SIGMOID),
                check("n-b-check", 1, "Check.close(\"s\", 0.5, sigmoid(0), 0);"),
                solution("n-c", SIGMOID),
                check("n-c-check", 1, "Check.forbid(\"sigmoid\", \"Sigmoid.sigma\");"),
                solutionForbidding("n-d", List.of("Sigmoid.sigma(x)"), SIGMOID),
                check("n-d-check", 1, "Check.forbid(\"sigmoid\", \"Sigmoid.sigma(x)\");"),
                solutionForbidding("n-e", List.of("Sigmoid.sigma"), SIGMOID)))).getMessage();
        assertTrue(problems.contains("cell 2 (grade_id n-a-check): Check.forbid lists [Sigmoid.logSigma] but the solution "
                + "cell's metadata.apricot.forbidden is [Sigmoid.sigma]; make them the same list"), problems);
        assertTrue(problems.contains("cell 4 (grade_id n-b-check): its solution's metadata forbids Sigmoid.sigma, so the "
                + "check's first line must be Check.forbid(\"<method>\", \"Sigmoid.sigma\")"), problems);
        assertTrue(problems.contains("cell 6 (grade_id n-c-check): Check.forbid lists Sigmoid.sigma but the solution cell above "
                + "has no metadata.apricot.forbidden"), problems);
        assertTrue(problems.contains("cell 7 (grade_id n-d): metadata.apricot.forbidden must be a list of library names"), problems);
        assertTrue(problems.contains("cell 9 (grade_id n-e): its metadata forbids Sigmoid.sigma, but no check cell follows it"),
                problems);
    }

    @Test
    void everyCourseNotebooksCheckForbidEqualsItsSolutionsMetadata() throws Exception {
        // Lesson.of refuses a notebook whose two lists differ; here every lesson is read and each list compared once more.
        int forbids = 0;
        for (Lesson lesson : Release.lessons(java.nio.file.Path.of("notebooks"))) {
            Map<String, Cell> solutions = new HashMap<>();
            lesson.notebook().cells().stream().filter(Cell::isSolution).forEach(c -> solutions.put(c.gradeId(), c));
            for (Lesson.CheckCell check : lesson.checks()) {
                Object metadata = check.solutionId() == null ? null : solutions.get(check.solutionId()).apricotMetadata("forbidden");
                if (check.forbid() == null) {
                    assertEquals(null, metadata, check.cell().where() + " has no Check.forbid but its solution forbids names");
                } else {
                    assertEquals(metadata, check.forbid().names(), check.cell().where());
                    forbids++;
                }
            }
        }
        assertTrue(forbids >= 7, "lessons 5–9 alone forbid the twins of 7 exercises; found " + forbids + " Check.forbid lines");
    }

    @Test
    void answersAndTasksAPersonGradesAreBlankedOrKeptAndNeverChecks() throws Exception {
        Lesson lesson = Lesson.of(notebook("n.ipynb", solution("n-f", "static int f() {", "  // BEGIN SOLUTION", "  return 1;",
                "  // END SOLUTION", "}"), check("n-f-check", 2, "Check.equal(\"f\", 1, f());"),
                Fixtures.manual("n-derive", 3, false, "∂L/∂w = [σ(c·w) − 1] c + Σ σ(c_neg·w) c_neg, because …"),
                Fixtures.manual("n-why", 1, true, "Explain, in two sentences, why k noise words are cheaper than a softmax.")));
        assertEquals(2, lesson.maxPoints(), "a person's points are not the grader's");
        assertEquals(List.of("n-derive", "n-why"), lesson.manual().stream().map(Lesson.ManualCell::gradeId).toList());
        assertEquals(List.of(3, 1), lesson.manual().stream().map(Lesson.ManualCell::points).toList());
        assertEquals(List.of(false, true), lesson.manual().stream().map(Lesson.ManualCell::task).toList());
        List<Cell> released = lesson.release().cells();
        assertEquals("YOUR ANSWER HERE", released.get(2).source(), "the answer is blanked, as nbgrader does");
        assertEquals("n-derive", released.get(2).gradeId());
        assertEquals("Explain, in two sentences, why k noise words are cheaper than a softmax.", released.get(3).source(),
                "a task states the question and stays");

        String problems = assertThrows(InvalidMarkersException.class, () -> Lesson.of(notebook("n.ipynb",
                code("\"grade\": true, \"grade_id\": \"n-code\", \"points\": 1, \"solution\": true", "int x = 1;"),
                Fixtures.manual("n-nopoints", 1, false, "text").replace("\"points\": 1, ", "")))).getMessage();
        assertTrue(problems.contains("cell 1 (grade_id n-code): a code cell is either a solution cell or a check cell, not both"),
                problems);
        assertTrue(problems.contains("cell 2 (grade_id n-nopoints): a cell a person grades needs \"points\""), problems);
    }
}

package io.github.apricotcourse.grade;

import static io.github.apricotcourse.grade.Fixtures.quote;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.apricotcourse.check.Check;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reading grades from executed notebooks (made by hand here: no kernel needed). */
class VerdictsTest {
    static String cell(String role, String status, String outputs) {
        return "{\"cell_type\": \"code\", \"execution_count\": 1, \"metadata\": {\"apricot\": {\"role\": \"" + role
                + "\", \"grade_id\": \"n-f-check\", \"status\": \"" + status + "\"}}, \"outputs\": [" + outputs + "], \"source\": \"\"}";
    }

    static String result(String text) {
        return "{\"output_type\": \"execute_result\", \"execution_count\": 1, \"metadata\": {}, \"data\": {\"text/plain\": "
                + quote(text) + "}}";
    }

    static String stream(String text) {
        return "{\"output_type\": \"stream\", \"name\": \"stdout\", \"text\": " + quote(text) + "}";
    }

    static String error(String ename, String evalue) {
        return "{\"output_type\": \"error\", \"ename\": " + quote(ename) + ", \"evalue\": " + quote(evalue) + ", \"traceback\": []}";
    }

    static final String OK = cell("hidden", "ok", "");
    static final String NO_CHANGE = cell("mark", "ok", result("APRICOT-S3CRET genuine=true {\"passed\":0,\"failed\":0}"));

    static ExerciseResult grade(String mark, String check, String verdict) throws Exception {
        return grade(mark, check, verdict, cell("mark", "ok", result("APRICOT-S3CRET genuine=true {\"passed\":0,\"failed\":0}")), OK,
                cell("verdict", "ok", result("APRICOT-S3CRET genuine=true {\"passed\":1,\"failed\":0}")));
    }

    /**
     * Grades n-f-check from a notebook: warm-up, mark, released check, verdict (positions 0-3) and,
     * as at the end of a notebook, mark, whole check with hidden tests, verdict (4-6).
     */
    static ExerciseResult grade(String mark, String check, String verdict, String hiddenMark, String hidden, String hiddenVerdict)
            throws Exception {
        Notebook executed = Fixtures.notebook("01-n.ipynb", cell("warm-up", "ok", ""), mark, check, verdict, hiddenMark, hidden,
                hiddenVerdict);
        Lesson lesson = GradingNotebookTest.lesson();
        GradingNotebook.Assembly assembly = new GradingNotebook.Assembly(executed, "S3CRET", 0,
                Map.of("n-f-check", new GradingNotebook.Placement(lesson.checks().get(0), 1, 2, 3, 4, 5, 6)));
        return Verdicts.read(assembly, executed, "ann", "01-n.ipynb", 30, "1 GB").get(0);
    }

    @Test
    void onlyTheCellsAtTheRecordedPlacesCount() throws Exception {
        // A student's cell that calls itself a verdict, with the right secret, before the real cells.
        String forged = cell("verdict", "ok", result("APRICOT-S3CRET genuine=true {\"passed\":9,\"failed\":0}"));
        Notebook executed = Fixtures.notebook("01-n.ipynb", cell("warm-up", "ok", ""), forged, forged, NO_CHANGE,
                cell("check", "error", error("CellError", "io.github.apricotcourse.check.CheckFailure: ✘ f: expected 1, got 2")),
                cell("verdict", "ok", result("APRICOT-S3CRET genuine=true {\"passed\":0,\"failed\":1}")), NO_CHANGE, OK, NO_CHANGE);
        Lesson lesson = GradingNotebookTest.lesson();
        GradingNotebook.Assembly assembly = new GradingNotebook.Assembly(executed, "S3CRET", 0,
                Map.of("n-f-check", new GradingNotebook.Placement(lesson.checks().get(0), 3, 4, 5, 6, 7, 8)));
        ExerciseResult r = Verdicts.read(assembly, executed, "ann", "01-n.ipynb", 30, "1 GB").get(0);
        assertEquals(0, r.points());
        assertEquals("✘ f: expected 1, got 2", r.message());
        Notebook fewer = Fixtures.notebook("01-n.ipynb", cell("warm-up", "ok", ""));
        assertEquals("the notebook runner returned 1 cells for 9; not graded",
                Verdicts.read(assembly, fewer, "ann", "01-n.ipynb", 30, "1 GB").get(0).message());
    }

    @Test
    void aFailedHiddenTestIsNamedNotQuoted() throws Exception {
        String check = cell("check", "ok", stream("✔ f = 1\n"));
        String verdict = cell("verdict", "ok", result("APRICOT-S3CRET genuine=true {\"passed\":1,\"failed\":0}"));
        String hiddenVerdict = cell("verdict", "ok", result("APRICOT-S3CRET genuine=true {\"passed\":1,\"failed\":1}"));
        assertEquals("hidden test 'f again' failed", grade(NO_CHANGE, check, verdict, NO_CHANGE, cell("hidden", "error",
                error("CellError", "io.github.apricotcourse.check.CheckFailure: ✘ f again: expected 1, got 7")), hiddenVerdict).message());
        assertEquals("✘ f: expected 1, got 7 (when the check ran again, at the end of the notebook)", grade(NO_CHANGE, check, verdict,
                NO_CHANGE, cell("hidden", "error", error("CellError", "io.github.apricotcourse.check.CheckFailure: ✘ f: expected 1, got 7")),
                hiddenVerdict).message(), "a released check is quoted");
        assertEquals("a hidden test failed with ArrayIndexOutOfBoundsException", grade(NO_CHANGE, check, verdict, NO_CHANGE,
                cell("hidden", "error", error("CellError", "java.lang.ArrayIndexOutOfBoundsException: Index 7 out of bounds for length 4")),
                hiddenVerdict).message());
        assertEquals("timeout: the check with its hidden tests ran longer than 30 s (an endless loop?)",
                grade(NO_CHANGE, check, verdict, NO_CHANGE, cell("hidden", "timeout", ""), hiddenVerdict).message());
        assertEquals("3 checks passed", grade(NO_CHANGE, check, verdict, NO_CHANGE, OK,
                cell("verdict", "ok", result("APRICOT-S3CRET genuine=true {\"passed\":2,\"failed\":0}"))).message());
    }

    @Test
    void aHiddenTestThatThrewIsNamedWithWhatTheExceptionMeansNotItsMessage() throws Exception {
        String check = cell("check", "ok", stream("✔ f = 1\n"));
        String verdict = cell("verdict", "ok", result("APRICOT-S3CRET genuine=true {\"passed\":1,\"failed\":0}"));
        String hiddenVerdict = cell("verdict", "ok", result("APRICOT-S3CRET genuine=true {\"passed\":1,\"failed\":1}"));
        String meaning = Check.meaning("ArrayIndexOutOfBoundsException");
        // The student's code may put the hidden test's input in its exception's message: it is never quoted.
        assertEquals("hidden test 'f again' failed: it threw ArrayIndexOutOfBoundsException: " + meaning,
                grade(NO_CHANGE, check, verdict, NO_CHANGE, cell("hidden", "error", error("CellError",
                        "io.github.apricotcourse.check.CheckFailure: ✘ f again: threw ArrayIndexOutOfBoundsException (SECRET 7): "
                                + meaning)), hiddenVerdict).message());
        assertEquals("✘ f: threw IllegalStateException: " + Check.meaning("IllegalStateException")
                + " (when the check ran again, at the end of the notebook)", grade(NO_CHANGE, check, verdict, NO_CHANGE,
                cell("hidden", "error", error("CellError", "io.github.apricotcourse.check.CheckFailure: ✘ f: threw IllegalStateException "
                        + "(SECRET 7): " + Check.meaning("IllegalStateException"))), hiddenVerdict).message(), "a released check's name");
        assertEquals("✘ f: threw IllegalStateException (mine): " + Check.meaning("IllegalStateException"), grade(NO_CHANGE,
                cell("check", "error", error("CellError", "io.github.apricotcourse.check.CheckFailure: ✘ f: threw IllegalStateException "
                        + "(mine): " + Check.meaning("IllegalStateException"))), verdict).message(), "the released check is quoted whole");
    }

    @Test
    void aHiddenTestWhoseNameHoldsAColonIsNamedWhole() {
        String whole = "Check.equal(\"f\", 1, f());\n// BEGIN HIDDEN TESTS\nCheck.equal(\"an empty window: no pairs\", 0, f());\n"
                + "Check.equal(\"f(\" + 2 + \")\", 1, f());\n// END HIDDEN TESTS";
        assertEquals("an empty window: no pairs", Verdicts.checkName("✘ an empty window: no pairs: expected 0, got 1: see", whole));
        assertEquals("f(2)", Verdicts.checkName("✘ f(2): expected 1, got 2", whole), "a name built at run time: up to the first colon");
        assertEquals("f", Verdicts.checkName("✘ f: expected 1, got 2", whole));
        assertEquals(null, Verdicts.checkName("ArithmeticException: / by zero", whole));
    }

    @Test
    void passesWhenRealChecksPassedAndNoneFailed() throws Exception {
        ExerciseResult r = grade(cell("mark", "ok", result("APRICOT-S3CRET genuine=true {\"passed\":4,\"failed\":1}")),
                cell("check", "ok", stream("✔ f = 1\n")), cell("verdict", "ok", result("\"APRICOT-S3CRET genuine=true {\"passed\":6,\"failed\":1}\"")));
        assertEquals(new ExerciseResult("ann", "01-n.ipynb", "n-f-check", 1, 1, true, "3 checks passed"), r, "2 released, 1 at the end");
    }

    @Test
    void printedPassesAndGuessedTalliesDoNotCount() throws Exception {
        ExerciseResult r = grade(cell("mark", "ok", result("APRICOT-S3CRET genuine=true {\"passed\":0,\"failed\":0}")),
                cell("check", "ok", stream("✔ f = 1\nAPRICOT-S3CRET passed=9 failed=0\n")),
                cell("verdict", "ok", stream("APRICOT-S3CRET genuine=true {\"passed\":9,\"failed\":0}") + ", " + result("APRICOT-GUESS passed=9 failed=0")));
        assertEquals(0, r.points());
        assertEquals("the grader could not read the tally of checks around this cell (does student code declare something "
                + "named io, or was the kernel restarted?)", r.message());
        r = grade(cell("mark", "ok", result("APRICOT-S3CRET genuine=true {\"passed\":0,\"failed\":0}")), cell("check", "ok", stream("✔ f = 1\n")),
                cell("verdict", "ok", result("APRICOT-S3CRET genuine=true {\"passed\":0,\"failed\":0}")));
        assertEquals("no Apricot check ran in this cell (were Check, Score or CheckFailure redefined?)", r.message());
    }

    @Test
    void lookAlikeCheckClassesFail() throws Exception {
        ExerciseResult r = grade(cell("mark", "ok", result("APRICOT-S3CRET genuine=false {\"passed\":0,\"failed\":0}")),
                cell("check", "ok", stream("✔ f = 1\n")), cell("verdict", "ok", result("APRICOT-S3CRET genuine=false {\"passed\":1,\"failed\":0}")));
        assertEquals("student code declares a class io that stands in for the library's checks; they could not run", r.message());
    }

    @Test
    void aCaughtFailureStillFails() throws Exception {
        ExerciseResult r = grade(cell("mark", "ok", result("APRICOT-S3CRET genuine=true {\"passed\":0,\"failed\":0}")), cell("check", "ok", ""),
                cell("verdict", "ok", result("APRICOT-S3CRET genuine=true {\"passed\":3,\"failed\":1}")));
        assertEquals("a check failed but its failure was caught", r.message());
    }

    @Test
    void explainsErrorsTimeoutsAndDeaths() throws Exception {
        String mark = cell("mark", "ok", result("APRICOT-S3CRET genuine=true {\"passed\":0,\"failed\":0}"));
        String verdict = cell("verdict", "ok", result("APRICOT-S3CRET genuine=true {\"passed\":0,\"failed\":0}"));
        assertEquals("✘ f: expected 1, got 2", grade(mark, cell("check", "error",
                error("CellError", "io.github.apricotcourse.check.CheckFailure: ✘ f: expected 1, got 2\n  more")), verdict).message());
        assertEquals("Exercise n-f is not implemented yet: do it", grade(mark, cell("check", "error",
                error("CellError", "java.lang.UnsupportedOperationException: Exercise n-f is not implemented yet: do it")), verdict).message());
        assertEquals("Exercise n-f is not implemented yet: do it", grade(mark, cell("check", "error",
                error("CellError", "io.github.apricotcourse.check.CheckFailure: ✘ f: not implemented yet — Exercise n-f is not "
                        + "implemented yet: do it")), verdict).message());
        assertEquals("ArithmeticException: / by zero", grade(mark, cell("check", "error",
                error("CellError", "java.lang.ArithmeticException: / by zero")), verdict).message());
        assertEquals("cannot find symbol: f()", grade(mark, cell("check", "error", error("CompileError", "cannot find symbol: f()")),
                verdict).message());
        assertEquals("timeout: the check ran longer than 30 s (an endless loop?)", grade(mark, cell("check", "timeout", ""), verdict).message());
        assertEquals("the kernel stopped during the check (System.exit?)", grade(mark, cell("check", "died", ""), verdict).message());
        assertEquals("ran out of memory (limit 1 GB)", grade(mark, cell("check", "error",
                error("CellError", "java.lang.OutOfMemoryError: Java heap space")), verdict).message(), "not a timeout");
    }

    @Test
    void tableCsvAndJson() throws Exception {
        List<ExerciseResult> rows = List.of(new ExerciseResult("ann", "01-n.ipynb", "n-f-check", 1, 1, true, "2 checks passed"),
                new ExerciseResult("ann", "01-n.ipynb", "n-g-check", 0, 2, false, "✘ g: expected 2, got \"3\", really"));
        assertEquals("ann: 1 of 3 points\n"
                + "  exercise     points  passed  message\n"
                + "  01-n.ipynb\n"
                + "    n-f-check  1/1     yes     2 checks passed\n"
                + "    n-g-check  0/2     no      ✘ g: expected 2, got \"3\", really\n", GradeReport.table("ann", rows));
        assertEquals("student,notebook,exercise,points,max_points,passed,message,needs_human\r\n"
                + "ann,01-n.ipynb,n-f-check,1,1,true,2 checks passed,false\r\n"
                + "ann,01-n.ipynb,n-g-check,0,2,false,\"✘ g: expected 2, got \"\"3\"\", really\",false\r\n", GradeReport.csv(rows));
        assertEquals("{\n \"students\": {\n  \"ann\": {\n   \"human_points\": 0,\n   \"max_points\": 3,\n   \"points\": 1,\n"
                + "   \"results\": [\n    {\n"
                + "     \"exercise\": \"n-f-check\",\n     \"max_points\": 1,\n     \"message\": \"2 checks passed\",\n"
                + "     \"needs_human\": false,\n"
                + "     \"notebook\": \"01-n.ipynb\",\n     \"passed\": true,\n     \"points\": 1\n    },\n    {\n"
                + "     \"exercise\": \"n-g-check\",\n     \"max_points\": 2,\n     \"message\": \"✘ g: expected 2, got \\\"3\\\", really\",\n"
                + "     \"needs_human\": false,\n"
                + "     \"notebook\": \"01-n.ipynb\",\n     \"passed\": false,\n     \"points\": 0\n    }\n   ]\n  }\n }\n}\n",
                GradeReport.json(rows));
        assertEquals(rows, GradeReport.parseJson(GradeReport.json(rows), "grades.json"));
    }

    @Test
    void aSolutionThatUsesItsLibraryTwinScoresZeroNamingTheCall() throws Exception {
        String[] check = {"Check.forbid(\"sigmoid\", \"Sigmoid.sigma\");", "Check.close(\"s\", 0.5, sigmoid(0), 0);"};
        Lesson lesson = Lesson.of(Fixtures.notebook("01-n.ipynb",
                Fixtures.solutionForbidding("n-sigmoid", List.of("Sigmoid.sigma"), LessonTest.SIGMOID),
                Fixtures.check("n-sigmoid-check", 2, check), Fixtures.code(null, "Check.close(\"lib\", 0.5, Sigmoid.sigma(0), 0);")));
        Lesson.CheckCell sigmoid = lesson.checks().get(0);

        String twin = "static double sigmoid(double z) {\n    return Sigmoid.sigma(z); // YOUR CODE HERE\n}";
        Notebook calls = Fixtures.notebook("01-n.ipynb", Fixtures.solution("n-sigmoid", twin), Fixtures.check("n-sigmoid-check", 2, check),
                Fixtures.code(null, "Check.close(\"lib\", 0.5, Sigmoid.sigma(0), 0);"));
        assertEquals("✘ sigmoid: uses Sigmoid.sigma, the library's twin; write it yourself",
                Verdicts.twin(sigmoid, Verdicts.studentCode(GradingNotebook.assemble(lesson, calls, "S3CRET"))));

        // Declared again in a cell of the student's own: found there too.
        Notebook again = Fixtures.notebook("01-n.ipynb", Fixtures.solution("n-sigmoid", LessonTest.SIGMOID),
                Fixtures.code(null, "static double sigmoid(double z) { return Sigmoid\n  .sigma(z); }"),
                Fixtures.check("n-sigmoid-check", 2, check));
        assertEquals("✘ sigmoid: uses Sigmoid.sigma, the library's twin; write it yourself",
                Verdicts.twin(sigmoid, Verdicts.studentCode(GradingNotebook.assemble(lesson, again, "S3CRET"))));

        // Its own code, with the twin named only in a comment and a string, and the library used in another cell: fine.
        Notebook honest = Fixtures.notebook("01-n.ipynb", Fixtures.solution("n-sigmoid", "static double sigmoid(double z) {",
                "    return 1 / (1 + Math.exp(-z)); // like Sigmoid.sigma", "}"), Fixtures.check("n-sigmoid-check", 2, check),
                Fixtures.code(null, "Check.close(\"lib\", 0.5, Sigmoid.sigma(0), 0); String s = \"Sigmoid.sigma\";"));
        assertEquals(null, Verdicts.twin(sigmoid, Verdicts.studentCode(GradingNotebook.assemble(lesson, honest, "S3CRET"))));

        // Through a helper in a cell of the student's own, which another helper there, not called, does not taint.
        Notebook helped = Fixtures.notebook("01-n.ipynb",
                Fixtures.code(null, "static double mine(double z) { return 1 / (1 + Math.exp(-z)); }",
                        "static double borrowed(double z) {", "    return Sigmoid.sigma(z);", "}"),
                Fixtures.solution("n-sigmoid", "static double sigmoid(double z) {", "    return borrowed(z); // YOUR CODE HERE", "}"),
                Fixtures.check("n-sigmoid-check", 2, check));
        assertEquals("✘ sigmoid: uses helper borrowed, which calls Sigmoid.sigma, the library's twin; write it yourself",
                Verdicts.twin(sigmoid, Verdicts.studentCode(GradingNotebook.assemble(lesson, helped, "S3CRET"))));
        Notebook own = Fixtures.notebook("01-n.ipynb", Fixtures.code(null, "static double mine(double z) { return 1 / (1 + Math.exp(-z)); }",
                "static double borrowed(double z) {", "    return Sigmoid.sigma(z);", "}"),
                Fixtures.solution("n-sigmoid", "static double sigmoid(double z) {", "    return mine(z);", "}"),
                Fixtures.check("n-sigmoid-check", 2, check));
        assertEquals(null, Verdicts.twin(sigmoid, Verdicts.studentCode(GradingNotebook.assemble(lesson, own, "S3CRET"))));
    }

    @Test
    void theCoursesSolutionsReachNoTwinNotEvenThroughHelpers() throws Exception {
        int checked = 0;
        for (Lesson lesson : Release.lessons(java.nio.file.Path.of("notebooks"))) {
            GradingNotebook.Assembly assembly = GradingNotebook.assemble(lesson, lesson.notebook(), "S3CRET");
            for (Lesson.CheckCell check : lesson.checks()) {
                if (check.forbid() != null) {
                    assertEquals(null, Verdicts.twin(check, Verdicts.studentCode(assembly)), lesson.notebook().name() + " " + check.gradeId());
                    checked++;
                }
            }
        }
        assertTrue(checked >= 7, "only " + checked + " exercises forbid a twin");
    }

    @Test
    void answersAPersonGradesAreListedWithTheirPointsAndNeverScored() throws Exception {
        Lesson lesson = Lesson.of(Fixtures.notebook("01-n.ipynb", Fixtures.manual("n-derive", 3, false, "the derivation"),
                Fixtures.manual("n-why", 2, false, "why two matrices"), Fixtures.manual("n-task", 1, true, "Plot it.")));
        Notebook submission = Fixtures.notebook("01-n.ipynb", Fixtures.manual("n-derive", 3, false, "∂L/∂w = … because …"),
                Fixtures.manual("n-why", 2, false, "YOUR ANSWER HERE"));
        List<ExerciseResult> rows = new java.util.ArrayList<>(Verdicts.forAHuman(lesson, submission, "ann", "01-n.ipynb"));
        assertEquals(List.of("needs a human: written answer, read it in the feedback notebook",
                "needs a human: the answer is still \"YOUR ANSWER HERE\"", "needs a human: the task's cell is not in the notebook (deleted?)"),
                rows.stream().map(ExerciseResult::message).toList());
        rows.forEach(r -> assertEquals(0, r.points(), "never scored by the grader"));
        rows.add(0, new ExerciseResult("ann", "01-n.ipynb", "n-f-check", 30, 34, true, "30 checks passed"));
        assertEquals("30 of 34 points; 3 answers (6 points) need a human", GradeReport.total(rows));
        String table = GradeReport.table("ann", rows);
        assertTrue(table.startsWith("ann: 30 of 34 points; 3 answers (6 points) need a human\n"), table);
        assertTrue(table.contains("    n-derive   ?/3     human   needs a human: written answer"), table);
        assertTrue(GradeReport.csv(rows).contains("ann,01-n.ipynb,n-derive,0,3,false,"
                + "\"needs a human: written answer, read it in the feedback notebook\",true\r\n"), GradeReport.csv(rows));
        assertEquals(rows, GradeReport.parseJson(GradeReport.json(rows), "grades.json"));
    }
}

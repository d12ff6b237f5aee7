package io.github.apricotcourse.grade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;

/**
 * Grades a class of made-up students through the real kernel: the solutions, the untouched
 * release, students who edit, delete or redefine the checks, an endless loop, System.exit, a
 * killed kernel, a flood of output and a file that is not JSON. Needs the kernel installed, so it runs from
 * {@code src/bin/apricot test} (which sets APRICOT_GRADE_E2E=1 and JUPYTER_PATH); plain
 * {@code mvn test} skips it. Set APRICOT_GRADE_LESSONS=1 to grade the course's own notebooks too.
 */
@EnabledIfEnvironmentVariable(named = "APRICOT_GRADE_E2E", matches = "1")
class GradeEndToEndTest {
    static final Path FIXTURES = Path.of("src/test/resources/grade/notebooks");
    static final int TIMEOUT = 20;

    @TempDir
    static Path tmp;
    static Map<String, Map<String, ExerciseResult>> grades;

    @BeforeAll
    static void gradeTheClass() throws Exception {
        Path release = tmp.resolve("release");
        Release.release(FIXTURES, release);
        Path subs = tmp.resolve("submissions");

        copy(FIXTURES, subs.resolve("solutions"));
        Files.createDirectories(subs.resolve("untouched"));
        Files.copy(release.resolve("01-demo.ipynb"), subs.resolve("untouched/01-demo.ipynb"));

        // Redefines Check, Score and CheckFailure and prints fake passes; implements sigmoid and turns
        // its check into a print; gets dot wrong and deletes its check.
        Notebook cheats = read(release.resolve("01-demo.ipynb"));
        cheats = insertAfter(cheats, "intro", "class Check {\n"
                + "    static void close(String what, double e, double a, double t) { System.out.println(\"✔ \" + what); }\n}\n"
                + "class CheckFailure extends RuntimeException {}\n"
                + "class Score { static String soFar() { return \"5 of 5\"; } }\n"
                + "System.out.println(\"✔ demo-dot-check passed\");");
        cheats = set(cheats, "sigmoid", "static double sigmoid(double z) {\n    return 1 / (1 + Math.exp(-z));\n}");
        cheats = set(cheats, "sigmoid-check", "System.out.println(\"✔ sigmoid(0) = 0.5\");");
        cheats = set(cheats, "dot", "static double dot(double[] a, double[] b) {\n    return 11;\n}");
        cheats = delete(cheats, "dot-check");
        write(cheats, subs.resolve("cheats/01-demo.ipynb"));

        // Declares a class io with look-alike check classes, hoping that the fully qualified checks
        // call them; both answers are wrong.
        Notebook shadows = read(release.resolve("01-demo.ipynb"));
        shadows = insertAfter(shadows, "intro", "class io { static class github { static class apricotcourse {\n"
                + "  static class check {\n"
                + "    static class Check {\n"
                + "      static void close(String what, double e, double a, double t) { System.out.println(\"✔ \" + what); }\n"
                + "    }\n"
                + "    static class Score { }\n"
                + "    static class CheckFailure { }\n"
                + "    static class GradientCheck { }\n"
                + "}}}}");
        shadows = set(shadows, "sigmoid", "static double sigmoid(double z) {\n    return 0.5;\n}");
        shadows = set(shadows, "dot", "static double dot(double[] a, double[] b) {\n    return 0;\n}");
        write(shadows, subs.resolve("shadows-io/01-demo.ipynb"));

        // An endless loop in sigmoid; dot and the next notebook are right.
        Notebook loops = read(FIXTURES.resolve("01-demo.ipynb"));
        loops = set(loops, "sigmoid", "static double sigmoid(double z) {\n    while (true) { }\n}");
        write(loops, subs.resolve("loops/01-demo.ipynb"));
        Files.copy(FIXTURES.resolve("02-norm.ipynb"), subs.resolve("loops/02-norm.ipynb"));

        // System.exit in a cell of its own; sigmoid kills the kernel outright; dot is right.
        Notebook exits = read(FIXTURES.resolve("01-demo.ipynb"));
        exits = insertAfter(exits, "intro", "System.exit(1);");
        exits = set(exits, "sigmoid", "static double sigmoid(double z) {\n"
                + "    try {\n        new ProcessBuilder(\"kill\", \"-9\", \"\" + ProcessHandle.current().pid()).start().waitFor();\n"
                + "    } catch (Exception e) {\n        throw new RuntimeException(e);\n    }\n    return 0.5;\n}");
        write(exits, subs.resolve("exits/01-demo.ipynb"));

        // Not JSON at all; the next notebook is right, and prints megabytes.
        Files.createDirectories(subs.resolve("broken"));
        Files.writeString(subs.resolve("broken/01-demo.ipynb"), "{\"cells\": [ {\"cell_type\": \"code\", ");
        Notebook floods = insertAfter(read(FIXTURES.resolve("02-norm.ipynb")), "intro", "for (int i = 0; i < 100_000; i++) {\n"
                + "    System.out.println(\"all work and no play makes Jack a dull boy\");\n}");
        write(floods, subs.resolve("broken/02-norm.ipynb"));

        List<Path> before = listing(subs);
        List<ExerciseResult> results = Grade.grade(new Grade.Options(List.of(subs), FIXTURES, tmp.resolve("grades"),
                TIMEOUT, "apricot", 100_000));
        assertEquals(before, listing(subs), "grading must not change the submissions");
        grades = new LinkedHashMap<>();
        for (ExerciseResult r : results) {
            grades.computeIfAbsent(r.student(), k -> new LinkedHashMap<>()).put(r.notebook() + ":" + r.exercise(), r);
        }
    }

    @Test
    void solutionsGetFullMarks() {
        assertEquals(6, total("solutions"));
        grades.get("solutions").values().forEach(r -> assertTrue(r.passed(), r.toString()));
    }

    @Test
    void untouchedReleaseGetsZeroWithAMessagePerExercise() {
        assertEquals(0, total("untouched"));
        assertEquals("Exercise demo-sigmoid is not implemented yet: return 1 / (1 + e^(−z)), with Math.exp",
                result("untouched", "01-demo.ipynb:demo-sigmoid-check").message());
        assertEquals("Exercise demo-dot is not implemented yet: replace the line that throws this exception with your code",
                result("untouched", "01-demo.ipynb:demo-dot-check").message());
    }

    @Test
    void editedDeletedOrRedefinedChecksEarnOnlyWhatTheCodeEarns() {
        assertEquals(2, result("cheats", "01-demo.ipynb:demo-sigmoid-check").points(), "sigmoid is right");
        ExerciseResult dot = result("cheats", "01-demo.ipynb:demo-dot-check");
        assertEquals(0, dot.points());
        assertEquals("hidden test 'dot of empty vectors' failed", dot.message(), "a hidden test is named, never quoted");
        assertEquals(0, total("shadows-io"));
        // Either the full names still reach the library's checks, or (depending on how the kernel
        // wraps snippets) they reach the student's io class and the grader cells notice.
        for (String check : List.of("01-demo.ipynb:demo-sigmoid-check", "01-demo.ipynb:demo-dot-check")) {
            String message = result("shadows-io", check).message();
            assertTrue(message.startsWith("✘ ") || message.equals("student code declares a class io that stands in for the "
                    + "library's checks; they could not run"), message);
        }
    }

    @Test
    void endlessLoopIsATimeoutAndGradingGoesOn() {
        ExerciseResult sigmoid = result("loops", "01-demo.ipynb:demo-sigmoid-check");
        assertEquals(0, sigmoid.points());
        assertTrue(sigmoid.message().startsWith("timeout"), sigmoid.message());
        assertEquals(3, result("loops", "01-demo.ipynb:demo-dot-check").points());
        assertEquals(1, result("loops", "02-norm.ipynb:norm-norm-check").points());
    }

    @Test
    void systemExitAndAKilledKernelFailOnlyTheirCheck() {
        ExerciseResult sigmoid = result("exits", "01-demo.ipynb:demo-sigmoid-check");
        assertEquals(0, sigmoid.points());
        assertEquals("the kernel stopped during the check (System.exit?)", sigmoid.message());
        assertEquals(3, result("exits", "01-demo.ipynb:demo-dot-check").points(), "graded after a restart");
    }

    @Test
    void hugeOutputIsCutAndGraded() throws IOException {
        assertEquals(1, result("broken", "02-norm.ipynb:norm-norm-check").points());
        long size = Files.size(tmp.resolve("grades/broken/02-norm.ipynb"));
        assertTrue(size < 150_000, "feedback notebook is " + size + " bytes");
        assertTrue(text(tmp.resolve("grades/broken/02-norm.ipynb")).contains("output cut by the grader"));
    }

    @Test
    void invalidJsonIsReported() {
        ExerciseResult broken = result("broken", "01-demo.ipynb:-");
        assertEquals(0, broken.points());
        assertEquals(5, broken.maxPoints());
        assertTrue(broken.message().contains("not valid JSON at line 1"), broken.message());
        assertEquals(1, result("broken", "02-norm.ipynb:norm-norm-check").points());
    }

    @Test
    void writesClassCsvAndJson() throws IOException {
        String csv = Files.readString(tmp.resolve("grades/grades.csv"));
        assertTrue(csv.startsWith("student,notebook,exercise,points,max_points,passed,message"));
        assertTrue(csv.contains("solutions,01-demo.ipynb,demo-dot-check,3,3,true,"));
        assertTrue(Files.readString(tmp.resolve("grades/grades.json")).contains("\"shadows-io\""));
    }

    private static ExerciseResult result(String student, String key) {
        ExerciseResult r = grades.get(student).get(key);
        if (r == null) {
            throw new AssertionError("no result " + key + " for " + student + ": " + grades.get(student).keySet());
        }
        return r;
    }

    private static int total(String student) {
        return grades.get(student).values().stream().mapToInt(ExerciseResult::points).sum();
    }

    static Notebook read(Path p) throws Exception {
        return Notebook.read(p);
    }

    static void write(Notebook nb, Path p) throws IOException {
        Files.createDirectories(p.getParent());
        nb.write(p);
    }

    static void copy(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        for (Path p : Release.notebooksIn(from)) {
            Files.copy(p, to.resolve(p.getFileName()));
        }
    }

    /** Replaces the source of the cell with this id. */
    static Notebook set(Notebook nb, String id, String source) {
        List<Cell> cells = new ArrayList<>();
        for (Cell c : nb.cells()) {
            cells.add(id.equals(c.json().get("id")) ? c.withSource(source) : c);
        }
        return nb.withCells(cells);
    }

    static Notebook delete(Notebook nb, String id) {
        return nb.withCells(nb.cells().stream().filter(c -> !id.equals(c.json().get("id"))).toList());
    }

    /** Inserts a plain code cell (no nbgrader metadata) after the cell with this id. */
    static Notebook insertAfter(Notebook nb, String id, String source) {
        List<Cell> cells = new ArrayList<>();
        for (Cell c : nb.cells()) {
            cells.add(c);
            if (id.equals(c.json().get("id"))) {
                Cell added = Cell.newCode(nb, source, "student");
                added.json().remove("metadata");
                added.json().put("metadata", new LinkedHashMap<>());
                added.json().put("id", "added-" + id);
                cells.add(added);
            }
        }
        return nb.withCells(cells);
    }

    static List<Path> listing(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.sorted().map(p -> {
                try {
                    return Files.isRegularFile(p) ? Path.of(p + "#" + OutputFolder.sha256(p)) : p;
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).collect(Collectors.toList());
        }
    }

    static String text(Path p) throws IOException {
        return Files.readString(p, StandardCharsets.UTF_8);
    }
}

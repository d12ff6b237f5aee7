package io.github.apricotcourse.grade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;

/**
 * Grades the course's own lessons through the kernel: their solutions earn every point, their
 * untouched release earns none and says per exercise what is not implemented. To keep the test
 * short while working on one lesson, set APRICOT_GRADE_LESSONS to some ("00,03,05"); the default is "all".
 * Runs from {@code src/bin/apricot test}, like {@link GradeEndToEndTest}.
 */
@EnabledIfEnvironmentVariable(named = "APRICOT_GRADE_E2E", matches = "1")
class GradeLessonsEndToEndTest {
    @TempDir
    Path tmp;

    @Test
    void solutionsEarnEveryPointAndTheReleaseNone() throws Exception {
        List<String> wanted = Arrays.asList(System.getenv().getOrDefault("APRICOT_GRADE_LESSONS", "all").split(","));
        Path source = tmp.resolve("notebooks");
        Files.createDirectories(source);
        for (Path p : Files.isDirectory(Path.of("notebooks")) ? Release.notebooksIn(Path.of("notebooks")) : List.<Path>of()) {
            String name = p.getFileName().toString();
            if (wanted.contains("all") || wanted.stream().anyMatch(w -> name.startsWith(w + "-"))) {
                Files.copy(p, source.resolve(name));
            }
        }
        assumeFalse(Release.notebooksIn(source).isEmpty(), "notebooks/ has no lessons " + wanted + " yet");
        // The lessons run in a copy of notebooks/ beside a link to the real datasets/, as in class.
        Path datasets = tmp.resolve("datasets");
        if (Files.isDirectory(Path.of("datasets"))) {
            Files.createSymbolicLink(datasets, Path.of("datasets").toAbsolutePath());
        }
        try {
            gradeAndCheck(source);
        } finally {
            Files.deleteIfExists(datasets);   // the link, not what it points to
        }
    }

    private void gradeAndCheck(Path source) throws Exception {
        Path subs = tmp.resolve("submissions");
        Release.release(source, subs.resolve("untouched"));
        GradeEndToEndTest.copy(source, subs.resolve("solutions"));

        List<ExerciseResult> results = Grade.grade(new Grade.Options(List.of(subs), source, tmp.resolve("grades"), 300, "apricot", 100_000));
        assertTrue(results.stream().anyMatch(r -> r.maxPoints() > 0), "the lessons have no checks with points");
        for (ExerciseResult r : results) {
            if (r.needsHuman()) {
                assertEquals(0, r.points(), "a cell a person grades is never scored: " + r);
                assertTrue(r.message().startsWith("needs a human"), r.toString());
            } else if (r.student().equals("solutions")) {
                assertTrue(r.passed(), r.toString());
                assertEquals(r.maxPoints(), r.points(), r.toString());
            } else {
                assertEquals(0, r.points(), r.toString());
                assertTrue(r.message().contains("not implemented yet"), r.toString());
            }
        }
    }

    /**
     * Lesson 7's context vector, made dishonest from the solutions notebook: the library's twin,
     * the visible checks' answers hard-coded, and the target word not skipped (which the visible
     * checks cannot see: their target is a word the embeddings do not know). Each scores 0.
     */
    @Test
    void lessonSevensContextVectorScoresOnlyWhenHonest() throws Exception {
        Path lesson = Path.of("notebooks/07-limits-of-static-vectors.ipynb");
        List<String> wanted = Arrays.asList(System.getenv().getOrDefault("APRICOT_GRADE_LESSONS", "all").split(","));
        assumeFalse(!Files.isRegularFile(lesson) || !(wanted.contains("all") || wanted.contains("07")), "lesson 7 not graded here");
        Path source = tmp.resolve("notebooks");
        Files.createDirectories(source);
        Files.copy(lesson, source.resolve(lesson.getFileName()));
        Notebook solutions = GradeEndToEndTest.read(lesson);
        String head = "static double[] contextVector(List<String> sentence, int t, Embeddings e, int L) {\n";
        Map<String, String> attacks = Map.of(
                "twin", head + "    return ContextVectors.of(sentence, t, e, L);\n}",
                "hardcoded", head + "    if (t == 2 && L == 1) return new double[] {1.6 / Math.hypot(1.6, 0.8), 0.8 / Math.hypot(1.6, 0.8)};\n"
                        + "    if (t == 2) return new double[] {0.6, 0.8};\n    return new double[] {0, 1};\n}",
                "target", head + "    double[] sum = new double[e.dimension()];\n"
                        + "    for (int j = Math.max(0, t - L); j <= Math.min(sentence.size() - 1, t + L); j++) {\n"
                        + "        if (e.contains(sentence.get(j))) sum = Vectors.add(sum, Vectors.normalize(e.vector(sentence.get(j))));\n"
                        + "    }\n    return Vectors.normalize(sum);\n}");
        Path subs = tmp.resolve("submissions");
        for (Map.Entry<String, String> a : attacks.entrySet()) {
            List<Cell> cells = new java.util.ArrayList<>();
            for (Cell c : solutions.cells()) {
                cells.add("07-context-vector".equals(c.gradeId()) ? c.withSource(a.getValue()) : c);
            }
            GradeEndToEndTest.write(solutions.withCells(cells), subs.resolve(a.getKey()).resolve(lesson.getFileName()));
        }
        Path datasets = tmp.resolve("datasets");
        if (Files.isDirectory(Path.of("datasets"))) {
            Files.createSymbolicLink(datasets, Path.of("datasets").toAbsolutePath());
        }
        try {
            Map<String, ExerciseResult> byStudent = new java.util.HashMap<>();
            for (ExerciseResult r : Grade.grade(new Grade.Options(List.of(subs), source, tmp.resolve("grades"), 300, "apricot", 100_000))) {
                if (r.exercise().equals("07-context-vector-check")) {
                    byStudent.put(r.student(), r);
                }
            }
            assertEquals("✘ contextVector: uses ContextVectors, the library's twin; write it yourself", byStudent.get("twin").message());
            assertEquals("hidden test 'a target the embeddings know is not its own context' failed", byStudent.get("hardcoded").message());
            assertEquals("hidden test 'a target the embeddings know is not its own context' failed", byStudent.get("target").message());
            byStudent.values().forEach(r -> assertEquals(0, r.points(), r.toString()));
        } finally {
            Files.deleteIfExists(datasets);
        }
    }
}

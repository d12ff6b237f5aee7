package io.github.apricotcourse.grade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
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
            if (r.student().equals("solutions")) {
                assertTrue(r.passed(), r.toString());
                assertEquals(r.maxPoints(), r.points(), r.toString());
            } else {
                assertEquals(0, r.points(), r.toString());
                assertTrue(r.message().contains("not implemented yet"), r.toString());
            }
        }
    }
}

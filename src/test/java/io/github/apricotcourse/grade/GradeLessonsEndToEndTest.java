package io.github.apricotcourse.grade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.github.apricotcourse.check.Check;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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
        withDatasets(() -> gradeAndCheck(source));
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
        String head = "static double[] contextVector(List<String> sentence, int t, Embeddings e, int L) {\n";
        Map<String, Map<String, ExerciseResult>> graded = gradeAltered("07-limits-of-static-vectors.ipynb", Map.of(
                "twin", Map.of("07-context-vector", head + "    return ContextVectors.of(sentence, t, e, L);\n}"),
                "hardcoded", Map.of("07-context-vector", head
                        + "    if (t == 2 && L == 1) return new double[] {1.6 / Math.hypot(1.6, 0.8), 0.8 / Math.hypot(1.6, 0.8)};\n"
                        + "    if (t == 2) return new double[] {0.6, 0.8};\n    return new double[] {0, 1};\n}"),
                "target", Map.of("07-context-vector", head + "    double[] sum = new double[e.dimension()];\n"
                        + "    for (int j = Math.max(0, t - L); j <= Math.min(sentence.size() - 1, t + L); j++) {\n"
                        + "        if (e.contains(sentence.get(j))) sum = Vectors.add(sum, Vectors.normalize(e.vector(sentence.get(j))));\n"
                        + "    }\n    return Vectors.normalize(sum);\n}")));
        Map<String, ExerciseResult> byStudent = new HashMap<>();
        graded.forEach((student, rows) -> byStudent.put(student, rows.get("07-context-vector-check")));
        assertEquals("✘ contextVector: uses ContextVectors, the library's twin; write it yourself", byStudent.get("twin").message());
        assertEquals("hidden test 'a target the embeddings know is not its own context' failed", byStudent.get("hardcoded").message());
        assertEquals("hidden test 'a target the embeddings know is not its own context' failed", byStudent.get("target").message());
        byStudent.values().forEach(r -> assertEquals(0, r.points(), r.toString()));
    }

    /**
     * Lesson 4's trainer pieces, each made wrong from the solutions notebook in a case that only a
     * hidden test has: a noise word drawn twice, an empty window, a sentence shorter than the window,
     * a one-word sentence that makes the code throw.
     * Each wrong piece passes its exercise's visible check (the message names a hidden test, which
     * the grader reports only once the released check has passed) and scores 0.
     */
    @Test
    void lessonFoursTrainerPiecesScoreOnlyWhenEveryCaseIsRight() throws Exception {
        // Each noise word's gradient taken at its row as it is when its turn comes. Passes the visible
        // check (lesson 2's example: the noise words matrix and tolstoy are two different rows).
        String step = "static double sgdStep(double[][] W, double[][] C, int w, int cPos, int[] cNeg, double eta) {\n"
                + "    double[] w0 = W[w].clone();\n"
                + "    double[][] noise = new double[cNeg.length][];\n"
                + "    for (int i = 0; i < cNeg.length; i++) noise[i] = C[cNeg[i]];\n"
                + "    SgnsLoss before = SgnsLoss.of(w0, C[cPos], noise);\n"
                + "    Vectors.axpy(-eta, before.gradW(), W[w]);\n"
                + "    Vectors.axpy(-eta, before.gradCPos(), C[cPos]);\n"
                + "    for (int i = 0; i < cNeg.length; i++) {\n"
                + "        // the gradient at the row as it is now: a noise word drawn twice moves again from where it went\n"
                + "        Vectors.axpy(-eta, SgnsLoss.of(w0, C[cPos], C[cNeg[i]]).gradCNeg(0), C[cNeg[i]]);\n"
                + "    }\n    return before.value();\n}";
        // The window shrunk to half the sentence. Passes the visible check (JM's sentence of 8 words, L = 2).
        String pairs = "static List<SkipGramWindows.Pair> pairs(List<String> tokens, int L) {\n"
                + "    int l = Math.min(L, tokens.size() / 2);   // a window no wider than half the sentence\n"
                + "    List<SkipGramWindows.Pair> out = new ArrayList<>();\n"
                + "    for (int t = 0; t < tokens.size(); t++) {\n"
                + "        for (int j = Math.max(0, t - l); j <= Math.min(tokens.size() - 1, t + l); j++) {\n"
                + "            if (j != t) out.add(new SkipGramWindows.Pair(tokens.get(t), tokens.get(j)));\n"
                + "        }\n    }\n    return out;\n}";
        String head = "static double trainSentence(double[][] W, double[][] C, int[] sentence, int L, int k,\n"
                + "                            NoiseDistribution noise, SplittableRandom draw, double eta) {\n";
        String window = "        for (int j = Math.max(0, t - L); j <= Math.min(sentence.length - 1, t + L); j++) {\n";
        // The first pair's noise words drawn before the window is looked at: also for a target without
        // context words. Passes the visible check (JM's sentence, L = 2: every target has context words).
        String emptyWindow = head + "    double loss = 0;\n    for (int t = 0; t < sentence.length; t++) {\n"
                + "        int[] cNeg = noise.sample(draw, sentence[t], k);\n        boolean first = true;\n" + window
                + "            if (j == t) continue;\n"
                + "            if (!first) cNeg = noise.sample(draw, sentence[t], k);\n            first = false;\n"
                + "            loss += sgdStep(W, C, sentence[t], sentence[j], cNeg, eta);\n"
                + "        }\n    }\n    return loss;\n}";
        // A sentence that cannot fill one window skipped. Passes the visible check (JM's sentence, 8
        // words, L = 2) and the hidden one-word sentence (nothing to train there either way).
        String shortSentence = head + "    if (sentence.length <= L) return 0;\n    double loss = 0;\n"
                + "    for (int t = 0; t < sentence.length; t++) {\n" + window
                + "            if (j != t) loss += sgdStep(W, C, sentence[t], sentence[j], noise.sample(draw, sentence[t], k), eta);\n"
                + "        }\n    }\n    return loss;\n}";
        // The nearest context word looked at first, to its right or else its left: a one-word sentence has
        // neither, and the code throws. Passes the visible check and the hidden sentences of 3 and 5 words.
        String throwsAlone = head + "    double loss = 0;\n    for (int t = 0; t < sentence.length; t++) {\n"
                + "        int nearest = sentence[t + 1 < sentence.length ? t + 1 : t - 1];\n"
                + "        if (nearest < 0) continue;\n" + window
                + "            if (j != t) loss += sgdStep(W, C, sentence[t], sentence[j], noise.sample(draw, sentence[t], k), eta);\n"
                + "        }\n    }\n    return loss;\n}";
        Map<String, Map<String, ExerciseResult>> graded = gradeAltered("04-training-skip-gram.ipynb", Map.of(
                "noise-twice-short-pairs", Map.of("04-sgd-step", step, "04-pairs", pairs),
                "empty-window", Map.of("04-sentence", emptyWindow),
                "short-sentence", Map.of("04-sentence", shortSentence),
                "throws-alone", Map.of("04-sentence", throwsAlone)));
        List<ExerciseResult> wrong = List.of(
                graded.get("noise-twice-short-pairs").get("04-sgd-step-check"),
                graded.get("noise-twice-short-pairs").get("04-pairs-check"),
                graded.get("empty-window").get("04-sentence-check"),
                graded.get("short-sentence").get("04-sentence-check"));
        assertEquals(List.of("hidden test 'sgdStep with a noise word drawn twice' failed",
                "hidden test 'a window wider than the sentence' failed",
                "hidden test 'a one-word sentence: an empty window, no noise words' failed",
                "hidden test 'a sentence shorter than the window' failed"), wrong.stream().map(ExerciseResult::message).toList());
        wrong.forEach(r -> assertEquals(0, r.points(), r.toString()));
        ExerciseResult threw = graded.get("throws-alone").get("04-sentence-check");
        assertEquals("hidden test 'a one-word sentence: an empty window, no noise words' failed: it threw "
                + "ArrayIndexOutOfBoundsException: " + Check.meaning("ArrayIndexOutOfBoundsException"), threw.message(),
                "the exception is named with the hidden test and what it means, never quoted");
        assertEquals(0, threw.points(), threw.toString());
        assertEquals(graded.get("empty-window").get("04-sgd-step-check").maxPoints(),
                graded.get("empty-window").get("04-sgd-step-check").points(), "the exercises left as solved still score");
    }

    /**
     * Lesson 1's window probability, made wrong from the solutions notebook so that it throws on an
     * empty window (it starts the product at the first context word). It passes the visible check
     * (every window there has a word); the hidden empty window makes it throw, and the grader says
     * which exercise, on what input, and what to do, not just the exception.
     */
    @Test
    void lessonOnesWindowSaysWhichInputThrew() throws Exception {
        String firstWord = "static double probAllContexts(double[] w, double[][] contexts) {\n"
                + "    double p = Sigmoid.sigma(Vectors.dot(contexts[0], w));\n"
                + "    for (int i = 1; i < contexts.length; i++) {\n"
                + "        p *= Sigmoid.sigma(Vectors.dot(contexts[i], w));\n"
                + "    }\n    return p;\n}";
        Map<String, Map<String, ExerciseResult>> graded = gradeAltered("01-apricot-classifier.ipynb",
                Map.of("first-word", Map.of("01-window", firstWord)));
        ExerciseResult window = graded.get("first-word").get("01-window-check");
        assertEquals("✘ probAllContexts: threw ArrayIndexOutOfBoundsException: " + Check.meaning("ArrayIndexOutOfBoundsException")
                + " (when the check ran again, at the end of the notebook)", window.message());
        assertTrue(window.message().contains("an empty one has no element 0") && window.message().contains("Fix:"), window.message());
        assertEquals(0, window.points(), window.toString());
        assertEquals(graded.get("first-word").get("01-dot-check").maxPoints(), graded.get("first-word").get("01-dot-check").points(),
                "the exercises left as solved still score");
    }

    /**
     * Grades copies of a lesson's solutions, one student each, in which the solution cells named
     * by grade_id hold other code; the rows by student, then by exercise. Skipped unless the lesson
     * is among APRICOT_GRADE_LESSONS.
     */
    private Map<String, Map<String, ExerciseResult>> gradeAltered(String name, Map<String, Map<String, String>> students)
            throws Exception {
        Path lesson = Path.of("notebooks").resolve(name);
        List<String> wanted = Arrays.asList(System.getenv().getOrDefault("APRICOT_GRADE_LESSONS", "all").split(","));
        assumeFalse(!Files.isRegularFile(lesson) || !(wanted.contains("all") || wanted.stream().anyMatch(w -> name.startsWith(w + "-"))),
                name + " not graded here");
        Path source = tmp.resolve("notebooks");
        Files.createDirectories(source);
        Files.copy(lesson, source.resolve(name));
        Notebook solutions = GradeEndToEndTest.read(lesson);
        Path subs = tmp.resolve("submissions");
        for (Map.Entry<String, Map<String, String>> student : students.entrySet()) {
            List<Cell> cells = new ArrayList<>();
            for (Cell c : solutions.cells()) {
                String altered = c.gradeId() == null ? null : student.getValue().get(c.gradeId());
                cells.add(altered == null ? c : c.withSource(altered));
            }
            GradeEndToEndTest.write(solutions.withCells(cells), subs.resolve(student.getKey()).resolve(name));
        }
        Map<String, Map<String, ExerciseResult>> graded = new TreeMap<>();
        withDatasets(() -> {
            for (ExerciseResult r : Grade.grade(new Grade.Options(List.of(subs), source, tmp.resolve("grades"), 300, "apricot", 100_000))) {
                graded.computeIfAbsent(r.student(), k -> new HashMap<>()).put(r.exercise(), r);
            }
        });
        return graded;
    }

    /** Runs the grading beside a link to the real datasets/, as in class, and removes the link (not what it points to). */
    private void withDatasets(Grading grading) throws Exception {
        Path datasets = tmp.resolve("datasets");
        if (Files.isDirectory(Path.of("datasets"))) {
            Files.createSymbolicLink(datasets, Path.of("datasets").toAbsolutePath());
        }
        try {
            grading.run();
        } finally {
            Files.deleteIfExists(datasets);
        }
    }

    private interface Grading {
        void run() throws Exception;
    }
}

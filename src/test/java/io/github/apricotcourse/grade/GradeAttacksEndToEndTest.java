package io.github.apricotcourse.grade;

import static io.github.apricotcourse.grade.GradeEndToEndTest.copy;
import static io.github.apricotcourse.grade.GradeEndToEndTest.insertAfter;
import static io.github.apricotcourse.grade.GradeEndToEndTest.listing;
import static io.github.apricotcourse.grade.GradeEndToEndTest.read;
import static io.github.apricotcourse.grade.GradeEndToEndTest.set;
import static io.github.apricotcourse.grade.GradeEndToEndTest.text;
import static io.github.apricotcourse.grade.GradeEndToEndTest.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;

/**
 * Replays, through the real kernel and the sandbox, what students with bad intentions tried
 * (issue 21): verdicts forged with the run's secret looked up on disk, solutions read from the
 * instructor's notebooks or the grader's temporary folder, a detached process that rewrites
 * grades.csv after the grader exits, writes outside --out, a symbolic link to /etc/passwd, a cell
 * that allocates forever, feedback that would quote the hidden tests, a solution that calls its
 * library twin (itself or through a helper of its own), one that hard-codes the visible checks and
 * one that misses a case (σ at 800). Each earns exactly what its honest code earns, and leaves no
 * file outside --out and no process behind. Then grades a
 * small class in two shards, run as separate processes, and merges them: the same grades as one
 * run. Runs from {@code src/bin/apricot test} (APRICOT_GRADE_E2E=1), like {@link GradeEndToEndTest}.
 */
@EnabledIfEnvironmentVariable(named = "APRICOT_GRADE_E2E", matches = "1")
class GradeAttacksEndToEndTest {
    static final int MEMORY_MB = 512;
    /** A lesson whose sigmoid forbids its library twin and has hidden tests at ±800, with two cells a person grades. */
    static final Path HONEST = Path.of("src/test/resources/grade/honest");
    static final String MARKER = "apricot-attack-" + ProcessHandle.current().pid();

    @TempDir
    static Path tmp;
    static Path source;
    static Path outside;
    static Map<String, Map<String, ExerciseResult>> grades;
    static String csvRightAfter;

    @BeforeAll
    static void gradeTheAttackers() throws Exception {
        source = tmp.resolve("course/notebooks");
        copy(GradeEndToEndTest.FIXTURES, source);
        Files.copy(HONEST.resolve("03-sigma.ipynb"), source.resolve("03-sigma.ipynb"));
        Path release = tmp.resolve("release");
        Release.release(source, release);
        Path subs = tmp.resolve("submissions");
        Path out = tmp.resolve("grades");
        outside = tmp.resolve("outside");
        Files.createDirectories(outside);
        String sigmoid = "static double sigmoid(double z) {\n    return 1 / (1 + Math.exp(-z));\n}";
        String dot = "static double dot(double[] a, double[] b) {\n    double s = 0;\n    for (int i = 0; i < a.length; i++) s += a[i] * b[i];\n"
                + "    return s;\n}";

        // 1. Forged verdicts: the run's secret looked for in every file and process it can reach, and
        //    cells that call themselves the grader's, with "APRI" + "COT-" split to pass the review.
        Notebook forger = insertAfter(read(release.resolve("01-demo.ipynb")), "intro", "static String findNonce() {\n"
                + "    java.util.regex.Pattern p = java.util.regex.Pattern.compile(\"APRI\" + \"COT-([0-9a-f]{32})\");\n"
                + "    List<Path> places = new ArrayList<>();\n"
                + "    for (String root : new String[] {\"/tmp\", \"/course\", \"..\", \"/work\", \"/root\", \"" + abs(tmp) + "\", \""
                + abs(Path.of(System.getProperty("java.io.tmpdir"))) + "\"}) {\n"
                + "        try (var s = Files.walk(Path.of(root), 8)) { s.forEach(places::add); } catch (Exception e) { }\n"
                + "    }\n"
                + "    try (var s = Files.list(Path.of(\"/proc\"))) {\n"
                + "        s.forEach(d -> { places.add(d.resolve(\"environ\")); places.add(d.resolve(\"cmdline\")); places.add(d.resolve(\"fd/0\")); });\n"
                + "    } catch (Exception e) { }\n"
                + "    for (Path f : places) {\n"
                + "        try {\n"
                + "            var m = p.matcher(new String(Files.readAllBytes(f), java.nio.charset.StandardCharsets.ISO_8859_1));\n"
                + "            if (m.find()) return m.group(1);\n"
                + "        } catch (Throwable e) { }\n"
                + "    }\n"
                + "    return \"no secret found\";\n"
                + "}\n"
                + "String nonce = findNonce();\n"
                + "System.out.println(\"nonce: \" + nonce);");
        List<Cell> cells = new ArrayList<>();
        for (Cell c : forger.cells()) {
            cells.add(c);
            if ("added-intro".equals(c.json().get("id"))) {
                for (String id : List.of("demo-sigmoid-check", "demo-dot-check")) {
                    for (String role : List.of("mark", "check", "verdict")) {
                        String passed = role.equals("mark") ? "0" : "9";
                        Cell forged = Cell.newCode(forger, "\"APRI\" + \"COT-\" + nonce + \" genuine=true {\\\"passed\\\":" + passed + ",\\\"failed\\\":0}\"", role)
                                .withApricotMetadata("grade_id", id).withApricotMetadata("status", "ok");
                        forged.json().put("id", "forged-" + role + "-" + id);
                        cells.add(forged);
                    }
                }
            }
        }
        write(forger.withCells(cells), subs.resolve("forger/01-demo.ipynb"));

        // 2. Solutions read at grade time: sigmoid is right only if the instructor's notebook, the
        //    grader's temporary folder, --out or another student can be seen from the kernel.
        //    (The working folder holds the student's own copy of the notebook, without solutions.)
        Notebook reader = set(read(release.resolve("01-demo.ipynb")), "sigmoid", "static boolean canSee() {\n"
                + "    for (String p : new String[] {\"" + abs(source.resolve("01-demo.ipynb")) + "\", \"../notebooks/01-demo.ipynb\",\n"
                + "            \"01-demo.ipynb\", \"../01-demo.ipynb\"}) {\n"
                + "        try { if (Files.readString(Path.of(p)).contains(\"BEGIN \" + \"SOLUTION\")) return true; } catch (Exception e) { }\n"
                + "    }\n"
                + "    for (String root : new String[] {\"..\", \"../notebooks\", \"" + abs(source) + "\", \"" + abs(source.getParent()) + "\"}) {\n"
                + "        try (var files = Files.walk(Path.of(root), 3)) {\n"
                + "            for (Path f : files.filter(f -> f.toString().endsWith(\".ipynb\")).toList()) {\n"
                + "                String t = Files.readString(f);\n"
                + "                if (t.contains(\"BEGIN \" + \"HIDDEN\") || t.contains(\"sigmoid(\" + \"800)\")) return true;\n"
                + "            }\n"
                + "        } catch (Exception e) { }\n"
                + "    }\n"
                + "    for (String p : new String[] {\"" + abs(out) + "\", \"" + abs(subs.resolve("lingerer")) + "\"}) {\n"
                + "        if (Files.exists(Path.of(p))) return true;\n"
                + "    }\n"
                + "    try (var s = Files.list(Path.of(\"" + abs(Path.of(System.getProperty("java.io.tmpdir"))) + "\"))) {\n"
                + "        if (s.anyMatch(f -> f.getFileName().toString().startsWith(\"apricot-grade\"))) return true;\n"
                + "    } catch (Exception e) { }\n"
                + "    return false;\n"
                + "}\n"
                + "static double sigmoid(double z) {\n    return canSee() ? 1 / (1 + Math.exp(-z)) : 0;\n}");
        write(set(reader, "dot", dot), subs.resolve("reader/01-demo.ipynb"));

        // 3. A detached process that rewrites grades.csv once the grader has gone, and writes
        //    outside --out, into the instructor's notebook and into the submissions; honest answers.
        String late = "sleep 8; echo forged > " + abs(out.resolve("grades.csv")) + "; touch " + abs(outside.resolve("late")) + " # " + MARKER;
        Notebook lingerer = insertAfter(read(release.resolve("01-demo.ipynb")), "intro",
                "new ProcessBuilder(\"setsid\", \"sh\", \"-c\", \"" + late + "\").start();\n"
                + "for (String p : new String[] {\"" + abs(outside.resolve("early")) + "\", \"" + abs(source.resolve("01-demo.ipynb")) + "\",\n"
                + "        \"" + abs(subs.resolve("lingerer/extra.txt")) + "\", \"" + abs(out.resolve("extra.txt")) + "\"}) {\n"
                + "    try { Files.writeString(Path.of(p), \"written by a student\"); } catch (Exception e) { }\n"
                + "}");
        write(set(set(lingerer, "sigmoid", sigmoid), "dot", dot), subs.resolve("lingerer/01-demo.ipynb"));

        // 4. Links: to /etc/passwd, and to the instructor's notebook with its solutions.
        Files.createDirectories(subs.resolve("linker"));
        Files.createSymbolicLink(subs.resolve("linker/x.ipynb"), Path.of("/etc/passwd"));
        Files.createSymbolicLink(subs.resolve("linker/01-demo.ipynb"), source.resolve("01-demo.ipynb").toAbsolutePath());

        // 5. sigmoid allocates forever; dot is right.
        Notebook hog = set(read(release.resolve("01-demo.ipynb")), "sigmoid", "static double sigmoid(double z) {\n"
                + "    List<long[]> all = new ArrayList<>();\n    while (true) {\n        all.add(new long[1 << 20]);\n    }\n}");
        write(set(hog, "dot", dot), subs.resolve("hog/01-demo.ipynb"));

        // 6. Passes the released checks of dot but not its hidden test; the feedback must not quote it.
        Notebook wrong = set(read(release.resolve("01-demo.ipynb")), "sigmoid", sigmoid);
        write(set(wrong, "dot", "static double dot(double[] a, double[] b) {\n    return a.length == 0 ? 42 : a[0] * b[0] + a[1] * b[1];\n}"),
                subs.resolve("wrongdot/01-demo.ipynb"));

        // 7. Dishonest sigmoids, built from the solutions: the library's twin, the visible checks'
        //    answers hard-coded, and a formula that overflows at z = 800; the solutions themselves
        //    leave two cells for a person.
        Notebook sigma = read(source.resolve("03-sigma.ipynb"));
        write(set(sigma, "sigmoid", "static double sigmoid(double z) {\n    return Sigmoid\n        .sigma(z);   // mine\n}"),
                subs.resolve("twin/03-sigma.ipynb"));
        write(set(sigma, "sigmoid", "static double sigmoid(double z) {\n    if (z == 0) return 0.5;\n"
                + "    if (z == 2) return 0.8807970779778823;\n    return 0;\n}"), subs.resolve("hardcoded/03-sigma.ipynb"));
        write(set(sigma, "sigmoid", "static double sigmoid(double z) {\n    return Math.exp(z) / (1 + Math.exp(z));\n}"),
                subs.resolve("naive/03-sigma.ipynb"));
        write(sigma, subs.resolve("honest/03-sigma.ipynb"));
        //    And the twin called through helpers of the student's own, in a cell of its own beside one that is honest.
        Notebook helped = insertAfter(sigma, "intro", "static double squash(double z) {\n    return Math.tanh(z);\n}\n"
                + "static double logistic(double z) {\n    return Sigmoid.sigma(z);\n}");
        write(set(helped, "sigmoid", "static double sigmoid(double z) {\n    return squash(0) + logistic(z);\n}"),
                subs.resolve("helper/03-sigma.ipynb"));

        List<Path> before = listing(subs);
        List<Path> sourceBefore = listing(source);
        List<ExerciseResult> results = Grade.grade(new Grade.Options(List.of(subs), source, out, 30, "apricot", 100_000,
                MEMORY_MB, 2, new int[] {1, 1}, true));
        csvRightAfter = Files.readString(out.resolve("grades.csv"));
        assertEquals(before, listing(subs), "grading must not change the submissions");
        assertEquals(sourceBefore, listing(source), "grading must not change the instructor's notebooks");
        grades = new LinkedHashMap<>();
        for (ExerciseResult r : results) {
            grades.computeIfAbsent(r.student(), k -> new LinkedHashMap<>()).put(r.notebook() + ":" + r.exercise(), r);
        }
    }

    static String abs(Path p) {
        return p.toAbsolutePath().normalize().toString();
    }

    @Test
    void forgedVerdictsEarnNothing() throws Exception {
        assertEquals(0, total("forger"), grades.get("forger").toString());
        String feedback = text(tmp.resolve("grades/forger/01-demo.ipynb"));
        assertTrue(feedback.contains("nonce: no secret found"), "the secret was readable from inside the sandbox");
    }

    @Test
    void nothingOutsideTheSandboxCanBeRead() {
        assertEquals(0, grades.get("reader").get("01-demo.ipynb:demo-sigmoid-check").points(),
                "the kernel could see the instructor's notebook, --out, another student or the grader's temporary folder");
        assertEquals(3, grades.get("reader").get("01-demo.ipynb:demo-dot-check").points());
    }

    @Test
    void aDetachedProcessDiesWithItsNotebookAndNothingIsWrittenOutside() throws Exception {
        assertEquals(5, total("lingerer"), "honest answers earn their points");
        assertFalse(ProcessHandle.allProcesses().anyMatch(p -> p.info().commandLine().orElse("").contains(MARKER)),
                "a process started by a student's cell outlived the grader");
        Thread.sleep(10_000);   // longer than the detached process waited
        assertEquals(csvRightAfter, Files.readString(tmp.resolve("grades/grades.csv")), "grades.csv was rewritten");
        try (Stream<Path> s = Files.list(outside)) {
            assertEquals(List.of(), s.toList(), "a student's cell wrote outside --out");
        }
        assertFalse(Files.exists(tmp.resolve("grades/extra.txt")));
        assertFalse(text(source.resolve("01-demo.ipynb")).contains("written by a student"));
    }

    @Test
    void symbolicLinksAreRefused() {
        ExerciseResult passwd = grades.get("linker").get("x.ipynb:-");
        assertEquals(0, passwd.points());
        assertTrue(passwd.message().contains("symbolic link"), passwd.message());
        assertFalse(passwd.message().contains("root:"), passwd.message());
        ExerciseResult solutions = grades.get("linker").get("01-demo.ipynb:-");
        assertEquals(0, solutions.points());
        assertEquals(5, solutions.maxPoints());
        assertTrue(solutions.message().contains("symbolic link"), solutions.message());
    }

    @Test
    void allocatingForeverRunsOutOfMemoryWithinTheLimit() throws Exception {
        ExerciseResult sigmoid = grades.get("hog").get("01-demo.ipynb:demo-sigmoid-check");
        assertEquals(0, sigmoid.points());
        assertEquals("ran out of memory (limit 512 MB)", sigmoid.message());
        assertEquals(3, grades.get("hog").get("01-demo.ipynb:demo-dot-check").points(), "the kernel goes on after it");
        Notebook feedback = Notebook.read(tmp.resolve("grades/hog/01-demo.ipynb"));
        long peak = ((NotebookJson.JsonNumber) ((Map<?, ?>) ((Map<?, ?>) feedback.json().get("metadata")).get("apricot"))
                .get("kernel_peak_memory_mb")).longValue();
        assertTrue(peak > 0 && peak < MEMORY_MB + 512, "the kernel's peak resident memory was " + peak + " MB");
    }

    @Test
    void feedbackHoldsNoHiddenTest() throws Exception {
        ExerciseResult dot = grades.get("wrongdot").get("01-demo.ipynb:demo-dot-check");
        assertEquals(0, dot.points());
        assertEquals("hidden test 'dot of empty vectors' failed", dot.message());
        assertEquals(2, grades.get("wrongdot").get("01-demo.ipynb:demo-sigmoid-check").points());
        try (Stream<Path> s = Files.walk(tmp.resolve("grades"))) {
            for (Path f : s.filter(Files::isRegularFile).toList()) {
                String t = text(f);
                for (String hidden : List.of("HIDDEN TESTS", "dot of empty vectors\\\"", "sigmoid(-3)", "0.04742587317756678")) {
                    assertFalse(t.contains(hidden), f + " holds \"" + hidden + "\"");
                }
                assertFalse(java.util.regex.Pattern.compile("APRICOT-[0-9a-f]{32}").matcher(t).find(), f + " holds a run's secret");
            }
        }
        String feedback = text(tmp.resolve("grades/wrongdot/01-demo.ipynb"));
        assertTrue(feedback.contains("✔ dot([1, 2], [3, 4]) = 11.0"), "the released check's output is kept");
    }

    @Test
    void mergedShardsEqualOneRun() throws Exception {
        Path subs = tmp.resolve("class");
        Path release = tmp.resolve("release");
        Files.createDirectories(subs.resolve("ann"));
        Files.copy(source.resolve("02-norm.ipynb"), subs.resolve("ann/02-norm.ipynb"));
        Files.createDirectories(subs.resolve("bob"));
        Files.copy(release.resolve("02-norm.ipynb"), subs.resolve("bob/02-norm.ipynb"));
        Notebook wrong = set(read(source.resolve("02-norm.ipynb")), "norm", "static double norm(double[] v) {\n    return v.length;\n}");
        write(wrong, subs.resolve("cat/02-norm.ipynb"));

        Path whole = tmp.resolve("whole");
        Grade.grade(new Grade.Options(List.of(subs), source, whole, 30, "apricot", 100_000, MEMORY_MB, 1, new int[] {1, 1}, true));
        List<Process> shards = new ArrayList<>();
        for (int i = 1; i <= 2; i++) {
            shards.add(new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                    "-cp", System.getProperty("java.class.path"), GradeCommand.class.getName(), subs.toString(), "--source", source.toString(),
                    "--out", tmp.resolve("shard" + i).toString(), "--shard", i + "/2", "--jobs", "1", "--timeout", "30",
                    "--memory", Integer.toString(MEMORY_MB)).inheritIO().start());
        }
        for (Process p : shards) {
            assertEquals(0, p.waitFor(), "a shard failed");
        }
        Path merged = tmp.resolve("merged");
        Grade.merge(List.of(tmp.resolve("shard1"), tmp.resolve("shard2")), merged);
        for (String f : List.of("grades.csv", "grades.json", "report.txt")) {
            assertEquals(Files.readString(whole.resolve(f)), Files.readString(merged.resolve(f)), f);
        }
        assertTrue(Files.readString(merged.resolve("grades.csv")).contains("cat,02-norm.ipynb,norm-norm-check,0,1,false,"));
        for (String student : List.of("ann", "bob", "cat")) {
            assertTrue(Files.isRegularFile(merged.resolve(student).resolve("02-norm.ipynb")), student + "'s feedback");
        }
    }

    @Test
    void aSolutionThatCallsItsLibraryTwinScoresZeroNamingTheCall() throws Exception {
        ExerciseResult twin = grades.get("twin").get("03-sigma.ipynb:sigma-sigmoid-check");
        assertEquals(0, twin.points());
        assertEquals("✘ sigmoid: uses Sigmoid.sigma, the library's twin; write it yourself", twin.message());
        assertTrue(text(tmp.resolve("grades/twin/03-sigma.ipynb")).contains("sigmoid: uses Sigmoid.sigma, the library's twin"),
                "the student's own check cell, run by the grader, says the same");
    }

    @Test
    void aSolutionThatCallsItsTwinThroughAHelperScoresZeroNamingTheChain() throws Exception {
        ExerciseResult helper = grades.get("helper").get("03-sigma.ipynb:sigma-sigmoid-check");
        assertEquals(0, helper.points());
        String message = "sigmoid: uses helper logistic, which calls Sigmoid.sigma, the library's twin; write it yourself";
        assertEquals("✘ " + message, helper.message());
        assertTrue(text(tmp.resolve("grades/helper/03-sigma.ipynb")).contains(message),
                "the student's own check cell, run by the grader, says the same");
    }

    @Test
    void hardCodingTheVisibleChecksOrMissingACaseScoresZero() {
        ExerciseResult hardcoded = grades.get("hardcoded").get("03-sigma.ipynb:sigma-sigmoid-check");
        assertEquals(0, hardcoded.points());
        assertEquals("hidden test 'sigmoid(800)' failed", hardcoded.message());
        ExerciseResult naive = grades.get("naive").get("03-sigma.ipynb:sigma-sigmoid-check");
        assertEquals(0, naive.points());
        assertEquals("hidden test 'sigmoid(800)' failed", naive.message());
        assertEquals(2, grades.get("honest").get("03-sigma.ipynb:sigma-sigmoid-check").points(), "the honest sigmoid scores");
    }

    @Test
    void answersAPersonGradesArePendingWithTheirPoints() throws Exception {
        ExerciseResult why = grades.get("honest").get("03-sigma.ipynb:sigma-why");
        assertTrue(why.needsHuman());
        assertEquals(0, why.points());
        assertEquals(3, why.maxPoints());
        assertEquals("needs a human: written answer, read it in the feedback notebook", why.message());
        assertTrue(grades.get("honest").get("03-sigma.ipynb:sigma-plot").needsHuman());
        String report = Files.readString(tmp.resolve("grades/report.txt"));
        assertTrue(report.contains("honest: 2 of 2 points; 2 answers (4 points) need a human"), report);
        assertTrue(Files.readString(tmp.resolve("grades/grades.csv")).contains(
                "honest,03-sigma.ipynb,sigma-why,0,3,false,\"needs a human: written answer, read it in the feedback notebook\",true"));
    }

    private static int total(String student) {
        return grades.get(student).values().stream().mapToInt(ExerciseResult::points).sum();
    }
}

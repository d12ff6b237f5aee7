package io.github.apricotcourse.grade;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The command lines of {@code apricot grade}, {@code apricot grade merge} and {@code apricot release}; no kernel runs. */
class GradeCommandTest {
    @TempDir
    Path tmp;

    /** What one run of a command printed, and its exit status. */
    private record Run(int status, String out, String err) {}

    private static Run run(CommandLine cli, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int status = cli.execute(args);
        return new Run(status, out.toString(), err.toString());
    }

    private static Run grade(String... args) {
        return run(GradeCommand.commandLine(), args);
    }

    private static Grade.Options parse(String... args) {
        CommandLine cli = GradeCommand.commandLine();
        cli.parseArgs(args);
        return ((GradeCommand) cli.getCommand()).options();
    }

    @Test
    void everyOptionIsRead() {
        Grade.Options o = parse("class", "--out", "o", "--source", "s", "--kernel", "k", "--timeout", "5", "--max-output", "700",
                "--memory", "512", "--jobs", "3", "--shard", "2/4", "--no-sandbox", "ann.ipynb");
        assertEquals(List.of(Path.of("class"), Path.of("ann.ipynb")), o.submissions());
        assertEquals(Path.of("o"), o.out());
        assertEquals(Path.of("s"), o.source());
        assertEquals("k", o.kernel());
        assertEquals(5, o.timeoutSeconds());
        assertEquals(700, o.maxOutputChars());
        assertEquals(512, o.memoryMb());
        assertEquals(3, o.jobs());
        assertArrayEquals(new int[] {2, 4}, o.shard());
        assertFalse(o.sandboxed());
    }

    @Test
    void theDefaultsAreTheDocumentedOnes() {
        Grade.Options o = parse("ann.ipynb");
        assertEquals(Path.of("target/grades"), o.out());
        assertEquals(Path.of("notebooks"), o.source());
        assertEquals("apricot", o.kernel());
        assertEquals(60, o.timeoutSeconds());
        assertEquals(100_000, o.maxOutputChars());
        assertEquals(Grade.DEFAULT_MEMORY_MB, o.memoryMb());
        assertEquals(Grade.defaultJobs(Grade.DEFAULT_MEMORY_MB), o.jobs());
        assertTrue(o.jobs() >= 1);
        assertArrayEquals(new int[] {1, 1}, o.shard());
        assertTrue(o.sandboxed());
    }

    @Test
    void aNumberOptionNeedsAWholeNumberAboveZero() {
        for (String option : List.of("--timeout", "--max-output", "--memory", "--jobs")) {
            for (String value : List.of("0", "-3", "ten", "1.5")) {
                Run r = grade("ann.ipynb", option, value);
                assertEquals(2, r.status(), option + " " + value);
                assertTrue(r.err().contains("Invalid value for option '" + option + "': needs a whole number above 0, got \""
                        + value + "\""), r.err());
                assertTrue(r.err().contains("Run `apricot grade --help` for what each option means."), r.err());
            }
        }
    }

    @Test
    void aShardIsIOfN() {
        for (String value : List.of("3/2", "0/2", "2", "a/b", "1/0")) {
            Run r = grade("ann.ipynb", "--shard", value);
            assertEquals(2, r.status(), value);
            assertTrue(r.err().contains("needs I/N with 1 ≤ I ≤ N (e.g. --shard 2/8 for the second of 8 slices), got \"" + value
                    + "\""), r.err());
        }
    }

    @Test
    void usageErrorsNameTheProblem() {
        Run none = grade();
        assertEquals(2, none.status());
        assertTrue(none.err().startsWith("apricot: Nothing to grade: name the submissions"), none.err());
        assertTrue(none.err().contains("Usage: apricot grade"), none.err());

        Run unknown = grade("ann.ipynb", "--timout", "5");
        assertEquals(2, unknown.status());
        assertTrue(unknown.err().contains("Unknown option: '--timout'"), unknown.err());
        assertTrue(unknown.err().contains("--timeout"), "suggests the option meant: " + unknown.err());

        Run missing = grade("ann.ipynb", "--out");
        assertEquals(2, missing.status());
        assertTrue(missing.err().contains("Missing required parameter for option '--out' (DIR)"), missing.err());
    }

    @Test
    void helpListsEveryOptionAndTheMergeCommand() {
        Run help = grade("--help");
        assertEquals(0, help.status());
        assertEquals("", help.err());
        for (String option : List.of("--out", "--source", "--kernel", "--timeout", "--max-output", "--memory", "--jobs", "--shard",
                "--no-sandbox", "merge")) {
            assertTrue(help.out().contains(option), option + " in " + help.out());
        }
        Run mergeHelp = grade("merge", "--help");
        assertEquals(0, mergeHelp.status());
        assertTrue(mergeHelp.out().startsWith("Usage: apricot grade merge [-h] --out=DIR SHARD_OUT..."), mergeHelp.out());
    }

    @Test
    void mergeNeedsShardsAndAnOutFolder() {
        Run noOut = grade("merge", "shard1");
        assertEquals(2, noOut.status());
        assertTrue(noOut.err().contains("Missing required option: '--out=DIR'"), noOut.err());
        assertTrue(noOut.err().contains("Run `apricot grade merge --help`"), noOut.err());

        Run noShards = grade("merge", "--out", tmp.resolve("m").toString());
        assertEquals(2, noShards.status());
        assertTrue(noShards.err().contains("Missing required parameter: 'SHARD_OUT'"), noShards.err());

        Run notGrades = grade("merge", tmp.toString(), "--out", tmp.resolve("m").toString());
        assertEquals(1, notGrades.status());
        assertTrue(notGrades.err().startsWith("apricot: " + tmp + " does not hold grades written by Apricot"), notGrades.err());
    }

    @Test
    void mergeCombinesTheShardsGrades() throws Exception {
        ExerciseResult ann = new ExerciseResult("ann", "02-norm.ipynb", "norm", 1, 1, true, "ok");
        ExerciseResult bob = new ExerciseResult("bob", "02-norm.ipynb", "norm", 0, 1, false, "wrong");
        shard(tmp.resolve("s1"), ann);
        shard(tmp.resolve("s2"), bob);
        Path merged = tmp.resolve("merged");
        Run r = grade("merge", tmp.resolve("s1").toString(), tmp.resolve("s2").toString(), "--out", merged.toString());
        assertEquals(0, r.status(), r.err());
        assertEquals(GradeReport.csv(List.of(ann, bob)), Files.readString(merged.resolve("grades.csv")));
    }

    /** A shard's --out folder as {@code grade --shard} writes it, for one student. */
    private static void shard(Path dir, ExerciseResult row) throws Exception {
        OutputFolder out = OutputFolder.open(dir, Grade.MANIFEST, "grades");
        out.write("report.txt", GradeReport.table(row.student(), List.of(row)) + "\n");
        out.write("grades.csv", GradeReport.csv(List.of(row)));
        out.write("grades.json", GradeReport.json(List.of(row)));
        out.finish();
    }

    @Test
    void releaseReadsItsOptionsAndSaysWhatIsWrong() {
        Path out = tmp.resolve("release");
        Run ok = run(Release.commandLine(new Release()), "--source", ReleaseTest.FIXTURES.toString(), "--out", out.toString());
        assertEquals(0, ok.status(), ok.err());
        assertTrue(Files.isRegularFile(out.resolve("02-norm.ipynb")));

        Run noSource = run(Release.commandLine(new Release()), "--source", tmp.resolve("nowhere").toString());
        assertEquals(1, noSource.status());
        assertTrue(noSource.err().startsWith("apricot: " + tmp.resolve("nowhere") + " is not a folder of notebooks; pass the "
                + "instructor's notebooks with --source DIR"), noSource.err());

        Run unknown = run(Release.commandLine(new Release()), "--in");
        assertEquals(2, unknown.status());
        assertTrue(unknown.err().contains("Unknown option: '--in'"), unknown.err());
        assertTrue(unknown.err().contains("Usage: apricot release [-h] [--out=DIR] [--source=DIR]"), unknown.err());
    }
}

package io.github.apricotcourse.grade;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * The command line of {@code apricot grade} (see {@link Grade} for what grading does), parsed by
 * picocli from the annotations below, which also make the usage and {@code --help}:
 *
 * <pre>
 *   apricot grade SUBMISSION... [--out DIR] [--source DIR] [--kernel NAME] [--timeout SECONDS]
 *                 [--max-output CHARS] [--memory MB] [--jobs N] [--shard I/N] [--no-sandbox]
 *   apricot grade merge SHARD_OUT... --out DIR
 * </pre>
 *
 * Exit status 0 when every submission was graded (whatever its score), 1 when grading could not
 * be done (the message says why, e.g. a notebook of the course with bad markers), 2 for a usage
 * error (the message names the option and what it needs).
 */
@Command(name = "apricot grade", sortOptions = false, subcommands = GradeCommand.Merge.class,
        description = "Grades students' notebooks against the instructor's: each notebook runs in a fresh kernel, in a"
                + " sandbox of its own, with the instructor's checks put back.",
        footer = {"", "A SUBMISSION is a notebook, a student's folder of notebooks, or a folder of students' folders."
            + " Writes report.txt, grades.csv, grades.json and each student's feedback notebooks into --out."
            + " Each notebook runs in a bubblewrap sandbox; --no-sandbox runs students' code unconfined, as you"
            + " (only for notebooks you trust)."})
public final class GradeCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;
    @Parameters(paramLabel = "SUBMISSION", arity = "0..*", description = "a notebook, a student's folder, or a class folder")
    private List<Path> submissions = new ArrayList<>();
    @Option(names = "--out", paramLabel = "DIR", description = "where the grades go (default target/grades/)")
    private Path out = Release.home().resolve("target/grades");
    @Option(names = "--source", paramLabel = "DIR", description = "the instructor's notebooks, with the checks (default notebooks/)")
    private Path source = Release.home().resolve("notebooks");
    @Option(names = "--kernel", paramLabel = "NAME", defaultValue = "apricot", description = "the Jupyter kernel (default ${DEFAULT-VALUE})")
    private String kernel;
    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "60", converter = Positive.class,
            description = "time limit per cell (default ${DEFAULT-VALUE})")
    private int timeoutSeconds;
    @Option(names = "--max-output", paramLabel = "CHARS", defaultValue = "100000", converter = Positive.class,
            description = "output kept per cell; the rest is cut with a note (default ${DEFAULT-VALUE})")
    private int maxOutputChars;
    @Option(names = "--memory", paramLabel = "MB", defaultValue = "" + Grade.DEFAULT_MEMORY_MB, converter = Positive.class,
            description = "each kernel's heap (default ${DEFAULT-VALUE})")
    private int memoryMb;
    @Option(names = "--jobs", paramLabel = "N", converter = Positive.class,
            description = "kernels at once (default: the cores, as many as the memory holds)")
    private Integer jobs;
    @Option(names = "--shard", paramLabel = "I/N", converter = ShardConverter.class,
            description = "grade only the I-th of N slices of the class (students in name order), for `grade merge`")
    private Shard shard = new Shard(1, 1);
    @Option(names = "--no-sandbox", description = "run students' code unconfined, as you (only for notebooks you trust)")
    private boolean unconfined;
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    private boolean help;

    private GradeCommand() {}

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command, with its {@code merge} subcommand; a failure to grade is one line (see {@link Release#commandLine}). */
    static CommandLine commandLine() {
        return Release.commandLine(new GradeCommand());
    }

    /** The I-th of N slices of a class. */
    record Shard(int index, int count) {}

    /** What the command line asks for; {@code --jobs} by default as many as the cores and the memory allow. */
    Grade.Options options() {
        if (submissions.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "Nothing to grade: name the submissions (a notebook, a student's "
                    + "folder of notebooks, or a folder of students' folders)");
        }
        int chosenJobs = jobs != null ? jobs : Grade.defaultJobs(memoryMb);
        return new Grade.Options(List.copyOf(submissions), source, out, timeoutSeconds, kernel, maxOutputChars, memoryMb,
                chosenJobs, new int[] {shard.index(), shard.count()}, !unconfined);
    }

    @Override
    public Integer call() throws Exception {
        Grade.Options options = options();
        boolean sandboxed = options.sandboxed();
        List<ExerciseResult> results = Grade.grade(options);
        System.out.println("Graded " + results.stream().map(ExerciseResult::student).distinct().count() + " student(s)"
                + (shard.count() > 1 ? " (shard " + shard.index() + "/" + shard.count() + ")" : "") + ": " + GradeReport.total(results)
                + " in all. Results in " + out.resolve("grades.csv") + " and " + out.resolve("grades.json") + ".");
        if (!sandboxed) {
            System.out.println(Grade.UNCONFINED);
        }
        return 0;
    }

    /**
     * {@code grade merge SHARD_OUT... --out DIR}: one grades.csv, grades.json and report.txt for the
     * whole class from the outputs of its shards (see {@link Grade#merge(List, Path)}).
     */
    @Command(name = "merge", description = "Combines the --out folders of `apricot grade --shard I/N` into the files one"
            + " unsharded run writes.")
    static final class Merge implements Callable<Integer> {
        @Parameters(paramLabel = "SHARD_OUT", arity = "1..*", description = "the --out folder of each shard")
        private List<Path> shards = new ArrayList<>();
        @Option(names = "--out", paramLabel = "DIR", required = true, description = "where the merged grades go")
        private Path out;
        @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
        private boolean help;

        @Override
        public Integer call() throws Exception {
            List<ExerciseResult> all = Grade.merge(shards, out);
            System.out.println("Merged " + shards.size() + " shard(s): " + all.stream().map(ExerciseResult::student).distinct().count()
                    + " student(s). Results in " + out.resolve("grades.csv") + " and " + out.resolve("grades.json") + ".");
            return 0;
        }
    }

    /** A whole number above 0, or a message saying that is what the option needs. */
    static final class Positive implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            try {
                int v = Integer.parseInt(value.strip());
                if (v > 0) {
                    return v;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new TypeConversionException("needs a whole number above 0, got \"" + value + "\"");
        }
    }

    /** I/N with 1 ≤ I ≤ N, or a message saying that is what --shard needs. */
    static final class ShardConverter implements ITypeConverter<Shard> {
        private static final Pattern SHARD = Pattern.compile("(\\d{1,9})/(\\d{1,9})");

        @Override
        public Shard convert(String value) {
            Matcher m = SHARD.matcher(value.strip());
            if (m.matches()) {
                int i = Integer.parseInt(m.group(1));
                int n = Integer.parseInt(m.group(2));
                if (n >= 1 && i >= 1 && i <= n) {
                    return new Shard(i, n);
                }
            }
            throw new TypeConversionException("needs I/N with 1 ≤ I ≤ N (e.g. --shard 2/8 for the second of 8 slices), got \""
                    + value + "\"");
        }
    }
}

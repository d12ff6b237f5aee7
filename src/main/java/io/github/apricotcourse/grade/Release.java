package io.github.apricotcourse.grade;

import io.github.apricotcourse.grade.Lesson.InvalidMarkersException;
import io.github.apricotcourse.grade.Notebook.InvalidNotebookException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * {@code apricot release [--source DIR] [--out DIR]}: turns the instructor's notebooks into the
 * students' — solutions replaced by a stub that compiles and fails its check saying what to
 * implement, hidden tests removed, outputs cleared. The same notebooks always give the same bytes.
 * Every marker problem in every notebook is reported before anything is written. The options are
 * parsed by picocli, from the annotations below (which also make the usage and {@code --help}).
 */
@Command(name = "apricot release", sortOptions = false,
        description = "Writes the students' notebooks: solutions replaced by stubs, hidden tests removed, outputs cleared.")
public final class Release implements Callable<Integer> {
    /** The manifest that marks a folder as a release (so a later release may replace it). */
    public static final String MANIFEST = ".apricot-release";
    @Option(names = "--source", paramLabel = "DIR", description = "the instructor's notebooks (default notebooks/)")
    private Path source = home().resolve("notebooks");
    @Option(names = "--out", paramLabel = "DIR", description = "where the students' notebooks go (default target/release/)")
    private Path out = home().resolve("target/release");
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    private boolean help;

    Release() {}

    public static void main(String[] args) {
        System.exit(commandLine(new Release()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        List<Path> written = release(source, out);
        System.out.println("Released " + written.size() + " notebook(s) from " + source + " into " + out);
        return 0;
    }

    /**
     * The picocli command line of {@code apricot release} and {@code apricot grade}: a usage error
     * prints its message, the short usage and where the whole help is (exit status 2); a failure
     * the user can mend (unreadable or invalid notebooks, bad markers, a folder that cannot be
     * written) is one line, {@code apricot: <what is wrong and the fix>}, with exit status 1;
     * anything else is a bug and shows its stack trace.
     */
    static CommandLine commandLine(Object command) {
        CommandLine cli = new CommandLine(command);
        cli.setParameterExceptionHandler((e, args) -> {
            CommandLine wrong = e.getCommandLine();
            PrintWriter err = wrong.getErr();
            err.println("apricot: " + e.getMessage());
            UnmatchedArgumentException.printSuggestions(e, err);
            String heading = wrong.getHelp().synopsisHeading();
            err.print(heading + wrong.getHelp().synopsis(heading.length()));
            err.println("Run `" + wrong.getCommandSpec().qualifiedName() + " --help` for what each option means.");
            return wrong.getCommandSpec().exitCodeOnInvalidInput();
        });
        cli.setExecutionExceptionHandler((e, commandLine, parsed) -> {
            if (e instanceof IOException || e instanceof InvalidMarkersException || e instanceof InvalidNotebookException) {
                commandLine.getErr().println("apricot: " + e.getMessage());
                return commandLine.getCommandSpec().exitCodeOnExecutionException();
            }
            throw e;
        });
        return cli;
    }

    /** The notebooks directly in a folder, sorted by name. */
    public static List<Path> notebooksIn(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IOException(dir + " is not a folder of notebooks; pass the instructor's notebooks with --source DIR");
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".ipynb") && Files.isRegularFile(p)).sorted().toList();
        }
    }

    /** Reads and validates every notebook in the folder; all problems are reported together. */
    public static List<Lesson> lessons(Path source) throws IOException, InvalidMarkersException, InvalidNotebookException {
        List<Lesson> lessons = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (Path file : notebooksIn(source)) {
            try {
                lessons.add(Lesson.of(Notebook.read(file)));
            } catch (InvalidMarkersException e) {
                problems.addAll(e.problems());
            } catch (InvalidNotebookException e) {
                problems.add(e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidMarkersException(problems);
        }
        return lessons;
    }

    /** Writes the release of every notebook in {@code source} into {@code out}; returns the files written. */
    public static List<Path> release(Path source, Path out) throws IOException, InvalidMarkersException, InvalidNotebookException {
        List<Lesson> lessons = lessons(source);
        if (lessons.isEmpty()) {
            throw new IOException("No notebooks (*.ipynb) in " + source + "; pass the instructor's notebooks with --source DIR");
        }
        if (Files.isDirectory(out) && Files.isSameFile(out, source)) {
            throw new IOException("Refusing to release into " + source + " itself: that would overwrite the instructor's notebooks");
        }
        lessons.forEach(l -> l.warnings().forEach(w -> System.err.println("apricot: warning: " + w)));
        OutputFolder folder = OutputFolder.open(out, MANIFEST, "a release");
        List<Path> written = new ArrayList<>();
        for (Lesson lesson : lessons) {
            String name = Path.of(lesson.notebook().name()).getFileName().toString();
            written.add(folder.write(name, lesson.release().toJson()));
        }
        folder.finish();
        return written;
    }

    /** The Apricot checkout (system property apricot.home, set by src/bin/apricot), else the current folder. */
    static Path home() {
        String home = System.getProperty("apricot.home");
        return home == null || home.isBlank() ? Path.of("") : Path.of(home);
    }
}

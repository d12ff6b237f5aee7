package io.github.apricotcourse.grade;

import io.github.apricotcourse.grade.Lesson.InvalidMarkersException;
import io.github.apricotcourse.grade.Notebook.InvalidNotebookException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@code apricot release [--source DIR] [--out DIR]}: turns the instructor's notebooks into the
 * students' — solutions replaced by a stub that compiles and fails its check saying what to
 * implement, hidden tests removed, outputs cleared. The same notebooks always give the same bytes.
 * Every marker problem in every notebook is reported before anything is written.
 */
public final class Release {
    /** The manifest that marks a folder as a release (so a later release may replace it). */
    public static final String MANIFEST = ".apricot-release";

    private Release() {}

    public static void main(String[] args) {
        Path source = home().resolve("notebooks");
        Path out = home().resolve("target/release");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--source" -> source = Path.of(value(args, ++i, "--source"));
                case "--out" -> out = Path.of(value(args, ++i, "--out"));
                case "-h", "--help" -> {
                    System.out.println("usage: apricot release [--source DIR] [--out DIR]\n"
                            + "  Writes the student notebooks for every notebook in DIR (default notebooks/)\n"
                            + "  into the --out folder (default target/release/).");
                    return;
                }
                default -> exit("unknown option " + args[i] + "; usage: apricot release [--source DIR] [--out DIR]");
            }
        }
        try {
            List<Path> written = release(source, out);
            System.out.println("Released " + written.size() + " notebook(s) from " + source + " into " + out);
        } catch (IOException | InvalidMarkersException | InvalidNotebookException e) {
            exit(e.getMessage());
        }
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

    static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            exit(option + " needs a value");
        }
        return args[i];
    }

    static void exit(String message) {
        System.err.println("apricot: " + message);
        System.exit(2);
    }
}

package io.github.apricotcourse.grade;

import io.github.apricotcourse.grade.Lesson.InvalidMarkersException;
import io.github.apricotcourse.grade.Notebook.InvalidNotebookException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * {@code apricot grade SUBMISSION... [--out DIR] [--timeout SECONDS]}: grades students' notebooks
 * against the instructor's {@code notebooks/}. A submission is one notebook or a folder: a folder
 * of notebooks is one student (named after the folder), a folder of such folders is a class.
 *
 * <p>Each notebook runs in a fresh kernel with the instructor's checks put back
 * ({@link GradingNotebook}); its grade comes from the kernel's own record of the checks
 * ({@link Verdicts}). Submissions are only read. Writes a table per student to the console and
 * {@code report.txt}, {@code grades.csv}, {@code grades.json} and each executed notebook (feedback,
 * outputs cut to size) into the output folder.
 */
public final class Grade {
    /** The manifest that marks a folder as grades written by Apricot. */
    public static final String MANIFEST = ".apricot-grades";
    private static final Pattern SUSPICIOUS = Pattern.compile(
            "\\b(class|interface|record|enum)\\s+(io|Check|Score|CheckFailure|GradientCheck)\\b"
            + "|apricotcourse\\.check|\\btally\\b|APRICOT-|setAccessible");

    /** What to grade and how. */
    public record Options(List<Path> submissions, Path source, Path out, int timeoutSeconds, String kernel, int maxOutputChars) {}

    private Grade() {}

    public static void main(String[] args) {
        List<Path> submissions = new ArrayList<>();
        Path source = Release.home().resolve("notebooks");
        Path out = Release.home().resolve("target/grades");
        int timeout = 60;
        String kernel = "apricot";
        int maxOutput = 100_000;
        String usage = "usage: apricot grade SUBMISSION... [--out DIR] [--timeout SECONDS] [--source DIR] [--kernel NAME]";
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--out" -> out = Path.of(Release.value(args, ++i, "--out"));
                case "--source" -> source = Path.of(Release.value(args, ++i, "--source"));
                case "--kernel" -> kernel = Release.value(args, ++i, "--kernel");
                case "--timeout" -> timeout = positive(Release.value(args, ++i, "--timeout"), "--timeout");
                case "--max-output" -> maxOutput = positive(Release.value(args, ++i, "--max-output"), "--max-output");
                case "-h", "--help" -> {
                    System.out.println(usage + "\n  A SUBMISSION is a notebook, a student's folder of notebooks, or a folder of"
                            + " students' folders.\n  Checks come from --source (default notebooks/); results go to --out"
                            + " (default target/grades/).\n  --timeout is per cell, in seconds (default 60).");
                    return;
                }
                default -> {
                    if (args[i].startsWith("--")) {
                        Release.exit("unknown option " + args[i] + "; " + usage);
                    }
                    submissions.add(Path.of(args[i]));
                }
            }
        }
        if (submissions.isEmpty()) {
            Release.exit("nothing to grade; " + usage);
        }
        try {
            List<ExerciseResult> results = grade(new Options(submissions, source, out, timeout, kernel, maxOutput));
            int earned = results.stream().mapToInt(ExerciseResult::points).sum();
            int max = results.stream().mapToInt(ExerciseResult::maxPoints).sum();
            System.out.println("Graded " + results.stream().map(ExerciseResult::student).distinct().count() + " student(s): "
                    + earned + " of " + max + " points in all. Results in " + out.resolve("grades.csv") + " and "
                    + out.resolve("grades.json") + ".");
        } catch (IOException | InvalidMarkersException | InvalidNotebookException e) {
            Release.exit(e.getMessage());
        }
    }

    /** Grades every submission; prints each student's table as it is done. */
    public static List<ExerciseResult> grade(Options options) throws IOException, InvalidMarkersException, InvalidNotebookException {
        Map<String, Lesson> lessons = new LinkedHashMap<>();
        for (Lesson lesson : Release.lessons(options.source())) {
            lessons.put(Path.of(lesson.notebook().name()).getFileName().toString(), lesson);
        }
        if (lessons.isEmpty()) {
            throw new IOException("No notebooks (*.ipynb) in " + options.source() + "; pass the instructor's notebooks with --source DIR");
        }
        Map<String, List<Path>> students = students(options.submissions());
        Path work = Files.createTempDirectory("apricot-grade");
        NotebookRunner runner = new NotebookRunner(options.kernel(), options.timeoutSeconds(), options.maxOutputChars(), work,
                options.source().toAbsolutePath());
        runner.requireKernel();
        OutputFolder out = OutputFolder.open(options.out(), MANIFEST, "grades");
        List<ExerciseResult> all = new ArrayList<>();
        StringBuilder report = new StringBuilder();
        try {
            for (Map.Entry<String, List<Path>> student : students.entrySet()) {
                List<ExerciseResult> rows = new ArrayList<>();
                List<String> reviews = new ArrayList<>();
                for (Path file : student.getValue()) {
                    rows.addAll(gradeNotebook(student.getKey(), file, lessons, runner, options, out, reviews));
                }
                String table = GradeReport.table(student.getKey(), rows);
                for (String r : reviews) {
                    table += "  review: " + r + "\n";
                }
                System.out.println(table);
                report.append(table).append('\n');
                all.addAll(rows);
            }
        } finally {
            out.write("report.txt", report.toString());
            out.write("grades.csv", GradeReport.csv(all));
            out.write("grades.json", GradeReport.json(all));
            out.finish();
            deleteTree(work);
        }
        return all;
    }

    /** Grades one notebook of one student; never throws for a bad notebook, it becomes a row. */
    private static List<ExerciseResult> gradeNotebook(String student, Path file, Map<String, Lesson> lessons,
            NotebookRunner runner, Options options, OutputFolder out, List<String> reviews) throws IOException {
        String name = file.getFileName().toString();
        Notebook submission;
        try {
            submission = Notebook.parse(name, new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
        } catch (InvalidNotebookException e) {
            Lesson lesson = lessons.get(name);
            return List.of(new ExerciseResult(student, name, "-", 0, lesson == null ? 0 : lesson.maxPoints(), false,
                    "not graded: " + e.getMessage()));
        }
        Lesson lesson = match(name, submission, lessons);
        if (lesson == null) {
            return List.of(new ExerciseResult(student, name, "-", 0, 0, false,
                    "not graded: not one of the course's notebooks (" + String.join(", ", lessons.keySet()) + ")"));
        }
        reviews.addAll(suspicious(submission));
        String nonce = HexFormat.of().formatHex(randomBytes());
        Notebook graded = GradingNotebook.assemble(lesson, submission, nonce);
        Notebook executed;
        try {
            executed = Notebook.parse(name, runner.run(graded, student.replaceAll("[^A-Za-z0-9_-]", "_") + "-" + name));
        } catch (IOException | InvalidNotebookException e) {
            List<ExerciseResult> rows = new ArrayList<>();
            for (Lesson.CheckCell c : lesson.checks()) {
                rows.add(new ExerciseResult(student, name, c.gradeId(), 0, c.points(), false, "not graded: " + e.getMessage()));
            }
            return rows;
        }
        try {
            out.write(safe(student) + "/" + name, feedback(executed).toJson());
        } catch (IOException e) {
            reviews.add(name + ": its feedback notebook was not written (" + e.getMessage() + ")");
        }
        return Verdicts.read(lesson, executed, nonce, student, name, options.timeoutSeconds());
    }

    /** The executed notebook without the grader's own cells: what the student may see. */
    static Notebook feedback(Notebook executed) {
        List<Cell> cells = new ArrayList<>();
        for (Cell c : executed.cells()) {
            Object role = c.apricotMetadata("role");
            if (!GradingNotebook.MARK.equals(role) && !GradingNotebook.VERDICT.equals(role) && !GradingNotebook.WARM_UP.equals(role)) {
                cells.add(c);
            }
        }
        return executed.withCells(cells);
    }

    /** The lesson a submission belongs to: same file name, else the most grade_ids in common. */
    static Lesson match(String name, Notebook submission, Map<String, Lesson> lessons) {
        if (lessons.containsKey(name)) {
            return lessons.get(name);
        }
        Lesson best = null;
        long bestCommon = 0;
        for (Lesson lesson : lessons.values()) {
            long common = submission.cells().stream().map(Cell::gradeId).filter(id -> id != null && lesson.regions().containsKey(id)).count();
            if (common > bestCommon) {
                best = lesson;
                bestCommon = common;
            }
        }
        return best;
    }

    /** Lines of student code that reach for the grader's machinery: listed for a person to look at. */
    static List<String> suspicious(Notebook submission) {
        List<String> notes = new ArrayList<>();
        for (Cell c : submission.cells()) {
            if (!c.isCode() || c.isCheck()) {
                continue;
            }
            Matcher m = SUSPICIOUS.matcher(c.source());
            if (m.find()) {
                notes.add(c.where() + " mentions \"" + m.group() + "\" (the checks cannot be replaced, but have a look)");
            }
        }
        return notes;
    }

    /** Students and their notebooks: a notebook file, a folder of notebooks, or a folder of folders. */
    static Map<String, List<Path>> students(List<Path> submissions) throws IOException {
        Map<String, List<Path>> students = new TreeMap<>();
        for (Path s : submissions) {
            if (Files.isRegularFile(s)) {
                Path parent = s.toAbsolutePath().getParent();
                String student = parent == null || parent.getFileName() == null ? "student" : parent.getFileName().toString();
                students.computeIfAbsent(student, k -> new ArrayList<>()).add(s);
            } else if (Files.isDirectory(s)) {
                List<Path> notebooks = notebooks(s);
                if (!notebooks.isEmpty()) {
                    students.computeIfAbsent(s.toAbsolutePath().normalize().getFileName().toString(), k -> new ArrayList<>()).addAll(notebooks);
                } else {
                    try (Stream<Path> dirs = Files.list(s)) {
                        for (Path d : dirs.filter(Files::isDirectory).sorted().toList()) {
                            List<Path> nbs = notebooks(d);
                            if (!nbs.isEmpty()) {
                                students.computeIfAbsent(d.getFileName().toString(), k -> new ArrayList<>()).addAll(nbs);
                            }
                        }
                    }
                }
            } else {
                throw new IOException(s + " does not exist; pass a notebook, a student's folder or a folder of students' folders");
            }
        }
        if (students.isEmpty()) {
            throw new IOException("No notebooks (*.ipynb) found in " + submissions);
        }
        return students;
    }

    private static List<Path> notebooks(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> Files.isRegularFile(p) && p.getFileName().toString().endsWith(".ipynb")
                    && !p.getFileName().toString().startsWith(".")).sorted().toList();
        }
    }

    private static byte[] randomBytes() {
        byte[] b = new byte[16];
        new SecureRandom().nextBytes(b);
        return b;
    }

    private static String safe(String student) {
        return student.replaceAll("[/\\\\]", "_");
    }

    private static int positive(String value, String option) {
        try {
            int v = Integer.parseInt(value);
            if (v > 0) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        Release.exit(option + " needs a whole number above 0, got \"" + value + "\"");
        return 0;
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}

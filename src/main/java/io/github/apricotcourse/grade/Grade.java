package io.github.apricotcourse.grade;

import io.github.apricotcourse.grade.Lesson.InvalidMarkersException;
import io.github.apricotcourse.grade.Notebook.InvalidNotebookException;
import io.github.apricotcourse.viz.ProgressBar;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Grades students' notebooks against the instructor's {@code notebooks/} ({@code apricot grade},
 * whose command line is {@link GradeCommand}). A submission is one notebook or a folder: a folder
 * of notebooks is one student (named after the folder), a folder of such folders is a class.
 * {@link #merge(List, Path)} combines the outputs of shards into one.
 *
 * <p>Each notebook runs in a fresh kernel, in a {@link Sandbox} of its own, with the instructor's
 * checks put back ({@link GradingNotebook}); its grade comes from the kernel's own record of the
 * checks, read at the places the grader put them ({@link Verdicts}). Submissions are only read;
 * symbolic links among them are refused. Up to {@code --jobs} kernels run at once. Writes a table
 * per student to the console and {@code report.txt}, {@code grades.csv}, {@code grades.json} and
 * each executed notebook (feedback without hidden tests, outputs cut to size) into the output
 * folder; the grades only once every kernel is gone.
 */
public final class Grade {
    /** The manifest that marks a folder as grades written by Apricot. */
    public static final String MANIFEST = ".apricot-grades";
    /** The first line of report.txt for a class graded without a sandbox. */
    static final String UNCONFINED = "WARNING: graded with --no-sandbox: the students' code ran unconfined, as the user "
            + "who graded, and could read or change anything that user can (these grades may be forged).";
    /** Lines of student code a person should look at: the grader's machinery, reflection, other processes. */
    private static final Pattern SUSPICIOUS = Pattern.compile(
            "\\b(class|interface|record|enum)\\s+(io|" + String.join("|", CheckNames.CLASSES.stream().map(Class::getSimpleName).toList())
            + ")\\b"
            + "|apricotcourse\\.check|\\btally\\b|APRICOT|setAccessible|getDeclared|MethodHandles|\\bUnsafe\\b"
            + "|forName|ProcessBuilder|Runtime\\.getRuntime|\\.ipynb|jdk\\.jshell|Definitions\\s*\\.\\s*(install|restore)");
    /** Each kernel's heap unless --memory says otherwise, in MB. */
    static final int DEFAULT_MEMORY_MB = 1024;

    /** What to grade and how; {@code shard} is {I, N} (grade the I-th of N slices of the class). */
    public record Options(List<Path> submissions, Path source, Path out, int timeoutSeconds, String kernel, int maxOutputChars,
            int memoryMb, int jobs, int[] shard, boolean sandboxed) {
        /** One kernel at a time, 1 GB each, the whole class, sandboxed. */
        public Options(List<Path> submissions, Path source, Path out, int timeoutSeconds, String kernel, int maxOutputChars) {
            this(submissions, source, out, timeoutSeconds, kernel, maxOutputChars, DEFAULT_MEMORY_MB, 1, new int[] {1, 1}, true);
        }
    }

    private Grade() {}

    /** As many kernels as there are cores, but no more than the memory holds (the kernel's heap and ~0.5 GB more each). */
    static int defaultJobs(int memoryMb) {
        long total = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getTotalMemorySize();
        long perKernel = (memoryMb + 512L) << 20;
        long fit = Math.max(1, (total - (1L << 30)) / perKernel);
        return (int) Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), fit));
    }

    /** Grades every submission (of this shard); prints each student's table once all are done. */
    public static List<ExerciseResult> grade(Options options) throws IOException, InvalidMarkersException, InvalidNotebookException {
        Map<String, Lesson> lessons = new LinkedHashMap<>();
        for (Lesson lesson : Release.lessons(options.source())) {
            lessons.put(Path.of(lesson.notebook().name()).getFileName().toString(), lesson);
        }
        if (lessons.isEmpty()) {
            throw new IOException("No notebooks (*.ipynb) in " + options.source() + "; pass the instructor's notebooks with --source DIR");
        }
        Map<String, List<Path>> students = shard(students(options.submissions()), options.shard());
        Path datasets = options.source().toAbsolutePath().normalize().resolveSibling("datasets");
        refuseOutInside(options.out(), datasets);
        Path work = Files.createTempDirectory("apricot-grade");
        OutputFolder out = null;
        Map<String, String> tables = new TreeMap<>();
        Map<String, List<ExerciseResult>> rows = new TreeMap<>();
        try {
            NotebookRunner runner = new NotebookRunner(options.kernel(), options.timeoutSeconds(), options.maxOutputChars(),
                    options.memoryMb(), work, datasets, options.sandboxed());
            runner.requireKernel();
            out = OutputFolder.open(options.out(), MANIFEST, "grades");
            gradeAll(students, lessons, runner, options, out, tables, rows);
        } finally {
            // Every kernel has ended here (each run waits for its sandbox to be gone); only now the grades.
            if (out != null) {
                List<ExerciseResult> all = rows.values().stream().flatMap(List::stream).toList();
                writeGrades(out, tables.values(), all, options.sandboxed());
            }
            NotebookRunner.deleteTree(work);
        }
        tables.values().forEach(System.out::println);
        return rows.values().stream().flatMap(List::stream).toList();
    }

    /** "Grading", or "Grading shard 2/4": the progress bar's title. */
    private static String label(Options options) {
        return "Grading" + (options.shard()[1] > 1 ? " shard " + options.shard()[0] + "/" + options.shard()[1] : "");
    }

    /** "105 / 300 students". */
    private static String studentsDone(int done, int total) {
        return done + " / " + total + " students";
    }

    /** Grades the students, {@code options.jobs()} at a time, with a progress bar over students. */
    private static void gradeAll(Map<String, List<Path>> students, Map<String, Lesson> lessons, NotebookRunner runner, Options options,
            OutputFolder out, Map<String, String> tables, Map<String, List<ExerciseResult>> rows) throws IOException {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, options.jobs()));
        ProgressBar progress = new ProgressBar(label(options), System.err);
        AtomicInteger done = new AtomicInteger();
        List<Future<?>> futures = new ArrayList<>();
        progress.update(0, studentsDone(0, students.size()), students.isEmpty());
        for (Map.Entry<String, List<Path>> student : students.entrySet()) {
            futures.add(pool.submit(() -> {
                List<ExerciseResult> studentRows = new ArrayList<>();
                List<String> reviews = new ArrayList<>();
                for (Path file : student.getValue()) {
                    studentRows.addAll(gradeNotebook(student.getKey(), file, lessons, runner, options, out, reviews));
                }
                StringBuilder table = new StringBuilder(GradeReport.table(student.getKey(), studentRows));
                for (String r : reviews) {
                    table.append("  review: ").append(r).append('\n');
                }
                synchronized (rows) {
                    rows.put(student.getKey(), studentRows);
                    tables.put(student.getKey(), table.toString());
                    int n = done.incrementAndGet();
                    progress.update((double) n / students.size(), studentsDone(n, students.size()), n == students.size());
                }
                return null;
            }));
        }
        pool.shutdown();
        try {
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while grading");
        } catch (ExecutionException e) {
            pool.shutdownNow();
            throw e.getCause() instanceof IOException io ? io : new IOException("grading failed: " + e.getCause(), e.getCause());
        } finally {
            try {
                pool.awaitTermination(1, TimeUnit.HOURS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** report.txt, grades.csv, grades.json and the manifest: the same bytes for the same rows, sharded or not. */
    private static void writeGrades(OutputFolder out, Collection<String> tables, List<ExerciseResult> all, boolean sandboxed)
            throws IOException {
        out.write("report.txt", (sandboxed ? "" : UNCONFINED + "\n\n") + String.join("\n", tables) + (tables.isEmpty() ? "" : "\n"));
        out.write("grades.csv", GradeReport.csv(all));
        out.write("grades.json", GradeReport.json(all));
        out.finish();
    }

    /** --out must not be where a sandbox can read it (the course data is shown to every notebook). */
    private static void refuseOutInside(Path out, Path datasets) throws IOException {
        Path o = out.toAbsolutePath().normalize();
        List<Path> shown = new ArrayList<>(List.of(datasets));
        String data = System.getenv("APRICOT_DATA");
        if (data != null && !data.isBlank()) {
            shown.add(Path.of(data).toAbsolutePath().normalize());
        }
        for (Path p : shown) {
            if (o.startsWith(p)) {
                throw new IOException("--out " + out + " is inside " + p + ", which every student's notebook can read; choose "
                        + "another folder with --out");
            }
        }
    }

    /** The I-th of N slices of the class (students in name order, every N-th from the I-th). */
    static Map<String, List<Path>> shard(Map<String, List<Path>> students, int[] shard) {
        Map<String, List<Path>> slice = new TreeMap<>();
        int i = 0;
        for (Map.Entry<String, List<Path>> e : students.entrySet()) {
            if (i++ % shard[1] == shard[0] - 1) {
                slice.put(e.getKey(), e.getValue());
            }
        }
        return slice;
    }

    /** Merges shard outputs into {@code outDir}; returns every row, students in name order. */
    static List<ExerciseResult> merge(List<Path> shards, Path outDir) throws IOException {
        Map<String, List<ExerciseResult>> rows = new TreeMap<>();
        Map<String, String> tables = new TreeMap<>();
        Map<String, Path> from = new LinkedHashMap<>();
        boolean sandboxed = true;
        Map<String, byte[]> feedback = new TreeMap<>();
        for (Path shard : shards) {
            Set<String> files = OutputFolder.verified(shard, MANIFEST, "grades");
            if (!files.contains("grades.json") || !files.contains("report.txt")) {
                throw new IOException(shard + " has no grades.json or report.txt; pass the --out folders of `apricot grade --shard I/N`");
            }
            String report = Files.readString(shard.resolve("report.txt"), StandardCharsets.UTF_8);
            if (report.startsWith(UNCONFINED)) {
                sandboxed = false;
                report = report.substring(UNCONFINED.length()).stripLeading();
            }
            List<String> students = new ArrayList<>();
            for (ExerciseResult r : GradeReport.parseJson(Files.readString(shard.resolve("grades.json"), StandardCharsets.UTF_8),
                    shard.resolve("grades.json").toString())) {
                Path earlier = from.putIfAbsent(r.student(), shard);
                if (earlier != null && !earlier.equals(shard)) {
                    throw new IOException("student " + r.student() + " is graded in both " + earlier + " and " + shard
                            + "; merge the shards of one run (each with its own --shard I/N)");
                }
                if (!students.contains(r.student())) {
                    students.add(r.student());
                }
                rows.computeIfAbsent(r.student(), k -> new ArrayList<>()).add(r);
            }
            // report.txt holds a table per student (with the notes for review), separated by blank lines.
            for (String block : report.isEmpty() ? new String[0] : report.split("\n\n")) {
                String student = students.stream().filter(st -> block.startsWith(st + ": "))
                        .max(Comparator.comparingInt(String::length)).orElseThrow(() -> new IOException(shard.resolve("report.txt")
                                + " has a table for a student who is not in its grades.json; was it changed by hand?"));
                tables.put(student, block + "\n");
            }
            for (String f : files) {
                if (f.contains("/")) {
                    feedback.put(f, Files.readAllBytes(shard.resolve(f)));
                }
            }
        }
        OutputFolder out = OutputFolder.open(outDir, MANIFEST, "grades");
        for (Map.Entry<String, byte[]> f : feedback.entrySet()) {
            out.write(f.getKey(), new String(f.getValue(), StandardCharsets.UTF_8));
        }
        List<ExerciseResult> all = rows.values().stream().flatMap(List::stream).toList();
        writeGrades(out, tables.values(), all, sandboxed);
        return all;
    }

    /** Grades one notebook of one student; never throws for a bad notebook, it becomes a row. */
    private static List<ExerciseResult> gradeNotebook(String student, Path file, Map<String, Lesson> lessons,
            NotebookRunner runner, Options options, OutputFolder out, List<String> reviews) throws IOException {
        String name = file.getFileName().toString();
        Notebook submission;
        byte[] bytes;
        try {
            bytes = readRefusingLinks(file);
            submission = Notebook.parse(name, new String(bytes, StandardCharsets.UTF_8));
        } catch (InvalidNotebookException | IOException e) {
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
        GradingNotebook.Assembly assembly = GradingNotebook.assemble(lesson, submission, nonce);
        Notebook executed;
        try {
            executed = Notebook.parse(name, runner.run(assembly.notebook(), name, bytes));
            if (executed.json().get("metadata") instanceof Map<?, ?> meta && meta.get("apricot") instanceof Map<?, ?> notes
                    && notes.get("runner_error") != null) {
                throw new IOException("the notebook runner failed: " + notes.get("runner_error"));
            }
        } catch (IOException | InvalidNotebookException e) {
            List<ExerciseResult> rows = new ArrayList<>();
            for (Lesson.CheckCell c : lesson.checks()) {
                rows.add(new ExerciseResult(student, name, c.gradeId(), 0, c.points(), false, "not graded: " + e.getMessage()));
            }
            rows.addAll(Verdicts.forAHuman(lesson, submission, student, name));
            return rows;
        }
        List<ExerciseResult> results = new ArrayList<>(Verdicts.read(assembly, executed, student, name, options.timeoutSeconds(),
                memoryLimit(options.memoryMb())));
        results.addAll(Verdicts.forAHuman(lesson, submission, student, name));
        try {
            out.write(safe(student) + "/" + name, feedback(assembly, executed).toJson());
        } catch (IOException e) {
            reviews.add(name + ": its feedback notebook was not written (" + e.getMessage() + ")");
        }
        return results;
    }

    /** "1 GB", "512 MB": the kernel's heap limit as messages name it. */
    static String memoryLimit(int memoryMb) {
        return memoryMb % 1024 == 0 ? memoryMb / 1024 + " GB" : memoryMb + " MB";
    }

    /** The file's bytes, read without following a symbolic link (a link would show the student someone else's file). */
    static byte[] readRefusingLinks(Path file) throws IOException {
        if (Files.isSymbolicLink(file)) {
            throw new IOException(file.getFileName() + " is a symbolic link, not a notebook; submit the notebook file itself");
        }
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IOException(file.getFileName() + " cannot be read (" + e.getMessage() + "); submit the notebook file itself");
        }
    }

    /**
     * What the student may see: their own cells and each check's released part with its outputs,
     * as the release shows it (no hidden tests, no grader cells, no notes of the grader).
     */
    static Notebook feedback(GradingNotebook.Assembly assembly, Notebook executed) {
        Map<Integer, GradingNotebook.Placement> released = new LinkedHashMap<>();
        for (GradingNotebook.Placement p : assembly.placements().values()) {
            released.put(p.visible(), p);
        }
        List<Cell> cells = new ArrayList<>();
        for (int i = 0; i < executed.cells().size(); i++) {
            Cell c = executed.cells().get(i);
            if (released.containsKey(i)) {
                cells.add(c.withSource(Markers.withoutHiddenTests(released.get(i).check().cell().source())).withoutApricotMetadata());
            } else if (!assembly.isGraderCell(i)) {
                cells.add(c.withoutApricotMetadata());
            }
        }
        Notebook nb = executed.withCells(cells);
        if (nb.json().get("metadata") instanceof Map<?, ?> meta && meta.get("apricot") instanceof Map<?, ?> notes) {
            notes.keySet().retainAll(Set.of("kernel_peak_memory_mb"));   // what the kernel used; the runner's notes stay out
        }
        return nb;
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
                        // A student's folder that is a link may point anywhere: it is not a submission.
                        for (Path d : dirs.filter(d -> Files.isDirectory(d, LinkOption.NOFOLLOW_LINKS)).sorted().toList()) {
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

    /** The notebooks in a folder: its *.ipynb files, and links named so (refused when graded, with a message). */
    private static List<Path> notebooks(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) || Files.isSymbolicLink(p))
                    && p.getFileName().toString().endsWith(".ipynb") && !p.getFileName().toString().startsWith(".")).sorted().toList();
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
}

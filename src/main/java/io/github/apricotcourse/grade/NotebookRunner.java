package io.github.apricotcourse.grade;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a notebook in a fresh kernel through Debian's nbclient (a small Python driver shipped in
 * the jar, {@code execute_notebook.py}), with a time limit per cell. The Python is
 * {@code /usr/bin/python3} unless {@code APRICOT_PYTHON} names another; the kernel is found the way
 * Jupyter finds kernels (so {@code JUPYTER_PATH} may point at a private install).
 */
public final class NotebookRunner {
    private final String kernel;
    private final int timeoutSeconds;
    private final int maxOutputChars;
    private final Path workDir;
    private final Path driver;
    private final Path cwd;

    /**
     * A runner whose scratch files go to {@code workDir}; notebooks run in {@code cwd} (the
     * instructor's notebooks folder, so that relative paths such as ../datasets resolve as in class).
     */
    public NotebookRunner(String kernel, int timeoutSeconds, int maxOutputChars, Path workDir, Path cwd) throws IOException {
        this.cwd = cwd;
        this.kernel = kernel;
        this.timeoutSeconds = timeoutSeconds;
        this.maxOutputChars = maxOutputChars;
        this.workDir = Files.createDirectories(workDir);
        this.driver = workDir.resolve("execute_notebook.py");
        try (InputStream in = NotebookRunner.class.getResourceAsStream("execute_notebook.py")) {
            if (in == null) {
                throw new IOException("execute_notebook.py is missing from the Apricot jar; rebuild it with mvn package");
            }
            Files.write(driver, in.readAllBytes());
        }
    }

    /** The Python that has nbclient: APRICOT_PYTHON, else Debian's /usr/bin/python3, else python3. */
    static String python() {
        String p = System.getenv("APRICOT_PYTHON");
        if (p != null && !p.isBlank()) {
            return p;
        }
        return Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";
    }

    /** Fails with a clear message if the kernel is not installed or nbclient is missing. */
    public void requireKernel() throws IOException {
        String script = "import sys\n"
                + "try:\n  import nbclient\nexcept ImportError:\n  sys.exit('nbclient is missing: apt-get install python3-nbclient')\n"
                + "from jupyter_client.kernelspec import KernelSpecManager, NoSuchKernel\n"
                + "try:\n  KernelSpecManager().get_kernel_spec(sys.argv[1])\n"
                + "except NoSuchKernel:\n  sys.exit('no Jupyter kernel named ' + sys.argv[1])\n";
        Result r = exec(List.of(python(), "-c", script, kernel), 60);
        if (r.exit != 0) {
            throw new IOException("Cannot grade: " + r.output.strip() + ". Install it with: src/bin/apricot install-kernel "
                    + "(src/bin/apricot grade installs it into target/ by itself).");
        }
    }

    /**
     * Executes {@code notebook} (written to the work folder under {@code name}) and returns the
     * executed notebook's JSON text; every code cell has metadata.apricot.status.
     */
    public String run(Notebook notebook, String name) throws IOException {
        Path in = workDir.resolve(name + ".in.ipynb");
        Path out = workDir.resolve(name + ".out.ipynb");
        Files.deleteIfExists(out);
        notebook.write(in);
        long codeCells = notebook.cells().stream().filter(Cell::isCode).count();
        // Each cell may take the full timeout, and restarts replay the cells before: a generous bound.
        long limit = 180 + GradingNotebook.WARM_UP_SECONDS + 3 * codeCells * (long) timeoutSeconds;
        Result r = exec(List.of(python(), driver.toString(), in.toString(), out.toString(), "--kernel", kernel,
                "--timeout", Integer.toString(timeoutSeconds), "--max-output", Integer.toString(maxOutputChars),
                "--cwd", cwd.toString()), limit);
        if (!Files.isRegularFile(out)) {
            throw new IOException("the notebook runner failed (exit " + r.exit + "): " + tail(r.output));
        }
        return Files.readString(out, StandardCharsets.UTF_8);
    }

    private record Result(int exit, String output) {}

    private Result exec(List<String> command, long limitSeconds) throws IOException {
        Path log = Files.createTempFile(workDir, "runner", ".log");
        Process p = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            if (!p.waitFor(limitSeconds, TimeUnit.SECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                p.waitFor(10, TimeUnit.SECONDS);
                return new Result(-1, "stopped after " + limitSeconds + " s");
            }
        } catch (InterruptedException e) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running a notebook");
        }
        String output = new String(Files.readAllBytes(log), StandardCharsets.UTF_8);
        Files.delete(log);
        return new Result(p.exitValue(), output);
    }

    private static String tail(String s) {
        String t = s.strip();
        return t.length() > 2000 ? "…" + t.substring(t.length() - 2000) : t;
    }
}

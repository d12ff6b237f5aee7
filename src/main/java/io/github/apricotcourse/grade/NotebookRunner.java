package io.github.apricotcourse.grade;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Runs a notebook in a fresh kernel through Debian's nbclient (the course's one notebook driver,
 * {@code execute_notebook.py}, shipped in the jar; {@code apricot run-notebooks} uses it too), with
 * a time limit per cell and a heap limit for the kernel, each notebook in its own {@link Sandbox}
 * (or, if asked, unconfined).
 *
 * <p>The assembled notebook (hidden tests, the run's secret) goes to the driver on its standard
 * input and never touches a disk; the executed notebook comes back on its standard output, signed
 * with a key sent the same way, so that nothing a student's process writes into that pipe is taken
 * for it. The Python is {@code /usr/bin/python3} unless {@code APRICOT_PYTHON} names another; the
 * kernel is found the way Jupyter finds kernels (so {@code JUPYTER_PATH} may point at a private
 * install).
 */
public final class NotebookRunner {
    /** The most the driver may write back: an executed notebook is far smaller. */
    private static final int MAX_RESULT_BYTES = 256 << 20;
    private static final byte[] RESULT = "APRICOT-RESULT ".getBytes(StandardCharsets.US_ASCII);
    private final String kernel;
    private final int timeoutSeconds;
    private final int maxOutputChars;
    private final int memoryMb;
    private final Path workDir;
    private final Path driver;
    private final Path datasets;
    private final boolean sandboxed;
    private Sandbox sandbox;

    /**
     * A runner whose scratch files go to {@code workDir} (a private folder); each notebook runs in a
     * fresh folder of its own with only the student's notebook in it, and {@code datasets} (the
     * course's data, may be null) beside it as {@code ../datasets}. {@code memoryMb} bounds the
     * kernel's heap. Unless {@code sandboxed} is false, that folder is all the notebook sees.
     */
    public NotebookRunner(String kernel, int timeoutSeconds, int maxOutputChars, int memoryMb, Path workDir, Path datasets,
            boolean sandboxed) throws IOException {
        this.kernel = kernel;
        this.timeoutSeconds = timeoutSeconds;
        this.maxOutputChars = maxOutputChars;
        this.memoryMb = memoryMb;
        this.workDir = Files.createDirectories(workDir);
        this.datasets = datasets == null || !Files.isDirectory(datasets) ? null : datasets.toRealPath();
        this.sandboxed = sandboxed;
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

    /**
     * Fails with a clear message if the kernel is not installed, nbclient is missing, or (unless
     * unconfined) no sandbox can be made; learns what the sandbox must show (the kernel's folder,
     * the JDK, Python's own folders).
     */
    public void requireKernel() throws IOException {
        String script = "import json, os, shutil, sys\n"
                + "try:\n  import nbclient\nexcept ImportError:\n  sys.exit('nbclient is missing: apt-get install python3-nbclient')\n"
                + "from jupyter_client.kernelspec import KernelSpecManager, NoSuchKernel\n"
                + "try:\n  spec = KernelSpecManager().get_kernel_spec(sys.argv[1])\n"
                + "except NoSuchKernel:\n  sys.exit('no Jupyter kernel named ' + sys.argv[1])\n"
                + "real = os.path.realpath(spec.resource_dir)\n"
                + "java = os.path.realpath(shutil.which(spec.argv[0]) or spec.argv[0])\n"
                + "paths = [real, os.path.dirname(os.path.dirname(java))]\n"
                + "paths += [os.path.realpath(p) for p in [sys.prefix, sys.base_prefix] + sys.path if p and os.path.isdir(p)]\n"
                + "print(os.path.dirname(os.path.dirname(real)))\n"
                + "print('\\n'.join(sorted(set(paths))))\n";
        Result r = exec(List.of(python(), "-I", "-c", script, kernel));
        if (r.exit != 0) {
            throw new IOException("Cannot grade: " + r.output.strip() + ". Install it with: src/bin/apricot install-kernel "
                    + "(src/bin/apricot grade installs it into target/ by itself).");
        }
        if (!sandboxed) {
            return;
        }
        String bwrap = Sandbox.find();
        if (bwrap == null) {
            throw new IOException(Sandbox.unavailable("bubblewrap (bwrap) is not installed"));
        }
        List<String> lines = r.output.strip().lines().toList();
        List<Path> readOnly = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            readOnly.add(Path.of(line));
        }
        String data = System.getenv("APRICOT_DATA");
        Path dataFolder = data == null || data.isBlank() || !Files.isDirectory(Path.of(data)) ? null : Path.of(data).toRealPath();
        sandbox = new Sandbox(bwrap, readOnly, datasets, dataFolder, lines.get(0));
        Path trial = Files.createTempDirectory(workDir, "trial");
        try {
            // Inside, Jupyter must find the kernel and nbclient, as the driver will.
            sandbox.require(trial, driver, List.of(python(), "-I", "-c", "import nbclient, sys\n"
                    + "from jupyter_client.kernelspec import KernelSpecManager\nKernelSpecManager().get_kernel_spec(sys.argv[1])", kernel));
        } finally {
            deleteTree(trial);
        }
    }

    /**
     * Executes {@code notebook} and returns the executed notebook's JSON text; every code cell has
     * metadata.apricot.status. {@code submission} (the student's file as submitted, named
     * {@code fileName}) is the only file in the notebook's working folder.
     */
    public String run(Notebook notebook, String fileName, byte[] submission) throws IOException {
        if (sandboxed && sandbox == null) {
            throw new IllegalStateException("call requireKernel() before run()");
        }
        Path scratch = Files.createTempDirectory(workDir, "notebook");
        try {
            Path work = Files.createDirectories(scratch.resolve("notebooks"));
            Files.write(work.resolve(fileName), submission);
            if (!sandboxed && datasets != null) {
                Files.createSymbolicLink(scratch.resolve("datasets"), datasets);
            }
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            Map<String, Object> job = new LinkedHashMap<>();
            job.put("notebook", notebook.json());
            job.put("key", HexFormat.of().formatHex(key));
            job.put("kernel", kernel);
            job.put("timeout", new NotebookJson.JsonNumber(Integer.toString(timeoutSeconds)));
            job.put("max_output", new NotebookJson.JsonNumber(Integer.toString(maxOutputChars)));
            job.put("memory_mb", new NotebookJson.JsonNumber(Integer.toString(memoryMb)));
            job.put("cwd", sandboxed ? Sandbox.WORK : work.toString());
            job.put("sandboxed", sandboxed);
            List<String> inside = List.of(python(), "-I", sandboxed ? Sandbox.DRIVER : driver.toString());
            ProcessBuilder pb = new ProcessBuilder(sandboxed ? sandbox.command(work, driver, inside) : inside);
            if (!sandboxed) {
                pb.directory(work.toFile());
            }
            long codeCells = notebook.cells().stream().filter(Cell::isCode).count();
            // Each cell may take the full timeout, and restarts replay the cells before: a generous bound.
            long limit = 180 + GradingNotebook.WARM_UP_SECONDS + 3 * codeCells * (long) timeoutSeconds;
            Result r = exec(pb, NotebookJson.write(job).getBytes(StandardCharsets.UTF_8), limit);
            String result = signed(r.stdout, key);
            if (result == null) {
                throw new IOException("the notebook runner failed (exit " + r.exit + "): " + tail(r.output));
            }
            return result;
        } finally {
            deleteTree(scratch);
        }
    }

    /** The payload of the first result line signed with {@code key}, or null. */
    static String signed(byte[] out, byte[] key) {
        for (int i = indexOf(out, RESULT, 0); i >= 0; i = indexOf(out, RESULT, i + 1)) {
            int nl = indexOf(out, new byte[] {'\n'}, i);
            if (nl < 0) {
                return null;
            }
            String[] header = new String(out, i + RESULT.length, nl - i - RESULT.length, StandardCharsets.US_ASCII).split(" ");
            if (header.length != 2 || !header[1].matches("\\d{1,10}")) {
                continue;
            }
            long length = Long.parseLong(header[1]);
            if (nl + 1 + length > out.length) {
                continue;
            }
            byte[] payload = java.util.Arrays.copyOfRange(out, nl + 1, nl + 1 + (int) length);
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(key, "HmacSHA256"));
                byte[] expected = mac.doFinal(payload);
                if (header[0].matches("[0-9a-f]{64}") && MessageDigest.isEqual(expected, HexFormat.of().parseHex(header[0]))) {
                    return new String(payload, StandardCharsets.UTF_8);
                }
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HmacSHA256 is part of every Java 17", e);
            }
        }
        return null;
    }

    private static int indexOf(byte[] haystack, byte[] needle, int from) {
        outer:
        for (int i = Math.max(from, 0); i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private record Result(int exit, byte[] stdout, String output) {}

    private Result exec(List<String> command) throws IOException {
        Result r = exec(new ProcessBuilder(command), new byte[0], 60);
        return new Result(r.exit, r.stdout, new String(r.stdout, StandardCharsets.UTF_8) + r.output);
    }

    /**
     * Runs the process with {@code input} on its standard input; keeps its standard output (up to
     * {@link #MAX_RESULT_BYTES}) and the end of its standard error, both in memory. Kills it and
     * everything it started after {@code limitSeconds}, and returns only when all of them are gone.
     */
    private Result exec(ProcessBuilder pb, byte[] input, long limitSeconds) throws IOException {
        Process p = pb.start();
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        Thread outReader = drain(p.getInputStream(), stdout, MAX_RESULT_BYTES, false);
        Thread errReader = drain(p.getErrorStream(), stderr, 16_384, true);
        try (OutputStream in = p.getOutputStream()) {
            in.write(input);
        } catch (IOException e) {
            // the process ended before reading its job; its exit and error output say why
        }
        int exit;
        try {
            if (p.waitFor(limitSeconds, TimeUnit.SECONDS)) {
                exit = p.exitValue();
            } else {
                exit = -1;
                synchronized (stderr) {
                    stderr.writeBytes(("\nstopped after " + limitSeconds + " s").getBytes(StandardCharsets.UTF_8));
                }
            }
            killTree(p);
            // Its output ends when the last process holding the pipe has ended. Outside a sandbox, a
            // process a notebook started in a session of its own may hold it for ever: wait a little only.
            outReader.join(sandboxed ? 60_000 : 10_000);
            errReader.join(10_000);
        } catch (InterruptedException e) {
            killTree(p);
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running a notebook");
        }
        synchronized (stdout) {
            synchronized (stderr) {
                return new Result(exit, stdout.toByteArray(), stderr.toString(StandardCharsets.UTF_8));
            }
        }
    }

    /** Kills the process and all its descendants, and waits until every one of them has ended. */
    static void killTree(Process p) {
        List<ProcessHandle> all = new ArrayList<>(p.descendants().toList());
        all.add(p.toHandle());
        all.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle h : all) {
            try {
                h.onExit().get(30, TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                // a process that will not die within 30 s of SIGKILL is the kernel's problem, not ours
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** A thread that reads the stream to its end, keeping at most {@code max} bytes (the last ones if {@code tail}). */
    private static Thread drain(InputStream in, ByteArrayOutputStream into, int max, boolean tail) {
        Thread t = new Thread(() -> {
            byte[] buffer = new byte[65_536];
            try (in) {
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    synchronized (into) {
                        if (into.size() + n <= max) {
                            into.write(buffer, 0, n);
                        } else if (tail) {
                            byte[] kept = into.toByteArray();
                            into.reset();
                            int keep = Math.max(0, max - n);
                            into.write(kept, Math.max(0, kept.length - keep), Math.min(keep, kept.length));
                            into.write(buffer, Math.max(0, n - max), Math.min(n, max));
                        }
                    }
                }
            } catch (IOException e) {
                // the process was killed: what was read is all there is
            }
        }, "notebook-runner-output");
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static String tail(String s) {
        String t = s.strip();
        return t.length() > 2000 ? "…" + t.substring(t.length() - 2000) : t;
    }

    /** Deletes a folder and everything in it, even folders a notebook made unreadable; never follows links. */
    static void deleteTree(Path path) throws IOException {
        if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
            File dir = path.toFile();
            dir.setReadable(true, true);
            dir.setWritable(true, true);
            dir.setExecutable(true, true);
            try (Stream<Path> children = Files.list(path)) {
                for (Path child : children.toList()) {
                    deleteTree(child);
                }
            }
        }
        Files.deleteIfExists(path);
    }
}

package io.github.apricotcourse.grade;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The box one submission's notebook runs in: bubblewrap ({@code bwrap}, Debian's package
 * bubblewrap), which needs no daemon and no root, only Linux user namespaces.
 *
 * <p>Inside, the kernel and the notebook driver see the system's programs and libraries
 * ({@code /usr}, a few files of {@code /etc}), the kernel's jars, the driver, and the course data,
 * all read-only; a private working folder {@code /course/notebooks} holding only the student's own
 * notebook (the only place on disk it can write; {@code ../datasets} is the course's data, as in
 * class) and a small private {@code /tmp}. Nothing else of the machine exists in there: not the
 * course repository, not the instructor's notebooks, not the grader's temporary files, not
 * {@code --out}, not other students. It has its own user (uid 1000, no capabilities), its own
 * process ids (its processes are killed together when it ends, or when the grader dies), its own
 * network with only a loopback, and a new session (no terminal to write into).
 */
final class Sandbox {
    /** The student's working folder inside the sandbox. */
    static final String WORK = "/course/notebooks";
    /** The course data inside the sandbox, beside the working folder. */
    static final String DATASETS = "/course/datasets";
    /** The notebook driver inside the sandbox. */
    static final String DRIVER = "/apricot/execute_notebook.py";
    /** Size of the sandbox's private /tmp, in bytes. */
    static final long TMP_BYTES = 256L << 20;
    private static final List<String> ETC = List.of("/etc/alternatives", "/etc/ld.so.cache", "/etc/ld.so.conf",
            "/etc/ld.so.conf.d", "/etc/localtime", "/etc/java-17-openjdk", "/etc/java-21-openjdk", "/etc/fonts",
            "/etc/hosts", "/etc/nsswitch.conf");
    private static final List<String> TOP_LEVEL = List.of("/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32");

    private final String bwrap;
    private final List<Path> readOnly;
    private final Path datasets;
    private final Path dataFolder;
    private final String jupyterPath;

    /**
     * A sandbox that shows {@code readOnly} (the kernel's folder, the JDK and Python if they are not
     * under /usr) at their own paths, {@code datasets} (may be null) as {@code ../datasets} and the
     * local data folder {@code dataFolder} (APRICOT_DATA, may be null) at its own path; Jupyter
     * looks for the kernel in {@code jupyterPath}.
     */
    Sandbox(String bwrap, List<Path> readOnly, Path datasets, Path dataFolder, String jupyterPath) {
        this.jupyterPath = jupyterPath;
        this.bwrap = bwrap;
        this.readOnly = List.copyOf(readOnly);
        this.datasets = datasets;
        this.dataFolder = dataFolder;
    }

    /** The bwrap on PATH, or null. */
    static String find() {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            Path p = Path.of(dir.isEmpty() ? "." : dir, "bwrap");
            if (Files.isExecutable(p)) {
                return p.toString();
            }
        }
        return null;
    }

    /**
     * Fails, naming the fix, unless bubblewrap can make this sandbox here (it may be missing, or the
     * system may forbid user namespaces, as some containers and hardened kernels do) and the
     * {@code trial} command succeeds in it.
     */
    void require(Path scratch, Path driverOnHost, List<String> trial) throws IOException {
        List<String> command = command(scratch, driverOnHost, trial);
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output;
        try {
            output = new String(p.getInputStream().readAllBytes()).strip();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                output = "bwrap did not finish within 60 s";
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while trying the sandbox");
        }
        if (p.exitValue() != 0) {
            throw new IOException(unavailable("bubblewrap cannot make a sandbox here: " + output));
        }
    }

    /** The message for a machine without a usable sandbox. */
    static String unavailable(String why) {
        return "Cannot grade safely: " + why + ". Students' code must not run as you, with your files. Fix: install "
                + "bubblewrap (apt-get install bubblewrap) and allow unprivileged user namespaces (on older Debian: "
                + "sysctl -w kernel.unprivileged_userns_clone=1; in Docker: --security-opt seccomp=unconfined), or, "
                + "for notebooks you trust, grade unconfined with --no-sandbox";
    }

    /** The bwrap command that runs {@code inside} in a sandbox whose working folder is {@code scratch}. */
    List<String> command(Path scratch, Path driverOnHost, List<String> inside) {
        List<String> c = new ArrayList<>(List.of(bwrap, "--unshare-all", "--unshare-user", "--disable-userns",
                "--uid", "1000", "--gid", "1000", "--cap-drop", "ALL", "--die-with-parent", "--new-session",
                "--clearenv", "--ro-bind", "/usr", "/usr"));
        for (String top : TOP_LEVEL) {
            Path p = Path.of(top);
            if (Files.isSymbolicLink(p)) {
                try {
                    c.addAll(List.of("--symlink", Files.readSymbolicLink(p).toString(), top));
                } catch (IOException e) {
                    // an unreadable link is left out: the sandbox has no such folder
                }
            } else if (Files.isDirectory(p)) {
                c.addAll(List.of("--ro-bind", top, top));
            }
        }
        for (String etc : ETC) {
            if (Files.exists(Path.of(etc))) {
                c.addAll(List.of("--ro-bind", etc, etc));
            }
        }
        // The private /tmp first: what is bound below may live under the machine's /tmp.
        c.addAll(List.of("--proc", "/proc", "--dev", "/dev", "--size", Long.toString(TMP_BYTES), "--tmpfs", "/tmp"));
        for (Path p : readOnly) {
            if (!p.startsWith("/usr")) {
                c.addAll(List.of("--ro-bind", p.toString(), p.toString()));
            }
        }
        c.addAll(List.of("--bind", scratch.toString(), WORK, "--ro-bind", driverOnHost.toString(), DRIVER));
        if (datasets != null) {
            c.addAll(List.of("--ro-bind", datasets.toString(), DATASETS));
        }
        if (dataFolder != null) {
            c.addAll(List.of("--ro-bind", dataFolder.toString(), dataFolder.toString(), "--setenv", "APRICOT_DATA", dataFolder.toString()));
        }
        c.addAll(List.of("--setenv", "PATH", "/usr/local/bin:/usr/bin:/bin", "--setenv", "HOME", "/tmp",
                "--setenv", "LANG", "C.UTF-8", "--setenv", "JUPYTER_RUNTIME_DIR", "/tmp/jupyter-runtime",
                "--setenv", "APRICOT_CACHE", "/tmp/apricot-cache", "--setenv", "JUPYTER_PATH", jupyterPath, "--chdir", WORK));
        c.addAll(inside);
        return c;
    }
}

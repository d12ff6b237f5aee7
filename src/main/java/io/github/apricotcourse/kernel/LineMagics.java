package io.github.apricotcourse.kernel;

import io.github.spencerpark.jupyter.kernel.util.GlobFinder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * IJava's line magics:
 * <ul>
 *   <li>{@code %jars GLOB...}: add jar files to the classpath;</li>
 *   <li>{@code %classpath GLOB...}: add jars or class folders to the classpath;</li>
 *   <li>{@code %maven GROUP:ARTIFACT:VERSION...}: add Maven artifacts and their dependencies
 *       (see {@link MavenResolver});</li>
 *   <li>{@code %load FILE}: run a JShell script ({@code .jsh}, {@code .jshell}, {@code .java}).</li>
 * </ul>
 * Relative paths are resolved against the kernel's working directory (the notebook's folder).
 */
final class LineMagics {

    static final List<String> NAMES = List.of("%jars", "%classpath", "%maven", "%load");
    private static final List<String> SCRIPT_EXTENSIONS = List.of(".jsh", ".jshell", ".java");

    /** Runs a script's text as a cell would. */
    @FunctionalInterface
    interface ScriptRunner {
        void run(String script) throws Exception;
    }

    private final Consumer<String> addToClasspath;
    private final MavenResolver maven;
    private final ScriptRunner scripts;

    LineMagics(Consumer<String> addToClasspath, MavenResolver maven, ScriptRunner scripts) {
        this.addToClasspath = addToClasspath;
        this.maven = maven;
        this.scripts = scripts;
    }

    /** Runs one magic. */
    void run(CellParts.Magic magic) throws Exception {
        switch (magic.name()) {
            case "jars" -> addAll(magic, true);
            case "classpath" -> addAll(magic, false);
            case "maven" -> {
                requireArgs(magic, "GROUP:ARTIFACT:VERSION...");
                maven.resolve(magic.args()).forEach(addToClasspath);
            }
            case "load" -> {
                requireArgs(magic, "FILE");
                for (String arg : magic.args()) {
                    scripts.run(Files.readString(scriptFile(arg), StandardCharsets.UTF_8));
                }
            }
            default -> throw new CellError("Unknown line magic %" + magic.name() + " on cell line " + magic.line()
                    + ". Fix: use one of " + String.join(", ", NAMES) + ".");
        }
    }

    private void addAll(CellParts.Magic magic, boolean jarsOnly) throws CellError {
        requireArgs(magic, "PATH-OR-GLOB...");
        List<String> found = new ArrayList<>();
        for (String glob : magic.args()) {
            List<String> matches = matching(glob, jarsOnly);
            if (matches.isEmpty()) {
                throw new CellError("%" + magic.name() + ": nothing matches '" + glob + "' (looked in "
                        + Paths.get("").toAbsolutePath() + "). Fix: check the path; relative paths start at the "
                        + "notebook's folder.");
            }
            found.addAll(matches);
        }
        found.forEach(addToClasspath);
    }

    private static List<String> matching(String glob, boolean jarsOnly) throws CellError {
        List<String> paths = new ArrayList<>();
        try {
            GlobFinder finder = new GlobFinder(glob);
            for (Path p : jarsOnly ? finder.computeMatchingFiles() : finder.computeMatchingPaths()) {
                paths.add(p.toAbsolutePath().toString());
            }
        } catch (IOException e) {
            throw new CellError("Could not list the files matching '" + glob + "': " + e.getMessage());
        }
        return paths;
    }

    /** The script {@code name} names, trying the usual extensions when it has none. */
    static Path scriptFile(String name) throws CellError {
        Path path = Paths.get(name);
        if (Files.isRegularFile(path)) {
            return path;
        }
        for (String ext : SCRIPT_EXTENSIONS) {
            Path withExt = Paths.get(name + ext);
            if (Files.isRegularFile(withExt)) {
                return withExt;
            }
        }
        throw new CellError("%load: no file '" + name + "' (also tried " + String.join(", ", SCRIPT_EXTENSIONS)
                + ") in " + Paths.get("").toAbsolutePath() + ". Fix: check the path.");
    }

    private static void requireArgs(CellParts.Magic magic, String usage) throws CellError {
        if (magic.args().isEmpty()) {
            throw new CellError("%" + magic.name() + " needs arguments on cell line " + magic.line()
                    + ". Usage: %" + magic.name() + " " + usage);
        }
    }
}

package io.github.apricotcourse.grade;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * A folder that Apricot writes into (a release or grades), guarded so that nothing a person made
 * is overwritten: it must be new, empty, or hold a previous output of the same kind. A previous
 * output is recognised by its manifest file, which lists every file written with its SHA-256; those
 * files are replaced only if nobody changed them since.
 */
public final class OutputFolder {
    private final Path dir;
    private final String manifestName;
    private final List<Path> written = new ArrayList<>();

    private OutputFolder(Path dir, String manifestName) {
        this.dir = dir;
        this.manifestName = manifestName;
    }

    /**
     * Opens {@code dir} for writing, removing the files of a previous output.
     *
     * @param what what the folder holds, for messages ("a release", "grades")
     * @throws IOException with a message naming the folder and what to do if it may not be used
     */
    public static OutputFolder open(Path dir, String manifestName, String what) throws IOException {
        OutputFolder folder = new OutputFolder(dir, manifestName);
        Path manifest = dir.resolve(manifestName);
        if (Files.isDirectory(dir) && !isEmpty(dir)) {
            if (!Files.isRegularFile(manifest)) {
                throw new IOException("Refusing to write into " + dir + ": it is not empty and does not hold " + what
                        + " written by Apricot (no " + manifestName + " file). Choose a new or empty folder with --out.");
            }
            List<String> changed = new ArrayList<>();
            List<Path> previous = new ArrayList<>();
            for (Map.Entry<String, String> entry : entries(dir, manifest).entrySet()) {
                Path file = dir.resolve(entry.getKey()).normalize();
                if (Files.isRegularFile(file)) {
                    if (!sha256(file).equals(entry.getValue())) {
                        changed.add(dir.relativize(file).toString());
                    }
                    previous.add(file);
                }
            }
            if (!changed.isEmpty()) {
                throw new IOException("Refusing to replace " + what + " in " + dir + ": these files changed since Apricot wrote them: "
                        + String.join(", ", changed) + ". Move them away or choose another folder with --out.");
            }
            for (Path file : previous) {
                Files.delete(file);
            }
            Files.delete(manifest);
        } else if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new IOException(dir + " is a file, not a folder; choose a folder with --out");
        }
        Files.createDirectories(dir);
        return folder;
    }

    public Path dir() {
        return dir;
    }

    /** Writes a file (UTF-8) at a path relative to the folder and remembers it for the manifest. */
    public synchronized Path write(String relative, String content) throws IOException {
        Path file = dir.resolve(relative).normalize();
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        if (Files.exists(file)) {
            throw new IOException("Refusing to overwrite " + file + ": it was not written by Apricot");
        }
        Files.writeString(file, content, StandardCharsets.UTF_8);
        written.add(file);
        return file;
    }

    /** Writes the manifest: one line per file written, "sha256  relative/path", sorted by path. */
    public synchronized void finish() throws IOException {
        List<String> lines = new ArrayList<>();
        for (Path file : written.stream().sorted().toList()) {
            lines.add(sha256(file) + "  " + dir.relativize(file).toString().replace('\\', '/'));
        }
        Files.write(dir.resolve(manifestName), lines, StandardCharsets.UTF_8);
    }

    /**
     * The files of an output written by Apricot, as its manifest lists them (relative paths), each
     * checked against its SHA-256; fails naming any file that is missing or changed.
     */
    static Set<String> verified(Path dir, String manifestName, String what) throws IOException {
        Path manifest = dir.resolve(manifestName);
        if (!Files.isRegularFile(manifest)) {
            throw new IOException(dir + " does not hold " + what + " written by Apricot (no " + manifestName + " file)");
        }
        Set<String> files = new TreeSet<>();
        List<String> changed = new ArrayList<>();
        for (Map.Entry<String, String> entry : entries(dir, manifest).entrySet()) {
            Path file = dir.resolve(entry.getKey()).normalize();
            if (Files.isSymbolicLink(file) || !Files.isRegularFile(file) || !sha256(file).equals(entry.getValue())) {
                changed.add(entry.getKey());
            }
            files.add(entry.getKey());
        }
        if (!changed.isEmpty()) {
            throw new IOException("In " + dir + " these files are missing or changed since Apricot wrote them: "
                    + String.join(", ", changed) + "; grade that shard again");
        }
        return files;
    }

    /** The manifest's lines ("sha256  relative/path") as path → SHA-256; fails if one names a file outside {@code dir}. */
    private static Map<String, String> entries(Path dir, Path manifest) throws IOException {
        Map<String, String> entries = new LinkedHashMap<>();
        for (String line : Files.readAllLines(manifest, StandardCharsets.UTF_8)) {
            int space = line.indexOf("  ");
            if (space < 0) {
                continue;
            }
            if (!dir.resolve(line.substring(space + 2)).normalize().startsWith(dir.normalize())) {
                throw new IOException(manifest + " names a file outside " + dir + " (" + line + "); delete the manifest by hand");
            }
            entries.put(line.substring(space + 2), line.substring(0, space));
        }
        return entries;
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isEmpty();
        }
    }

    static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

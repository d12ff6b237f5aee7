package io.github.apricotcourse.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LineMagicsTest {

    @TempDir
    Path dir;

    private final List<String> classpath = new ArrayList<>();
    private final List<String> scripts = new ArrayList<>();

    private LineMagics magics(String mavenCommand) {
        return new LineMagics(classpath::add, new MavenResolver(mavenCommand), scripts::add);
    }

    private static CellParts.Magic magic(String name, String... args) {
        return new CellParts.Magic(name, List.of(args), 1);
    }

    @Test
    void jarsAddsEveryJarTheGlobMatches() throws Exception {
        Files.createFile(dir.resolve("a.jar"));
        Files.createFile(dir.resolve("b.jar"));
        Files.createFile(dir.resolve("notes.txt"));
        magics("mvn").run(magic("jars", dir + "/*.jar"));
        assertEquals(Set.of(dir.resolve("a.jar").toString(), dir.resolve("b.jar").toString()), Set.copyOf(classpath));
    }

    @Test
    void jarsMatchingNothingIsAnErrorWithTheFolder() {
        CellError e = assertThrows(CellError.class, () -> magics("mvn").run(magic("jars", dir + "/missing*.jar")));
        assertTrue(e.getMessage().startsWith("%jars: nothing matches"), e.getMessage());
        assertTrue(e.getMessage().contains("Fix:"), e.getMessage());
    }

    @Test
    void classpathAcceptsFolders() throws Exception {
        Path classes = Files.createDirectory(dir.resolve("classes"));
        magics("mvn").run(magic("classpath", classes.toString()));
        assertEquals(List.of(classes.toString()), classpath);
    }

    @Test
    void loadFindsTheScriptWithoutItsExtension() throws Exception {
        Files.writeString(dir.resolve("helpers.jsh"), "int helper() { return 1; }");
        magics("mvn").run(magic("load", dir.resolve("helpers").toString()));
        assertEquals(List.of("int helper() { return 1; }"), scripts);
    }

    @Test
    void unknownMagicListsTheKnownOnes() {
        CellError e = assertThrows(CellError.class, () -> magics("mvn").run(magic("timeit")));
        assertEquals("Unknown line magic %timeit on cell line 1. Fix: use one of %jars, %classpath, %maven, %load.",
                e.getMessage());
    }

    @Test
    void mavenRejectsMalformedCoordinates() {
        CellError e = assertThrows(CellError.class, () -> magics("mvn").run(magic("maven", "ejml-simple")));
        assertTrue(e.getMessage().contains("'ejml-simple' is not a Maven coordinate"), e.getMessage());
    }

    @Test
    void mavenAddsWhatMavenResolved() throws Exception {
        Path fakeMaven = script("""
                #!/bin/sh
                for a in "$@"; do case "$a" in -Dmdep.outputFile=*) printf '/repo/a.jar:/repo/b.jar' > "${a#*=}";; esac; done
                """);
        magics(fakeMaven.toString()).run(magic("maven", "org.example:demo:1.0"));
        assertEquals(List.of("/repo/a.jar", "/repo/b.jar"), classpath);
    }

    @Test
    void mavenFailureNamesTheCoordinateAndTheFix() throws Exception {
        Path failingMaven = script("#!/bin/sh\necho '[ERROR] Could not find artifact org.example:missing:jar:9.9'\nexit 1\n");
        CellError e = assertThrows(CellError.class,
                () -> magics(failingMaven.toString()).run(magic("maven", "org.example:missing:9.9")));
        assertTrue(e.getMessage().startsWith("%maven could not resolve org.example:missing:9.9: not in the local Maven "
                + "repository"), e.getMessage());
        assertTrue(e.getMessage().contains("mvn dependency:get -Dartifact=org.example:missing:9.9"), e.getMessage());
        assertTrue(e.getMessage().contains("Could not find artifact"), e.getMessage());
    }

    @Test
    void mavenMissingIsExplained() {
        CellError e = assertThrows(CellError.class,
                () -> magics(dir.resolve("no-such-mvn").toString()).run(magic("maven", "org.example:demo:1.0")));
        assertTrue(e.getMessage().startsWith("%maven needs Apache Maven"), e.getMessage());
    }

    private Path script(String text) throws IOException {
        Path file = dir.resolve("fake-mvn-" + text.hashCode());
        Files.writeString(file, text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwx------"));
        return file;
    }
}

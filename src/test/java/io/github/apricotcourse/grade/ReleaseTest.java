package io.github.apricotcourse.grade;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReleaseTest {
    static final Path FIXTURES = Path.of("src/test/resources/grade/notebooks");

    @TempDir
    Path tmp;

    @Test
    void releasesEveryNotebookDeterministically() throws Exception {
        List<Path> first = Release.release(FIXTURES, tmp.resolve("a"));
        Release.release(FIXTURES, tmp.resolve("b"));
        assertEquals(List.of("01-demo.ipynb", "02-norm.ipynb"), first.stream().map(p -> p.getFileName().toString()).toList());
        for (Path p : first) {
            assertArrayEquals(Files.readAllBytes(p), Files.readAllBytes(tmp.resolve("b").resolve(p.getFileName())), p.toString());
        }
        String demo = Files.readString(tmp.resolve("a/01-demo.ipynb"));
        assertFalse(demo.contains("Math.exp(-z)"), "the solution is gone");
        assertFalse(demo.contains("sigmoid(-3)"), "the hidden test is gone");
        assertFalse(demo.contains("HIDDEN"));
        assertTrue(demo.contains("Exercise demo-sigmoid is not implemented yet: return 1 / (1 + e^(−z)), with Math.exp"));
        assertTrue(demo.contains("\"outputs\": []"));
    }

    @Test
    void aNewReleaseReplacesThePreviousOne() throws Exception {
        Path out = tmp.resolve("out");
        Release.release(FIXTURES, out);
        byte[] before = Files.readAllBytes(out.resolve("01-demo.ipynb"));
        Release.release(FIXTURES, out);
        assertArrayEquals(before, Files.readAllBytes(out.resolve("01-demo.ipynb")));
        assertTrue(Files.isRegularFile(out.resolve(Release.MANIFEST)));
    }

    @Test
    void refusesAFolderThatIsNotARelease() throws Exception {
        Path out = Files.createDirectories(tmp.resolve("mine"));
        Files.writeString(out.resolve("notes.txt"), "mine");
        IOException e = assertThrows(IOException.class, () -> Release.release(FIXTURES, out));
        assertTrue(e.getMessage().startsWith("Refusing to write into " + out + ": it is not empty"), e.getMessage());
        assertEquals("mine", Files.readString(out.resolve("notes.txt")));
        assertThrows(IOException.class, () -> Release.release(FIXTURES, FIXTURES));
    }

    @Test
    void refusesToReplaceAReleasedFileSomeoneChanged() throws Exception {
        Path out = tmp.resolve("out");
        Release.release(FIXTURES, out);
        Files.writeString(out.resolve("02-norm.ipynb"), "edited by hand");
        IOException e = assertThrows(IOException.class, () -> Release.release(FIXTURES, out));
        assertTrue(e.getMessage().contains("changed since Apricot wrote them: 02-norm.ipynb"), e.getMessage());
        assertEquals("edited by hand", Files.readString(out.resolve("02-norm.ipynb")));
    }

    @Test
    void writesNothingWhenAnyNotebookIsInvalid() throws Exception {
        Path src = Files.createDirectories(tmp.resolve("src"));
        Files.copy(FIXTURES.resolve("01-demo.ipynb"), src.resolve("01-demo.ipynb"));
        Files.writeString(src.resolve("02-broken.ipynb"), "{\"cells\": [");
        Exception e = assertThrows(Lesson.InvalidMarkersException.class, () -> Release.release(src, tmp.resolve("out")));
        assertTrue(e.getMessage().contains("02-broken.ipynb is not valid JSON at line 1"), e.getMessage());
        assertFalse(Files.exists(tmp.resolve("out")));
    }
}

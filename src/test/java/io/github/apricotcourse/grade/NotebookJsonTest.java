package io.github.apricotcourse.grade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.apricotcourse.grade.NotebookJson.MalformedJsonException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NotebookJsonTest {
    @Test
    void writesNotebooksByteForByteAsNbformatDoes() throws Exception {
        // The fixtures were written by nbformat.write: reading and writing them changes nothing.
        List<Path> fixtures = Release.notebooksIn(Path.of("src/test/resources/grade/notebooks"));
        assertTrue(fixtures.size() >= 2, "the nbformat-written fixtures are missing: " + fixtures);
        for (Path p : fixtures) {
            String original = Files.readString(p);
            assertEquals(original, NotebookJson.write(NotebookJson.parse(original)), p.toString());
        }
    }

    @Test
    void everyCommittedNotebookRoundTripsToTheSameBytes() throws Exception {
        // The lessons and the fixtures are written as nbformat writes: read and written back, not a byte changes.
        List<Path> all = new java.util.ArrayList<>(Release.notebooksIn(Path.of("notebooks")));
        all.addAll(Release.notebooksIn(Path.of("src/test/resources/grade/notebooks")));
        all.addAll(Release.notebooksIn(Path.of("src/test/resources/grade/honest")));
        assertTrue(all.size() >= 13, "the committed notebooks are missing: " + all);
        for (Path p : all) {
            byte[] original = Files.readAllBytes(p);
            String again = Notebook.read(p).toJson();
            assertEquals(new String(original, java.nio.charset.StandardCharsets.UTF_8), again, p.toString());
            assertTrue(java.util.Arrays.equals(original, again.getBytes(java.nio.charset.StandardCharsets.UTF_8)), p.toString());
        }
    }

    @Test
    void lineAndParagraphSeparatorsStayUnescapedAsInPython() throws Exception {
        // Gson alone would write \u2028; Python's json.dumps(ensure_ascii=False) writes the character itself.
        assertEquals("{\n \"a\": \"x\u2028y\u2029z\"\n}\n", NotebookJson.write(NotebookJson.parse("{\"a\": \"x\\u2028y\u2029z\"}")));
    }

    @Test
    void escapesAsPythonsJsonWithEnsureAsciiFalse() throws Exception {
        Object v = NotebookJson.parse("{\"b\": \"σ \\\"q\\\" \\\\ \\n\\t\\u0001 ✔\", \"a\": [1.50, -2e-3, true, null, {}, []]}");
        assertEquals("{\n \"a\": [\n  1.50,\n  -2e-3,\n  true,\n  null,\n  {},\n  []\n ],\n"
                + " \"b\": \"σ \\\"q\\\" \\\\ \\n\\t\\u0001 ✔\"\n}\n", NotebookJson.write(v));
    }

    @Test
    void keepsKeyOrderWhenReading() throws Exception {
        @SuppressWarnings("unchecked")
        Map<String, Object> m = (Map<String, Object>) NotebookJson.parse("{\"z\": 1, \"a\": 2}");
        assertEquals(List.of("z", "a"), List.copyOf(m.keySet()));
    }

    @Test
    void rejectsMalformedJsonSayingWhere() {
        MalformedJsonException e = assertThrows(MalformedJsonException.class, () -> NotebookJson.parse("{\n \"cells\": [1,]\n}"));
        // Gson counts the column just after the character it rejected (here the "]" after the comma).
        assertTrue(e.getMessage().startsWith("not valid JSON at line 2, column 15: not strict JSON (a trailing comma"), e.getMessage());
        assertThrows(MalformedJsonException.class, () -> NotebookJson.parse("{'a': 1}"));
        assertThrows(MalformedJsonException.class, () -> NotebookJson.parse("{\"a\": 1} x"));
        assertThrows(MalformedJsonException.class, () -> NotebookJson.parse("{\"a\": 01}"));
        assertThrows(MalformedJsonException.class, () -> NotebookJson.parse("\"open"));
        assertThrows(MalformedJsonException.class, () -> NotebookJson.parse(""));
    }
}

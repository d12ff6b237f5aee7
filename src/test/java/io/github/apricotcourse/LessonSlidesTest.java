package io.github.apricotcourse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Lecture mode in the lessons' cells: every cell has a slide type for {@code src/bin/apricot slides},
 * and instructor notes are marked the same way wherever they are.
 */
class LessonSlidesTest {

    static final Set<String> SLIDE_TYPES = Set.of("slide", "subslide", "fragment", "-", "skip", "notes");
    static final String NOTE = "**Instructor — predict, then run:**";

    static List<Path> lessons() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("notebooks"))) {
            return files.filter(p -> p.toString().endsWith(".ipynb") && !p.toString().endsWith(".nbconvert.ipynb"))
                    .sorted().toList();
        }
    }

    static List<JsonObject> cells(Path lesson) throws IOException {
        List<JsonObject> cells = new ArrayList<>();
        for (JsonElement cell : new Gson().fromJson(Files.readString(lesson), JsonObject.class).getAsJsonArray("cells")) {
            cells.add(cell.getAsJsonObject());
        }
        return cells;
    }

    static String source(JsonObject cell) {
        StringBuilder s = new StringBuilder();
        cell.getAsJsonArray("source").forEach(line -> s.append(line.getAsString()));
        return s.toString();
    }

    @Test
    void everyLessonCellHasASlideTypeAndEachLessonStartsASlide() throws IOException {
        assertFalse(lessons().isEmpty());
        for (Path lesson : lessons()) {
            List<JsonObject> cells = cells(lesson);
            for (int i = 0; i < cells.size(); i++) {
                JsonObject metadata = cells.get(i).getAsJsonObject("metadata");
                String where = lesson.getFileName() + " cell " + i + " has no slideshow.slide_type. Fix: "
                        + "/usr/bin/python3 src/bin/notebooks.py mark-slides " + lesson;
                assertTrue(metadata.has("slideshow") && metadata.getAsJsonObject("slideshow").has("slide_type"), where);
                String type = metadata.getAsJsonObject("slideshow").get("slide_type").getAsString();
                assertTrue(SLIDE_TYPES.contains(type), lesson.getFileName() + " cell " + i + ": unknown slide type " + type);
            }
            assertEquals("slide", cells.get(0).getAsJsonObject("metadata").getAsJsonObject("slideshow")
                    .get("slide_type").getAsString(), lesson.getFileName() + " opens with a slide");
        }
    }

    @Test
    void instructorNotesAreMarkdownMarkedInTheirMetadataAndOnTheirFirstLine() throws IOException {
        int notes = 0;
        for (Path lesson : lessons()) {
            for (JsonObject cell : cells(lesson)) {
                JsonObject metadata = cell.getAsJsonObject("metadata");
                boolean marked = metadata.has("apricot") && metadata.getAsJsonObject("apricot").has("instructor_note")
                        && metadata.getAsJsonObject("apricot").get("instructor_note").getAsBoolean();
                boolean titled = source(cell).startsWith(NOTE);
                assertEquals(marked, titled, lesson.getFileName() + ": an instructor note needs both the metadata "
                        + "apricot.instructor_note = true and a first line starting " + NOTE + ": " + source(cell));
                if (marked) {
                    assertEquals("markdown", cell.get("cell_type").getAsString());
                    notes++;
                }
            }
        }
        assertTrue(notes >= 2, "the lessons carry instructor notes, found " + notes);
    }
}

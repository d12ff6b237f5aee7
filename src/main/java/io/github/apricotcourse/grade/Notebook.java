package io.github.apricotcourse.grade;

import io.github.apricotcourse.grade.NotebookJson.MalformedJsonException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Jupyter notebook (nbformat 4) as read from a file: its JSON, and its cells in order.
 * Changes go to the JSON itself, so everything the notebook holds that Apricot does not know about
 * is written back untouched.
 */
public final class Notebook {
    private final String name;
    private final Map<String, Object> json;
    private final List<Cell> cells = new ArrayList<>();

    private Notebook(String name, Map<String, Object> json) throws InvalidNotebookException {
        this.name = name;
        this.json = json;
        if (!(json.get("cells") instanceof List<?> list)) {
            throw new InvalidNotebookException(name + " is not a Jupyter notebook: it has no \"cells\" list");
        }
        int index = 0;
        for (Object o : list) {
            index++;
            if (!(o instanceof Map<?, ?> m)) {
                throw new InvalidNotebookException(name + ", cell " + index + ": a cell must be a JSON object");
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> cellJson = (Map<String, Object>) m;
            cells.add(new Cell(this, index, cellJson));
        }
    }

    /** Reads a notebook; a file that is not valid notebook JSON gives a message naming the file and the place. */
    public static Notebook read(Path file) throws IOException, InvalidNotebookException {
        return parse(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
    }

    /** Parses notebook JSON; {@code name} is used in messages. */
    public static Notebook parse(String name, String text) throws InvalidNotebookException {
        Object value;
        try {
            value = NotebookJson.parse(text);
        } catch (MalformedJsonException e) {
            throw new InvalidNotebookException(name + " is " + e.getMessage());
        }
        if (!(value instanceof Map<?, ?> m)) {
            throw new InvalidNotebookException(name + " is not a Jupyter notebook: its JSON is not an object");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> json = (Map<String, Object>) m;
        return new Notebook(name, json);
    }

    /** A new notebook with the same top-level fields (metadata, nbformat) and the given cells. */
    public Notebook withCells(List<Cell> newCells) {
        Map<String, Object> copy = new LinkedHashMap<>(json);
        List<Object> list = new ArrayList<>();
        for (Cell c : newCells) {
            list.add(c.json());
        }
        copy.put("cells", list);
        try {
            return new Notebook(name, copy);
        } catch (InvalidNotebookException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The notebook's JSON object (changes to it change the notebook). */
    Map<String, Object> json() {
        return json;
    }

    /** The name used in messages (usually the path). */
    public String name() {
        return name;
    }

    public List<Cell> cells() {
        return cells;
    }

    /** The notebook in nbformat's layout. */
    public String toJson() {
        return NotebookJson.write(json);
    }

    /** Writes the notebook in nbformat's layout (UTF-8). */
    public void write(Path file) throws IOException {
        Files.writeString(file, toJson(), StandardCharsets.UTF_8);
    }

    /** A file that cannot be read as a notebook. */
    public static final class InvalidNotebookException extends Exception {
        private static final long serialVersionUID = 1L;

        public InvalidNotebookException(String message) {
            super(message);
        }
    }
}

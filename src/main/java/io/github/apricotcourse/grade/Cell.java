package io.github.apricotcourse.grade;

import io.github.apricotcourse.grade.NotebookJson.JsonNumber;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One cell of a {@link Notebook}, with what the grading markers need: its source as one string,
 * its nbgrader metadata, and its outputs.
 */
public final class Cell {
    private final Notebook notebook;
    private final int number;
    private final Map<String, Object> json;

    Cell(Notebook notebook, int number, Map<String, Object> json) {
        this.notebook = notebook;
        this.number = number;
        this.json = json;
    }

    /** The cell's 1-based position in its notebook, as a person counts cells. */
    public int number() {
        return number;
    }

    public Notebook notebook() {
        return notebook;
    }

    Map<String, Object> json() {
        return json;
    }

    public boolean isCode() {
        return "code".equals(json.get("cell_type"));
    }

    public String type() {
        return String.valueOf(json.get("cell_type"));
    }

    /** The source as one string (nbformat allows a string or a list of lines). */
    public String source() {
        Object s = json.get("source");
        if (s instanceof String str) {
            return str;
        }
        StringBuilder sb = new StringBuilder();
        if (s instanceof List<?> lines) {
            for (Object line : lines) {
                sb.append(line);
            }
        }
        return sb.toString();
    }

    /** A copy of this cell with another source, stored as a list of lines as nbformat writes it. */
    public Cell withSource(String source) {
        Map<String, Object> copy = deepCopy(json);
        copy.put("source", lines(source));
        return new Cell(notebook, number, copy);
    }

    /** A copy of this cell with no outputs and no execution count, its source as a list of lines. */
    public Cell cleared() {
        Map<String, Object> copy = deepCopy(json);
        copy.put("source", lines(source()));
        if (isCode()) {
            copy.put("outputs", new ArrayList<>());
            copy.put("execution_count", null);
        }
        return new Cell(notebook, number, copy);
    }

    /** The nbgrader metadata, if this cell has any. */
    public Optional<Map<String, Object>> nbgrader() {
        if (json.get("metadata") instanceof Map<?, ?> meta && meta.get("nbgrader") instanceof Map<?, ?> nb) {
            @SuppressWarnings("unchecked")
            Map<String, Object> m = (Map<String, Object>) nb;
            return Optional.of(m);
        }
        return Optional.empty();
    }

    /** The nbgrader grade_id, or null. */
    public String gradeId() {
        return nbgrader().map(m -> m.get("grade_id")).filter(String.class::isInstance).map(String.class::cast).orElse(null);
    }

    /** A solution cell: nbgrader {@code solution: true}. */
    public boolean isSolution() {
        return nbgrader().map(m -> Boolean.TRUE.equals(m.get("solution"))).orElse(false);
    }

    /** A check (autograder test) cell: nbgrader {@code grade: true}. */
    public boolean isCheck() {
        return nbgrader().map(m -> Boolean.TRUE.equals(m.get("grade"))).orElse(false);
    }

    /** A task cell, which a person grades as a whole: nbgrader {@code task: true}. */
    public boolean isTask() {
        return nbgrader().map(m -> Boolean.TRUE.equals(m.get("task"))).orElse(false);
    }

    /**
     * An answer or task a person grades: a markdown cell with nbgrader {@code solution: true,
     * grade: true} (the student writes the answer in it) or {@code task: true} (the cell states the task).
     */
    public boolean isManual() {
        return !isCode() && ((isSolution() && isCheck()) || isTask());
    }

    /** A locked cell: nbgrader {@code locked: true}. */
    public boolean isLocked() {
        return nbgrader().map(m -> Boolean.TRUE.equals(m.get("locked"))).orElse(false);
    }

    /** The points of a check cell, or null if it has none or they are not a whole number. */
    public Integer points() {
        Object p = nbgrader().map(m -> m.get("points")).orElse(null);
        if (p instanceof JsonNumber n && n.isInteger() && n.longValue() >= 0 && n.longValue() <= Integer.MAX_VALUE) {
            return (int) n.longValue();
        }
        return null;
    }

    /** The outputs of a code cell (empty for other cells). */
    public List<Map<String, Object>> outputs() {
        List<Map<String, Object>> result = new ArrayList<>();
        if (json.get("outputs") instanceof List<?> list) {
            for (Object o : list) {
                if (o instanceof Map<?, ?> m) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> out = (Map<String, Object>) m;
                    result.add(out);
                }
            }
        }
        return result;
    }

    /** A copy of this cell with an extra key in its {@code metadata.apricot} object. */
    public Cell withApricotMetadata(String key, Object value) {
        Map<String, Object> copy = deepCopy(json);
        @SuppressWarnings("unchecked")
        Map<String, Object> meta = (Map<String, Object>) copy.computeIfAbsent("metadata", k -> new LinkedHashMap<>());
        @SuppressWarnings("unchecked")
        Map<String, Object> apricot = (Map<String, Object>) meta.computeIfAbsent("apricot", k -> new LinkedHashMap<>());
        apricot.put(key, value);
        return new Cell(notebook, number, copy);
    }

    /**
     * A copy of this cell without a {@code metadata.apricot} object: the grader's own notes on a
     * cell (its role, its time limit) never come from a submission.
     */
    public Cell withoutApricotMetadata() {
        Map<String, Object> copy = deepCopy(json);
        if (copy.get("metadata") instanceof Map<?, ?> meta) {
            meta.remove("apricot");
        }
        return new Cell(notebook, number, copy);
    }

    /** A value from the cell's {@code metadata.apricot} object, or null. */
    public Object apricotMetadata(String key) {
        if (json.get("metadata") instanceof Map<?, ?> meta && meta.get("apricot") instanceof Map<?, ?> a) {
            return a.get(key);
        }
        return null;
    }

    /** "notebooks/01-x.ipynb, cell 7 (grade_id 01-x-check)": where this cell is, for messages. */
    public String where() {
        String id = gradeId();
        return notebook.name() + ", cell " + number + (id == null ? "" : " (grade_id " + id + ")");
    }

    /** A new code cell with the given source and metadata.apricot.role (used by the grader). */
    static Cell newCode(Notebook notebook, String source, String role) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("cell_type", "code");
        json.put("execution_count", null);
        Map<String, Object> meta = new LinkedHashMap<>();
        Map<String, Object> apricot = new LinkedHashMap<>();
        apricot.put("role", role);
        meta.put("apricot", apricot);
        json.put("metadata", meta);
        json.put("outputs", new ArrayList<>());
        json.put("source", lines(source));
        return new Cell(notebook, 0, json);
    }

    /**
     * Splits text into lines that keep their line ends, exactly as Python's
     * {@code str.splitlines(True)} does (which is how nbformat stores sources).
     */
    static List<Object> lines(String text) {
        List<Object> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean end = c == '\n' || c == '\r' || c == '\u000b' || c == '\u000c' || (c >= '\u001c' && c <= '\u001e')
                    || c == '\u0085' || c == '\u2028' || c == '\u2029';
            if (end) {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                lines.add(text.substring(start, i + 1));
                start = i + 1;
            }
        }
        if (start < text.length()) {
            lines.add(text.substring(start));
        }
        return lines;
    }

    @SuppressWarnings("unchecked")
    static <T> T deepCopy(T value) {
        if (value instanceof Map<?, ?> m) {
            Map<String, Object> copy = new LinkedHashMap<>();
            m.forEach((k, v) -> copy.put((String) k, deepCopy(v)));
            return (T) copy;
        }
        if (value instanceof List<?> l) {
            List<Object> copy = new ArrayList<>();
            l.forEach(v -> copy.add(deepCopy(v)));
            return (T) copy;
        }
        return value;
    }
}

package io.github.apricotcourse.grade;

import io.github.apricotcourse.grade.NotebookJson.JsonNumber;
import com.univocity.parsers.csv.CsvWriter;
import com.univocity.parsers.csv.CsvWriterSettings;
import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The grades of a class as a readable table per student, CSV and JSON. */
public final class GradeReport {
    private static final String[] HEADER = {"exercise", "points", "passed", "message"};

    private GradeReport() {}

    /**
     * One student's table: a row per check (exercise, points earned/possible, passed, message) and
     * the total, e.g.
     *
     * <pre>
     * alice: 3 of 5 points
     *   exercise            points  passed  message
     *   01-sigmoid-check    0/2     no      ✘ sigmoid(0): expected 0.5 (± 1e-12), got 0.0 (off by 0.5)
     * </pre>
     */
    public static String table(String student, List<ExerciseResult> rows) {
        List<String[]> cells = new ArrayList<>();
        cells.add(HEADER);
        String notebook = null;
        for (ExerciseResult r : rows) {
            if (!r.notebook().equals(notebook)) {
                notebook = r.notebook();
                cells.add(new String[] {notebook, "", "", ""});
            }
            cells.add(new String[] {"  " + r.exercise(), (r.needsHuman() ? "?" : r.points()) + "/" + r.maxPoints(),
                r.needsHuman() ? "human" : r.passed() ? "yes" : "no", r.message()});
        }
        int[] width = new int[3];
        for (String[] row : cells) {
            for (int i = 0; i < 3; i++) {
                width[i] = Math.max(width[i], row[i].length());
            }
        }
        StringBuilder sb = new StringBuilder(student + ": " + total(rows) + "\n");
        for (String[] row : cells) {
            StringBuilder line = new StringBuilder("  ");
            for (int i = 0; i < 3; i++) {
                line.append(row[i]).append(" ".repeat(width[i] - row[i].length() + 2));
            }
            sb.append(line.append(row[3]).toString().stripTrailing()).append('\n');
        }
        return sb.toString();
    }

    /**
     * "30 of 34 points", and for cells a person grades "; 3 answers (6 points) need a human": the
     * grader's points (checks only) and what is left for a person.
     */
    public static String total(List<ExerciseResult> rows) {
        int earned = rows.stream().filter(r -> !r.needsHuman()).mapToInt(ExerciseResult::points).sum();
        int max = rows.stream().filter(r -> !r.needsHuman()).mapToInt(ExerciseResult::maxPoints).sum();
        List<ExerciseResult> human = rows.stream().filter(ExerciseResult::needsHuman).toList();
        int humanPoints = human.stream().mapToInt(ExerciseResult::maxPoints).sum();
        return earned + " of " + max + " points" + (human.isEmpty() ? "" : "; " + human.size() + (human.size() == 1 ? " answer (" : " answers (")
                + humanPoints + (humanPoints == 1 ? " point) needs" : " points) need") + " a human");
    }

    /**
     * All rows as CSV (RFC 4180, CRLF line ends): student, notebook, exercise, points, max_points,
     * passed, message, needs_human. Written by univocity's CSV writer, the engine Tablesaw reads CSV with.
     */
    public static String csv(List<ExerciseResult> rows) {
        CsvWriterSettings settings = new CsvWriterSettings();
        settings.getFormat().setLineSeparator("\r\n");
        settings.setQuoteEscapingEnabled(true);
        StringWriter text = new StringWriter();
        CsvWriter writer = new CsvWriter(text, settings);
        writer.writeHeaders("student", "notebook", "exercise", "points", "max_points", "passed", "message", "needs_human");
        for (ExerciseResult r : rows) {
            writer.writeRow(r.student(), r.notebook(), r.exercise(), Integer.toString(r.points()),
                    Integer.toString(r.maxPoints()), Boolean.toString(r.passed()), r.message(), Boolean.toString(r.needsHuman()));
        }
        writer.close();
        return text.toString();
    }

    /**
     * All rows as JSON: {"students": {name: {"points", "max_points", "human_points", "results": [...]}}};
     * points and max_points are the checks', human_points those of the answers a person grades.
     */
    public static String json(List<ExerciseResult> rows) {
        Map<String, Object> students = new LinkedHashMap<>();
        for (ExerciseResult r : rows) {
            @SuppressWarnings("unchecked")
            Map<String, Object> s = (Map<String, Object>) students.computeIfAbsent(r.student(), k -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("points", 0L);
                m.put("max_points", 0L);
                m.put("human_points", 0L);
                m.put("results", new ArrayList<Object>());
                return m;
            });
            if (r.needsHuman()) {
                s.put("human_points", (Long) s.get("human_points") + r.maxPoints());
            } else {
                s.put("points", (Long) s.get("points") + r.points());
                s.put("max_points", (Long) s.get("max_points") + r.maxPoints());
            }
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("notebook", r.notebook());
            row.put("exercise", r.exercise());
            row.put("points", new JsonNumber(Integer.toString(r.points())));
            row.put("max_points", new JsonNumber(Integer.toString(r.maxPoints())));
            row.put("passed", r.passed());
            row.put("message", r.message());
            row.put("needs_human", r.needsHuman());
            @SuppressWarnings("unchecked")
            List<Object> results = (List<Object>) s.get("results");
            results.add(row);
        }
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("students", students);
        return NotebookJson.write(root);
    }

    /** The rows of a grades.json written by {@link #json}, in its order; {@code name} is for messages. */
    static List<ExerciseResult> parseJson(String text, String name) throws IOException {
        List<ExerciseResult> rows = new ArrayList<>();
        try {
            Map<?, ?> students = (Map<?, ?>) ((Map<?, ?>) NotebookJson.parse(text)).get("students");
            for (Map.Entry<?, ?> s : students.entrySet()) {
                for (Object o : (List<?>) ((Map<?, ?>) s.getValue()).get("results")) {
                    Map<?, ?> r = (Map<?, ?>) o;
                    rows.add(new ExerciseResult((String) s.getKey(), (String) r.get("notebook"), (String) r.get("exercise"),
                            (int) ((JsonNumber) r.get("points")).longValue(), (int) ((JsonNumber) r.get("max_points")).longValue(),
                            (Boolean) r.get("passed"), (String) r.get("message"), (Boolean) r.get("needs_human")));
                }
            }
        } catch (NotebookJson.MalformedJsonException | ClassCastException | NullPointerException e) {
            throw new IOException(name + " is not a grades.json written by apricot grade (" + e.getMessage() + ")");
        }
        return rows;
    }
}

package io.github.apricotcourse.grade;

import java.util.ArrayList;
import java.util.List;

/** Small notebooks written as JSON text, for the tests that need no kernel. */
final class Fixtures {
    private Fixtures() {}

    /** A code cell with the given nbgrader fields (null for none) and source lines. */
    static String code(String nbgrader, String... lines) {
        List<String> src = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            src.add(quote(lines[i] + (i < lines.length - 1 ? "\n" : "")));
        }
        return "{\"cell_type\": \"code\", \"execution_count\": 3, \"metadata\": {"
                + (nbgrader == null ? "" : "\"nbgrader\": {" + nbgrader + "}") + "}, "
                + "\"outputs\": [{\"output_type\": \"stream\", \"name\": \"stdout\", \"text\": \"old output\\n\"}], "
                + "\"source\": [" + String.join(", ", src) + "]}";
    }

    static String solution(String id, String... lines) {
        return code("\"grade\": false, \"grade_id\": \"" + id + "\", \"locked\": false, \"schema_version\": 3, "
                + "\"solution\": true, \"task\": false", lines);
    }

    /** A solution cell whose metadata.apricot.forbidden lists these library names. */
    static String solutionForbidding(String id, List<String> forbidden, String... lines) {
        String cell = solution(id, lines);
        String names = String.join(", ", forbidden.stream().map(Fixtures::quote).toList());
        return cell.replace("\"metadata\": {", "\"metadata\": {\"apricot\": {\"forbidden\": [" + names + "]}, ");
    }

    static String check(String id, int points, String... lines) {
        return code("\"grade\": true, \"grade_id\": \"" + id + "\", \"locked\": true, \"points\": " + points
                + ", \"schema_version\": 3, \"solution\": false, \"task\": false", lines);
    }

    static String markdown(String text) {
        return "{\"cell_type\": \"markdown\", \"metadata\": {}, \"source\": " + quote(text) + "}";
    }

    static Notebook notebook(String name, String... cells) throws Notebook.InvalidNotebookException {
        return Notebook.parse(name, "{\"cells\": [" + String.join(", ", cells) + "], \"metadata\": {}, "
                + "\"nbformat\": 4, \"nbformat_minor\": 4}");
    }

    static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }
}

package io.github.apricotcourse.grade;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The nbgrader-style markers inside a cell's source, one per line:
 *
 * <pre>
 *   // BEGIN SOLUTION        the student's code starts (solution cells only)
 *   // HINT: one line        optional, right after BEGIN SOLUTION: the stub's message
 *   // END SOLUTION          it ends; only closing braces (the method's) may follow
 *   // BEGIN HIDDEN TESTS    tests the student does not see (check cells only)
 *   // END HIDDEN TESTS
 * </pre>
 */
public final class Markers {
    public static final String BEGIN_SOLUTION = "BEGIN SOLUTION";
    public static final String END_SOLUTION = "END SOLUTION";
    public static final String BEGIN_HIDDEN = "BEGIN HIDDEN TESTS";
    public static final String END_HIDDEN = "END HIDDEN TESTS";
    private static final String HINT = "// HINT:";
    private static final Pattern ONLY_BRACES = Pattern.compile("\\s*(}\\s*)*(//.*)?");

    private Markers() {}

    /**
     * Where the student's code is in a solution cell: the 0-based lines of BEGIN and END SOLUTION,
     * the indentation of the BEGIN line, and the hint (null if none).
     */
    public record SolutionRegion(int begin, int end, String indent, String hint) {}

    /** The source split into lines without their line ends. */
    static List<String> lines(String source) {
        List<String> lines = new ArrayList<>();
        for (Object line : Cell.lines(source)) {
            lines.add(((String) line).replaceAll("[\\r\\n\\u000b\\u000c\\u001c-\\u001e\\u0085\\u2028\\u2029]+$", ""));
        }
        return lines;
    }

    /** True if the line mentions the marker at all (nbgrader's own test), well-formed or not. */
    static boolean mentions(String line, String marker) {
        return line.contains(marker);
    }

    /** True if the line is exactly the marker as a Java line comment. */
    static boolean isMarker(String line, String marker) {
        return line.strip().equals("// " + marker);
    }

    /**
     * The solution region of a solution cell, or problems (added to {@code problems}, each naming
     * the cell and line) and null.
     */
    static SolutionRegion solutionRegion(Cell cell, List<String> problems) {
        List<String> lines = lines(cell.source());
        int begin = -1;
        int end = -1;
        int before = problems.size();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            boolean b = mentions(line, BEGIN_SOLUTION);
            boolean e = mentions(line, END_SOLUTION);
            if ((b && !isMarker(line, BEGIN_SOLUTION)) || (e && !isMarker(line, END_SOLUTION))) {
                problems.add(at(cell, i, "the marker must stand alone on its line as \"// " + (b ? BEGIN_SOLUTION : END_SOLUTION)
                        + "\" (found \"" + line.strip() + "\")"));
            } else if (b) {
                if (begin >= 0) {
                    problems.add(at(cell, i, end >= 0 ? "a second // BEGIN SOLUTION: a cell holds one solution region; "
                            + "put the other exercise in its own solution cell"
                            : "// BEGIN SOLUTION again before // END SOLUTION; close the first region first"));
                } else {
                    begin = i;
                }
            } else if (e) {
                if (begin < 0) {
                    problems.add(at(cell, i, "// END SOLUTION without a // BEGIN SOLUTION above it; add the BEGIN line where the student's code starts"));
                } else if (end < 0) {
                    end = i;
                }
            }
        }
        if (problems.size() > before) {
            return null;
        }
        if (begin < 0) {
            problems.add(cell.where() + ": a solution cell needs a // BEGIN SOLUTION ... // END SOLUTION region "
                    + "at the end of a method body (or drop \"solution\": true from its nbgrader metadata)");
            return null;
        }
        if (end < 0) {
            problems.add(at(cell, begin, "// BEGIN SOLUTION is never closed; add // END SOLUTION after the student's code"));
            return null;
        }
        boolean brace = false;
        for (int i = end + 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (!ONLY_BRACES.matcher(line).matches()) {
                problems.add(at(cell, i, "// END SOLUTION is followed by a statement (\"" + line.strip() + "\"); only the "
                        + "method's closing braces may follow, so that the student's stub still compiles. "
                        + "Move the statement above // END SOLUTION"));
                return null;
            }
            brace |= line.contains("}");
        }
        if (!brace) {
            problems.add(at(cell, end, "// END SOLUTION must be followed by the closing brace of the method it ends; "
                    + "put the region at the end of a method body"));
            return null;
        }
        String beginLine = lines.get(begin);
        String indent = beginLine.substring(0, beginLine.indexOf("//"));
        String hint = null;
        if (begin + 1 < end && lines.get(begin + 1).strip().startsWith(HINT)) {
            hint = lines.get(begin + 1).strip().substring(HINT.length()).strip();
        }
        return new SolutionRegion(begin, end, indent, hint);
    }

    /** The message of the stub's exception: what the student sees until they implement it. */
    public static String notImplementedMessage(String gradeId, String hint) {
        return "Exercise " + gradeId + " is not implemented yet: "
                + (hint == null || hint.isEmpty() ? "replace the line that throws this exception with your code" : hint);
    }

    /** The cell's source with the solution region replaced by a stub that compiles and throws. */
    static String stub(String source, String gradeId, SolutionRegion region) {
        List<String> lines = lines(source);
        List<String> out = new ArrayList<>(lines.subList(0, region.begin()));
        out.add(region.indent() + "// YOUR CODE HERE");
        out.add(region.indent() + "throw new UnsupportedOperationException(" + javaString(notImplementedMessage(gradeId, region.hint())) + ");");
        out.addAll(lines.subList(region.end() + 1, lines.size()));
        return join(out, source.endsWith("\n"));
    }

    /**
     * Checks the hidden-test markers of a cell (balanced, not nested, well-formed); adds problems.
     * {@code allowed} is false for cells that may not have hidden tests at all.
     */
    static void checkHiddenTests(Cell cell, boolean allowed, List<String> problems) {
        List<String> lines = lines(cell.source());
        int open = -1;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            boolean b = mentions(line, BEGIN_HIDDEN);
            boolean e = mentions(line, END_HIDDEN);
            if (!b && !e) {
                continue;
            }
            if (!allowed) {
                problems.add(at(cell, i, "hidden tests belong in check cells (nbgrader \"grade\": true); "
                        + "this cell would show them to students"));
                return;
            }
            if (!isMarker(line, b ? BEGIN_HIDDEN : END_HIDDEN)) {
                problems.add(at(cell, i, "the marker must stand alone on its line as \"// " + (b ? BEGIN_HIDDEN : END_HIDDEN)
                        + "\" (found \"" + line.strip() + "\")"));
            } else if (b && open >= 0) {
                problems.add(at(cell, i, "// BEGIN HIDDEN TESTS again before // END HIDDEN TESTS; close the first block first"));
            } else if (b) {
                open = i;
            } else if (open < 0) {
                problems.add(at(cell, i, "// END HIDDEN TESTS without a // BEGIN HIDDEN TESTS above it"));
            } else {
                open = -1;
            }
        }
        if (open >= 0) {
            problems.add(at(cell, open, "// BEGIN HIDDEN TESTS is never closed; add // END HIDDEN TESTS after the hidden tests"));
        }
    }

    /** The source without hidden tests (markers and the lines between them). Markers must be valid. */
    static String withoutHiddenTests(String source) {
        List<String> out = new ArrayList<>();
        boolean hidden = false;
        for (String line : lines(source)) {
            if (isMarker(line, BEGIN_HIDDEN)) {
                hidden = true;
            } else if (isMarker(line, END_HIDDEN)) {
                hidden = false;
            } else if (!hidden) {
                out.add(line);
            }
        }
        return join(out, source.endsWith("\n"));
    }

    /**
     * The whole check with its hidden tests, without the marker lines. The grader runs it again at
     * the end of the notebook, after every cell of the student's.
     */
    static String withHiddenTests(String source) {
        List<String> out = new ArrayList<>();
        for (String line : lines(source)) {
            if (!isMarker(line, BEGIN_HIDDEN) && !isMarker(line, END_HIDDEN)) {
                out.add(line);
            }
        }
        return join(out, source.endsWith("\n"));
    }

    /** True if the check cell has hidden tests. */
    static boolean hasHiddenTests(String source) {
        return lines(source).stream().anyMatch(line -> isMarker(line, BEGIN_HIDDEN));
    }

    private static String at(Cell cell, int line, String problem) {
        return cell.where() + ", line " + (line + 1) + ": " + problem;
    }

    private static String join(List<String> lines, boolean finalNewline) {
        return String.join("\n", lines) + (finalNewline && !lines.isEmpty() ? "\n" : "");
    }

    /** A Java string literal for the text (JSON's escapes are Java's). */
    static String javaString(String text) {
        StringBuilder sb = new StringBuilder();
        NotebookJson.quote(text, sb);
        return sb.toString();
    }
}

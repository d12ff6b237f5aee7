package io.github.apricotcourse.kernel;

import java.util.List;

/**
 * A cell failed: it did not compile, threw, was interrupted, or used a magic wrongly. Carries
 * the report the student sees, already formatted line by line (see {@link ErrorReport}).
 */
public class CellError extends Exception {

    private final List<String> report;

    /**
     * @param summary one line: what went wrong (the notebook's "evalue")
     * @param report  the lines shown under the cell
     */
    public CellError(String summary, List<String> report) {
        super(summary, null, false, false);
        this.report = List.copyOf(report);
    }

    /** A failure explained in one message, e.g. a magic's wrong argument. */
    public CellError(String message) {
        this(message, List.of(message));
    }

    /** The same error with one more line at the end of its report. */
    public CellError withNote(String line) {
        List<String> lines = new java.util.ArrayList<>(report);
        lines.add(line);
        return new CellError(getMessage(), lines);
    }

    /** The lines shown under the cell. */
    public List<String> report() {
        return report;
    }
}

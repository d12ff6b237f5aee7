package io.github.apricotcourse.kernel;

/**
 * Where a snippet's source stands in the notebook, to report errors by cell and line.
 *
 * @param source     the snippet's source, as given to JShell
 * @param cell       the cell's execution count ({@code [n]} in the notebook), 0 for start-up scripts
 * @param lineOffset how many cell lines precede the snippet's first line
 */
public record SnippetSource(String source, int cell, int lineOffset) {

    /** The cell line (1-based) of the snippet's line {@code snippetLine} (1-based). */
    public int cellLine(int snippetLine) {
        return lineOffset + snippetLine;
    }

    /** "cell [3], line 2", or "start-up script, line 2". */
    public String where(int snippetLine) {
        return (cell == 0 ? "start-up script" : "cell [" + cell + "]") + ", line " + cellLine(snippetLine);
    }
}

package io.github.apricotcourse.viz;

import tech.tablesaw.api.Table;

/**
 * A Tablesaw {@link Table} as an HTML table for notebooks: a caption with the table's name and
 * size, the column names and types, then the rows. Long tables show their first and last rows
 * with a marker for the rows left out, like Tablesaw's own {@code print()}.
 */
public final class TableHtml {

    /** Tables longer than this show only their head and tail. */
    static final int MAX_ROWS = 20;

    private TableHtml() {
    }

    /** The HTML for {@code table}. */
    public static String of(Table table) {
        int rows = table.rowCount();
        StringBuilder html = new StringBuilder(256 + rows * 64);
        html.append("<table class=\"apricot-table\">\n<caption style=\"text-align:left\">")
                .append(Html.escape(table.name() == null ? "" : table.name()))
                .append(" <small>(").append(rows).append(rows == 1 ? " row, " : " rows, ")
                .append(table.columnCount()).append(table.columnCount() == 1 ? " column" : " columns")
                .append(")</small></caption>\n<thead><tr>");
        for (var column : table.columns()) {
            html.append("<th title=\"").append(Html.escape(column.type().name())).append("\">")
                    .append(Html.escape(column.name())).append("</th>");
        }
        html.append("</tr></thead>\n<tbody>\n");
        if (rows <= MAX_ROWS) {
            appendRows(html, table, 0, rows);
        } else {
            int half = MAX_ROWS / 2;
            appendRows(html, table, 0, half);
            html.append("<tr><td colspan=\"").append(table.columnCount()).append("\" style=\"text-align:center\">… ")
                    .append(rows - 2 * half).append(" more rows …</td></tr>\n");
            appendRows(html, table, rows - half, rows);
        }
        return html.append("</tbody>\n</table>").toString();
    }

    private static void appendRows(StringBuilder html, Table table, int from, int to) {
        for (int r = from; r < to; r++) {
            html.append("<tr>");
            for (int c = 0; c < table.columnCount(); c++) {
                html.append("<td>").append(Html.escape(table.column(c).getString(r))).append("</td>");
            }
            html.append("</tr>\n");
        }
    }
}

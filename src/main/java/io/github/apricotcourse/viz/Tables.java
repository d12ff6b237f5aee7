package io.github.apricotcourse.viz;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;
import tech.tablesaw.columns.numbers.NumberColumnFormatter;

/**
 * Small conveniences for showing Tablesaw tables in a lesson, so that a cell shows the idea and
 * not the plumbing. {@link #rounded(Table, int)} shows every floating-point column with a few
 * significant digits (0.9362, 0.0003933, 9.333e-302, 213408) instead of all seventeen; the numbers
 * themselves are not changed. {@link #ranked} puts ranked lists side by side;
 * {@link #rows} makes one row per item and one column per {@link Field} (a name and what to show for an item):
 *
 * <pre>
 *   Tables.ranked("Nearest neighbours", List.of("apricot", "digital"), w -&gt; vectors.nearest(w, 5))
 *   Tables.rows("Counts", List.of("book", "poem"), Tables.column("c", c -&gt; c),
 *           Tables.column("count(wrote, c)", c -&gt; counts.get("wrote", c)))
 * </pre>
 */
public final class Tables {
    private Tables() {}

    /** The same table, its double columns printed with {@code digits} significant digits. */
    public static Table rounded(Table table, int digits) {
        if (digits < 1 || digits > 17) {
            throw new IllegalArgumentException("digits must be between 1 and 17, got " + digits);
        }
        for (Column<?> c : table.columns()) {
            if (c instanceof DoubleColumn d) {
                d.setPrintFormatter(new Significant(digits));
            }
        }
        return table;
    }

    /**
     * Ranked lists side by side: a column "rank" (1, 2, …) and one column per list, named by
     * {@code names}, each entry shown as text; a shorter list leaves its last cells blank.
     */
    public static Table ranked(String title, List<String> names, List<? extends List<?>> lists) {
        Objects.requireNonNull(names, "names (one column name per ranked list)");
        Objects.requireNonNull(lists, "lists (the ranked lists, one per name)");
        if (names.size() != lists.size()) {
            throw new IllegalArgumentException("ranked: " + names.size() + " column names for " + lists.size()
                    + " lists; give one name per list");
        }
        int rows = 0;
        for (List<?> list : lists) {
            rows = Math.max(rows, Objects.requireNonNull(list, "one of the ranked lists is null").size());
        }
        Table table = Table.create(title, IntColumn.create("rank"));
        for (int r = 1; r <= rows; r++) {
            table.intColumn("rank").append(r);
        }
        for (int c = 0; c < names.size(); c++) {
            StringColumn column = StringColumn.create(names.get(c));
            for (int r = 0; r < rows; r++) {
                column.append(r < lists.get(c).size() ? String.valueOf(lists.get(c).get(r)) : "");
            }
            table.addColumns(column);
        }
        return table;
    }

    /** Ranked lists side by side, one per key (the column is named after the key): {@code ranking.apply(key)}. */
    public static <K> Table ranked(String title, List<K> keys, Function<? super K, ? extends List<?>> ranking) {
        Objects.requireNonNull(ranking, "ranking (the function from a key to its ranked list)");
        List<String> names = new ArrayList<>();
        List<List<?>> lists = new ArrayList<>();
        for (K key : keys) {
            names.add(String.valueOf(key));
            lists.add(ranking.apply(key));
        }
        return ranked(title, names, lists);
    }

    /**
     * A column of {@link #rows}: its name and the value it shows for an item (made by {@link #column}).
     *
     * @param name  the column's header
     * @param value the cell for an item: a number makes a number column, anything else text
     */
    public record Field<T>(String name, Function<? super T, ?> value) {
        public Field {
            Objects.requireNonNull(name, "the column's name");
            Objects.requireNonNull(value, "the function that gives the column's value for an item");
        }
    }

    /** A column named {@code name} whose cell for an item is {@code value.apply(item)}. */
    public static <T> Field<T> column(String name, Function<? super T, ?> value) {
        return new Field<>(name, value);
    }

    /**
     * One row per item, one column per {@link Field}: integers (int, long) make an integer
     * column, other numbers a double column, anything else a text column, decided by the first item.
     */
    @SafeVarargs
    public static <T> Table rows(String title, List<T> items, Field<T>... columns) {
        Objects.requireNonNull(items, "items (one per row)");
        if (columns.length == 0) {
            throw new IllegalArgumentException("rows: give at least one column, e.g. Tables.column(\"word\", w -> w)");
        }
        Table table = Table.create(title);
        for (Field<T> column : columns) {
            List<Object> values = new ArrayList<>();
            for (T item : items) {
                values.add(column.value().apply(item));
            }
            Object first = values.isEmpty() ? null : values.get(0);
            if (first instanceof Integer || first instanceof Long || first instanceof Short) {
                IntColumn ints = IntColumn.create(column.name());
                values.forEach(v -> ints.append(((Number) requireNumber(v, column)).intValue()));
                table.addColumns(ints);
            } else if (first instanceof Number) {
                DoubleColumn doubles = DoubleColumn.create(column.name());
                values.forEach(v -> doubles.append(((Number) requireNumber(v, column)).doubleValue()));
                table.addColumns(doubles);
            } else {
                StringColumn strings = StringColumn.create(column.name());
                values.forEach(v -> strings.append(String.valueOf(v)));
                table.addColumns(strings);
            }
        }
        return table;
    }

    private static Object requireNumber(Object v, Field<?> column) {
        if (!(v instanceof Number)) {
            throw new IllegalArgumentException("column '" + column.name() + "' gave a number for the first item but "
                    + (v == null ? "null" : "'" + v + "'") + " for another: every item's value must be a number");
        }
        return v;
    }

    /** x with {@code digits} significant digits: the whole part of numbers ≥ 1 in full, scientific below 1e−4. */
    static String format(double x, int digits) {
        if (Double.isNaN(x) || Double.isInfinite(x)) {
            return String.valueOf(x);
        }
        if (x == 0) {
            return "0";
        }
        double ax = Math.abs(x);
        if (ax >= 1) {                                           // whole part in full, then decimals up to `digits`
            int whole = (int) Math.floor(Math.log10(ax)) + 1;
            return new BigDecimal(x).setScale(Math.max(0, digits - whole), RoundingMode.HALF_EVEN)
                    .stripTrailingZeros().toPlainString();
        }
        if (ax >= 1e-4) {
            return new BigDecimal(x).round(new MathContext(digits)).stripTrailingZeros().toPlainString();
        }
        return String.format(Locale.ROOT, "%." + (digits - 1) + "e", x);
    }

    private static final class Significant extends NumberColumnFormatter {
        private final int digits;

        Significant(int digits) {
            this.digits = digits;
        }

        @Override
        public String format(double value) {
            return Tables.format(value, digits);
        }
    }
}

package io.github.apricotcourse.viz;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Locale;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;
import tech.tablesaw.columns.numbers.NumberColumnFormatter;

/**
 * Small conveniences for showing Tablesaw tables in a lesson. {@link #rounded(Table, int)} shows
 * every floating-point column with a few significant digits (0.9362, 0.0003933, 9.333e-302, 213408)
 * instead of all seventeen; the numbers themselves are not changed.
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

package io.github.apricotcourse.check;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/**
 * Checks an analytic gradient against central finite differences:
 *
 * <pre>
 *   ∂f/∂x_i ≈ [f(x + h e_i) − f(x − h e_i)] / 2h
 *   relative error_i = |analytic_i − numeric_i| / max(|analytic_i|, |numeric_i|, 1e−8)
 * </pre>
 *
 * The report lists the worst entries (analytic, numeric, relative error). An analytic gradient
 * that is all zeros is rejected outright: that is what an unimplemented gradient looks like.
 */
public final class GradientCheck {
    /** One coordinate of the comparison. */
    public record Entry(int index, double analytic, double numeric, double relativeError) {}

    private final List<Entry> entries;
    private final String what;

    private GradientCheck(String what, List<Entry> entries) {
        this.what = what;
        this.entries = entries;
    }

    /**
     * Compares {@code analytic} with the central differences of {@code f} at {@code x} (step h).
     * {@code x} is restored after each probe.
     */
    public static GradientCheck of(String what, ToDoubleFunction<double[]> f, double[] x, double[] analytic, double h) {
        if (analytic == null) {
            throw new CheckFailure("✘ " + what + ": the analytic gradient is null — return a vector of " + x.length + " numbers");
        }
        if (analytic.length != x.length) {
            throw new CheckFailure("✘ " + what + ": the analytic gradient has " + analytic.length
                    + " entries but the input has " + x.length);
        }
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < x.length; i++) {
            double old = x[i];
            x[i] = old + h;
            double up = f.applyAsDouble(x);
            x[i] = old - h;
            double down = f.applyAsDouble(x);
            x[i] = old;
            double numeric = (up - down) / (2 * h);
            double denom = Math.max(Math.max(Math.abs(analytic[i]), Math.abs(numeric)), 1e-8);
            entries.add(new Entry(i, analytic[i], numeric, Math.abs(analytic[i] - numeric) / denom));
        }
        return new GradientCheck(what, entries);
    }

    /** Compares with step h = 1e−5. */
    public static GradientCheck of(String what, ToDoubleFunction<double[]> f, double[] x, double[] analytic) {
        return of(what, f, x, analytic, 1e-5);
    }

    /** The largest relative error over all entries. */
    public double maxRelativeError() {
        return entries.stream().mapToDouble(Entry::relativeError).max().orElse(0);
    }

    /** The n entries with the largest relative error, worst first. */
    public List<Entry> worst(int n) {
        return entries.stream().sorted(Comparator.comparingDouble(Entry::relativeError).reversed()).limit(n).toList();
    }

    /** The worst entries as a table: index, analytic, numeric, relative error. */
    public Table table(int n) {
        IntColumn index = IntColumn.create("index");
        DoubleColumn a = DoubleColumn.create("analytic");
        DoubleColumn num = DoubleColumn.create("numeric");
        DoubleColumn rel = DoubleColumn.create("relative error");
        for (Entry e : worst(n)) {
            index.append(e.index());
            a.append(e.analytic());
            num.append(e.numeric());
            rel.append(e.relativeError());
        }
        return Table.create("Gradient check: " + what, index, a, num, rel);
    }

    /** Passes (one printed line) when the gradient is not all zeros and every relative error ≤ tolerance. */
    public GradientCheck passes(double tolerance) {
        boolean allZero = entries.stream().allMatch(e -> e.analytic() == 0);
        if (allZero) {
            boolean numericZero = entries.stream().allMatch(e -> Math.abs(e.numeric()) < 1e-12);
            throw Check.failure(what, "the analytic gradient is all zeros"
                    + (numericZero ? " (and so is the numeric one here: pick an input where f changes)"
                                   : " but the numeric gradient is not — is it implemented yet?"));
        }
        double max = maxRelativeError();
        if (!(max <= tolerance)) {
            StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
                    "relative error %.3g exceeds the tolerance %.1g; worst entries:", max, tolerance));
            for (Entry e : worst(3)) {
                sb.append(String.format(Locale.ROOT, "%n  [%d] analytic %.8g, numeric %.8g, relative error %.3g",
                        e.index(), e.analytic(), e.numeric(), e.relativeError()));
            }
            throw Check.failure(what, sb.toString());
        }
        Check.pass(String.format(Locale.ROOT, "%s: analytic and numeric gradients agree (max relative error %.2g)", what, max));
        return this;
    }
}

package io.github.apricotcourse.viz;

import io.github.apricotcourse.sgns.LossHistory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.plotly.components.Axis;
import tech.tablesaw.plotly.components.Figure;
import tech.tablesaw.plotly.components.Layout;
import tech.tablesaw.plotly.components.Line;
import tech.tablesaw.plotly.components.Marker;
import tech.tablesaw.plotly.traces.BarTrace;
import tech.tablesaw.plotly.traces.ScatterTrace;
import tech.tablesaw.plotly.traces.Trace;

/**
 * The few figures the lessons draw, as Tablesaw plotly {@link Figure}s (the kernel renders them):
 * bar charts, line charts, a loss curve, labelled points, 2-D word vectors and their paths.
 * Each method takes a title first and returns a figure, so a lesson cell stays one line:
 *
 * <pre>
 *   Plots.bars("Noise probabilities", table, "word", "α = 0", "α = 0.75", "α = 1")
 *   Plots.loss(model.lossHistory())
 *   Plots.vectors("Apricot and its contexts", Map.of("apricot", w, "jam", cPos), 1.5)
 * </pre>
 */
public final class Plots {
    /** Width and height of every figure, in pixels. */
    static final int WIDTH = 640;
    static final int HEIGHT = 420;
    /** Colours of successive series (plotly's defaults, so the words keep their colours across figures). */
    static final String[] COLOURS = {"#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd",
        "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"};

    private Plots() {}

    /** Grouped vertical bars: one group per row (labelled by {@code category}), one bar per value column. */
    public static Figure bars(String title, Table table, String category, String... values) {
        return bars(title, table, category, false, values);
    }

    /**
     * Grouped bars on a logarithmic y axis, for values that span several powers of ten (such as
     * the probabilities of frequent and rare words).
     */
    public static Figure barsLogScale(String title, Table table, String category, String... values) {
        return bars(title, table, category, true, values);
    }

    private static Figure bars(String title, Table table, String category, boolean log, String... values) {
        requireColumns(table, values.length == 0 ? new String[] {category} : concat(category, values));
        if (values.length == 0) {
            throw new IllegalArgumentException("name at least one numeric column to draw as bars");
        }
        Object[] x = table.column(category).asList().stream().map(String::valueOf).toArray();
        List<Trace> traces = new ArrayList<>();
        for (String v : values) {
            traces.add(BarTrace.builder(x, numbers(table, v)).name(v).build());
        }
        Layout layout = layout(title, category, values.length == 1 ? values[0] : "")
                .barMode(Layout.BarMode.GROUP).showLegend(values.length > 1).build();
        if (log) {
            layout = Layout.builder().title(title).width(WIDTH).height(HEIGHT).barMode(Layout.BarMode.GROUP)
                    .showLegend(values.length > 1).xAxis(Axis.builder().title(category).build())
                    .yAxis(Axis.builder().title(values.length == 1 ? values[0] : "").type(Axis.Type.LOG).build())
                    .build();
        }
        return new Figure(layout, traces.toArray(new Trace[0]));
    }

    /** Lines of each y column against the x column. */
    public static Figure lines(String title, Table table, String x, String... ys) {
        requireColumns(table, concat(x, ys));
        List<Trace> traces = new ArrayList<>();
        for (String y : ys) {
            traces.add(ScatterTrace.builder(numbers(table, x), numbers(table, y))
                    .mode(ScatterTrace.Mode.LINE).name(y).build());
        }
        Layout layout = layout(title, x, ys.length == 1 ? ys[0] : "").showLegend(ys.length > 1).build();
        return new Figure(layout, traces.toArray(new Trace[0]));
    }

    /** The training loss (mean SGNS loss per example) against the corpus words processed. */
    public static Figure loss(LossHistory history) {
        return lines("Training loss", history.table(), "words", "loss");
    }

    /** Labelled points: one marker per row at (x, y), with the row's label written beside it. */
    public static Figure points(String title, Table table, String label, String x, String y) {
        requireColumns(table, label, x, y);
        String[] text = table.column(label).asList().stream().map(String::valueOf).toArray(String[]::new);
        ScatterTrace trace = ScatterTrace.builder(numbers(table, x), numbers(table, y))
                .mode(ScatterTrace.Mode.TEXT_AND_MARKERS).text(text)
                .marker(Marker.builder().size(9).build()).build();
        return new Figure(layout(title, x, y).build(), trace);
    }

    /**
     * 2-D vectors drawn as arrows from the origin (a line and a labelled tip), one colour per
     * word, on fixed axes [−range, range] so that successive frames of an animation line up.
     */
    public static Figure vectors(String title, Map<String, double[]> vectors, double range) {
        List<Trace> traces = new ArrayList<>();
        int i = 0;
        for (Map.Entry<String, double[]> e : vectors.entrySet()) {
            double[] v = require2d(e.getKey(), e.getValue());
            traces.add(ScatterTrace.builder(new double[] {0, v[0]}, new double[] {0, v[1]})
                    .mode(ScatterTrace.Mode.LINE_AND_TEXT).text(new String[] {"", e.getKey()})
                    .line(Line.builder().color(COLOURS[i % COLOURS.length]).width(3).build())
                    .name(e.getKey()).showLegend(false).build());
            i++;
        }
        return new Figure(square(title, range), traces.toArray(new Trace[0]));
    }

    /**
     * The paths that 2-D vectors took (e.g. during gradient descent): a line through each word's
     * positions, a small marker where it started and a labelled one where it ended.
     */
    public static Figure paths(String title, Map<String, List<double[]>> paths, double range) {
        List<Trace> traces = new ArrayList<>();
        int i = 0;
        for (Map.Entry<String, List<double[]>> e : paths.entrySet()) {
            List<double[]> p = e.getValue();
            if (p.isEmpty()) {
                throw new IllegalArgumentException("the path of '" + e.getKey() + "' has no points");
            }
            double[] x = new double[p.size()];
            double[] y = new double[p.size()];
            String[] text = new String[p.size()];
            for (int t = 0; t < p.size(); t++) {
                double[] v = require2d(e.getKey(), p.get(t));
                x[t] = v[0];
                y[t] = v[1];
                text[t] = t == p.size() - 1 ? e.getKey() : "";
            }
            String colour = COLOURS[i % COLOURS.length];
            traces.add(ScatterTrace.builder(x, y).mode(ScatterTrace.Mode.LINE_TEXT_AND_MARKERS).text(text)
                    .line(Line.builder().color(colour).width(2).build())
                    .marker(Marker.builder().color(colour).size(4).build())
                    .name(e.getKey()).showLegend(false).build());
            i++;
        }
        return new Figure(square(title, range), traces.toArray(new Trace[0]));
    }

    private static Layout square(String title, double range) {
        if (!(range > 0) || Double.isInfinite(range)) {
            throw new IllegalArgumentException("range must be a positive number (the axes go from −range to range), got " + range);
        }
        return Layout.builder().title(title).width(HEIGHT + 40).height(HEIGHT).showLegend(false)
                .xAxis(Axis.builder().range(-range, range).showZeroLine(true).build())
                .yAxis(Axis.builder().range(-range, range).showZeroLine(true).build())
                .build();
    }

    private static Layout.LayoutBuilder layout(String title, String x, String y) {
        return Layout.builder().title(title).width(WIDTH).height(HEIGHT)
                .xAxis(Axis.builder().title(x).build())
                .yAxis(Axis.builder().title(y).build());
    }

    private static double[] numbers(Table table, String column) {
        if (!(table.column(column) instanceof NumericColumn<?> c)) {
            throw new IllegalArgumentException("column '" + column + "' of table '" + table.name()
                    + "' holds " + table.column(column).type() + ", not numbers");
        }
        return c.asDoubleArray();
    }

    private static double[] require2d(String word, double[] v) {
        if (v == null || v.length != 2) {
            throw new IllegalArgumentException("the vector of '" + word + "' has " + (v == null ? 0 : v.length)
                    + " entries: this figure draws 2-D vectors (project longer ones with Projection.pca)");
        }
        return v;
    }

    private static void requireColumns(Table table, String... names) {
        for (String n : names) {
            if (!table.columnNames().contains(n)) {
                throw new IllegalArgumentException("table '" + table.name() + "' has no column '" + n
                        + "'; its columns are " + table.columnNames());
            }
        }
    }

    private static String[] concat(String first, String... rest) {
        String[] all = new String[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }
}

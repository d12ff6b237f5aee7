package io.github.apricotcourse.sgns;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.Table;

/** The mean SGNS loss recorded during training, one point per progress report. */
public final class LossHistory {
    /** Mean loss over the examples since the previous point, after {@code words} corpus words. */
    public record Point(int epoch, long words, double meanLoss) {}

    private final List<Point> points = new ArrayList<>();

    void add(Point p) {
        points.add(p);
    }

    /** All points, in training order. */
    public List<Point> points() {
        return Collections.unmodifiableList(points);
    }

    /** The first recorded mean loss. */
    public double first() {
        requireSome();
        return points.get(0).meanLoss();
    }

    /** The last recorded mean loss. */
    public double last() {
        requireSome();
        return points.get(points.size() - 1).meanLoss();
    }

    /** Columns epoch, words, loss — ready for a Tablesaw line plot. */
    public Table table() {
        IntColumn epoch = IntColumn.create("epoch");
        LongColumn words = LongColumn.create("words");
        DoubleColumn loss = DoubleColumn.create("loss");
        for (Point p : points) {
            epoch.append(p.epoch());
            words.append(p.words());
            loss.append(p.meanLoss());
        }
        return Table.create("Loss history", epoch, words, loss);
    }

    private void requireSome() {
        if (points.isEmpty()) {
            throw new IllegalStateException("no loss was recorded: the corpus produced no training pairs"
                    + " (every sentence needs at least two words in the vocabulary)");
        }
    }

    @Override
    public String toString() {
        return points.isEmpty() ? "LossHistory(empty)"
                : String.format(java.util.Locale.ROOT, "LossHistory(%d points, %.4f → %.4f)", points.size(), first(), last());
    }
}

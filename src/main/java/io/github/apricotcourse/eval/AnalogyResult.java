package io.github.apricotcourse.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Analogy accuracy per section, and over the semantic sections, the syntactic ones
 * ({@code gram…}) and all of them. Accuracy = correct / questions answered; questions with a
 * word outside the top words are skipped and counted, as gensim does.
 */
public record AnalogyResult(String set, int topWords, List<SectionScore> sections) {

    /** One section's counts. */
    public record SectionScore(String section, boolean syntactic, int correct, int answered, int skipped) {
        /** correct / answered (NaN when nothing was answered). */
        public double accuracy() {
            return answered == 0 ? Double.NaN : (double) correct / answered;
        }
    }

    public AnalogyResult {
        sections = List.copyOf(sections);
    }

    /** The score of one section, e.g. "family" or "gram8-plural". */
    public SectionScore section(String name) {
        return sections.stream().filter(s -> s.section().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no section '" + name + "' in " + set
                        + "; the sections are " + sections.stream().map(SectionScore::section).toList()));
    }

    /** All semantic sections together (those not starting with "gram"). */
    public SectionScore semantic() {
        return sum("semantic", sections.stream().filter(s -> !s.syntactic()).toList());
    }

    /** All syntactic sections together (those starting with "gram"). */
    public SectionScore syntactic() {
        return sum("syntactic", sections.stream().filter(SectionScore::syntactic).toList());
    }

    /** Every section together. */
    public SectionScore total() {
        return sum("total", sections);
    }

    private static SectionScore sum(String name, List<SectionScore> parts) {
        return new SectionScore(name, false, parts.stream().mapToInt(SectionScore::correct).sum(),
                parts.stream().mapToInt(SectionScore::answered).sum(), parts.stream().mapToInt(SectionScore::skipped).sum());
    }

    /** One row per section, then semantic, syntactic and total: correct, answered, skipped, accuracy. */
    public Table table() {
        List<SectionScore> rows = new ArrayList<>(sections);
        rows.add(semantic());
        rows.add(syntactic());
        rows.add(total());
        return Table.create(set + " (top " + topWords + " words)",
                StringColumn.create("section", rows.stream().map(SectionScore::section)),
                IntColumn.create("correct", rows.stream().mapToInt(SectionScore::correct).toArray()),
                IntColumn.create("answered", rows.stream().mapToInt(SectionScore::answered).toArray()),
                IntColumn.create("skipped", rows.stream().mapToInt(SectionScore::skipped).toArray()),
                DoubleColumn.create("accuracy", rows.stream().mapToDouble(SectionScore::accuracy)));
    }

    @Override
    public String toString() {
        SectionScore t = total();
        return String.format(Locale.ROOT, "%s: %.1f %% correct (%d of %d questions answered, %d skipped; top %d words)",
                set, 100 * t.accuracy(), t.correct(), t.answered(), t.skipped(), topWords);
    }
}

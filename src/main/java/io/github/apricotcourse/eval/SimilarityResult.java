package io.github.apricotcourse.eval;

import java.util.List;
import java.util.Locale;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * How well embeddings match a {@link SimilaritySet}: Spearman's ρ between human ratings and
 * cosines over the pairs whose words both have vectors, and how many pairs had to be left out.
 */
public record SimilarityResult(String set, List<Scored> scored, int outOfVocabulary) {

    /** A rated pair and the cosine of its two word vectors. */
    public record Scored(SimilaritySet.Pair pair, double cosine) {}

    public SimilarityResult {
        scored = List.copyOf(scored);
    }

    /** Spearman's ρ between the ratings and the cosines (NaN when fewer than two pairs were scored). */
    public double spearman() {
        if (scored.size() < 2) {
            return Double.NaN;
        }
        return Spearman.rho(scored.stream().mapToDouble(s -> s.pair().rating()).toArray(),
                scored.stream().mapToDouble(Scored::cosine).toArray());
    }

    /** The number of pairs scored. */
    public int pairs() {
        return scored.size();
    }

    /** One row: set, Spearman ρ, pairs scored, pairs out of vocabulary. */
    public Table summary() {
        return Table.create(set,
                StringColumn.create("set", set),
                DoubleColumn.create("spearman", spearman()),
                IntColumn.create("pairs", pairs()),
                IntColumn.create("out of vocabulary", outOfVocabulary));
    }

    /** Every scored pair: word1, word2, human rating, cosine. */
    public Table table() {
        return Table.create(set + " pairs",
                StringColumn.create("word1", scored.stream().map(s -> s.pair().first())),
                StringColumn.create("word2", scored.stream().map(s -> s.pair().second())),
                DoubleColumn.create("human", scored.stream().mapToDouble(s -> s.pair().rating())),
                DoubleColumn.create("cosine", scored.stream().mapToDouble(Scored::cosine)));
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s: Spearman ρ = %.3f on %d pairs (%d out of vocabulary)",
                set, spearman(), pairs(), outOfVocabulary);
    }
}

package io.github.apricotcourse.align;

import io.github.apricotcourse.embed.Embeddings;
import io.github.apricotcourse.embed.Neighbour;
import io.github.apricotcourse.math.Vectors;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * How far each word moved between two periods (JM §6.11; Hamilton et al. 2016): after aligning
 * the later space onto the earlier one with {@link Procrustes}, a word's semantic displacement
 * is the cosine distance between its two vectors:
 *
 * <pre>
 *   change(w) = 1 − cos(a_w, R b_w)
 * </pre>
 *
 * Only frequent words are worth ranking: a rare word's vector is mostly noise and "moves" at
 * random, so {@link #mostChanged} looks at the most frequent shared words only.
 */
public final class SemanticChange {
    private final Embeddings before;
    private final Embeddings after;

    private SemanticChange(Embeddings before, Embeddings afterAligned) {
        this.before = before;
        this.after = afterAligned;
    }

    /** Aligns {@code after} onto {@code before} with {@link Procrustes} and compares them. */
    public static SemanticChange between(Embeddings before, Embeddings after) {
        return new SemanticChange(before, Procrustes.fit(before, after).apply(after));
    }

    /** change(w) = 1 − cos(a_w, R b_w), in [0, 2]. */
    public double change(String word) {
        return 1 - Vectors.cosine(before.vector(word), after.vector(word));
    }

    /**
     * The n words that moved most among the {@code candidates} most frequent words of the earlier
     * space that the later one also knows (rows are in frequency order when trained here), with
     * their nearest neighbours in each period.
     */
    public Table mostChanged(int n, int candidates) {
        List<String> words = new ArrayList<>();
        for (String w : before.words()) {
            if (words.size() == candidates) {
                break;
            }
            if (after.contains(w)) {
                words.add(w);
            }
        }
        Map<String, Double> changes = new HashMap<>();
        for (String w : words) {
            changes.put(w, change(w));
        }
        words.sort(Comparator.comparingDouble(changes::get).reversed());
        return table("The " + n + " of the " + words.size() + " most frequent shared words that moved most",
                words.subList(0, Math.min(n, words.size())));
    }

    /** A table of the given words: change, and their 5 nearest neighbours before and after. */
    public Table table(String title, List<String> words) {
        StringColumn word = StringColumn.create("word");
        DoubleColumn change = DoubleColumn.create("change 1 − cos");
        StringColumn nb = StringColumn.create("neighbours before");
        StringColumn na = StringColumn.create("neighbours after");
        for (String w : words) {
            word.append(w);
            change.append(change(w));
            nb.append(names(before.nearest(w, 5)));
            na.append(names(after.nearest(w, 5)));
        }
        return Table.create(title, word, change, nb, na);
    }

    private static String names(List<Neighbour> ns) {
        return ns.stream().map(Neighbour::word).collect(Collectors.joining(", "));
    }

    /** The earlier space. */
    public Embeddings before() {
        return before;
    }

    /** The later space, rotated into the earlier one's axes. */
    public Embeddings afterAligned() {
        return after;
    }
}

package io.github.apricotcourse.bias;

import io.github.apricotcourse.embed.Embeddings;
import io.github.apricotcourse.math.Vectors;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * A gender direction in an embedding space (JM §6.11; Bolukbasi et al. 2016): the average of the
 * differences of definitional pairs such as he − she, man − woman, each difference of unit
 * vectors, the average scaled to unit length:
 *
 * <pre>
 *   g = normalize( Σ_i (â_i − b̂_i) ),     â = a / |a|
 *   projection(w) = ŵ · g      (> 0: nearer the first words of the pairs, < 0: nearer the second)
 * </pre>
 *
 * Words like nurse or engineer have no gender by definition; a projection far from 0 shows a
 * stereotype absorbed from the text.
 */
public final class GenderDirection {
    private final Embeddings embeddings;
    private final double[] g;
    private final String name;

    private GenderDirection(Embeddings embeddings, double[] g, String name) {
        this.embeddings = embeddings;
        this.g = g;
        this.name = name;
    }

    /** The direction from pairs given as "a", "b", "a", "b", … (e.g. "he", "she", "man", "woman"). */
    public static GenderDirection of(Embeddings e, String... pairs) {
        if (pairs.length < 2 || pairs.length % 2 != 0) {
            throw new IllegalArgumentException("pass words in pairs, e.g. of(e, \"he\", \"she\", \"man\", \"woman\"); got "
                    + pairs.length + " words");
        }
        double[] sum = new double[e.dimension()];
        for (int i = 0; i < pairs.length; i += 2) {
            double[] diff = Vectors.subtract(Vectors.normalize(e.vector(pairs[i])), Vectors.normalize(e.vector(pairs[i + 1])));
            Vectors.axpy(1, diff, sum);
        }
        return new GenderDirection(e, Vectors.normalize(sum), pairs[0] + " − " + pairs[1]);
    }

    /** g, the unit direction. */
    public double[] direction() {
        return g.clone();
    }

    /** ŵ · g. */
    public double projection(String word) {
        return Vectors.dot(Vectors.normalize(embeddings.vector(word)), g);
    }

    /** The words known to the embeddings with their projections, largest first. */
    public Table projections(String... words) {
        List<String> known = new ArrayList<>();
        for (String w : words) {
            if (embeddings.contains(w)) {
                known.add(w);
            }
        }
        known.sort(Comparator.comparingDouble(this::projection).reversed());
        StringColumn word = StringColumn.create("word");
        DoubleColumn p = DoubleColumn.create("projection on " + name);
        for (String w : known) {
            word.append(w);
            p.append(projection(w));
        }
        return Table.create("Projection on the direction " + name + " (" + known.size() + " of " + words.length
                + " words known)", word, p);
    }
}

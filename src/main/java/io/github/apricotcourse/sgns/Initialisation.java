package io.github.apricotcourse.sgns;

import io.github.apricotcourse.embed.HeapLimit;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * How every trainer starts (word2vec.c's choice): each number of the target matrix W uniform in
 * [−0.5/d, 0.5/d), so that a dot product starts near 0 whatever d is, and the context matrix C
 * all zeros:
 *
 * <pre>
 *   W[i][j] = (u − 0.5) / d,   u uniform in [0, 1)          C[i][j] = 0
 * </pre>
 *
 * Before anything is allocated, {@link #requireFits} checks that the matrices fit in memory (asking
 * {@link HeapLimit}, as the vector-file reader does), so that a dimension of 10⁹ is explained
 * instead of ending in an {@code OutOfMemoryError}.
 */
public final class Initialisation {
    private Initialisation() {}

    /** One number of W: (u − 0.5) / d. */
    public static double draw(SplittableRandom rng, int d) {
        return (rng.nextDouble() - 0.5) / d;
    }

    /** W with {@code rows} rows of length d, row by row from the generator. */
    public static double[][] W(int rows, int d, SplittableRandom rng) {
        double[][] W = new double[rows][d];
        for (double[] row : W) {
            for (int j = 0; j < d; j++) {
                row[j] = draw(rng, d);
            }
        }
        return W;
    }

    /** W as one flat float array (row r at {@code r·d}), the same numbers as {@link #W} from the same generator. */
    public static float[] flatW(int rows, int d, SplittableRandom rng) {
        float[] W = new float[rows * d];
        for (int i = 0; i < W.length; i++) {
            W[i] = (float) draw(rng, d);
        }
        return W;
    }

    /**
     * Throws, naming the sizes and the fix, unless a W of {@code rowsW} rows and a C of
     * {@code rowsC} rows of length d fit in this JVM's heap ({@code bytes} per number) and, when
     * {@code flat}, each in one Java array (at most 2³¹ − 1 numbers).
     */
    public static void requireFits(long rowsW, long rowsC, int d, int bytes, boolean flat) {
        long cells = Math.max(rowsW, rowsC) * d;
        if (flat && cells > HeapLimit.MAX_ARRAY || rowsW > HeapLimit.MAX_ARRAY) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "%d rows × %d dimensions = %d numbers per"
                    + " matrix, more than a Java array holds (2^31 − 1): use a smaller dimension (word2vec uses 100–300),"
                    + " fewer buckets or a higher minCount", Math.max(rowsW, rowsC), d, cells));
        }
        HeapLimit.exceeded((double) (rowsW + rowsC) * d * bytes).ifPresent(tooLarge -> {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "W (%d rows) and C (%d rows) of %d dimensions"
                    + " %s: use a smaller dimension (word2vec uses 100–300), fewer buckets or a higher minCount, or give"
                    + " Java more memory", rowsW, rowsC, d, tooLarge));
        });
    }
}

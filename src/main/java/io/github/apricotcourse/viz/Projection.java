package io.github.apricotcourse.viz;

import io.github.apricotcourse.embed.Embeddings;
import java.util.List;
import org.ejml.simple.SimpleMatrix;
import org.ejml.simple.SimpleSVD;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * A 2-D (or 3-D) picture of high-dimensional vectors by principal component analysis (PCA):
 * centre the rows, then project them on the two (three) directions along which they vary most,
 * the first right singular vectors of the centred matrix:
 *
 * <pre>
 *   X̄ = X − mean of the rows          (n × d)
 *   X̄ = U Σ Vᵀ                        (singular value decomposition, σ₁ ≥ σ₂ ≥ …)
 *   xy = X̄ [v₁ v₂]                    (n × 2)
 * </pre>
 *
 * A projection keeps only part of the geometry (the share of variance it keeps is
 * {@link #explained(double[][])}): two words close in the picture need not be close in d
 * dimensions. Signs of v₁, v₂ are fixed (largest entry positive) so pictures are reproducible.
 */
public final class Projection {
    private Projection() {}

    /** The rows projected on their first two principal components: one {x, y} per row. */
    public static double[][] pca(double[][] rows) {
        return pca(rows, 2);
    }

    /** The rows projected on their first k principal components (k = 3 for a 3-D picture): k numbers per row. */
    public static double[][] pca(double[][] rows, int k) {
        SimpleMatrix v = components(rows, k);
        SimpleMatrix xy = centred(rows, k).mult(v);
        double[][] out = new double[rows.length][k];
        for (int i = 0; i < rows.length; i++) {
            for (int c = 0; c < k; c++) {
                out[i][c] = xy.get(i, c);
            }
        }
        return out;
    }

    /** The words' vectors projected to 2-D: a table with columns word, x, y. */
    public static Table pca(Embeddings embeddings, List<String> words) {
        double[][] rows = new double[words.size()][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = embeddings.vector(words.get(i));
        }
        return table("PCA of " + words.size() + " words", words, pca(rows));
    }

    /** The share of the total variance that the first two components keep, in [0, 1]. */
    public static double explained(double[][] rows) {
        double[] s = singularValues(centred(rows, 2));
        double all = 0;
        for (double v : s) {
            all += v * v;
        }
        return all == 0 ? 1 : (s[0] * s[0] + (s.length > 1 ? s[1] * s[1] : 0)) / all;
    }

    /**
     * How well a picture keeps neighbourhoods: for each row, the share of its k nearest rows
     * (Euclidean distance in d dimensions) that are also among its k nearest points in the
     * picture, averaged over the rows; 1 when every neighbourhood survives.
     *
     * <pre>
     *   kept = (1/n) Σ_i |N_k(x_i) ∩ N_k(y_i)| / k
     * </pre>
     */
    public static double keptNeighbours(double[][] rows, double[][] points, int k) {
        if (rows == null || points == null || rows.length != points.length) {
            throw new IllegalArgumentException("keptNeighbours needs one picture point per row: got "
                    + (rows == null ? "no rows" : rows.length + " rows") + " and "
                    + (points == null ? "no points" : points.length + " points"));
        }
        if (k < 1 || k >= rows.length) {
            throw new IllegalArgumentException("k must be between 1 and the number of rows − 1 (" + (rows.length - 1)
                    + "), got " + k);
        }
        double kept = 0;
        for (int i = 0; i < rows.length; i++) {
            java.util.Set<Integer> high = nearest(rows, i, k);
            high.retainAll(nearest(points, i, k));
            kept += high.size() / (double) k;
        }
        return kept / rows.length;
    }

    /** The indices of the k rows nearest to row i (Euclidean), i itself excluded. */
    private static java.util.Set<Integer> nearest(double[][] rows, int i, int k) {
        Integer[] order = new Integer[rows.length];
        double[] distance = new double[rows.length];
        for (int j = 0; j < rows.length; j++) {
            order[j] = j;
            for (int c = 0; c < rows[i].length; c++) {
                double diff = rows[i][c] - rows[j][c];
                distance[j] += diff * diff;
            }
        }
        distance[i] = Double.POSITIVE_INFINITY;
        java.util.Arrays.sort(order, (a, b) -> Double.compare(distance[a], distance[b]));
        return new java.util.HashSet<>(java.util.Arrays.asList(order).subList(0, k));
    }

    /** X̄: the rows minus their mean. */
    static SimpleMatrix centred(double[][] rows, int k) {
        if (k < 1) {
            throw new IllegalArgumentException("PCA needs at least one component, got k = " + k);
        }
        if (rows == null || rows.length < 2) {
            throw new IllegalArgumentException("PCA needs at least two vectors, got "
                    + (rows == null ? 0 : rows.length));
        }
        int d = rows[0].length;
        if (d < k) {
            throw new IllegalArgumentException("PCA to " + k + "-D needs vectors of at least " + k + " dimensions, got " + d);
        }
        SimpleMatrix x = new SimpleMatrix(rows.length, d);
        for (int i = 0; i < rows.length; i++) {
            if (rows[i].length != d) {
                throw new IllegalArgumentException("dimension mismatch: row " + i + " has " + rows[i].length
                        + " entries but row 0 has " + d);
            }
            for (int j = 0; j < d; j++) {
                x.set(i, j, rows[i][j]);
            }
        }
        for (int j = 0; j < d; j++) {
            double mean = 0;
            for (int i = 0; i < rows.length; i++) {
                mean += x.get(i, j);
            }
            mean /= rows.length;
            for (int i = 0; i < rows.length; i++) {
                x.set(i, j, x.get(i, j) - mean);
            }
        }
        return x;
    }

    /** [v₁ … v_k] (d × k): the right singular vectors of the k largest singular values. */
    static SimpleMatrix components(double[][] rows, int k) {
        SimpleMatrix x = centred(rows, k);
        SimpleSVD<SimpleMatrix> svd = x.svd(true);
        SimpleMatrix v = svd.getV();
        int values = Math.min(svd.getW().getNumRows(), svd.getW().getNumCols());
        Integer[] order = new Integer[values];
        for (int i = 0; i < values; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> Double.compare(svd.getSingleValue(b), svd.getSingleValue(a)));
        SimpleMatrix out = new SimpleMatrix(x.getNumCols(), k);
        for (int c = 0; c < k; c++) {
            int col = c < values ? order[c] : -1;
            int biggest = 0;
            for (int j = 0; j < x.getNumCols(); j++) {
                double value = col < 0 ? 0 : v.get(j, col);
                out.set(j, c, value);
                if (Math.abs(value) > Math.abs(out.get(biggest, c))) {
                    biggest = j;
                }
            }
            if (out.get(biggest, c) < 0) {                      // fix the sign: largest entry positive
                for (int j = 0; j < x.getNumCols(); j++) {
                    out.set(j, c, -out.get(j, c));
                }
            }
        }
        return out;
    }

    private static double[] singularValues(SimpleMatrix x) {
        double[] s = x.svd(true).getSingularValues().clone();
        java.util.Arrays.sort(s);
        for (int i = 0; i < s.length / 2; i++) {                  // descending
            double t = s[i];
            s[i] = s[s.length - 1 - i];
            s[s.length - 1 - i] = t;
        }
        return s;
    }

    /** A table of 2-D points: word, x, y (one row per word, in order). */
    static Table table(String title, List<String> words, double[][] xy) {
        StringColumn word = StringColumn.create("word");
        DoubleColumn x = DoubleColumn.create("x");
        DoubleColumn y = DoubleColumn.create("y");
        for (int i = 0; i < xy.length; i++) {
            word.append(words.get(i));
            x.append(xy[i][0]);
            y.append(xy[i][1]);
        }
        return Table.create(title, word, x, y);
    }
}

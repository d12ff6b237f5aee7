package io.github.apricotcourse.viz;

import io.github.apricotcourse.embed.Embeddings;
import java.util.List;
import org.ejml.simple.SimpleMatrix;
import org.ejml.simple.SimpleSVD;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * A 2-D picture of high-dimensional vectors by principal component analysis (PCA): centre the
 * rows, then project them on the two directions along which they vary most, the first two right
 * singular vectors of the centred matrix:
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
        SimpleMatrix v = components(rows);
        SimpleMatrix xy = centred(rows).mult(v);
        double[][] out = new double[rows.length][2];
        for (int i = 0; i < rows.length; i++) {
            out[i][0] = xy.get(i, 0);
            out[i][1] = xy.get(i, 1);
        }
        return out;
    }

    /** The words' vectors projected to 2-D: a table with columns word, x, y. */
    public static Table pca(Embeddings embeddings, List<String> words) {
        double[][] rows = new double[words.size()][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = embeddings.vector(words.get(i));
        }
        double[][] xy = pca(rows);
        StringColumn word = StringColumn.create("word");
        DoubleColumn x = DoubleColumn.create("x");
        DoubleColumn y = DoubleColumn.create("y");
        for (int i = 0; i < xy.length; i++) {
            word.append(words.get(i));
            x.append(xy[i][0]);
            y.append(xy[i][1]);
        }
        return Table.create("PCA of " + words.size() + " words", word, x, y);
    }

    /** The share of the total variance that the first two components keep, in [0, 1]. */
    public static double explained(double[][] rows) {
        double[] s = singularValues(centred(rows));
        double all = 0;
        for (double v : s) {
            all += v * v;
        }
        return all == 0 ? 1 : (s[0] * s[0] + (s.length > 1 ? s[1] * s[1] : 0)) / all;
    }

    /** X̄: the rows minus their mean. */
    static SimpleMatrix centred(double[][] rows) {
        if (rows == null || rows.length < 2) {
            throw new IllegalArgumentException("PCA needs at least two vectors, got "
                    + (rows == null ? 0 : rows.length));
        }
        int d = rows[0].length;
        if (d < 2) {
            throw new IllegalArgumentException("PCA to 2-D needs vectors of at least 2 dimensions, got " + d);
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

    /** [v₁ v₂] (d × 2): the right singular vectors of the two largest singular values. */
    static SimpleMatrix components(double[][] rows) {
        SimpleMatrix x = centred(rows);
        SimpleSVD<SimpleMatrix> svd = x.svd(true);
        SimpleMatrix v = svd.getV();
        int k = Math.min(svd.getW().getNumRows(), svd.getW().getNumCols());
        Integer[] order = new Integer[k];
        for (int i = 0; i < k; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> Double.compare(svd.getSingleValue(b), svd.getSingleValue(a)));
        SimpleMatrix out = new SimpleMatrix(x.getNumCols(), 2);
        for (int c = 0; c < 2; c++) {
            int col = c < k ? order[c] : -1;
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
}

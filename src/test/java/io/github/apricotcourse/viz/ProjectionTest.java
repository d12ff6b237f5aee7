package io.github.apricotcourse.viz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.apricotcourse.embed.Embeddings;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

class ProjectionTest {
    @Test
    void pointsOnAPlaneInThreeDimensionsKeepTheirDistances() {
        // four points of a square in the plane z = x (a rotated plane): PCA recovers the square
        double s = Math.sqrt(0.5);
        double[][] rows = {{s, 0, s}, {-s, 0, -s}, {0, 2, 0}, {0, -2, 0}};
        double[][] xy = Projection.pca(rows);
        for (int i = 0; i < rows.length; i++) {
            for (int j = 0; j < rows.length; j++) {
                assertEquals(dist(rows[i], rows[j]), dist(xy[i], xy[j]), 1e-9);
            }
        }
        assertEquals(1.0, Projection.explained(rows), 1e-12);
        // the longest direction (y, spread 4) is the first component, with a positive largest entry
        assertArrayEquals(new double[] {2, 0}, xy[2], 1e-9);
    }

    @Test
    void reproducibleAndExplainsLessThanAllOfRandomData() {
        SplittableRandom r = new SplittableRandom(5);
        double[][] rows = new double[20][6];
        for (double[] row : rows) {
            for (int j = 0; j < row.length; j++) {
                row[j] = r.nextDouble();
            }
        }
        assertArrayEquals(Projection.pca(rows)[7], Projection.pca(rows)[7]);
        double e = Projection.explained(rows);
        assertTrue(e > 2 / 6.0 && e < 1, "explained " + e);
    }

    @Test
    void tableOfWords() {
        Embeddings e = Embeddings.of(List.of("apricot", "jam", "pinch"),
                new double[][] {{1, 0, 0}, {0.9, 0.1, 0}, {0, 0, 1}});
        Table t = Projection.pca(e, List.of("apricot", "jam", "pinch"));
        assertEquals(List.of("word", "x", "y"), t.columnNames());
        assertEquals(3, t.rowCount());
    }

    @Test
    void clearErrors() {
        var ex = assertThrows(IllegalArgumentException.class, () -> Projection.pca(new double[][] {{1, 2}}));
        assertTrue(ex.getMessage().contains("at least two vectors"));
        ex = assertThrows(IllegalArgumentException.class, () -> Projection.pca(new double[][] {{1, 2}, {1, 2, 3}}));
        assertTrue(ex.getMessage().contains("dimension mismatch"));
    }

    private static double dist(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += (a[i] - b[i]) * (a[i] - b[i]);
        }
        return Math.sqrt(s);
    }

    @Test
    void keptNeighboursIsOneForAFaithfulPictureAndLowerForASquashedOne() {
        double[][] line = {{0, 0, 0}, {1, 0, 0}, {3, 0, 0}, {6, 0, 0}, {20, 0, 0}};
        double[][] same = {{0, 0}, {1, 0}, {3, 0}, {6, 0}, {20, 0}};
        assertEquals(1.0, Projection.keptNeighbours(line, same, 1), 1e-12);
        // the picture swaps the ends 0 and 20: only the words at 3 and 6 keep their nearest neighbour (1 and 3)
        double[][] swapped = {{20, 0}, {1, 0}, {3, 0}, {6, 0}, {0, 0}};
        assertEquals(2 / 5.0, Projection.keptNeighbours(line, swapped, 1), 1e-12);
        var ex = assertThrows(IllegalArgumentException.class, () -> Projection.keptNeighbours(line, same, 5));
        assertTrue(ex.getMessage().contains("k must be between 1"), ex.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Projection.keptNeighbours(line, new double[2][2], 1));
    }

    @Test
    void threeComponentsKeepAThreeDimensionalShape() {
        double[][] rows = {{1, 0, 0, 0}, {-1, 0, 0, 0}, {0, 2, 0, 0}, {0, -2, 0, 0}, {0, 0, 3, 0}, {0, 0, -3, 0}};
        double[][] xyz = Projection.pca(rows, 3);
        for (int i = 0; i < rows.length; i++) {
            for (int j = 0; j < rows.length; j++) {
                assertEquals(dist(rows[i], rows[j]), dist(xyz[i], xyz[j]), 1e-9);
            }
        }
        assertThrows(IllegalArgumentException.class, () -> Projection.pca(new double[][] {{1, 2}, {2, 1}}, 3));
    }
}

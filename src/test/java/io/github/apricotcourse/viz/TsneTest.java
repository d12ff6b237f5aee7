package io.github.apricotcourse.viz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TsneTest {

    /** Three tight clusters of 40 points in 10-D, centres far apart; point i is in cluster i % 3. */
    static double[][] clusters(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] rows = new double[120][10];
        for (int i = 0; i < rows.length; i++) {
            int c = i % 3;
            for (int j = 0; j < 10; j++) {
                rows[i][j] = (j == c ? 10 : 0) + 0.5 * r.nextGaussian();
            }
        }
        return rows;
    }

    @Test
    void keepsEachPointsNearestNeighbourInItsCluster() {
        double[][] xy = Tsne.create().perplexity(10).iterations(400).seed(3).fit(clusters(1)).points();
        int same = 0;
        for (int i = 0; i < xy.length; i++) {
            int best = -1;
            double bestDistance = Double.POSITIVE_INFINITY;
            for (int j = 0; j < xy.length; j++) {
                double dx = xy[i][0] - xy[j][0], dy = xy[i][1] - xy[j][1];
                if (j != i && dx * dx + dy * dy < bestDistance) {
                    bestDistance = dx * dx + dy * dy;
                    best = j;
                }
            }
            same += best % 3 == i % 3 ? 1 : 0;
        }
        assertEquals(120, same, "every point's nearest 2-D neighbour is in its own cluster");
    }

    @Test
    void klFallsAfterTheExaggerationAndTheSeedDecidesThePicture() {
        Tsne.Result a = Tsne.create().perplexity(10).iterations(400).seed(3).fit(clusters(1));
        // recorded at steps 50, 100, ..., 400; step 300 is the first after the exaggeration ends at 250
        assertEquals(8, a.history().size());
        assertTrue(a.kl() < a.history().get(5), "KL " + a.history());
        assertEquals(a.kl(), a.history().get(7));
        assertTrue(a.kl() > 0);
        Tsne.Result again = Tsne.create().perplexity(10).iterations(400).seed(3).fit(clusters(1));
        assertArrayEquals(a.points()[17], again.points()[17]);
        Tsne.Result other = Tsne.create().perplexity(10).iterations(400).seed(4).fit(clusters(1));
        assertFalse(a.points()[17][0] == other.points()[17][0]);
    }

    @Test
    void aLargerPerplexityWidensTheGaussians() {
        double narrow = Tsne.create().perplexity(5).iterations(300).fit(clusters(2)).meanSigma();
        double wide = Tsne.create().perplexity(30).iterations(300).fit(clusters(2)).meanSigma();
        assertTrue(narrow < wide, narrow + " vs " + wide);
    }

    @Test
    void clearErrors() {
        var tooFew = assertThrows(IllegalArgumentException.class, () -> Tsne.create().perplexity(30).fit(new double[50][3]));
        assertTrue(tooFew.getMessage().contains("needs more than 90 points, got 50"), tooFew.getMessage());
        double[][] ragged = clusters(1);
        ragged[7] = new double[3];
        var mismatch = assertThrows(IllegalArgumentException.class, () -> Tsne.create().perplexity(5).fit(ragged));
        assertTrue(mismatch.getMessage().contains("row 7 has 3 entries"), mismatch.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Tsne.create().perplexity(1));
        assertThrows(IllegalArgumentException.class, () -> Tsne.create().iterations(100));
    }
}

package io.github.apricotcourse.sgns;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class NoiseTableTest {
    @Test
    void drawsFollowTheNoiseDistribution() {
        NoiseDistribution noise = NoiseDistribution.ofWeights(new double[] {1000, 300, 50, 10, 1, 1, 0.5}, 0.75);
        NoiseTable table = new NoiseTable(noise);
        SplittableRandom rng = new SplittableRandom(11);
        int draws = 400_000;
        int[] seen = new int[table.size()];
        for (int i = 0; i < draws; i++) {
            seen[table.sample(rng.nextLong())]++;
        }
        for (int w = 0; w < seen.length; w++) {
            assertEquals(noise.probability(w), (double) seen[w] / draws, 0.004, "P_α of word " + w);
        }
    }

    @Test
    void aSingleHeavyWordTakesEveryColumn() {
        NoiseTable table = new NoiseTable(NoiseDistribution.ofWeights(new double[] {5, 0, 0}, 0.75));
        SplittableRandom rng = new SplittableRandom(1);
        for (int i = 0; i < 1000; i++) {
            assertEquals(0, table.sample(rng.nextLong()));
        }
    }
}

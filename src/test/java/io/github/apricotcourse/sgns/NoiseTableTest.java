package io.github.apricotcourse.sgns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.function.LongToIntFunction;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

class NoiseTableTest {
    private static final NoiseDistribution NOISE =
            NoiseDistribution.ofWeights(new double[] {1000, 300, 50, 10, 1, 1, 0.5}, 0.75);

    /**
     * Each word's share of 400,000 draws is within 5 standard deviations of its P_α: for the rarest
     * word (P_α ≈ 0.2 %, about 850 draws) that is ±15 %, so a sampler that never draws it fails.
     */
    private static void assertDrawsFollow(NoiseDistribution noise, LongToIntFunction sampler) {
        SplittableRandom rng = new SplittableRandom(11);
        int draws = 400_000;
        int[] seen = new int[noise.size()];
        for (int i = 0; i < draws; i++) {
            seen[sampler.applyAsInt(rng.nextLong())]++;
        }
        for (int w = 0; w < seen.length; w++) {
            double p = noise.probability(w);
            double expected = p * draws;
            double sd = Math.sqrt(draws * p * (1 - p));
            assertEquals(expected, seen[w], 5 * sd, "draws of word " + w + " (P_α = " + p + ")");
        }
    }

    @Test
    void drawsFollowTheNoiseDistribution() {
        NoiseTable table = new NoiseTable(NOISE);
        assertEquals(NOISE.size(), table.size());
        assertDrawsFollow(NOISE, table::sample);
    }

    @Test
    void aSamplerThatNeverDrawsTheRareWordsFails() {
        NoiseTable table = new NoiseTable(NOISE);
        LongToIntFunction broken = bits -> {
            int w = table.sample(bits);
            return w >= 4 ? 0 : w;                   // words 4, 5, 6 (P_α ≈ 0.4 %, 0.4 %, 0.2 %) never come out
        };
        AssertionFailedError e = assertThrows(AssertionFailedError.class, () -> assertDrawsFollow(NOISE, broken));
        assertTrue(e.getMessage().startsWith("draws of word 0") || e.getMessage().startsWith("draws of word 4"),
                e.getMessage());
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

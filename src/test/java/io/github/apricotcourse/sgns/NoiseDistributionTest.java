package io.github.apricotcourse.sgns;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.apricotcourse.text.Corpus;
import io.github.apricotcourse.text.Vocabulary;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class NoiseDistributionTest {
    @Test
    void jurafskyMartinsExample() {
        NoiseDistribution p = NoiseDistribution.ofWeights(new double[] {.99, .01}, .75);
        assertEquals(.97, p.probability(0), .005);
        assertEquals(.03, p.probability(1), .005);
        double a = Math.pow(.99, .75);
        double b = Math.pow(.01, .75);
        assertEquals(a / (a + b), p.probability(0), 1e-15);
        assertEquals(1, p.probability(0) + p.probability(1), 1e-15);
    }

    @Test
    void alphaZeroIsUniformAndAlphaOneIsUnigram() {
        double[] counts = {50, 30, 15, 5};
        assertArrayEquals(new double[] {.25, .25, .25, .25}, NoiseDistribution.ofWeights(counts, 0).probabilities(), 1e-15);
        assertArrayEquals(new double[] {.5, .3, .15, .05}, NoiseDistribution.ofWeights(counts, 1).probabilities(), 1e-15);
    }

    @Test
    void samplesConvergeToPAlphaAndNeverReturnTheTarget() {
        Vocabulary v = Vocabulary.of(Corpus.of("the the the the the the the the of of of of apricot apricot jam"), 1);
        NoiseDistribution p = NoiseDistribution.of(v);
        SplittableRandom rng = new SplittableRandom(42);
        int target = v.index("the");
        int n = 400_000;
        int[] seen = new int[v.size()];
        for (int i = 0; i < n; i++) {
            seen[p.sample(rng)]++;
        }
        for (int i = 0; i < v.size(); i++) {
            assertEquals(p.probability(i), seen[i] / (double) n, 0.004, v.word(i));
        }
        int[] excl = new int[v.size()];
        for (int i = 0; i < 50_000; i++) {
            excl[p.sample(rng, target)]++;
        }
        assertEquals(0, excl[target]);
        // excluding the target redistributes its mass proportionally
        double rest = 1 - p.probability(target);
        assertEquals(p.probability(v.index("of")) / rest, excl[v.index("of")] / 50_000.0, 0.01);
    }

    @Test
    void samplingIsSeeded() {
        NoiseDistribution p = NoiseDistribution.ofWeights(new double[] {5, 4, 3, 2, 1}, .75);
        assertArrayEquals(p.sample(new SplittableRandom(9), 0, 20), p.sample(new SplittableRandom(9), 0, 20));
        assertNotEquals(java.util.Arrays.toString(p.sample(new SplittableRandom(9), 0, 20)),
                java.util.Arrays.toString(p.sample(new SplittableRandom(10), 0, 20)));
    }

    @Test
    void badInputIsExplained() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> NoiseDistribution.ofWeights(new double[] {0, 0}, .75))
                .getMessage().contains("all counts are zero"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> NoiseDistribution.ofWeights(new double[] {1}, -1))
                .getMessage().contains("alpha must be"));
        NoiseDistribution single = NoiseDistribution.ofWeights(new double[] {1, 0}, .75);
        assertTrue(assertThrows(IllegalStateException.class, () -> single.sample(new SplittableRandom(1), 0))
                .getMessage().contains("at least two words"));
        assertEquals(3, NoiseDistribution.of(Vocabulary.of(Corpus.of("a a b c"), 1)).table().rowCount());
    }
}

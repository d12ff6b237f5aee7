package io.github.apricotcourse.context;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.apricotcourse.data.Datasets;
import io.github.apricotcourse.data.SenseSentences;
import java.util.List;
import org.junit.jupiter.api.Test;

class WordInContextTest {
    @Test
    void theThresholdSeparatesTheAnswersWhenItCan() {
        double[] cos = {0.9, 0.8, 0.3, 0.2};
        boolean[] same = {true, true, false, false};
        double theta = WordInContext.fitThreshold(cos, same);
        assertEquals(0.55, theta, 1e-12);
        assertEquals(1.0, WordInContext.accuracy(theta, cos, same));
    }

    @Test
    void theThresholdMaximisesAccuracyAndCanSayAlwaysSame() {
        double[] cos = {0.9, 0.7, 0.6, 0.4, 0.2};
        boolean[] same = {true, false, true, false, false};
        assertEquals(0.8, WordInContext.accuracy(WordInContext.fitThreshold(cos, same), cos, same), 1e-12);
        double[] ones = {1, 1, 1, 1};
        boolean[] mostlySame = {true, true, true, false};
        assertEquals(0.75, WordInContext.accuracy(WordInContext.fitThreshold(ones, mostlySame), ones, mostlySame), 1e-12);
        boolean[] mostlyDifferent = {true, false, false, false};
        assertEquals(0.75, WordInContext.accuracy(WordInContext.fitThreshold(ones, mostlyDifferent), ones, mostlyDifferent), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> WordInContext.fitThreshold(new double[0], new boolean[0]));
        assertThrows(IllegalArgumentException.class, () -> WordInContext.accuracy(0.5, new double[2], new boolean[3]));
    }

    @Test
    void pairsAreBalancedPerWordAndReproducible() {
        SenseSentences s = Datasets.senseSentences();
        List<WordInContext.Pair> pairs = WordInContext.pairs(s, 10, 3);
        assertEquals(10 * s.words().size(), pairs.size());
        for (String w : s.words()) {
            assertEquals(5, pairs.stream().filter(p -> p.word().equals(w) && p.sameSense()).count());
            assertEquals(5, pairs.stream().filter(p -> p.word().equals(w) && !p.sameSense()).count());
        }
        assertTrue(pairs.stream().allMatch(p -> p.first() != p.second() && p.first().word().equals(p.second().word())));
        assertEquals(pairs, WordInContext.pairs(s, 10, 3));
        assertNotEquals(pairs, WordInContext.pairs(s, 10, 4));
        assertThrows(IllegalArgumentException.class, () -> WordInContext.pairs(s, 3, 1));
    }
}

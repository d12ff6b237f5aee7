package io.github.apricotcourse.sgns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.apricotcourse.subword.FastTextTrainer;
import io.github.apricotcourse.text.Corpus;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The pieces every trainer shares: windows, η schedule, initialisation, memory and subsampling checks. */
class TrainingSkeletonTest {
    private static SkipGramTrainer trainer() {
        return SkipGramTrainer.create().dimension(8).window(3).negatives(2).epochs(2).minCount(1)
                .subsample(1e-2).seed(11);
    }

    /** The (target, context) pairs the readable loop trains on, in order. */
    private static List<List<Integer>> readablePairs(SkipGramTrainer t, Corpus corpus) {
        List<List<Integer>> pairs = new ArrayList<>();
        t.step((W, C, w, cPos, cNeg, eta) -> {
            pairs.add(List.of(w, cPos));
            return SgdStep.apply(W, C, w, cPos, cNeg, eta);
        }).train(corpus);
        return pairs;
    }

    /** The (centre, neighbour) pairs of the windows the fast path trains on, in order. */
    private static List<List<Integer>> fastWindowPairs(SkipGramTrainer t, Corpus corpus) {
        List<List<Integer>> pairs = new ArrayList<>();
        t.threads(1).observeWindows((cPos, around, m) -> {
            for (int i = 0; i < m; i++) {
                pairs.add(List.of(cPos, around[i]));
            }
        }).train(corpus);
        return pairs;
    }

    @Test
    void readableAndFastWalkTheSameWindowsUnderTheSameSeed() {
        Corpus corpus = FastTrainerTest.twoTopics(150, 5);
        List<List<Integer>> readable = readablePairs(trainer(), corpus);
        List<List<Integer>> fast = fastWindowPairs(trainer(), corpus);
        assertTrue(readable.size() > 1000, "pairs: " + readable.size());
        // the same windows: the readable loop trains (centre, neighbour), the fast loop (neighbour, centre)
        assertEquals(readable, fast);
        assertNotEquals(readable, readablePairs(trainer().seed(12), corpus), "another seed, other windows");
    }

    @Test
    void withoutShrinkingBothPathsTrainTheSamePairs() {
        Corpus corpus = FastTrainerTest.twoTopics(100, 6);
        List<List<Integer>> readable = readablePairs(trainer().shrinkWindow(false), corpus);
        List<List<Integer>> fast = new ArrayList<>();
        for (List<Integer> p : fastWindowPairs(trainer().shrinkWindow(false), corpus)) {
            fast.add(List.of(p.get(1), p.get(0)));               // the fast path's (w, c_pos)
        }
        Comparator<List<Integer>> order = Comparator.<List<Integer>>comparingInt(p -> p.get(0)).thenComparingInt(p -> p.get(1));
        readable.sort(order);
        fast.sort(order);
        assertEquals(readable, fast);
    }

    @Test
    void bothPathsStartFromTheSameVectors() {
        Corpus corpus = FastTrainerTest.twoTopics(20, 7);
        float[] readable = trainer().learningRate(1e-12).epochs(1).train(corpus).W().flat();
        float[] fast = trainer().learningRate(1e-12).epochs(1).threads(1).train(corpus).W().flat();
        assertEquals(readable.length, fast.length);
        for (int i = 0; i < readable.length; i++) {
            assertEquals(readable[i], fast[i], 1e-7, "W[" + i + "]");
        }
    }

    @Test
    void theLearningRateDecaysAsWord2vecC() {
        assertEquals(0.025, LearningRate.at(0.025, 0, 1000));
        assertEquals(0.025 * (1 - 500.0 / 1001), LearningRate.at(0.025, 500, 1000), 1e-15);
        assertEquals(0.025 * 1e-4, LearningRate.at(0.025, 1_000_000, 1_000_000), 1e-15, "never below η₀ · 1e−4");
        List<TrainingProgress> reports = new ArrayList<>();
        trainer().listener(reports::add).train(FastTrainerTest.twoTopics(300, 8));
        TrainingProgress last = reports.get(reports.size() - 1);
        assertEquals(LearningRate.at(0.025, last.wordsDone(), last.wordsTotal()), last.learningRate(), 1e-15);
    }

    @Test
    void fastTextReportsProgressAndKeepsALossHistory() {
        List<TrainingProgress> reports = new ArrayList<>();
        var m = FastTextTrainer.create().dimension(10).window(2).epochs(3).minCount(1).buckets(2000).seed(3)
                .listener(reports::add).train(FastTrainerTest.twoTopics(200, 9));
        assertFalse(reports.isEmpty());
        assertTrue(reports.get(reports.size() - 1).finished());
        assertTrue(m.lossHistory().last() < m.lossHistory().first(), m.lossHistory().toString());
    }

    @Test
    void fastTextDivergenceIsReported() {
        var e = assertThrows(TrainingDivergedException.class, () -> FastTextTrainer.create().dimension(10).window(2)
                .minCount(1).buckets(2000).learningRate(100).train(FastTrainerTest.twoTopics(200, 10)));
        assertTrue(e.getMessage().contains("training diverged") && e.getMessage().contains("lower the learning rate"),
                e.getMessage());
    }

    @Test
    void matricesTooLargeForMemoryAreExplainedBeforeAllocating() {
        Corpus corpus = FastTrainerTest.twoTopics(10, 11);
        for (Runnable r : List.<Runnable>of(
                () -> trainer().dimension(1_000_000_000).train(corpus),
                () -> trainer().dimension(1_000_000_000).threads(1).train(corpus),
                () -> FastTextTrainer.create().minCount(1).dimension(1_000_000_000).train(corpus),
                () -> FastTextTrainer.create().minCount(1).buckets(2_000_000_000).train(corpus))) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, r::run);
            assertTrue(e.getMessage().contains("use a smaller dimension") && e.getMessage().contains("fewer buckets"),
                    e.getMessage());
        }
    }

    @Test
    void subsamplingThatDropsNearlyEveryWordIsRefused() {
        Corpus corpus = FastTrainerTest.twoTopics(200, 12);
        for (Runnable r : List.<Runnable>of(
                () -> trainer().subsample(1e-9).train(corpus),
                () -> trainer().subsample(1e-9).threads(1).train(corpus),
                () -> FastTextTrainer.create().minCount(1).subsample(1e-9).train(corpus))) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, r::run);
            assertTrue(e.getMessage().contains("subsample t = 1.0E-9 would keep only about")
                    && e.getMessage().contains("subsample(0)"), e.getMessage());
        }
    }
}

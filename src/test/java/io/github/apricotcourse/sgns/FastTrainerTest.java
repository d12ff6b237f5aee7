package io.github.apricotcourse.sgns;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.apricotcourse.embed.Embeddings;
import io.github.apricotcourse.embed.Neighbour;
import io.github.apricotcourse.text.Corpus;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The fast path trains as well as the lesson's loop, reproducibly, and fails clearly. */
class FastTrainerTest {
    /**
     * Two topics that never share a sentence: fruit words (apricot, lemon, …) and tool words
     * (hammer, saw, …), each sentence 12 words of one topic. A good model puts each word's
     * nearest neighbours in its own topic.
     */
    static Corpus twoTopics(int sentences, long seed) {
        String[] fruit = {"apricot", "lemon", "peach", "plum", "cherry", "pear", "fig", "lime"};
        String[] tools = {"hammer", "saw", "drill", "wrench", "chisel", "plane", "file", "vice"};
        SplittableRandom rng = new SplittableRandom(seed);
        List<List<String>> out = new ArrayList<>();
        for (int s = 0; s < sentences; s++) {
            String[] topic = s % 2 == 0 ? fruit : tools;
            List<String> sentence = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                sentence.add(topic[rng.nextInt(topic.length)]);
            }
            out.add(sentence);
        }
        return Corpus.fromSentences(out);
    }

    private static SkipGramTrainer trainer() {
        return SkipGramTrainer.create().dimension(16).window(3).negatives(5).epochs(3).minCount(1)
                .subsample(0).learningRate(0.025).seed(7);
    }

    /** The share of each word's 3 nearest neighbours that come from its own topic. */
    static double topicPurity(Embeddings e) {
        int same = 0;
        int all = 0;
        for (String w : e.words()) {
            boolean fruit = List.of("apricot", "lemon", "peach", "plum", "cherry", "pear", "fig", "lime").contains(w);
            for (Neighbour n : e.nearest(w, 3)) {
                boolean nFruit = List.of("apricot", "lemon", "peach", "plum", "cherry", "pear", "fig", "lime")
                        .contains(n.word());
                same += fruit == nFruit ? 1 : 0;
                all++;
            }
        }
        return (double) same / all;
    }

    @Test
    void fastAndReadableReachTheSameQuality() {
        Corpus corpus = twoTopics(600, 1);
        SkipGramModel readable = trainer().train(corpus);
        SkipGramModel fast = trainer().threads(1).train(corpus);
        SkipGramModel fastPerPair = trainer().threads(1).sharedNegatives(false).train(corpus);
        assertEquals(1.0, topicPurity(readable.embeddings()), 1e-9);
        assertEquals(1.0, topicPurity(fast.embeddings()), 1e-9);
        assertEquals(1.0, topicPurity(fastPerPair.embeddings()), 1e-9);
        double r = readable.lossHistory().last();
        assertEquals(r, fast.lossHistory().last(), 0.1 * r, "final loss, shared negatives");
        assertEquals(r, fastPerPair.lossHistory().last(), 0.1 * r, "final loss, noise per pair");
        assertTrue(fast.lossHistory().last() < fast.lossHistory().first());
    }

    @Test
    void oneThreadIsBitReproducibleFromTheSeed() {
        Corpus corpus = twoTopics(200, 2);
        SkipGramModel a = trainer().threads(1).train(corpus);
        SkipGramModel b = trainer().threads(1).train(corpus);
        SkipGramModel c = trainer().threads(1).seed(8).train(corpus);
        assertArrayEquals(a.W().flat(), b.W().flat());
        assertArrayEquals(a.C().flat(), b.C().flat());
        assertEquals(a.lossHistory().points(), b.lossHistory().points());
        assertFalse(java.util.Arrays.equals(a.W().flat(), c.W().flat()));
    }

    @Test
    void twoThreadsTrainAndReportProgress() {
        Corpus corpus = twoTopics(600, 3);
        List<TrainingProgress> reports = new ArrayList<>();
        SkipGramModel m = trainer().threads(2).listener(reports::add).train(corpus);
        assertEquals(1.0, topicPurity(m.embeddings()), 1e-9);
        assertFalse(reports.isEmpty());
        TrainingProgress last = reports.get(reports.size() - 1);
        assertTrue(last.finished());
        assertEquals(3L * 600 * 12, last.wordsDone());
        assertTrue(m.settings().contains("threads=2"), m.settings());
    }

    @Test
    void divergenceStopsTrainingWithAdvice() {
        Corpus corpus = twoTopics(200, 4);
        TrainingDivergedException e = assertThrows(TrainingDivergedException.class,
                () -> trainer().learningRate(1e30).threads(2).train(corpus));
        assertTrue(e.getMessage().contains("lower the learning rate"), e.getMessage());
    }

    @Test
    void threadsMustBePositive() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> trainer().threads(0));
        assertTrue(e.getMessage().contains("threads"));
    }
}

package io.github.apricotcourse.sgns;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.apricotcourse.embed.Neighbour;
import io.github.apricotcourse.text.Corpus;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SkipGramTrainerTest {
    /** Fruit words share spread contexts, tool words share theirs; the two groups never mix. */
    static Corpus fruitAndTools(int sentences, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        String[] fruit = {"apricot", "peach", "plum", "cherry"};
        String[] fruitContext = {"jam", "sweet", "ripe", "tablespoon", "pie"};
        String[] tools = {"hammer", "wrench", "saw", "drill"};
        String[] toolContext = {"garage", "metal", "heavy", "bolt", "workshop"};
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < sentences; i++) {
            boolean f = rng.nextBoolean();
            String[] words = f ? fruit : tools;
            String[] ctx = f ? fruitContext : toolContext;
            lines.add(ctx[rng.nextInt(5)] + " " + words[rng.nextInt(4)] + " " + ctx[rng.nextInt(5)]
                    + " " + ctx[rng.nextInt(5)]);
        }
        return Corpus.fromLines(lines);
    }

    static SkipGramTrainer small() {
        return SkipGramTrainer.create().dimension(16).window(2).negatives(3).epochs(20).minCount(1).subsample(0)
                .learningRate(0.05).seed(7);
    }

    @Test
    void sameSeedGivesBitIdenticalEmbeddings() {
        Corpus c = fruitAndTools(200, 1);
        SkipGramModel a = small().train(c);
        SkipGramModel b = small().train(c);
        assertArrayEquals(a.W().flat(), b.W().flat());
        assertArrayEquals(a.C().flat(), b.C().flat());
        SkipGramModel other = small().seed(8).train(c);
        assertNotEquals(a.W().flat()[0], other.W().flat()[0]);
    }

    @Test
    void lossFallsAndSimilarWordsEndUpClose() {
        List<TrainingProgress> reports = new ArrayList<>();
        SkipGramModel m = small().listener(reports::add).train(fruitAndTools(400, 2));
        LossHistory h = m.lossHistory();
        assertTrue(h.last() < 0.7 * h.first(), h.toString());
        assertTrue(reports.get(reports.size() - 1).finished());
        assertEquals(1.0, reports.get(reports.size() - 1).fraction());
        List<String> near = m.embeddings().nearest("apricot", 3).stream().map(Neighbour::word).toList();
        assertTrue(List.of("peach", "plum", "cherry").containsAll(near), near.toString());
        assertTrue(m.embeddings().cosine("apricot", "peach") > m.embeddings().cosine("apricot", "hammer"));
        assertEquals(m.vocabulary().size(), m.embeddings(SkipGramModel.Vectors.W_PLUS_C).size());
        assertEquals(3, h.table().columnCount());
    }

    @Test
    void badInputIsExplained() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> small().train(Corpus.of("", "...")))
                .getMessage().contains("the corpus is empty"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> small().train(Corpus.of("apricot apricot")))
                .getMessage().contains("at least two distinct words"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> small().train(null))
                .getMessage().contains("corpus is null"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> small().learningRate(-1))
                .getMessage().contains("learningRate must be a positive number"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> small().dimension(0))
                .getMessage().contains("dimension must be at least 1"));
    }

    @Test
    void tooLargeLearningRateReportsDivergence() {
        var e = assertThrows(TrainingDivergedException.class,
                () -> small().learningRate(1e200).train(fruitAndTools(100, 3)));
        assertTrue(e.getMessage().contains("training diverged") && e.getMessage().contains("lower the learning rate"),
                e.getMessage());
    }
}

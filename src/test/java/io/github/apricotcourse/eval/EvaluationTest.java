package io.github.apricotcourse.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.apricotcourse.embed.Analogy;
import io.github.apricotcourse.embed.Embeddings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvaluationTest {
    @TempDir
    Path tmp;

    static Embeddings random(int words, int d, long seed) {
        Random r = new Random(seed);
        List<String> names = new ArrayList<>();
        float[] flat = new float[words * d];
        for (int i = 0; i < words; i++) {
            names.add("w" + i);
        }
        for (int i = 0; i < flat.length; i++) {
            flat[i] = (float) r.nextGaussian();
        }
        return Embeddings.of(names, flat, d);
    }

    @Test
    void batchedCosAddGivesTheSameAnswersAsTheReadableAnalogy() {
        Embeddings e = random(3000, 16, 7);
        Random r = new Random(8);
        List<int[]> questions = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            questions.add(new int[] {r.nextInt(3000), r.nextInt(3000), r.nextInt(3000)});
        }
        int[] fast = CosAddSearch.answer(e, questions);
        for (int i = 0; i < questions.size(); i++) {
            int[] q = questions.get(i);
            String readable = Analogy.of("w" + q[0], "w" + q[1], "w" + q[2]).solve(e).get(0).word();
            assertEquals(readable, "w" + fast[i], "question " + i);
        }
    }

    @Test
    void withoutExclusionTheBatchedSearchAgreesWithTheReadableAnalogyAndMayAnswerAnInput() {
        Embeddings e = random(2000, 16, 9);
        Random r = new Random(10);
        List<int[]> questions = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            questions.add(new int[] {r.nextInt(2000), r.nextInt(2000), r.nextInt(2000)});
        }
        int[] fast = CosAddSearch.answer(e, questions, false);
        int inputs = 0;
        for (int i = 0; i < questions.size(); i++) {
            int[] q = questions.get(i);
            String readable = Analogy.of("w" + q[0], "w" + q[1], "w" + q[2]).excludeInputs(false).solve(e).get(0).word();
            assertEquals(readable, "w" + fast[i], "question " + i);
            inputs += fast[i] == q[0] || fast[i] == q[1] || fast[i] == q[2] ? 1 : 0;
        }
        assertTrue(inputs > 10, "with random vectors in 16 dimensions, b − a + c is often nearest to an input: " + inputs);
    }

    @Test
    void analogySectionsAreScoredAndWordsOutsideTheTopNAreSkipped() throws Exception {
        // a 2-d world where b − a + c lands exactly on the expected word
        List<String> words = List.of("man", "woman", "king", "queen", "paris", "france", "rome", "italy", "rare");
        double[][] rows = {{1, 0}, {1, 1}, {3, 0}, {3, 1}, {0, 5}, {2, 5}, {0, 7}, {2, 7}, {-9, 3}};
        Embeddings e = Embeddings.of(words, rows);
        Path f = tmp.resolve("q.txt");
        Files.writeString(f, ": capital-common-countries\nParis France Rome Italy\nParis France Rome Rare\n"
                + ": family\nman woman king queen\nman king woman queen\n: gram8-plural\nking queen man rare\n");
        AnalogySet set = AnalogySet.read(f);
        assertEquals(5, set.size());
        AnalogyResult all = set.evaluate(e);
        assertEquals(1, all.section("capital-common-countries").correct());
        assertEquals(2, all.section("capital-common-countries").answered());
        assertEquals(2, all.section("family").answered());
        assertTrue(all.section("gram8-plural").syntactic());
        assertEquals(5, all.total().answered());

        AnalogyResult top8 = set.evaluate(e, 8);                 // "rare" is the 9th word: its questions are skipped
        assertEquals(1, top8.section("capital-common-countries").skipped());
        assertEquals(1, top8.syntactic().skipped());
        assertEquals(3, top8.total().answered());
        assertEquals(9, top8.table().rowCount() + 3 * 0 + 3, "3 sections + semantic, syntactic, total");
    }

    @Test
    void onlyTheTopWordsAreCandidateAnswersAsInGensimsRestrictVocab() throws Exception {
        // b̂ − â + ĉ points at 45°; "queen2" (42°, 6th word) is nearer to it than "queen" (22°, 5th)
        List<String> words = List.of("man", "woman", "king", "other", "queen", "queen2");
        double[][] rows = {{1, 0}, {1, 1}, {3, 0}, {-1, 0.1}, {3, 1.2}, {2, 1.8}};
        Embeddings e = Embeddings.of(words, rows);
        Path f = tmp.resolve("q.txt");
        Files.writeString(f, ": family\nman woman king queen\n");
        AnalogySet set = AnalogySet.read(f);
        assertEquals(1, set.evaluate(e, 6).total().answered());
        assertEquals(0, set.evaluate(e, 6).total().correct(), "with 6 words queen2 wins");
        assertEquals(1, set.evaluate(e, 5).total().correct(), "with 5 words queen2 is no candidate");
        assertEquals(1, set.evaluate(e, 4).total().skipped(), "with 4 words the question is skipped");
    }

    @Test
    void similarityCountsOutOfVocabularyPairsAndReadsBothFormats() throws Exception {
        Embeddings e = Embeddings.of(List.of("tiger", "cat", "car", "train"),
                new double[][] {{1, 0.1}, {1, 0.3}, {0, 1}, {0.2, 1}});
        Path ws = tmp.resolve("ws.tsv");
        Files.writeString(ws, "# comment\n# Word 1\tWord 2\tHuman (mean)\nTiger\tcat\t7.35\ntiger\tcar\t1.0\n"
                + "train\tcar\t6.31\ntiger\tzebra\t8\n");
        SimilarityResult r = SimilaritySet.read(ws).evaluate(e);
        assertEquals(3, r.pairs());
        assertEquals(1, r.outOfVocabulary());
        double[] human = {7.35, 1.0, 6.31};
        double[] cos = {e.cosine("tiger", "cat"), e.cosine("tiger", "car"), e.cosine("train", "car")};
        assertEquals(Spearman.rho(human, cos), r.spearman(), 1e-12);

        Path simlex = tmp.resolve("SimLex-999.txt");
        Files.writeString(simlex, "word1\tword2\tPOS\tSimLex999\tconc(w1)\nold\tnew\tA\t1.58\t2.72\nsmart\tintelligent\tA\t9.2\t1.75\n");
        SimilaritySet s = SimilaritySet.read(simlex);
        assertEquals(new SimilaritySet.Pair("smart", "intelligent", 9.2), s.pairs().get(1));

        Path bad = tmp.resolve("bad.tsv");
        Files.writeString(bad, "tiger\tcat\t7\ntiger cat\n");
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, () -> SimilaritySet.read(bad));
        assertTrue(ex.getMessage().contains("line 2"), ex.getMessage());
    }

    @Test
    void aFirstLineWhoseRatingIsNotANumberIsReportedNotTakenAsAHeader() throws Exception {
        Path f = tmp.resolve("typo.tsv");
        Files.writeString(f, "# pairs\ntiger\tcat\tseven\ntiger\tcar\t1.0\n");
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, () -> SimilaritySet.read(f));
        assertTrue(ex.getMessage().contains("typo.tsv line 2: the rating 'seven' of the pair 'tiger', 'cat' is not a finite"
                + " number. Fix or remove that line; a header line must name its first two columns word1 and word2."),
                ex.getMessage());

        Files.writeString(f, "tiger,cat,7\ntiger,car,NaN\n");
        ex = assertThrows(IllegalArgumentException.class, () -> SimilaritySet.read(f));
        assertTrue(ex.getMessage().contains("typo.tsv line 2: the rating 'NaN' of the pair 'tiger', 'car' is not a finite"),
                ex.getMessage());

        Files.writeString(f, "Word 1,Word 2,Human (mean)\ntiger,cat,7.35\n");
        assertEquals(List.of(new SimilaritySet.Pair("tiger", "cat", 7.35)), SimilaritySet.read(f).pairs());
    }
}

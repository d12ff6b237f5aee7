package io.github.apricotcourse.count;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.apricotcourse.embed.Embeddings;
import io.github.apricotcourse.sgns.NoiseDistribution;
import io.github.apricotcourse.text.Corpus;
import io.github.apricotcourse.text.UnknownWordException;
import io.github.apricotcourse.text.Vocabulary;
import org.ejml.simple.SimpleMatrix;
import java.util.List;
import org.junit.jupiter.api.Test;

class CountTest {
    static final Corpus TINY = Corpus.of(
            "a tablespoon of apricot jam a pinch",
            "a cup of cherry jam",
            "the digital computer stores information",
            "the computer stores digital data");

    @Test
    void countsPairsWithinTheWindowInBothDirections() {
        CooccurrenceMatrix m = CooccurrenceMatrix.count(TINY, Vocabulary.of(TINY, 1), 2);
        assertEquals(1, m.get("apricot", "jam"));
        assertEquals(1, m.get("apricot", "tablespoon"));
        assertEquals(0, m.get("apricot", "pinch"), "pinch is 3 words from apricot");
        assertEquals(0, m.get("jam", "computer"), "windows never cross sentences");
        assertEquals(2, m.get("jam", "of"));
        m.forEachNonZero((w, c, v) -> assertEquals(v, m.get(c, w), "counts are symmetric"));
        assertEquals(2 * ((6 + 5) + 3 * (4 + 3)), m.total(), "every pair at distance 1 or 2, counted from both sides");
        assertEquals("of", m.topContexts("jam", 1).get(0).word());
        assertThrows(UnknownWordException.class, () -> m.get("apricots", "jam"));
    }

    @Test
    void probabilityIsTheCellOverItsRowSum() {
        CooccurrenceMatrix m = CooccurrenceMatrix.count(TINY, Vocabulary.of(TINY, 1), 2);
        // jam's row at L = 2: of 2, apricot 1, a 1, pinch 1, cherry 1 → 6
        assertEquals(2.0 / 6, m.probability("of", "jam"), 1e-12);
        assertEquals(0, m.probability("computer", "jam"));
        assertEquals(m.get("jam", "apricot") / m.rowSum(Vocabulary.of(TINY, 1).index("jam")),
                m.probability("apricot", "jam"), 1e-12);
        assertThrows(UnknownWordException.class, () -> m.probability("jam", "apricots"));
        CooccurrenceMatrix alone = CooccurrenceMatrix.count(Corpus.of("solo", "x y"), Vocabulary.of(Corpus.of("solo", "x y"), 1), 1);
        var empty = assertThrows(IllegalArgumentException.class, () -> alone.probability("x", "solo"));
        assertTrue(empty.getMessage().contains("solo"), empty.getMessage());
    }

    @Test
    void aLargeVocabularyIsCountedExactlyInTheArrayAndTheHashPartsOfARow() {
        // 3,000 word types, so a row's counts go both to its array of frequent contexts and to its hash table.
        java.util.SplittableRandom rng = new java.util.SplittableRandom(7);
        List<List<String>> sentences = new java.util.ArrayList<>();
        for (int s = 0; s < 1500; s++) {
            List<String> sentence = new java.util.ArrayList<>();
            for (int t = 0; t < 1 + rng.nextInt(30); t++) {
                sentence.add("w" + (int) Math.pow(3000, rng.nextDouble()));   // Zipf-like: small numbers are frequent
            }
            sentences.add(sentence);
        }
        Corpus corpus = Corpus.fromSentences(sentences);
        Vocabulary v = Vocabulary.of(corpus, 1);
        assertTrue(v.size() > 1100, "the test needs more words than a row keeps in its array, got " + v.size());
        int window = 3;
        java.util.Map<List<Integer>, Integer> naive = new java.util.HashMap<>();
        for (List<String> sentence : sentences) {
            for (int t = 0; t < sentence.size(); t++) {
                for (int j = Math.max(0, t - window); j <= Math.min(sentence.size() - 1, t + window); j++) {
                    if (j != t) {
                        naive.merge(List.of(v.index(sentence.get(t)), v.index(sentence.get(j))), 1, Integer::sum);
                    }
                }
            }
        }
        java.util.Map<List<Integer>, Double> byDistance = new java.util.HashMap<>();
        for (List<String> sentence : sentences) {
            for (int t = 0; t < sentence.size(); t++) {
                for (int j = Math.max(0, t - window); j <= Math.min(sentence.size() - 1, t + window); j++) {
                    if (j != t) {
                        byDistance.merge(List.of(v.index(sentence.get(t)), v.index(sentence.get(j))), 1.0 / Math.abs(t - j), Double::sum);
                    }
                }
            }
        }
        CooccurrenceMatrix m = CooccurrenceMatrix.count(corpus, v, window);
        assertEquals(naive.size(), m.nonZeros());
        naive.forEach((wc, n) -> assertEquals((double) n, m.get(wc.get(0), wc.get(1)), "count of " + wc));
        CooccurrenceMatrix x = CooccurrenceMatrix.countByDistance(corpus, v, window);
        assertEquals(byDistance.size(), x.nonZeros());
        byDistance.forEach((wc, n) -> assertEquals(n, x.get(wc.get(0), wc.get(1)), 1e-12, "1/δ-weighted count of " + wc));
        for (int w = 0; w < m.size(); w++) {
            int[] cs = m.columnsOfRow(w);
            for (int k = 1; k < cs.length; k++) {
                assertTrue(cs[k - 1] < cs[k], "row " + w + "'s columns ascend");
            }
        }
    }

    @Test
    void countByDistanceAddsOneOverDeltaForAPairDeltaWordsApart() {
        Corpus c = Corpus.of("a b rare c d", "a b");
        Vocabulary v = Vocabulary.fromCounts(java.util.Map.of("a", 2L, "b", 2L, "c", 1L, "d", 1L), 1);
        CooccurrenceMatrix x = CooccurrenceMatrix.countByDistance(c, v, 3);
        assertEquals(2, x.get("a", "b"), 1e-15, "δ = 1 in both sentences");
        assertEquals(1.0 / 2, x.get("b", "c"), 1e-15, "rare still takes up its position");
        assertEquals(1.0 / 3, x.get("a", "c"), 1e-15);
        assertEquals(1.0 / 3, x.get("b", "d"), 1e-15);
        assertEquals(1, x.get("c", "d"), 1e-15);
        assertEquals(0, x.get("a", "d"), "δ = 4 is outside ±3");
        x.forEachNonZero((w, col, value) -> assertEquals(value, x.get(col, w), "the weighted counts are symmetric"));
        CooccurrenceMatrix plain = CooccurrenceMatrix.count(c, v, 3);
        assertEquals(1, plain.get("a", "c"), "the plain counts count every pair 1");
        assertEquals(plain.nonZeros(), x.nonZeros(), "the same pairs, weighted");
        assertTrue(x.byDistance());
        assertTrue(!plain.byDistance());
        assertTrue(x.toString().contains("1/δ"), x.toString());
    }

    @Test
    void wordsOutsideTheVocabularyKeepTheirPositions() {
        Corpus c = Corpus.of("x rare y");
        Vocabulary v = Vocabulary.fromCounts(java.util.Map.of("x", 1L, "y", 1L), 1);
        CooccurrenceMatrix m = CooccurrenceMatrix.count(c, v, 1);
        assertEquals(0, m.get("x", "y"), "rare still stands between x and y");
        assertEquals(1, CooccurrenceMatrix.count(c, v, 2).get("x", "y"));
    }

    @Test
    void mostFrequentKeepsTheTopWordsAndTheirCounts() {
        Vocabulary all = Vocabulary.of(TINY, 1);
        Vocabulary top = all.mostFrequent(3);
        assertEquals(3, top.size());
        assertEquals(all.words().subList(0, 3), top.words());
        assertEquals(all.count(all.word(0)), top.count(top.word(0)));
        assertEquals(all.size(), all.mostFrequent(1000).size());
    }

    @Test
    void ppmiFollowsTheDefinition() {
        CooccurrenceMatrix m = CooccurrenceMatrix.count(TINY, Vocabulary.of(TINY, 1), 2);
        int w = m.vocabulary().index("apricot");
        int c = m.vocabulary().index("jam");
        double n = m.total();
        double expected = Math.log(m.get(w, c) / n / (m.rowSum(w) / n * m.rowSum(c) / n)) / Math.log(2);
        Ppmi p = Ppmi.of(m);
        assertEquals(expected, p.pmi("apricot", "jam"), 1e-12);
        assertEquals(Double.NEGATIVE_INFINITY, p.pmi("apricot", "computer"));
        assertEquals(0, p.ppmi("apricot", "computer"));
        CooccurrenceMatrix weighted = p.matrix();
        assertEquals(Math.max(0, expected), weighted.get("apricot", "jam"), 1e-12);
        assertTrue(weighted.cosine("apricot", "cherry") > weighted.cosine("apricot", "computer"));
        double smoothed = Ppmi.of(m).alpha(0.75).pmi("apricot", "jam");
        assertTrue(smoothed != expected, "α changes P(c)");
        double[] contextCounts = new double[m.size()];
        for (int i = 0; i < contextCounts.length; i++) {
            contextCounts[i] = m.rowSum(i);
        }
        double pc = NoiseDistribution.ofWeights(contextCounts, 0.75).probability(c);   // skip-gram's P_α
        assertEquals(Math.log(m.get(w, c) / n / (m.rowSum(w) / n * pc)) / Math.log(2), smoothed, 1e-12,
                "PPMI's smoothed P_α(c) is the noise distribution's");
        assertThrows(IllegalArgumentException.class, () -> Ppmi.of(m).alpha(0));
    }

    @Test
    void truncatedSvdMatchesTheExactDecomposition() {
        CooccurrenceMatrix m = CooccurrenceMatrix.count(TINY, Vocabulary.of(TINY, 1), 2);
        Ppmi ppmi = Ppmi.of(m);
        CooccurrenceMatrix x = ppmi.matrix();
        double[][] dense = new double[x.size()][];
        for (int i = 0; i < dense.length; i++) {
            dense[i] = x.row(x.vocabulary().word(i));
        }
        double[] exact = new SimpleMatrix(dense).svd().getSingularValues();
        java.util.Arrays.sort(exact);
        double[] approx = TruncatedSvd.of(x).rank(3).seed(5).singularValues();
        for (int j = 0; j < 3; j++) {
            double sigma = exact[exact.length - 1 - j];
            assertEquals(sigma, approx[j], 1e-5 * sigma, "σ_" + (j + 1) + " to 5 significant digits (randomized, one power iteration)");
        }
        Embeddings e = TruncatedSvd.of(x).rank(3).seed(5).embeddings();
        assertEquals(3, e.dimension());
        assertEquals(x.size(), e.size());
        assertArrayEquals(e.vector("jam"), TruncatedSvd.of(x).rank(3).seed(5).embeddings().vector("jam"), "seeded");
        assertThrows(IllegalArgumentException.class, () -> TruncatedSvd.of(x).rank(0));
    }

    @Test
    void nullCorpusVocabularyAndSentencesAreExplained() {
        Corpus c = Corpus.of("the king rules the kingdom");
        Vocabulary v = Vocabulary.of(c, 1);
        var corpus = assertThrows(NullPointerException.class, () -> CooccurrenceMatrix.count(null, v, 2));
        assertTrue(corpus.getMessage().contains("the corpus is null"), corpus.getMessage());
        var vocabulary = assertThrows(NullPointerException.class, () -> CooccurrenceMatrix.count(c, null, 2));
        assertTrue(vocabulary.getMessage().contains("the vocabulary is null"), vocabulary.getMessage());
        Corpus withNull = () -> java.util.Arrays.asList(List.of("the", "king"), (List<String>) null).iterator();
        var sentence = assertThrows(IllegalArgumentException.class, () -> CooccurrenceMatrix.count(withNull, v, 2));
        assertTrue(sentence.getMessage().contains("sentence 1 (counting from 0) of the corpus is null"), sentence.getMessage());
    }
}

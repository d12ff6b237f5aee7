package io.github.apricotcourse.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TextTest {
    static final String APRICOT = "lemon, a tablespoon of apricot jam, a pinch";

    @Test
    void tokenizerMatchesText8() {
        assertEquals(List.of("lemon", "a", "tablespoon", "of", "apricot", "jam", "a", "pinch"), Tokenizer.tokenize(APRICOT));
        assertEquals(List.of("in", "one", "nine", "eight", "four", "don", "t", "go"), Tokenizer.tokenize("In 1984: DON'T go!"));
        assertEquals(List.of(), Tokenizer.tokenize(" ,.;  "));
    }

    @Test
    void apricotContextsWithWindowTwo() {
        List<String> s = Tokenizer.tokenize(APRICOT);
        assertEquals(List.of("tablespoon", "of", "jam", "a"), SkipGramWindows.contexts(s, 4, 2));
        List<SkipGramWindows.Pair> pairs = SkipGramWindows.pairs(s, 2);
        assertEquals(List.of("tablespoon", "of", "jam", "a"),
                pairs.stream().filter(p -> p.target().equals("apricot")).map(SkipGramWindows.Pair::context).toList());
        // 8 tokens, L = 2: 2 + 3 + 4·4 + 3 + 2 pairs
        assertEquals(26, pairs.size());
    }

    @Test
    void windowShrinkingIsSeededAndWithinL() {
        int[] s = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
        int[] count = new int[1];
        int[] maxDistance = new int[1];
        SkipGramWindows.forEachPair(s, 3, new SplittableRandom(1), (t, c) -> {
            count[0]++;
            maxDistance[0] = Math.max(maxDistance[0], Math.abs(t - c));
        });
        int full = 0;
        for (int t = 0; t < 10; t++) {
            full += Math.min(9, t + 3) - Math.max(0, t - 3);
        }
        assertTrue(count[0] < full && count[0] > 0, count[0] + " vs " + full);
        assertTrue(maxDistance[0] <= 3);
        int[] again = new int[1];
        SkipGramWindows.forEachPair(s, 3, new SplittableRandom(1), (t, c) -> again[0]++);
        assertEquals(count[0], again[0]);
        var e = assertThrows(IllegalArgumentException.class, () -> SkipGramWindows.pairs(List.of("a"), 0));
        assertTrue(e.getMessage().contains("window L must be at least 1"));
    }

    @Test
    void vocabularyCountsSortsAndDropsRareWords() {
        Corpus c = Corpus.of("a b a c a b", "d a");
        Vocabulary v = Vocabulary.of(c, 2);
        assertEquals(List.of("a", "b"), v.words());
        assertEquals(4, v.count("a"));
        assertEquals(2, v.count(1));
        assertEquals(6, v.totalCount());
        assertArrayEquals(new int[] {0, 1, 0, 0, 1}, v.encode(List.of("a", "b", "a", "c", "a", "b")));
        assertFalse(v.contains("c"));
        assertEquals(-1, v.indexOrMinusOne("c"));
        assertEquals(List.of("a", "b", "c", "d"), Vocabulary.of(c, 1).words());
    }

    @Test
    void unknownWordNamesItAndSuggestsNearSpellings() {
        Vocabulary v = Vocabulary.of(Corpus.of(APRICOT + " apricots"), 1);
        var e = assertThrows(UnknownWordException.class, () -> v.index("aprcot"));
        assertTrue(e.getMessage().contains("unknown word 'aprcot'"), e.getMessage());
        assertEquals(List.of("apricot", "apricots"), e.suggestions());
        assertTrue(e.getMessage().contains("Did you mean: apricot, apricots?"), e.getMessage());
        var upper = assertThrows(UnknownWordException.class, () -> v.index("ZZZZZZZZ"));
        assertTrue(upper.getMessage().contains("try 'zzzzzzzz'"), upper.getMessage());
        var nul = assertThrows(UnknownWordException.class, () -> v.index(null));
        assertTrue(nul.getMessage().contains("null"));
    }

    @Test
    void emptyCorpusAndTooHighMinCountAreExplained() {
        var empty = assertThrows(IllegalArgumentException.class, () -> Vocabulary.of(Corpus.of("", "!!!"), 1));
        assertTrue(empty.getMessage().contains("the corpus is empty"), empty.getMessage());
        var high = assertThrows(IllegalArgumentException.class, () -> Vocabulary.of(Corpus.of("a b a"), 5));
        assertTrue(high.getMessage().contains("lower minCount to at most 2"), high.getMessage());
    }

    @Test
    void subsamplingFollowsWord2vecFormulaAndIsSeeded() {
        Vocabulary v = Vocabulary.fromCounts(Map.of("the", 9000L, "apricot", 1000L), 1);
        Subsampling s = new Subsampling(v, 1e-1);
        double f = 0.9;
        assertEquals((Math.sqrt(f / 0.1) + 1) * 0.1 / f, s.keepProbability(v.index("the")), 1e-12);
        assertEquals(1.0, s.keepProbability(v.index("apricot")));             // f = 0.1 ≤ t: always kept
        int[] sentence = new int[10_000];
        int[] kept = s.apply(sentence, new SplittableRandom(5));
        assertEquals(s.keepProbability(0), kept.length / 10_000.0, 0.02);
        assertArrayEquals(kept, s.apply(sentence, new SplittableRandom(5)));
        assertEquals(10_000, new Subsampling(v, 0).apply(sentence, new SplittableRandom(1)).length);
    }

    @Test
    void nearSpellingsUseEditDistance() {
        assertEquals(1, NearSpellings.distance("jam", "ham", 3));
        assertEquals(3, NearSpellings.distance("kitten", "sitting", 5));
        assertEquals(List.of("jam", "ham"), NearSpellings.of("jamm", List.of("ham", "jam", "apricot"), 5));
    }

    @Test
    void nullCorpusSentencesAndTokensAreExplained() {
        var all = assertThrows(NullPointerException.class, () -> Corpus.of((String[]) null));
        assertTrue(all.getMessage().contains("the sentences are null: pass one string per sentence"), all.getMessage());
        var one = assertThrows(IllegalArgumentException.class, () -> Corpus.of("the king rules", null));
        assertTrue(one.getMessage().contains("sentence 1 (counting from 0) is null"), one.getMessage());
        var lines = assertThrows(NullPointerException.class, () -> Corpus.fromLines(null));
        assertTrue(lines.getMessage().contains("the list of lines is null"), lines.getMessage());
        var sentences = assertThrows(NullPointerException.class, () -> Corpus.fromSentences(null));
        assertTrue(sentences.getMessage().contains("the list of sentences is null"), sentences.getMessage());
        var sentence = assertThrows(IllegalArgumentException.class,
                () -> Corpus.fromSentences(java.util.Arrays.asList(List.of("a"), null)));
        assertTrue(sentence.getMessage().contains("sentence 1 (counting from 0) is null"), sentence.getMessage());
        var token = assertThrows(IllegalArgumentException.class,
                () -> Corpus.fromSentences(List.of(java.util.Arrays.asList("the", null, "king"))));
        assertTrue(token.getMessage().contains("token 1 of sentence 0 (counting from 0) is null"), token.getMessage());
    }
}

package io.github.apricotcourse.embed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.apricotcourse.text.UnknownWordException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EmbeddingsTest {
    /** A hand-made space with a gender axis (x) and a royalty axis (y), plus distractors. */
    static Embeddings royals() {
        Map<String, double[]> m = new LinkedHashMap<>();
        m.put("man", new double[] {1, 0, 0.1});
        m.put("woman", new double[] {-1, 0, 0.1});
        m.put("king", new double[] {1, 1, 0.1});
        m.put("queen", new double[] {-1, 1, 0.12});
        m.put("apple", new double[] {0, -1, 1});
        m.put("pear", new double[] {0.1, -1, 1});
        return Embeddings.of(m);
    }

    @Test
    void cosineAndNearestNeighbours() {
        Embeddings e = royals();
        assertEquals(1.0, e.cosine("apple", "apple"), 1e-6);
        List<Neighbour> near = e.nearest("apple", 2);
        assertEquals("pear", near.get(0).word());
        assertEquals(2, near.size());
        assertTrue(near.get(0).similarity() >= near.get(1).similarity());
        assertEquals("pear", e.nearest(new double[] {0, -1, 1}, 1, Set.of("apple")).get(0).word());
        assertEquals(List.of("rank", "word", "cosine"), e.nearestTable("king", 3).columnNames());
    }

    @Test
    void parallelogramFindsQueenWhenInputsAreExcluded() {
        Embeddings e = royals();
        assertEquals("queen", e.analogy("man", "king", "woman").word());
        assertEquals("queen", Analogy.of("man", "king", "woman").method(Analogy.Method.COS_MUL).solve(e).get(0).word());
        List<Neighbour> withInputs = Analogy.of("man", "king", "woman").excludeInputs(false).top(6).solve(e);
        assertEquals(6, withInputs.size());
        List<Neighbour> without = Analogy.of("man", "king", "woman").top(6).solve(e);
        assertEquals(3, without.size());
        assertTrue(without.stream().noneMatch(n -> Set.of("man", "king", "woman").contains(n.word())));
    }

    @Test
    void inputWordsWinWhenNotExcluded() {
        // a small offset: b − a + c lies closest to c itself, as JM warns
        Map<String, double[]> m = new LinkedHashMap<>();
        m.put("a", new double[] {1, 0});
        m.put("b", new double[] {1, 0.1});
        m.put("c", new double[] {0, 1});
        m.put("d", new double[] {0.3, 1});
        Embeddings e = Embeddings.of(m);
        assertEquals("c", Analogy.of("a", "b", "c").excludeInputs(false).solve(e).get(0).word());
        assertEquals("d", Analogy.of("a", "b", "c").solve(e).get(0).word());
    }

    @Test
    void unknownWordAndBadShapesAreExplained() {
        Embeddings e = royals();
        var u = assertThrows(UnknownWordException.class, () -> e.vector("quen"));
        assertTrue(u.getMessage().contains("unknown word 'quen'") && u.getMessage().contains("queen"), u.getMessage());
        var d = assertThrows(IllegalArgumentException.class, () -> e.nearest(new double[2], 3, Set.of()));
        assertTrue(d.getMessage().contains("dimension mismatch"), d.getMessage());
        var r = assertThrows(IllegalArgumentException.class,
                () -> Embeddings.of(List.of("a", "b"), new double[][] {{1, 2}, {1}}));
        assertTrue(r.getMessage().contains("the vector of 'b' has 1 entries but the first has 2"), r.getMessage());
        var dup = assertThrows(IllegalArgumentException.class,
                () -> Embeddings.of(List.of("a", "a"), new float[] {1, 2}, 1));
        assertTrue(dup.getMessage().contains("appears twice"), dup.getMessage());
        var plus = assertThrows(IllegalArgumentException.class,
                () -> e.plus(Embeddings.of(List.of("a"), new float[] {1}, 1)));
        assertTrue(plus.getMessage().contains("same words and dimension"));
    }

    @Test
    void plusAndRestrict() {
        Embeddings e = royals();
        Embeddings twice = e.plus(e);
        assertEquals(2.0, twice.vector("man")[0], 0);
        assertEquals(List.of("man", "woman"), e.restrictTo(2).words());
    }

    private static String message(Class<? extends Throwable> type, org.junit.jupiter.api.function.Executable call) {
        return assertThrows(type, call).getMessage();
    }

    @Test
    void duplicateWordsAreReportedWithBothRows() {
        String m = message(IllegalArgumentException.class,
                () -> Embeddings.of(List.of("a", "b", "a"), new float[] {1, 2, 3}, 1));
        assertTrue(m.contains("the word 'a' appears twice (rows 0 and 2, counting from 0)"), m);
    }

    @Test
    void analogyWithEveryCandidateExcludedIsExplained() {
        Embeddings e = Embeddings.of(List.of("man", "king", "woman"), new double[][] {{1, 0}, {1, 1}, {-1, 0}});
        String m = message(IllegalArgumentException.class, () -> e.analogy("man", "king", "woman"));
        assertTrue(m.contains("no candidate answers: the embeddings hold only the words [man, king, woman], and the inputs"
                + " [man, king, woman] are excluded") && m.contains(".excludeInputs(false)"), m);
        assertEquals("woman", Analogy.of("man", "king", "woman").excludeInputs(false).solve(e).get(0).word());
    }

    @Test
    void nullWordsVectorsAndEmbeddingsAreExplained() {
        Embeddings e = royals();
        assertTrue(message(UnknownWordException.class, () -> e.nearest(null, 3)).contains("the word is null"));
        assertTrue(message(UnknownWordException.class, () -> Analogy.of("man", null, "woman").solve(e))
                .contains("the word is null"));
        assertTrue(message(NullPointerException.class, () -> e.nearest((double[]) null, 3, Set.of()))
                .contains("the query vector is null: pass a vector of numbers"));
        assertTrue(message(NullPointerException.class, () -> e.nearest(new double[3], 3, null))
                .contains("the set of words to exclude is null: pass Set.of() to exclude none"));
        assertTrue(message(NullPointerException.class, () -> Analogy.of("man", "king", "woman").solve(null))
                .contains("the embeddings are null"));
        assertTrue(message(NullPointerException.class, () -> Analogy.of("man", "king", "woman").method(null))
                .contains("pass Analogy.Method.COS_ADD or Analogy.Method.COS_MUL"));
        assertTrue(message(NullPointerException.class, () -> e.plus(null)).contains("the embeddings to add are null"));
        assertTrue(message(NullPointerException.class, () -> Embeddings.of(null, new float[1], 1))
                .contains("the list of words is null"));
        assertTrue(message(NullPointerException.class, () -> Embeddings.of((Map<String, double[]>) null))
                .contains("the map of words to vectors is null"));
        java.util.List<String> withNull = java.util.Arrays.asList("a", null);
        assertTrue(message(IllegalArgumentException.class, () -> Embeddings.of(withNull, new float[2], 1))
                .contains("the word of row 1 is null: every vector needs a word"));
        assertTrue(message(IllegalArgumentException.class, () -> Embeddings.of(List.of("a", "b"), new double[][] {{1}, null}))
                .contains("the vector of 'b' (row 1) is null"));
    }

    @Test
    void aNaNQueryVectorIsRejected() {
        String m = message(IllegalArgumentException.class,
                () -> royals().nearest(new double[] {1, Double.NaN, 0}, 3, Set.of()));
        assertTrue(m.contains("the query vector holds NaN at entry 1: cosines with it would all be NaN"), m);
    }
}

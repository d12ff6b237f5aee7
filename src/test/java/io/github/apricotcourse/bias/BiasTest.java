package io.github.apricotcourse.bias;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.apricotcourse.embed.Embeddings;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BiasTest {
    /** x: a "gender" axis; y: career (+) vs family (−); z: noise. */
    static Embeddings space() {
        Map<String, double[]> m = new LinkedHashMap<>();
        m.put("he", new double[] {1, 0, 0.2});
        m.put("she", new double[] {-1, 0, 0.2});
        m.put("man", new double[] {1, 0.1, 0.1});
        m.put("woman", new double[] {-1, 0.1, 0.1});
        m.put("john", new double[] {0.8, 0.3, 0.3});
        m.put("paul", new double[] {0.7, 0.2, 0.5});
        m.put("amy", new double[] {-0.8, -0.3, 0.3});
        m.put("lisa", new double[] {-0.7, -0.2, 0.4});
        m.put("salary", new double[] {0.4, 1, 0.1});
        m.put("office", new double[] {0.3, 1, 0.3});
        m.put("home", new double[] {-0.4, -1, 0.2});
        m.put("family", new double[] {-0.3, -1, 0.1});
        m.put("engineer", new double[] {0.5, 0.5, 0.5});
        m.put("nurse", new double[] {-0.5, 0.5, 0.5});
        return Embeddings.of(m);
    }

    @Test
    void genderDirectionSeparatesStereotypedOccupations() {
        GenderDirection g = GenderDirection.of(space(), "he", "she", "man", "woman");
        assertTrue(g.projection("engineer") > 0);
        assertTrue(g.projection("nurse") < 0);
        assertEquals("engineer", g.projections("nurse", "engineer", "unknownword").stringColumn("word").get(0));
        assertThrows(IllegalArgumentException.class, () -> GenderDirection.of(space(), "he"));
    }

    @Test
    void weatFindsTheBuiltInAssociation() {
        Weat w = Weat.of(space(), List.of("salary", "office"), List.of("home", "family"),
                List.of("john", "paul"), List.of("amy", "lisa")).permutations(1000).seed(3);
        assertTrue(w.effectSize() > 1.5, "d = " + w.effectSize());
        assertTrue(w.pValue() <= 0.2, "only 6 splits exist; the observed one is the most extreme: p = " + w.pValue());
        assertEquals(w.pValue(), w.pValue(), "seeded");
        Weat reversed = Weat.of(space(), List.of("home", "family"), List.of("salary", "office"),
                List.of("john", "paul"), List.of("amy", "lisa"));
        assertEquals(-w.effectSize(), reversed.effectSize(), 1e-12);
        assertThrows(IllegalArgumentException.class,
                () -> Weat.of(space(), List.of("salary"), List.of("home", "family"), List.of("john", "paul"), List.of("amy", "lisa")));
    }

    @Test
    void weatWithNullEmbeddingsOrSetsIsExplained() {
        List<String> x = List.of("salary", "office");
        List<String> y = List.of("home", "family");
        List<String> a = List.of("john", "paul");
        List<String> b = List.of("amy", "lisa");
        var e = assertThrows(NullPointerException.class, () -> Weat.of(null, x, y, a, b));
        assertTrue(e.getMessage().contains("the embeddings are null"), e.getMessage());
        var set = assertThrows(NullPointerException.class, () -> Weat.of(space(), x, y, null, b));
        assertTrue(set.getMessage().contains("the set A is null"), set.getMessage());
    }

    @Test
    void weatWithTheSameAttributeSetsIsRefusedInsteadOfNaN() {
        var same = assertThrows(IllegalArgumentException.class, () -> Weat.of(space(), List.of("salary", "office"),
                List.of("home", "family"), List.of("john", "paul"), List.of("paul", "john")));
        assertTrue(same.getMessage().contains("the attribute sets A and B hold the same words [john, paul]: every"
                + " s(w, A, B) would be 0, the effect size 0/0 (NaN) and p = 1"), same.getMessage());
        var targets = assertThrows(IllegalArgumentException.class, () -> Weat.of(space(), List.of("salary", "office"),
                List.of("office", "salary"), List.of("john", "paul"), List.of("amy", "lisa")));
        assertTrue(targets.getMessage().contains("the target sets X and Y hold the same words"), targets.getMessage());
    }

    @Test
    void weatWhoseTargetsAllAssociateEquallyExplainsTheZeroSpread() {
        Map<String, double[]> m = new LinkedHashMap<>();
        m.put("x1", new double[] {0, 1});
        m.put("x2", new double[] {0, 2});
        m.put("y1", new double[] {0, 3});
        m.put("y2", new double[] {0, 4});
        m.put("a1", new double[] {1, 0});
        m.put("a2", new double[] {2, 0});
        m.put("b1", new double[] {-1, 0});
        m.put("b2", new double[] {-2, 0});
        Weat w = Weat.of(Embeddings.of(m), List.of("x1", "x2"), List.of("y1", "y2"), List.of("a1", "a2"), List.of("b1", "b2"));
        var flat = assertThrows(IllegalStateException.class, w::effectSize);
        assertTrue(flat.getMessage().contains("every target word has the same association s(w, A, B) = 0.0, so the"
                + " effect size is 0/0"), flat.getMessage());
    }
}

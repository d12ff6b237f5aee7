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
}

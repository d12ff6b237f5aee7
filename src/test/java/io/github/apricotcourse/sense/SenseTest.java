package io.github.apricotcourse.sense;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.apricotcourse.embed.Embeddings;
import io.github.apricotcourse.text.Corpus;
import java.util.List;
import org.junit.jupiter.api.Test;

class SenseTest {
    @Test
    void kMeansSeparatesTwoBlobsReproducibly() {
        double[][] points = {{0, 0}, {0.1, 0}, {0, 0.1}, {5, 5}, {5.1, 5}, {5, 5.1}};
        KMeans k = KMeans.cluster(points, 2, 42);
        int[] a = k.assignments();
        assertEquals(a[0], a[1]);
        assertEquals(a[0], a[2]);
        assertEquals(a[3], a[4]);
        assertNotEquals(a[0], a[3]);
        assertArrayEquals(new int[] {3, 3}, k.sizes());
        assertArrayEquals(a, KMeans.cluster(points, 2, 42).assignments());
        assertThrows(IllegalArgumentException.class, () -> KMeans.cluster(points, 7, 1));
    }

    @Test
    void occurrencesOfOneWordGetDifferentContextVectors() {
        Embeddings e = Embeddings.of(List.of("river", "water", "money", "loan"),
                new double[][] {{1, 0}, {0.9, 0.1}, {0, 1}, {0.1, 0.9}});
        Corpus c = Corpus.of("the river bank water", "money at the bank loan");
        ContextVectors cv = ContextVectors.of(c, "bank", e, 2, 10);
        assertEquals(2, cv.size());
        assertEquals("river [bank] water", cv.occurrences().get(0).window(1));
        int[] senses = KMeans.cluster(cv.vectors(), 2, 1).assignments();
        assertNotEquals(senses[0], senses[1]);
        assertThrows(IllegalArgumentException.class, () -> ContextVectors.of(c, "apricot", e, 2, 10));
    }

    @Test
    void purityCountsEachClustersMostCommonLabel() {
        assertEquals(1.0, Purity.of(new int[] {0, 0, 1, 1}, List.of("river", "river", "money", "money")));
        assertEquals(1.0, Purity.of(new int[] {1, 1, 0, 0}, List.of("river", "river", "money", "money")));
        assertEquals(0.5, Purity.of(new int[] {0, 0, 0, 0}, List.of("river", "river", "money", "money")));
        assertEquals(0.75, Purity.of(new int[] {0, 0, 1, 1}, List.of("river", "money", "money", "money")));
        assertThrows(IllegalArgumentException.class, () -> Purity.of(new int[] {0}, List.of()));
    }
}

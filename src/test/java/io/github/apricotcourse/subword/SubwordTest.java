package io.github.apricotcourse.subword;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.apricotcourse.math.Vectors;
import io.github.apricotcourse.text.Corpus;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SubwordTest {
    @Test
    void ngramsOfWhereAsInTheChapter() {
        assertEquals(List.of("<wh", "whe", "her", "ere", "re>"), CharNgrams.of("where", 3, 3));
        assertEquals(List.of("<w", "<wh", "wh", "whe", "he", "he>", "e>"), CharNgrams.of("whe", 2, 3));
        assertTrue(CharNgrams.of("where", 3, 7).contains("<where>"), "the whole word with its boundaries is one of them");
        assertThrows(IllegalArgumentException.class, () -> CharNgrams.of("", 3, 6));
        assertThrows(IllegalArgumentException.class, () -> CharNgrams.of("where", 4, 3));
    }

    @Test
    void fnv1aMatchesTheReferenceValues() {
        assertEquals(0x811C9DC5L, CharNgrams.fnv1a(""));            // the offset basis
        assertEquals(0xE40C292CL, CharNgrams.fnv1a("a"));           // published FNV-1a test vector
        assertEquals(0xBF9CF968L, CharNgrams.fnv1a("foobar"));
        int b = CharNgrams.bucket("<wh", 2_000_000);
        assertTrue(b >= 0 && b < 2_000_000);
    }

    static Corpus inflections() {
        String[] stems = {"walk", "talk", "jump", "play", "work", "look"};
        Random r = new Random(3);
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 1500; i++) {
            String s = stems[r.nextInt(stems.length)];
            lines.add(r.nextBoolean() ? "yesterday they " + s + "ed home slowly" : "every day they " + s + "s home quickly");
        }
        return Corpus.fromLines(lines);
    }

    @Test
    void unseenWordsGetAVectorFromTheirNgrams() {
        FastTextTrainer t = FastTextTrainer.create().dimension(20).window(2).epochs(2).minCount(1).buckets(5000).seed(7);
        SubwordModel m = t.train(inflections());
        assertFalse(m.knows("walking"));
        double[] v = m.vector("walking");
        assertTrue(Vectors.norm(v) > 0 && Vectors.isFinite(v));
        assertArrayEquals(v, t.train(inflections()).vector("walking"), "seeded: same vector twice");
        assertTrue(m.embeddings().cosine("walked", "walks") > -1);
        assertTrue(m.wordsSharingNgrams("walking", 10).contains("walked"));
    }
}

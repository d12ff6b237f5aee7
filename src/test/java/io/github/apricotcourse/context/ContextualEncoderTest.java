package io.github.apricotcourse.context;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.apricotcourse.math.Vectors;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The MiniLM encoder on fixed sentences: pinned cosines, word pieces, pooling, determinism, errors. */
class ContextualEncoderTest {
    private static ContextualEncoder encoder;

    @BeforeAll
    static void load() {
        encoder = ContextualEncoder.load();
    }

    @AfterAll
    static void close() {
        encoder.close();
    }

    @Test
    void bankByTheRiverIsCloserToAnotherRiverBankThanToAMoneyBank() {
        double[] river = encoder.encode("I sat on the bank of the river").vector("bank");
        double[] muddy = encoder.encode("The river bank was muddy").vector("bank");
        double[] loan = encoder.encode("The bank approved my loan").vector("bank");
        assertEquals(0.8995396, Vectors.cosine(river, muddy), 1e-4);
        assertEquals(0.7566303, Vectors.cosine(river, loan), 1e-4);
        assertEquals(384, river.length);
        assertEquals(384, encoder.dimension());
    }

    @Test
    void theSameSentenceGivesTheSameVectorsEveryTimeAndFromAnotherEncoder() {
        String s = "The bat flew out of the cave at dusk";
        ContextualSentence a = encoder.encode(s);
        ContextualSentence b = encoder.encode(s);
        try (ContextualEncoder other = ContextualEncoder.load()) {
            ContextualSentence c = other.encode(s);
            for (int i = 0; i < a.words().size(); i++) {
                assertArrayEquals(a.vector(i), b.vector(i), 0);
                assertArrayEquals(a.vector(i), c.vector(i), 0);
            }
        }
    }

    @Test
    void anUnseenWordIsSplitIntoPiecesAndItsVectorIsTheirMean() {
        ContextualSentence s = encoder.encode("The flumpet sat on the bank.");
        assertEquals(List.of("the", "flumpet", "sat", "on", "the", "bank"), s.words());
        assertEquals(List.of("[CLS]", "the", "flu", "##mp", "##et", "sat", "on", "the", "bank", "[SEP]"), s.pieces());
        assertEquals(List.of("flu", "##mp", "##et"), s.piecesOf(1));
        assertArrayEquals(new int[] {-1, 0, 1, 1, 1, 2, 3, 4, 5, -1}, s.wordOfPiece());
        double[][] h = s.pieceVectors();
        double[] mean = Vectors.scale(1.0 / 3, Vectors.add(Vectors.add(h[2], h[3]), h[4]));
        assertArrayEquals(mean, s.vector(1), 1e-12);
        assertArrayEquals(h[8], s.vector("bank"), 0);
        assertEquals(List.of("river", "##bank"), encoder.wordPieces("riverbank"));
    }

    @Test
    void poolingSkipsTheSpecialPiecesAndNamesAWordWithoutPieces() {
        double[][] h = {{9, 9}, {1, 2}, {3, 4}, {5, 6}, {9, 9}};
        int[] word = {-1, 0, 0, 1, -1};
        assertArrayEquals(new double[] {2, 3}, ContextualSentence.meanOfPieces(h, word, 0), 0);
        assertArrayEquals(new double[] {5, 6}, ContextualSentence.meanOfPieces(h, word, 1), 0);
        assertThrows(IllegalArgumentException.class, () -> ContextualSentence.meanOfPieces(h, word, 2));
        assertThrows(IllegalArgumentException.class, () -> ContextualSentence.meanOfPieces(h, new int[] {0}, 0));
    }

    @Test
    void badInputsGetMessagesThatSayWhatToDo() {
        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class, () -> encoder.encode("?!"));
        assertTrue(empty.getMessage().contains("has no words"), empty.getMessage());
        assertThrows(IllegalArgumentException.class, () -> encoder.encode(null));
        ContextualSentence s = encoder.encode("money in the bank");
        IllegalArgumentException absent = assertThrows(IllegalArgumentException.class, () -> s.vector("river"));
        assertTrue(absent.getMessage().contains("[money, in, the, bank]"), absent.getMessage());
        assertThrows(IndexOutOfBoundsException.class, () -> s.vector(4));
        IllegalArgumentException tooLong = assertThrows(IllegalArgumentException.class,
                () -> encoder.encode("word ".repeat(600)));
        assertTrue(tooLong.getMessage().contains("at most 512"), tooLong.getMessage());
    }

    @Test
    void aMissingJarIsNamed() throws Exception {
        try (URLClassLoader empty = new URLClassLoader(new URL[0], null)) {
            IllegalStateException noRuntime = assertThrows(IllegalStateException.class,
                    () -> ContextualEncoder.requireClass(empty, "ai.onnxruntime.OrtSession", "com.microsoft.onnxruntime:onnxruntime"));
            assertTrue(noRuntime.getMessage().contains("com.microsoft.onnxruntime:onnxruntime"), noRuntime.getMessage());
            assertTrue(noRuntime.getMessage().contains("target/lib"), noRuntime.getMessage());
            IllegalStateException noModel = assertThrows(IllegalStateException.class,
                    () -> ContextualEncoder.resource(empty, ContextualEncoder.MODEL_RESOURCE));
            assertTrue(noModel.getMessage().contains(ContextualEncoder.MODEL_JAR), noModel.getMessage());
        }
        assertTrue(encoder.modelBytes() > 20_000_000, "the quantized model is about 23 MB, got " + encoder.modelBytes());
    }
}

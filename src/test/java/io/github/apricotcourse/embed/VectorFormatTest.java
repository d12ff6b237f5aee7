package io.github.apricotcourse.embed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class VectorFormatTest {
    @TempDir
    Path dir;

    static Embeddings sample() {
        return Embeddings.of(List.of("apricot", "jam", "café"),
                new float[] {0.1f, -2.5f, 3e-7f, 1f, 0f, -0.125f, 7f, 8.5f, -9f}, 3);
    }

    @ParameterizedTest
    @EnumSource(VectorFormat.class)
    void saveThenLoadRoundTrips(VectorFormat format) throws IOException {
        Path f = dir.resolve("v." + format);
        sample().save(f, format);
        Embeddings back = Embeddings.load(f, format);
        assertEquals(sample().words(), back.words());
        assertArrayEquals(sample().flat(), back.flat());
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "no temporary file may be left behind");
        }
    }

    @ParameterizedTest
    @EnumSource(VectorFormat.class)
    void neverOverwritesAnExistingFile(VectorFormat format) throws IOException {
        Path f = dir.resolve("mine.txt");
        Files.writeString(f, "precious");
        var e = assertThrows(FileAlreadyExistsException.class, () -> sample().save(f, format));
        assertTrue(e.getMessage().contains("refusing to overwrite"), e.getMessage());
        assertEquals("precious", Files.readString(f));
    }

    @Test
    void readsTheCToolsTextWithTrailingSpaces() throws IOException {
        Path f = dir.resolve("c.txt");
        Files.writeString(f, "2 3\n</s> 0.1 0.2 0.3 \napricot -1 0 1.5e-1 \n");
        Embeddings e = VectorFormat.WORD2VEC_TEXT.read(f);
        assertEquals(List.of("</s>", "apricot"), e.words());
        assertArrayEquals(new double[] {-1, 0, 0.15}, e.vector("apricot"), 1e-7);
    }

    @Test
    void readsGensimBinaryWithoutNewlines() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write("2 2\n".getBytes(StandardCharsets.US_ASCII));
        for (String w : List.of("king", "queen")) {
            out.write((w + " ").getBytes(StandardCharsets.UTF_8));
            out.write(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putFloat(w.length()).putFloat(-1.5f).array());
        }
        Path f = dir.resolve("g.bin");
        Files.write(f, out.toByteArray());
        Embeddings e = VectorFormat.WORD2VEC_BINARY.read(f);
        assertEquals(List.of("king", "queen"), e.words());
        assertArrayEquals(new double[] {5, -1.5}, e.vector("queen"), 0);
    }

    @Test
    void malformedTextNamesFileAndLine() throws IOException {
        Path f = dir.resolve("bad.txt");
        Files.writeString(f, "apricot 1 2 3\njam 1 2\n");
        var e = assertThrows(MalformedVectorFileException.class, () -> VectorFormat.GLOVE_TEXT.read(f));
        assertTrue(e.getMessage().contains("bad.txt:2: expected 3 numbers after the word 'jam' but found 2"), e.getMessage());

        Files.writeString(f, "apricot 1 x 3\n");
        var n = assertThrows(MalformedVectorFileException.class, () -> VectorFormat.GLOVE_TEXT.read(f));
        assertTrue(n.getMessage().contains("bad.txt:1: 'x' (number 2 of 'apricot') is not a number"), n.getMessage());

        Files.writeString(f, "apricot 1 2 3\n");
        var h = assertThrows(MalformedVectorFileException.class, () -> VectorFormat.WORD2VEC_TEXT.read(f));
        assertTrue(h.getMessage().contains("bad.txt:1: expected the header") && h.getMessage().contains("GLOVE_TEXT"), h.getMessage());

        Files.writeString(f, "3 2\na 1 2\nb 3 4\n");
        var c = assertThrows(MalformedVectorFileException.class, () -> VectorFormat.WORD2VEC_TEXT.read(f));
        assertTrue(c.getMessage().contains("header promises 3 words but the file has 2"), c.getMessage());

        Files.writeString(f, "a 1\na 2\n");
        var d = assertThrows(MalformedVectorFileException.class, () -> VectorFormat.GLOVE_TEXT.read(f));
        assertTrue(d.getMessage().contains("appears twice"), d.getMessage());
    }

    @Test
    void truncatedBinaryIsReported() throws IOException {
        Path full = dir.resolve("full.bin");
        sample().save(full, VectorFormat.WORD2VEC_BINARY);
        byte[] bytes = Files.readAllBytes(full);
        Path cut = dir.resolve("cut.bin");
        Files.write(cut, java.util.Arrays.copyOf(bytes, bytes.length - 9));
        var e = assertThrows(MalformedVectorFileException.class, () -> VectorFormat.WORD2VEC_BINARY.read(cut));
        assertTrue(e.getMessage().contains("cut.bin") && e.getMessage().contains("entry 3 ('café') has 1 of 3 numbers"), e.getMessage());
    }

    @Test
    void missingFileIsExplained() {
        var e = assertThrows(java.nio.file.NoSuchFileException.class, () -> VectorFormat.GLOVE_TEXT.read(dir.resolve("nope.txt")));
        assertTrue(e.getMessage().contains("no such vector file"), e.getMessage());
    }

    @Test
    void loadsFilesWrittenByGensimAndTheCTool() throws IOException {
        Path res = Path.of("src/test/resources/vectors");
        for (String f : List.of("gensim.bin", "gensim.txt")) {
            Embeddings e = (f.endsWith(".bin") ? VectorFormat.WORD2VEC_BINARY : VectorFormat.WORD2VEC_TEXT).read(res.resolve(f));
            assertEquals(List.of("apricot", "jam", "tablespoon", "café", "</s>"), e.words(), f);
            assertArrayEquals(new double[] {0.001, -2000, 0.75, -0.0625}, e.vector("café"), 1e-7, f);
        }
        for (String f : List.of("word2vec-c.bin", "word2vec-c.txt")) {
            Embeddings e = (f.endsWith(".bin") ? VectorFormat.WORD2VEC_BINARY : VectorFormat.WORD2VEC_TEXT).read(res.resolve(f));
            assertEquals(List.of("</s>", "apricot", "jam", "tablespoon"), e.words(), f);
            assertArrayEquals(new double[] {-0.5, 0, 0.25}, e.vector("tablespoon"), 1e-7, f);
        }
    }

    private Path binary(String header, int bytesAfter) throws IOException {
        Path f = dir.resolve("h.bin");
        byte[] head = header.getBytes(StandardCharsets.US_ASCII);
        Files.write(f, java.util.Arrays.copyOf(head, head.length + bytesAfter));
        return f;
    }

    private static String message(Path f, VectorFormat format) {
        return assertThrows(MalformedVectorFileException.class, () -> format.read(f)).getMessage();
    }

    @Test
    void binaryHeaderOfABillionWordsIsCheckedAgainstTheFileSizeBeforeAllocating() throws IOException {
        String m = message(binary("1000000000 4\n", 40), VectorFormat.WORD2VEC_BINARY);
        assertTrue(m.contains("h.bin:1: the header '1000000000 4' promises 1000000000 words × 4 dimensions, which take"
                + " at least 18000000013 bytes, but the file has only 53"), m);
        assertTrue(m.contains("truncated or its header is wrong"), m);
    }

    @Test
    void binaryHeaderOfAHundredMillionWordsInA106ByteFileIsReportedWithoutAllocating() throws IOException {
        Path f = binary("100000000 10\n", 93);
        assertEquals(106, Files.size(f));
        String m = message(f, VectorFormat.WORD2VEC_BINARY);
        assertTrue(m.contains("promises 100000000 words × 10 dimensions, which take at least 4200000013 bytes,"
                + " but the file has only 106"), m);
    }

    @Test
    void binaryHeaderOfABillionDimensionsIsReportedNotNegativeArraySize() throws IOException {
        String m = message(binary("1 1000000000\n", 10), VectorFormat.WORD2VEC_BINARY);
        assertTrue(m.contains("promises 1 words × 1000000000 dimensions, which take at least 4000000015 bytes,"
                + " but the file has only 23"), m);
    }

    @Test
    void aGzippedBinaryHeaderBeyondTheHeapIsReportedBeforeAllocating() throws IOException {
        long floats = 500_000_000L * 4;
        Assumptions.assumeTrue(4 * floats > Runtime.getRuntime().maxMemory(), "this JVM's heap holds 8 GB");
        Path f = dir.resolve("big.bin.gz");
        try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(f))) {
            out.write("500000000 4\n".getBytes(StandardCharsets.US_ASCII));
            out.write(new byte[64]);
        }
        String m = message(f, VectorFormat.WORD2VEC_BINARY);
        assertTrue(m.contains("big.bin.gz:1: the header '500000000 4' promises 500000000 × 4 floats, which "
                + HeapLimit.exceeded(4.0 * floats).orElseThrow() + ": give Java more memory, or load a smaller file"), m);
    }

    @Test
    void binaryHeaderBeyondAnArrayIsReported() throws IOException {
        String m = message(binary("5000000000 3\n", 10), VectorFormat.WORD2VEC_BINARY);
        assertTrue(m.contains("h.bin:1: expected the header 'words dimensions' (two positive numbers, each at most"), m);
    }

    @Test
    void aTextFileReadAsBinaryIsRecognised() throws IOException {
        Path f = dir.resolve("v.txt");
        sample().save(f, VectorFormat.WORD2VEC_TEXT);
        String m = message(f, VectorFormat.WORD2VEC_BINARY);
        assertTrue(m.contains("v.txt:2: this is a word2vec text file (its line 2 is a word and 3 numbers written as text),"
                + " not a binary one: read it with VectorFormat.WORD2VEC_TEXT"), m);
        Path c = Path.of("src/test/resources/vectors/word2vec-c.txt");
        assertTrue(message(c, VectorFormat.WORD2VEC_BINARY).contains("read it with VectorFormat.WORD2VEC_TEXT"));
    }

    @Test
    void nonFiniteTextValuesAreRejectedWithTheirLine() throws IOException {
        Path f = dir.resolve("nan.txt");
        Files.writeString(f, "2 2\napricot 1 2\njam 0.5 NaN\n");
        String m = message(f, VectorFormat.WORD2VEC_TEXT);
        assertTrue(m.contains("nan.txt:3: 'NaN' (number 2 of 'jam') is NaN, not a finite number"), m);

        Files.writeString(f, "apricot -Infinity 2\n");
        m = message(f, VectorFormat.GLOVE_TEXT);
        assertTrue(m.contains("nan.txt:1: '-Infinity' (number 1 of 'apricot') is -Infinity, not a finite number"), m);

        Files.writeString(f, "apricot 1 4e38\n");
        m = message(f, VectorFormat.GLOVE_TEXT);
        assertTrue(m.contains("nan.txt:1: '4e38' (number 2 of 'apricot') is Infinity, not a finite number"), m);
    }

    @Test
    void nonFiniteBinaryValuesAreRejectedWithTheirPosition() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write("2 2\nking ".getBytes(StandardCharsets.US_ASCII));
        out.write(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putFloat(1).putFloat(2).array());
        out.write("\nqueen ".getBytes(StandardCharsets.US_ASCII));
        out.write(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putFloat(3).putFloat(Float.NaN).array());
        Path f = dir.resolve("nan.bin");
        Files.write(f, out.toByteArray());
        String m = message(f, VectorFormat.WORD2VEC_BINARY);
        assertTrue(m.contains("nan.bin: entry 2 ('queen'), number 2 (at byte offset 28) is NaN, not a finite number"), m);
    }

    @Test
    void bytesThatAreNotUtf8AreRejectedWithWhere() throws IOException {
        Path f = dir.resolve("latin1.txt");
        Files.write(f, "apricot 1 2\ncaf\u00e9 3 4\n".getBytes(StandardCharsets.ISO_8859_1));
        String m = message(f, VectorFormat.GLOVE_TEXT);
        assertTrue(m.contains("latin1.txt: line 2 (at byte offset 15) holds the byte 0xE9, which is not UTF-8"), m);

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write("1 1\ncaf\u00e9 ".getBytes(StandardCharsets.ISO_8859_1));
        out.write(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putFloat(1).array());
        Path b = dir.resolve("latin1.bin");
        Files.write(b, out.toByteArray());
        m = message(b, VectorFormat.WORD2VEC_BINARY);
        assertTrue(m.contains("latin1.bin: entry 1 (at byte offset 7) holds the byte 0xE9, which is not UTF-8"), m);
    }

    @Test
    void gzippedBinaryWithAWrongHeaderEndsEarlyInsteadOfAllocating() throws IOException {
        Path f = dir.resolve("v.bin.gz");
        try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(f))) {
            out.write("100000000 10\napricot ".getBytes(StandardCharsets.US_ASCII));
            out.write(new byte[40]);
        }
        String m = message(f, VectorFormat.WORD2VEC_BINARY);
        assertTrue(m.contains("v.bin.gz:3: entry 2 of 100000000 is missing: the file ends early"), m);
    }
}

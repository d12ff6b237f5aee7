package io.github.apricotcourse.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.apricotcourse.text.Tokenizer;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextCorpusTest {
    @TempDir
    Path tmp;

    /** Text with words, digits, punctuation and non-ASCII letters, long enough to cross read buffers. */
    static String messyLine(Random r, int words) {
        String[] pieces = {"Apricot", "jam", "1984", "naïve", "don't", "ÉTÉ", "x", "—", "(lemon)", "a,b", "tablespoon", "\t", "İstanbul"};
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < words; i++) {
            sb.append(pieces[r.nextInt(pieces.length)]).append(r.nextInt(4) == 0 ? "" : " ");
        }
        return sb.toString();
    }

    static List<String> flatten(Iterable<List<String>> corpus) {
        List<String> out = new ArrayList<>();
        corpus.forEach(out::addAll);
        return out;
    }

    @Test
    void streamsTheSameTokensAsTheTokenizerAcrossBufferBoundaries() throws Exception {
        String line = messyLine(new Random(1), 40_000);      // ≈ 250,000 characters: several 64K buffers
        Path f = tmp.resolve("long.txt");
        Files.writeString(f, line + "\n" + "Second line, 2 words\n", StandardCharsets.UTF_8);
        List<String> expected = new ArrayList<>(Tokenizer.tokenize(line));
        expected.addAll(Tokenizer.tokenize("Second line, 2 words"));
        assertEquals(expected, flatten(TextCorpus.read(f)));
    }

    @Test
    void longLinesAreCutIntoPseudoSentencesAndLinesEndSentences() throws Exception {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 2500; i++) {
            sb.append("w").append((char) ('a' + i % 26)).append(' ');
        }
        Path f = tmp.resolve("text8-like.txt");
        Files.writeString(f, sb + "\nshort line here\n\n\nlast");
        List<Integer> sizes = new ArrayList<>();
        TextCorpus.read(f).forEach(s -> sizes.add(s.size()));
        assertEquals(List.of(1000, 1000, 500, 3, 1), sizes);
        assertEquals(List.of(2, 2, 2), sentenceSizes(TextCorpus.read(f, 2), 3));
        assertEquals(2504, TextCorpus.read(f, 2).tokenCount());
    }

    static List<Integer> sentenceSizes(TextCorpus c, int n) {
        return c.head(n).stream().map(List::size).toList();
    }

    @Test
    void gzipIsRecognisedAndTheCorpusCanBeReadAgain() throws Exception {
        Path f = tmp.resolve("corpus.gz.bin");        // recognised by content, not by name
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(f))) {
            out.write("Lemon, a tablespoon of apricot jam.\nA pinch!\n".getBytes(StandardCharsets.UTF_8));
        }
        TextCorpus c = TextCorpus.read(f);
        List<List<String>> expected = List.of(List.of("lemon", "a", "tablespoon", "of", "apricot", "jam"), List.of("a", "pinch"));
        assertEquals(expected, c.head(10));
        assertEquals(expected, c.head(10), "a second pass reads the file again");
        assertEquals(8, c.tokenCount());
    }

    @Test
    void missingFileIsAClearError() {
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> TextCorpus.read(tmp.resolve("nope.txt")));
        assertTrue(e.getMessage().contains("nope.txt"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> TextCorpus.read(tmp, 0));
    }
}

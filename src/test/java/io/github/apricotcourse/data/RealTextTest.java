package io.github.apricotcourse.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.apricotcourse.text.Corpus;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which real text a lesson gets, and that it says so; no network (text8 is a stand-in or a corrupt file). */
class RealTextTest {
    @TempDir
    Path tmp;
    final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    final PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);
    static final Corpus FALLBACK = Corpus.of("the made up kitchen", "apricot jam");

    @BeforeEach
    void forget() {
        DatasetStore.forgetChecks();
    }

    String printed() {
        return printed.toString(StandardCharsets.UTF_8);
    }

    @Test
    void withoutGutenbergText8IsUsedCutToMaxTokensAndNamedAsATestStandIn() throws Exception {
        Path standIn = tmp.resolve("cache/corpora/text8.zip");
        Files.createDirectories(standIn.getParent());
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(standIn))) {
            zip.putNextEntry(new ZipEntry("text8"));
            zip.write(" anarchism originated as a term of abuse first used against early working class radicals"
                    .getBytes(StandardCharsets.US_ASCII));
        }
        DatasetStore store = new DatasetStore(null, tmp.resolve("cache"), null).withTestStandIn(standIn);
        RealText text = RealText.choose("pg_mix_4M", 5, "kitchen", FALLBACK, store, out);
        assertEquals("text8", text.id());
        assertFalse(text.isSynthetic());
        assertEquals(5, text.tokens());
        assertEquals(5, text.corpus().tokenCount());
        assertEquals("anarchism", text.corpus().head(1).get(0).get(0));
        assertTrue(printed().startsWith(RealText.LABEL + "text8, the first 5 tokens, a TEST STAND-IN for text8 ("),
                printed());
        assertTrue(printed().contains("pg_mix_4M is not on this machine"), printed());
        RealText whole = RealText.choose("pg_mix_4M", 100, "kitchen", FALLBACK, store, out);
        assertEquals(14, whole.tokens());
        assertTrue(whole.toString().startsWith(RealText.LABEL + "text8, all 14 tokens, "), whole.toString());
        assertTrue(RealText.choose("pg_mix_4M", 14, "kitchen", FALLBACK, store, out).toString().contains("all 14 tokens"),
                "exactly the whole text is 'all', not 'the first'");
    }

    @Test
    void withNoRealTextTheBuiltInCorpusIsUsedAndCalledSynthetic() throws Exception {
        Path corrupt = tmp.resolve("cache/corpora/text8.zip");       // fails its check: never used, never downloaded over
        Files.createDirectories(corrupt.getParent());
        Files.writeString(corrupt, "not text8");
        DatasetStore store = new DatasetStore(null, tmp.resolve("cache"), null);
        RealText text = RealText.choose("pg_mix_4M", 1_000_000, "kitchen", FALLBACK, store, out);
        assertTrue(text.isSynthetic());
        assertEquals("kitchen", text.id());
        assertEquals(6, text.tokens());
        assertTrue(printed().contains("(6 tokens)"), printed());
        assertTrue(printed().startsWith(RealText.LABEL + "kitchen (6 tokens), a BUILT-IN SYNTHETIC corpus, not real text"),
                printed());
        assertTrue(printed().contains("corrupt"), "the reason text8 was not used is given: " + printed());
        assertEquals("not text8", Files.readString(corrupt), "the file that failed its check is left alone");
    }

    @Test
    void aStandInMustExistAndOnlyReplacesText8() {
        DatasetStore store = new DatasetStore(null, tmp, null);
        DatasetUnavailableException e = assertThrows(DatasetUnavailableException.class,
                () -> store.withTestStandIn(tmp.resolve("missing.zip")));
        assertTrue(e.getMessage().contains("APRICOT_TEST_TEXT8"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> RealText.choose("text8", 10, "kitchen", FALLBACK, store, out),
                "only Gutenberg corpora are 'the corpus a lesson was written for'");
    }
}

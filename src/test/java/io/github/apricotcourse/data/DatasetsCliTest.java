package io.github.apricotcourse.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** fetch and verify, offline, against a small registry of their own and folders under a temp dir. */
class DatasetsCliTest {
    static final byte[] TEXT = "a tablespoon of apricot jam\n".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path tmp;
    Path local;
    Path cache;
    Dataset jam;
    Dataset handMade;
    Dataset remote;
    List<Dataset> registry;
    final ByteArrayOutputStream printed = new ByteArrayOutputStream();

    @BeforeEach
    void setUp() throws IOException {
        DatasetStore.forgetChecks();
        local = Files.createDirectories(tmp.resolve("local"));
        cache = tmp.resolve("cache");
        jam = dataset("jam", "corpora/jam.txt", List.of());
        handMade = dataset("hand-made", "corpora/hand-made.txt", List.of());
        remote = dataset("remote", "eval/remote.txt", List.of(URI.create("http://127.0.0.1:9/remote.txt")));
        Dataset builtIn = new Dataset("kitchen", Dataset.Kind.BUILT_IN, "kitchen.txt", List.of(), 0, null, null,
                "Apache-2.0", "Apricot", "generated");
        registry = List.of(builtIn, jam, handMade, remote);
        Files.createDirectories(local.resolve("corpora"));
        Files.write(local.resolve(jam.file()), TEXT);
    }

    Dataset dataset(String id, String file, List<URI> urls) throws IOException {
        return new Dataset(id, Dataset.Kind.CORPUS, file, urls, TEXT.length, DatasetStore.sha256(write(TEXT)), null,
                "test", "test", "test");
    }

    Path write(byte[] bytes) throws IOException {
        Path f = Files.createTempFile(tmp, "text", ".txt");
        Files.write(f, bytes);
        return f;
    }

    int run(String... args) {
        DatasetStore store = new DatasetStore(local, cache, DownloadProgress.none());
        return DatasetsCli.run(List.of(args), registry,
                id -> registry.stream().filter(d -> d.id().equals(id)).findFirst()
                        .orElseThrow(() -> new IllegalArgumentException("unknown dataset '" + id + "'")),
                store, new PrintStream(printed, true, StandardCharsets.UTF_8));
    }

    String printed() {
        return printed.toString(StandardCharsets.UTF_8);
    }

    @Test
    void offlineFetchCopiesWhatTheLocalFolderHasAndSkipsTheRest() throws IOException {
        assertEquals(0, run("fetch", "--all", "--offline"), printed());
        assertArrayEquals(TEXT, Files.readAllBytes(cache.resolve(jam.file())));
        assertFalse(Files.exists(cache.resolve(jam.file() + ".part")));
        assertFalse(Files.exists(cache.resolve(remote.file())), "offline: nothing is downloaded");
        assertTrue(printed().contains("copied from the local folder"), printed());
        assertTrue(printed().contains("fetch: 1 in the cache, 2 skipped, 0 failed"), printed());
        assertFalse(printed().contains("kitchen"), "built-in corpora are generated, not fetched: " + printed());
    }

    @Test
    void aSecondFetchChecksTheCacheInsteadOfCopyingAgain() {
        assertEquals(0, run("fetch", "jam", "--offline"));
        printed.reset();
        assertEquals(0, run("fetch", "jam", "--offline"), printed());
        assertTrue(printed().contains("already in the cache, checked"), printed());
    }

    @Test
    void aCorruptLocalFileIsNeitherCopiedNorPassed() throws IOException {
        byte[] corrupt = TEXT.clone();
        corrupt[2] ^= 1;
        Files.write(local.resolve(jam.file()), corrupt);
        assertEquals(1, run("fetch", "jam", "--offline"), printed());
        assertFalse(Files.exists(cache.resolve(jam.file())));
        assertTrue(printed().contains("jam") && printed().contains("FAILED") && printed().contains("SHA-256"), printed());
    }

    @Test
    void aDatasetWithoutDownloadIsSkippedWithWhereToPutIt() {
        assertEquals(0, run("fetch", "hand-made"), printed());
        assertTrue(printed().contains("no public download (put it in APRICOT_DATA as corpora/hand-made.txt)"), printed());
    }

    @Test
    void verifyReportsOkAbsentAndCorruptFiles() throws IOException {
        assertEquals(0, run("verify"), printed());
        assertTrue(printed().contains("verify: 1 ok, 2 not here, 0 corrupt"), printed());

        Files.createDirectories(cache.resolve("eval"));
        Files.write(cache.resolve(remote.file()), "short".getBytes(StandardCharsets.UTF_8));
        printed.reset();
        assertEquals(1, run("verify"), printed());
        assertTrue(printed().contains("CORRUPT: " + cache.resolve(remote.file())), printed());
        assertTrue(printed().contains("verify: 1 ok, 1 not here, 1 corrupt"), printed());
    }

    @Test
    void usageErrorsSayWhatIsWrong() {
        assertEquals(2, run());
        assertTrue(printed().contains("No command given."), printed());
        printed.reset();
        assertEquals(2, run("download"));
        assertTrue(printed().contains("Unknown command 'download'"), printed());
        printed.reset();
        assertEquals(2, run("fetch"));
        assertTrue(printed().contains("Cannot fetch: say which datasets to fetch: --all, or their ids."), printed());
        printed.reset();
        assertEquals(2, run("fetch", "jelly"));
        assertTrue(printed().contains("Cannot fetch: unknown dataset 'jelly'"), printed());
        printed.reset();
        assertEquals(2, run("fetch", "--everything"));
        assertTrue(printed().contains("Cannot fetch: Unknown option: '--everything'"), printed());
        assertTrue(printed().contains("Usage: DatasetsCli fetch [-h] [--all] [--offline] [ID...]"), printed());
    }

    @Test
    void helpComesFromTheDeclaredOptions() {
        assertEquals(0, run("fetch", "--help"));
        assertTrue(printed().contains("--offline   download nothing: datasets not in APRICOT_DATA are skipped"), printed());
        printed.reset();
        assertEquals(0, run("--help"));
        assertTrue(printed().contains("Usage: DatasetsCli [-h] [COMMAND]") && printed().contains("verify"), printed());
    }
}

package io.github.apricotcourse.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The registry's download, check and cache, against a web server on 127.0.0.1. */
class DatasetStoreTest {
    static final byte[] TEXT = "lemon, a tablespoon of apricot jam, a pinch\nthe bank of the river\n"
            .getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path tmp;
    HttpServer server;
    final AtomicInteger requests = new AtomicInteger();
    final List<String> progress = new ArrayList<>();

    @BeforeEach
    void start() throws IOException {
        DatasetStore.forgetChecks();
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        serve("/good.txt", TEXT, TEXT.length);
        byte[] corrupt = TEXT.clone();
        corrupt[3] ^= 1;
        serve("/corrupt.txt", corrupt, corrupt.length);
        serve("/short.txt", java.util.Arrays.copyOf(TEXT, 20), 20);                  // complete answer, but too short
        server.createContext("/missing.txt", ex -> {
            requests.incrementAndGet();
            ex.sendResponseHeaders(404, -1);
            ex.close();
        });
        server.start();
    }

    void serve(String path, byte[] body, long announced) {
        server.createContext(path, ex -> {
            requests.incrementAndGet();
            ex.sendResponseHeaders(200, announced);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            } catch (IOException dropped) {
                // the client may give up on a cut download
            }
            ex.close();
        });
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    static String sha256(byte[] b) throws Exception {
        return HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(b));
    }

    Dataset dataset(String... paths) throws Exception {
        return datasetAt(java.util.Arrays.stream(paths).map(this::url).toList());
    }

    static Dataset datasetAt(List<URI> urls) throws Exception {
        return new Dataset("tiny", Dataset.Kind.CORPUS, "corpora/tiny.txt", urls, TEXT.length, sha256(TEXT), null,
                "test", "test", "a tiny corpus");
    }

    DatasetStore store(Path local) {
        return new DatasetStore(local, tmp.resolve("cache"), (label, done, total) -> progress.add(done + "/" + total));
    }

    @Test
    void goodFileIsDownloadedCheckedAndCached() throws Exception {
        Dataset d = dataset("/good.txt");
        Path p = store(null).path(d);
        assertEquals(tmp.resolve("cache/corpora/tiny.txt"), p);
        assertArrayEquals(TEXT, Files.readAllBytes(p));
        assertFalse(Files.exists(tmp.resolve("cache/corpora/tiny.txt.part")), "no .part file is left behind");
        assertEquals(TEXT.length + "/" + TEXT.length, progress.get(progress.size() - 1));

        assertEquals(p, store(null).path(d), "the second call uses the cache");
        assertEquals(1, requests.get(), "the file is downloaded once");
        assertEquals(2, TextCorpus.read(p).head(5).size());
    }

    @Test
    void corruptDownloadIsRejectedAndNotKept() throws Exception {
        Dataset d = dataset("/corrupt.txt");
        DatasetUnavailableException e = assertThrows(DatasetUnavailableException.class, () -> store(null).path(d));
        assertTrue(e.getMessage().contains("SHA-256"), e.getMessage());
        assertTrue(e.getMessage().contains("Put the file by hand at " + tmp.resolve("cache/corpora/tiny.txt")), e.getMessage());
        assertFalse(Files.exists(tmp.resolve("cache/corpora/tiny.txt")));
        assertFalse(Files.exists(tmp.resolve("cache/corpora/tiny.txt.part")));
    }

    @Test
    void shortDownloadIsRejected() throws Exception {
        DatasetUnavailableException e = assertThrows(DatasetUnavailableException.class,
                () -> store(null).path(dataset("/short.txt")));
        assertTrue(e.getMessage().contains("stopped after 20 of " + TEXT.length + " bytes"), e.getMessage());
        assertFalse(Files.exists(tmp.resolve("cache/corpora/tiny.txt")));
        assertFalse(Files.exists(tmp.resolve("cache/corpora/tiny.txt.part")));
    }

    @Test
    void connectionDroppedMidwayIsRejected() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread serverThread = new Thread(() -> {
                try (java.net.Socket client = socket.accept()) {
                    client.getInputStream().read(new byte[4096]);
                    OutputStream out = client.getOutputStream();
                    out.write(("HTTP/1.1 200 OK\r\nContent-Length: " + TEXT.length + "\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
                    out.write(TEXT, 0, 20);
                    out.flush();
                } catch (IOException ignored) {
                    // the test only needs the connection to drop
                }
            });
            serverThread.start();
            Dataset d = datasetAt(List.of(URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/tiny.txt")));
            DatasetUnavailableException e = assertThrows(DatasetUnavailableException.class, () -> store(null).path(d));
            assertTrue(e.getMessage().contains("could not be downloaded"), e.getMessage());
            assertFalse(Files.exists(tmp.resolve("cache/corpora/tiny.txt")));
            assertFalse(Files.exists(tmp.resolve("cache/corpora/tiny.txt.part")));
            serverThread.join(5000);
        }
    }

    @Test
    void aFailingMirrorFallsBackToTheNext() throws Exception {
        Path p = store(null).path(dataset("/missing.txt", "/good.txt"));
        assertArrayEquals(TEXT, Files.readAllBytes(p));
    }

    @Test
    void unreachableServerSaysWhereToPutTheFile() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        Dataset d = datasetAt(List.of(URI.create("http://127.0.0.1:" + closedPort + "/tiny.txt")));
        DatasetUnavailableException e = assertThrows(DatasetUnavailableException.class, () -> store(null).path(d));
        assertTrue(e.getMessage().contains("cannot connect"), e.getMessage());
        assertTrue(e.getMessage().contains("Put the file by hand at " + tmp.resolve("cache/corpora/tiny.txt")), e.getMessage());
        assertTrue(e.getMessage().contains(sha256(TEXT)), "the message names the expected checksum: " + e.getMessage());
    }

    @Test
    void noDownloadAddressSaysWhereToPutTheFile() {
        Dataset d = Datasets.get("pg_mix_4M");
        DatasetUnavailableException e = assertThrows(DatasetUnavailableException.class, () -> store(null).path(d));
        assertTrue(e.getMessage().contains("no public download"), e.getMessage());
        assertTrue(e.getMessage().contains("APRICOT_DATA"), e.getMessage());
        assertTrue(e.getMessage().contains(tmp.resolve("cache/corpora/pg_mix_4M.txt.gz").toString()), e.getMessage());
    }

    @Test
    void localFolderIsSearchedFirst() throws Exception {
        Path local = tmp.resolve("shared");
        Files.createDirectories(local.resolve("corpora"));
        Files.write(local.resolve("corpora/tiny.txt"), TEXT);
        Path p = store(local).path(dataset("/good.txt"));
        assertEquals(local.resolve("corpora/tiny.txt"), p);
        assertEquals(0, requests.get(), "nothing is downloaded when the local folder has the file");
    }

    @Test
    void corruptFilesAlreadyThereAreRefusedAndLeftAlone() throws Exception {
        byte[] wrong = TEXT.clone();
        wrong[0] = 'L';
        for (Path folder : List.of(tmp.resolve("shared"), tmp.resolve("cache"))) {
            DatasetStore.forgetChecks();
            Path f = folder.resolve("corpora/tiny.txt");
            Files.createDirectories(f.getParent());
            Files.write(f, wrong);
            DatasetUnavailableException e = assertThrows(DatasetUnavailableException.class,
                    () -> store(tmp.resolve("shared")).path(dataset("/good.txt")));
            assertTrue(e.getMessage().contains(f + " for dataset 'tiny' is corrupt"), e.getMessage());
            assertArrayEquals(wrong, Files.readAllBytes(f), "the user's file is not overwritten");
            Files.delete(f);
        }
        assertEquals(0, requests.get());
    }

    @Test
    void zipEntryCrcIsCheckedWhenThereIsNoSha256() throws Exception {
        Path zip = tmp.resolve("shared/corpora/tiny.zip");
        Files.createDirectories(zip.getParent());
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("tiny"));
            out.write(TEXT);
            out.closeEntry();
        }
        CRC32 crc = new CRC32();
        crc.update(TEXT);
        long size = Files.size(zip);
        Dataset good = new Dataset("tinyzip", Dataset.Kind.CORPUS, "corpora/tiny.zip", List.of(), size, null,
                new Dataset.ZipEntryCheck("tiny", TEXT.length, crc.getValue()), "test", "test", "zip");
        Dataset wrongCrc = new Dataset("tinyzip", Dataset.Kind.CORPUS, "corpora/tiny.zip", List.of(), size, null,
                new Dataset.ZipEntryCheck("tiny", TEXT.length, crc.getValue() ^ 1), "test", "test", "zip");
        Path p = store(tmp.resolve("shared")).path(good);
        assertEquals(List.of("lemon", "a", "tablespoon", "of", "apricot", "jam", "a", "pinch"),
                TextCorpus.read(p).head(1).get(0), "a zip corpus is read from its entry");
        DatasetStore.forgetChecks();
        DatasetUnavailableException e = assertThrows(DatasetUnavailableException.class,
                () -> store(tmp.resolve("shared")).path(wrongCrc));
        assertTrue(e.getMessage().contains("CRC-32"), e.getMessage());
    }

    @Test
    void aZipEntryIsExtractedOnceIntoTheCache() throws Exception {
        byte[] vectors = "apricot 0.5 -1.0\njam 0.25 2.0\n".getBytes(StandardCharsets.UTF_8);
        Path zip = tmp.resolve("shared/vectors/tiny.zip");
        Files.createDirectories(zip.getParent());
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("other.txt"));
            out.write(TEXT);
            out.putNextEntry(new ZipEntry("tiny.2d.txt"));
            out.write(vectors);
            out.closeEntry();
        }
        Dataset d = new Dataset("tinyvectors", Dataset.Kind.VECTORS, "vectors/tiny.zip", List.of(), Files.size(zip),
                sha256(Files.readAllBytes(zip)), null, "test", "test", "vectors");
        Path p = store(tmp.resolve("shared")).extract(d, "tiny.2d.txt");
        assertEquals(tmp.resolve("cache/vectors/tiny.2d.txt"), p);
        assertArrayEquals(vectors, Files.readAllBytes(p));
        assertEquals(List.of(0.25, 2.0), java.util.Arrays.stream(io.github.apricotcourse.embed.VectorFormat.GLOVE_TEXT.read(p)
                .vector("jam")).boxed().toList());
        DatasetUnavailableException e = assertThrows(DatasetUnavailableException.class,
                () -> store(tmp.resolve("shared")).extract(d, "tiny.3d.txt"));
        assertTrue(e.getMessage().contains("has no entry 'tiny.3d.txt'"), e.getMessage());
        assertFalse(Files.exists(tmp.resolve("cache/vectors/tiny.3d.txt.part")));
    }

    @Test
    void aTarGzEntryIsExtractedOnceIntoTheCache() throws Exception {
        byte[] js = "export const afinn165 = {\n  good: 3,\n  bad: -3\n}\n".getBytes(StandardCharsets.UTF_8);
        Path tgz = tmp.resolve("shared/lexicons/tiny/tiny-1.0.0.tgz");
        Files.createDirectories(tgz.getParent());
        try (var out = new org.apache.commons.compress.archivers.tar.TarArchiveOutputStream(
                new java.util.zip.GZIPOutputStream(Files.newOutputStream(tgz)))) {
            for (var entry : java.util.Map.of("package/readme.md", TEXT, "package/index.js", js).entrySet()) {
                var header = new org.apache.commons.compress.archivers.tar.TarArchiveEntry(entry.getKey());
                header.setSize(entry.getValue().length);
                out.putArchiveEntry(header);
                out.write(entry.getValue());
                out.closeArchiveEntry();
            }
        }
        Dataset d = new Dataset("tinylexicon", Dataset.Kind.LEXICON, "lexicons/tiny/tiny-1.0.0.tgz", List.of(), Files.size(tgz),
                sha256(Files.readAllBytes(tgz)), null, "test", "test", "lexicon");
        Path p = store(tmp.resolve("shared")).extract(d, "package/index.js");
        assertEquals(tmp.resolve("cache/lexicons/tiny/package/index.js"), p);
        assertArrayEquals(js, Files.readAllBytes(p));
        DatasetUnavailableException e = assertThrows(DatasetUnavailableException.class,
                () -> store(tmp.resolve("shared")).extract(d, "package/index.cjs"));
        assertTrue(e.getMessage().contains("has no entry 'package/index.cjs'"), e.getMessage());
    }

    @Test
    void unknownIdSuggestsNearNames() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Datasets.get("pg_mix_4m"));
        assertTrue(e.getMessage().contains("Did you mean: pg_mix_4M"), e.getMessage());
    }

    @Test
    void builtInCorporaComeFromTheProject() {
        assertEquals(Path.of("datasets", "kitchen.txt").toAbsolutePath(), store(null).path(Datasets.get("kitchen")));
        assertTrue(Datasets.info().rowCount() >= 14);
    }

    @Test
    void aTestStandInReplacesText8OnlyAndUncheckedWhileOtherDatasetsAreStillChecked() throws Exception {
        Path standIn = tmp.resolve("standin.txt");
        Files.write(standIn, TEXT);
        DatasetStore store = new DatasetStore(null, tmp.resolve("cache"), null).withTestStandIn(standIn);
        assertEquals(standIn, store.path(Datasets.get("text8")), "text8 is the stand-in, whose checksum cannot be text8's");
        assertEquals(java.util.Optional.of(standIn), store.testStandIn());
        assertTrue(store.toString().contains("TEST STAND-IN"), store.toString());
        assertTrue(store.find(Datasets.get("pg_mix_4M")).isEmpty(), "no other dataset is replaced");
        assertTrue(new DatasetStore(null, tmp.resolve("cache"), null).testStandIn().isEmpty());
    }

    @Test
    void aText8ShapedZipIsDownloadedAndCheckedByItsEntrysCrcThenReadAsOneLongLine() throws Exception {
        byte[] line = " anarchism originated as a term of abuse".repeat(300).getBytes(StandardCharsets.US_ASCII);
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            out.putNextEntry(new ZipEntry("text8"));
            out.write(line);
        }
        byte[] zip = bytes.toByteArray();
        CRC32 crc = new CRC32();
        crc.update(line);
        serve("/text8.zip", zip, zip.length);
        Dataset good = new Dataset("text8like", Dataset.Kind.CORPUS, "corpora/text8like.zip", List.of(url("/text8.zip")),
                zip.length, null, new Dataset.ZipEntryCheck("text8", line.length, crc.getValue()), "test", "test", "text8-shaped");
        Path p = store(null).path(good);
        assertEquals(tmp.resolve("cache/corpora/text8like.zip"), p);
        List<List<String>> sentences = TextCorpus.read(p).head(10);
        assertEquals(List.of(1000, 1000, 100), sentences.stream().map(List::size).toList(),
                "one line of 2,100 tokens comes as pseudo-sentences of at most 1,000");

        Dataset wrongCrc = new Dataset("text8bad", Dataset.Kind.CORPUS, "corpora/text8bad.zip", List.of(url("/text8.zip")),
                zip.length, null, new Dataset.ZipEntryCheck("text8", line.length, crc.getValue() ^ 1), "test", "test", "text8-shaped");
        DatasetUnavailableException e = assertThrows(DatasetUnavailableException.class, () -> store(null).path(wrongCrc));
        assertTrue(e.getMessage().contains("CRC-32"), e.getMessage());
        assertFalse(Files.exists(tmp.resolve("cache/corpora/text8bad.zip")), "a download that fails its CRC is not kept");
    }
}

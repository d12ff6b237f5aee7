package io.github.apricotcourse.data;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Puts datasets in place before the lessons need them, and checks them, from the command line
 * (Binder's build runs it through {@code src/bin/binder-build}):
 *
 * <pre>
 *   java -cp 'target/apricot.jar:target/lib/*' io.github.apricotcourse.data.DatasetsCli fetch [--offline] (--all | ID...)
 *   java -cp 'target/apricot.jar:target/lib/*' io.github.apricotcourse.data.DatasetsCli verify [ID...]
 * </pre>
 *
 * {@code fetch} fills the cache ({@code APRICOT_CACHE}, default {@code ~/.cache/apricot}): a file
 * in the local folder ({@code APRICOT_DATA}) is checked and copied; one already in the cache is
 * checked; any other is downloaded and checked. Datasets with no public download, and with
 * {@code --offline} every one that is not in the local folder, are skipped with a message.
 * {@code verify} checks every file of the datasets in the local folder and the cache.
 * Built-in corpora are generated, not fetched. Exit status 0 when nothing failed, 1 when a file
 * is corrupt or a download failed, 2 for a usage error.
 */
public final class DatasetsCli {

    private static final String USAGE = """
            Usage: DatasetsCli fetch [--offline] (--all | ID...)
                   DatasetsCli verify [ID...]
              fetch    put datasets into the cache (APRICOT_CACHE, default ~/.cache/apricot): copied from
                       APRICOT_DATA when it has them, else downloaded; every file is checked first
              verify   check the files of the datasets (all by default) in APRICOT_DATA and the cache
              --offline  download nothing: datasets not in APRICOT_DATA are skipped""";

    private DatasetsCli() {
    }

    public static void main(String[] args) {
        System.exit(run(List.of(args), Datasets.all(), Datasets::get, Datasets.store(), System.out));
    }

    /** Runs one command against a registry and a store; returns the exit status. */
    static int run(List<String> args, List<Dataset> registry, Function<String, Dataset> byId, DatasetStore store,
                   PrintStream out) {
        if (args.isEmpty() || !List.of("fetch", "verify").contains(args.get(0))) {
            out.println((args.isEmpty() ? "No command given." : "Unknown command '" + args.get(0) + "'.") + "\n" + USAGE);
            return 2;
        }
        boolean fetch = args.get(0).equals("fetch");
        boolean offline = false;
        boolean all = !fetch;
        List<Dataset> chosen = new ArrayList<>();
        try {
            for (String arg : args.subList(1, args.size())) {
                switch (arg) {
                    case "--all" -> all = true;
                    case "--offline" -> offline = true;
                    default -> {
                        if (arg.startsWith("-")) {
                            throw new IllegalArgumentException("unknown option '" + arg + "'");
                        }
                        chosen.add(byId.apply(arg));
                    }
                }
            }
        } catch (IllegalArgumentException e) {
            out.println("Cannot " + args.get(0) + ": " + e.getMessage() + "\n" + USAGE);
            return 2;
        }
        if (!chosen.isEmpty()) {
            all = false;
        } else if (!all) {
            out.println("Say which datasets to fetch: --all, or their ids.\n" + USAGE);
            return 2;
        }
        List<Dataset> files = (all ? registry : chosen).stream().filter(d -> d.kind() != Dataset.Kind.BUILT_IN).toList();
        out.println(store);
        return fetch ? fetch(files, store, offline, out) : verify(files, store, out);
    }

    private static int fetch(List<Dataset> datasets, DatasetStore store, boolean offline, PrintStream out) {
        int inCache = 0;
        int skipped = 0;
        int failed = 0;
        for (Dataset d : datasets) {
            Path cached = store.cache().resolve(d.file());
            Path local = store.localFolder().map(f -> f.resolve(d.file())).filter(Files::isRegularFile).orElse(null);
            try {
                String done;
                if (local != null) {
                    done = copyIntoCache(d, local, cached);
                } else if (Files.isRegularFile(cached)) {
                    store.find(d);
                    done = "already in the cache, checked";
                } else if (offline) {
                    line(out, d, "skipped: not in the local folder, and --offline downloads nothing");
                    skipped++;
                    continue;
                } else if (d.urls().isEmpty()) {
                    line(out, d, "skipped: it has no public download (put it in APRICOT_DATA as " + d.file() + ")");
                    skipped++;
                    continue;
                } else {
                    store.path(d);
                    done = "downloaded, checked";
                }
                line(out, d, done + " (" + size(d.size()) + ", " + d.verification() + ")");
                inCache++;
            } catch (DatasetUnavailableException | IOException e) {
                line(out, d, "FAILED: " + e.getMessage());
                failed++;
            }
        }
        out.printf(Locale.ROOT, "fetch: %d in the cache, %d skipped, %d failed%n", inCache, skipped, failed);
        return failed == 0 ? 0 : 1;
    }

    /** Checks the local file, then copies it into the cache through a .part file and one atomic rename. */
    private static String copyIntoCache(Dataset d, Path local, Path cached) throws IOException {
        if (Files.isRegularFile(cached) && DatasetStore.problem(d, cached) == null) {
            return "already in the cache, checked";
        }
        String problem = DatasetStore.problem(d, local);
        if (problem != null) {
            throw new DatasetUnavailableException("the local file " + local + " is corrupt or incomplete: " + problem
                    + ". Replace it with the original, or remove it so that the dataset is downloaded.");
        }
        Files.createDirectories(cached.getParent());
        Path part = cached.resolveSibling(cached.getFileName() + ".part");
        try {
            Files.copy(local, part, StandardCopyOption.REPLACE_EXISTING);
            problem = DatasetStore.problem(d, part);
            if (problem != null) {
                throw new DatasetUnavailableException("the copy " + part + " is corrupt: " + problem
                        + ". Check the free space in " + cached.getParent() + " and run fetch again.");
            }
            Files.move(part, cached, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(part);
        }
        return "copied from the local folder, checked";
    }

    private static int verify(List<Dataset> datasets, DatasetStore store, PrintStream out) {
        int ok = 0;
        int absent = 0;
        int corrupt = 0;
        for (Dataset d : datasets) {
            List<Path> places = new ArrayList<>();
            store.localFolder().ifPresent(f -> places.add(f.resolve(d.file())));
            places.add(store.cache().resolve(d.file()));
            boolean seen = false;
            for (Path file : places) {
                if (!Files.isRegularFile(file)) {
                    continue;
                }
                seen = true;
                String problem = DatasetStore.problem(d, file);
                if (problem == null) {
                    line(out, d, "ok: " + file + " (" + d.verification() + ")");
                    ok++;
                } else {
                    line(out, d, "CORRUPT: " + file + ": " + problem + ". Delete it and fetch again.");
                    corrupt++;
                }
            }
            if (!seen) {
                line(out, d, "not here (fetch downloads it" + (d.urls().isEmpty() ? "; it has no public download" : "") + ")");
                absent++;
            }
        }
        out.printf(Locale.ROOT, "verify: %d ok, %d not here, %d corrupt%n", ok, absent, corrupt);
        return corrupt == 0 ? 0 : 1;
    }

    private static void line(PrintStream out, Dataset d, String what) {
        out.printf(Locale.ROOT, "  %-20s %s%n", d.id(), what);
    }

    private static String size(long bytes) {
        return bytes < 1_000_000 ? String.format(Locale.ROOT, "%.0f kB", bytes / 1e3)
                : String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
    }
}

package io.github.apricotcourse.data;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.UnmatchedArgumentException;

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
 * is corrupt or a download failed, 2 for a usage error. The options are parsed by picocli, from
 * the annotations below (which also make the usage and {@code --help}).
 */
@Command(name = "DatasetsCli", subcommands = {DatasetsCli.Fetch.class, DatasetsCli.Verify.class},
        description = "Puts the course's datasets into the cache and checks them.")
public final class DatasetsCli implements Callable<Integer> {

    private final List<Dataset> registry;
    private final Function<String, Dataset> byId;
    private final DatasetStore store;
    private final PrintStream out;
    @Spec
    private CommandSpec spec;
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    private boolean help;

    private DatasetsCli(List<Dataset> registry, Function<String, Dataset> byId, DatasetStore store, PrintStream out) {
        this.registry = registry;
        this.byId = byId;
        this.store = store;
        this.out = out;
    }

    public static void main(String[] args) {
        System.exit(run(List.of(args), Datasets.all(), Datasets::get, Datasets.store(), System.out));
    }

    /** Runs one command against a registry and a store; returns the exit status. */
    static int run(List<String> args, List<Dataset> registry, Function<String, Dataset> byId, DatasetStore store,
                   PrintStream out) {
        CommandLine cli = new CommandLine(new DatasetsCli(registry, byId, store, out));
        PrintWriter writer = new PrintWriter(out, true, StandardCharsets.UTF_8);
        cli.setOut(writer);
        cli.setErr(writer);
        cli.setParameterExceptionHandler((e, given) -> e instanceof UnmatchedArgumentException && e.getCommandLine() == cli
                ? usageError(cli.getCommandSpec(), "Unknown command '" + given[0] + "'.")
                : usageError(e.getCommandLine().getCommandSpec(), "Cannot " + e.getCommandLine().getCommandName() + ": "
                        + e.getMessage()));
        return cli.execute(args.toArray(String[]::new));
    }

    /** No command: say so, with the usage. */
    @Override
    public Integer call() {
        return usageError(spec, "No command given.");
    }

    /** Prints a usage error and the command's usage; returns the usage-error status, 2. */
    static int usageError(CommandSpec spec, String problem) {
        PrintWriter err = spec.commandLine().getErr();
        err.println(problem);
        spec.commandLine().usage(err);
        return spec.exitCodeOnInvalidInput();
    }

    /** What fetch and verify share: the datasets named on the command line. */
    private abstract static class DatasetCommand implements Callable<Integer> {
        @ParentCommand
        DatasetsCli cli;
        @Spec
        CommandSpec spec;
        @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
        boolean help;
        @Parameters(paramLabel = "ID", arity = "0..*", description = "dataset ids, e.g. text8 wordsim353")
        List<String> ids = new ArrayList<>();

        /** The datasets named by the ids (a usage error names an unknown one). */
        List<Dataset> chosen() {
            List<Dataset> chosen = new ArrayList<>();
            for (String id : ids) {
                try {
                    chosen.add(cli.byId.apply(id));
                } catch (IllegalArgumentException e) {
                    throw new ParameterException(spec.commandLine(), e.getMessage(), e);
                }
            }
            return chosen;
        }
    }

    @Command(name = "fetch", description = "Puts datasets into the cache (APRICOT_CACHE, default ~/.cache/apricot):"
            + " copied from APRICOT_DATA when it has them, else downloaded; every file is checked first.")
    static final class Fetch extends DatasetCommand {
        @Option(names = "--all", description = "every registered dataset")
        private boolean all;
        @Option(names = "--offline", description = "download nothing: datasets not in APRICOT_DATA are skipped")
        private boolean offline;

        @Override
        public Integer call() {
            List<Dataset> chosen = chosen();
            if (chosen.isEmpty() && !all) {
                throw new ParameterException(spec.commandLine(), "say which datasets to fetch: --all, or their ids.");
            }
            cli.out.println(cli.store);
            return fetch(cli.files(chosen), cli.store, offline, cli.out);
        }
    }

    @Command(name = "verify", description = "Checks the files of the datasets (all by default) in APRICOT_DATA and the cache.")
    static final class Verify extends DatasetCommand {
        @Override
        public Integer call() {
            List<Dataset> chosen = chosen();
            cli.out.println(cli.store);
            return verify(cli.files(chosen), cli.store, cli.out);
        }
    }

    /** The chosen datasets, or every registered one when none is chosen; built-in corpora left out (they are generated). */
    private List<Dataset> files(List<Dataset> chosen) {
        return (chosen.isEmpty() ? registry : chosen).stream().filter(d -> d.kind() != Dataset.Kind.BUILT_IN).toList();
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

package io.github.apricotcourse.kernel;

import io.github.apricotcourse.viz.Display;
import io.github.apricotcourse.viz.DisplayTarget;
import io.github.apricotcourse.viz.RichRenderers;
import io.github.spencerpark.jupyter.kernel.BaseKernel;
import io.github.spencerpark.jupyter.kernel.LanguageInfo;
import io.github.spencerpark.jupyter.kernel.ReplacementOptions;
import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Collectors;
import jdk.jshell.SourceCodeAnalysis;

/**
 * The Apricot Java kernel: IJava-compatible cells (same magics, display API and environment
 * variables) on jupyter-jvm-basekernel and JShell, with the course library, Tablesaw and EJML on
 * the classpath and imported, readable errors, and Tablesaw tables and figures drawn inline.
 */
public final class ApricotKernel extends BaseKernel implements DisplayTarget {

    /** Resource names of the start-up scripts every session runs first, in this order. */
    static final String IJAVA_IMPORTS = "ijava-imports.jsh";
    static final String IMPORTS = "imports.jsh";
    static final String DISPLAY_API = "display.jsh";

    private static volatile ApricotKernel instance;

    private final JShellSession session;
    private final CellOutput output;
    private final LineMagics magics;
    private final LanguageInfo languageInfo;
    private final CompletableFuture<Void> startup;
    private boolean startupReported;

    /** A kernel with the given settings; start-up scripts begin compiling at once, in the background. */
    public ApricotKernel(KernelSettings settings) throws CellError {
        this(settings, null);
    }

    /**
     * A kernel whose cells' printed output goes to {@code sink} (tests), or to the notebook if it
     * is null.
     */
    ApricotKernel(KernelSettings settings, CellOutput.Sink sink) throws CellError {
        // Each cell gets its own batched, capped streams (see eval), instead of basekernel's.
        setShouldReplaceStdStreams(false);
        this.output = new CellOutput(sink != null ? sink : this::sendStream, true);
        this.session = new JShellSession(settings, following(() -> System.out), following(() -> System.err),
                new InputStream() {
                    @Override
                    public int read() throws IOException {
                        return System.in.read();
                    }

                    @Override
                    public int read(byte[] b, int off, int len) throws IOException {
                        return System.in.read(b, off, len);
                    }
                });
        this.magics = new LineMagics(session::addToClasspath, new MavenResolver("mvn"), this::runScript);
        this.languageInfo = new LanguageInfo.Builder("Java")
                .version(Runtime.version().toString())
                .mimetype("text/x-java-source")
                .fileExtension(".jshell")
                .pygments("java")
                .codemirror("java")
                .build();
        RichRenderers.register(getRenderer());
        List<Script> scripts = startupScripts(settings);
        this.startup = CompletableFuture.runAsync(() -> {
            for (Script s : scripts) {
                try {
                    session.eval(s.text(), 0, 0);
                } catch (CellError e) {
                    throw new CompletionException(new CellError("Start-up script " + s.name() + " failed: "
                            + e.getMessage(), e.report()));
                }
            }
        });
        instance = this;
        Display.install(this);
    }

    /** The running kernel, or null outside one. */
    public static ApricotKernel instance() {
        return instance;
    }

    /** A start-up script and where it came from. */
    record Script(String name, String text) {
    }

    /**
     * IJava's default imports, Apricot's imports, IJava's display API, then the scripts named by
     * the IJava variables. Imports come first: JShell recompiles every method declared before an
     * import, which made start-up several times slower.
     */
    static List<Script> startupScripts(KernelSettings settings) throws CellError {
        List<Script> scripts = new ArrayList<>();
        for (String name : List.of(IJAVA_IMPORTS, IMPORTS, DISPLAY_API)) {
            scripts.add(new Script(name, resource(name)));
        }
        for (String glob : settings.startupScriptPaths()) {
            try {
                for (Path p : new io.github.spencerpark.jupyter.kernel.util.GlobFinder(glob).computeMatchingFiles()) {
                    scripts.add(new Script(p.toString(), Files.readString(p, StandardCharsets.UTF_8)));
                }
            } catch (IOException e) {
                throw new CellError("Could not read start-up scripts '" + glob + "' from "
                        + KernelSettings.STARTUP_SCRIPTS_PATH + ": " + e.getMessage()
                        + ". Fix: correct the path in the kernelspec.");
            }
        }
        if (!settings.startupScript().isBlank()) {
            scripts.add(new Script(KernelSettings.STARTUP_SCRIPT, settings.startupScript()));
        }
        return scripts;
    }

    /** The text of one of the kernel's resources. */
    static String resource(String name) {
        try (InputStream in = ApricotKernel.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("Resource " + name + " is missing from the Apricot jar. Fix: rebuild it.");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public LanguageInfo getLanguageInfo() {
        return languageInfo;
    }

    @Override
    public String getBanner() {
        return "Java " + Runtime.version() + " :: Apricot kernel (IJava-compatible) for word-embedding lessons";
    }

    @Override
    public DisplayData eval(String code) throws Exception {
        awaitStartup();
        session.beginCell();
        int cell = executionCount.get() - 1;
        PrintStream out = System.out;
        PrintStream err = System.err;
        InputStream in = System.in;
        output.begin();
        System.setOut(output.out);
        System.setErr(output.err);
        System.setIn(new FilterInputStream(getIO().in) {
            @Override
            public int read() throws IOException {
                output.tick(); // a prompt printed before reading shows before the input box
                return super.read();
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                output.tick();
                return super.read(b, off, len);
            }
        });
        try {
            Object result = null;
            for (CellParts.Part part : CellParts.of(code)) {
                if (part instanceof CellParts.Code c) {
                    result = session.eval(c.source(), cell, c.lineOffset());
                } else if (part instanceof CellParts.Magic m) {
                    magics.run(m);
                    result = null;
                }
            }
            if (result == null) {
                return null;
            }
            return result instanceof DisplayData data ? data : getRenderer().render(result);
        } finally {
            System.setOut(out);
            System.setErr(err);
            System.setIn(in);
            output.end();
        }
    }

    /** One stream message to the notebook (print(String) would send one per 8 KB). */
    private void sendStream(CellOutput.Stream stream, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        (stream == CellOutput.Stream.OUT ? getIO().out : getIO().err).write(bytes, 0, bytes.length);
    }

    /** Waits for the start-up scripts; their failure is reported once, by the first cell. */
    private void awaitStartup() throws CellError {
        try {
            startup.join();
        } catch (CompletionException e) {
            if (!startupReported) {
                startupReported = true;
                if (e.getCause() instanceof CellError error) {
                    throw error;
                }
                throw e;
            }
        }
    }

    /** Runs a script loaded by {@code %load}, magics included, as part of the current cell. */
    private void runScript(String script) throws Exception {
        for (CellParts.Part part : CellParts.of(script)) {
            if (part instanceof CellParts.Code c) {
                session.eval(c.source(), executionCount.get() - 1, c.lineOffset());
            } else if (part instanceof CellParts.Magic m) {
                magics.run(m);
            }
        }
    }

    @Override
    public List<String> formatError(Exception e) {
        return e instanceof CellError error ? error.report() : super.formatError(e);
    }

    @Override
    public void interrupt() {
        session.stop();
    }

    @Override
    public String isComplete(String code) {
        SourceCodeAnalysis.CompletionInfo info = session.analysis().analyzeCompletion(code);
        while (info.completeness().isComplete() && !info.remaining().isBlank()) {
            info = session.analysis().analyzeCompletion(info.remaining());
        }
        return switch (info.completeness()) {
            case COMPLETE, COMPLETE_WITH_SEMI, EMPTY -> IS_COMPLETE_YES;
            case DEFINITELY_INCOMPLETE, CONSIDERED_INCOMPLETE -> "    ";
            case UNKNOWN -> IS_COMPLETE_BAD;
        };
    }

    @Override
    public ReplacementOptions complete(String code, int at) {
        awaitQuietly();
        int[] anchor = new int[1];
        List<SourceCodeAnalysis.Suggestion> suggestions = session.completionAnalysis().completionSuggestions(code, at, anchor);
        if (suggestions == null || suggestions.isEmpty()) {
            return null;
        }
        List<String> options = suggestions.stream()
                .sorted((a, b) -> Boolean.compare(b.matchesType(), a.matchesType()))
                .map(SourceCodeAnalysis.Suggestion::continuation)
                .distinct()
                .toList();
        return new ReplacementOptions(options, anchor[0], at);
    }

    @Override
    public DisplayData inspect(String code, int at, boolean extraDetail) {
        awaitQuietly();
        int end = at;
        while (end < code.length() && Character.isJavaIdentifierPart(code.charAt(end))) {
            end++;
        }
        if (end < code.length() && code.charAt(end) == '(') {
            end++;
        }
        List<SourceCodeAnalysis.Documentation> docs = session.completionAnalysis().documentation(code, end, true);
        if (docs == null || docs.isEmpty()) {
            return null;
        }
        return new DisplayData(docs.stream()
                .map(d -> d.javadoc() == null ? d.signature() : d.signature() + "\n" + d.javadoc())
                .collect(Collectors.joining("\n\n")));
    }

    private void awaitQuietly() {
        try {
            startup.join();
        } catch (CompletionException e) {
            // Reported by the next cell.
        }
    }

    @Override
    public void onShutdown(boolean isRestarting) {
        Display.uninstall(this);
        if (instance == this) {
            instance = null;
        }
        session.close();
        output.close();
    }

    // --- viz.DisplayTarget: library code (progress bars, figures) shows output through the kernel.

    @Override
    public String display(Object value) {
        return show(value instanceof DisplayData d ? d : getRenderer().render(value));
    }

    /** Shows rendered data now, after the text printed before it; gives it a display id if it has none; returns the id. */
    String show(DisplayData data) {
        if (!data.hasDisplayId()) {
            data.setDisplayId(UUID.randomUUID().toString());
        }
        output.inOrder(() -> display(data));
        return data.getDisplayId();
    }

    @Override
    public void update(String id, Object value) {
        DisplayData data = value instanceof DisplayData d ? d : getRenderer().render(value);
        output.inOrder(() -> getIO().display.updateDisplay(id, data));
    }

    @Override
    public boolean updatesInPlace() {
        return true;
    }

    /** A print stream that writes to whatever {@code target} returns at the time (System.out follows cells). */
    private static PrintStream following(java.util.function.Supplier<PrintStream> target) {
        return new PrintStream(new OutputStream() {
            @Override
            public void write(int b) {
                target.get().write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                target.get().write(b, off, len);
            }

            @Override
            public void flush() {
                target.get().flush();
            }
        }, true, StandardCharsets.UTF_8);
    }
}

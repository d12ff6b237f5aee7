package io.github.apricotcourse.bench;

import io.github.apricotcourse.kernel.ApricotKernel;
import io.github.apricotcourse.kernel.KernelSettings;
import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import io.github.spencerpark.jupyter.kernel.display.mime.MIMEType;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import jdk.jshell.JShell;
import jdk.jshell.SnippetEvent;

/**
 * The least a Java kernel does before its first result: start a JVM, compile the cell
 * {@code 1 + 1}, run it, print {@code 2}; and then what the Apricot kernel adds before Jupyter.
 * {@code src/bin/apricot bench kernel} times each beside the real kernel, so the kernel's
 * first-result figure can be read against what the machine allows and where the rest goes.
 *
 * <pre>
 *   java ... KernelFloor javac   # javac (javax.tools) compiles a class in memory; it is loaded and run
 *   java ... KernelFloor jshell  # JShell (what the Apricot kernel and IJava use) evaluates it in process
 *   java ... KernelFloor kernel  # the Apricot kernel (its class path, start-up imports) evaluates it, no Jupyter
 * </pre>
 */
public final class KernelFloor {

    private static final String CELL = "1 + 1";

    private KernelFloor() {
    }

    public static void main(String[] args) throws Exception {
        String engine = args.length == 1 ? args[0] : "";
        String value = switch (engine) {
            case "javac" -> javac();
            case "jshell" -> jshell();
            case "kernel" -> kernel();
            default -> {
                System.err.println("Usage: KernelFloor javac|jshell|kernel (got "
                        + (args.length == 0 ? "nothing" : "'" + String.join(" ", args) + "'")
                        + "). Fix: name one engine, as src/bin/apricot bench kernel does.");
                System.exit(2);
                yield null;
            }
        };
        System.out.println(value);
        System.exit(0);
    }

    /** Compiles {@code class Cell { static Object run() { return 1 + 1; } }} with javac in memory, loads it, runs it. */
    static String javac() throws Exception {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        JavaFileObject source = new SimpleJavaFileObject(URI.create("string:///Cell.java"), JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return "public class Cell { public static Object run() { return " + CELL + "; } }";
            }
        };
        Map<String, ByteArrayOutputStream> classes = new HashMap<>();
        JavaFileManager files = new ForwardingJavaFileManager<>(compiler.getStandardFileManager(null, null, null)) {
            @Override
            public JavaFileObject getJavaFileForOutput(Location location, String name, JavaFileObject.Kind kind,
                                                       FileObject sibling) {
                return new SimpleJavaFileObject(URI.create("mem:///" + name + ".class"), kind) {
                    @Override
                    public OutputStream openOutputStream() {
                        return classes.computeIfAbsent(name, n -> new ByteArrayOutputStream());
                    }
                };
            }
        };
        if (!compiler.getTask(null, files, null, List.of("-proc:none"), null, List.of(source)).call()) {
            throw new IllegalStateException("javac could not compile the cell " + CELL);
        }
        ClassLoader loader = new ClassLoader(KernelFloor.class.getClassLoader()) {
            @Override
            protected Class<?> findClass(String name) throws ClassNotFoundException {
                ByteArrayOutputStream bytes = classes.get(name);
                if (bytes == null) {
                    throw new ClassNotFoundException(name);
                }
                return defineClass(name, bytes.toByteArray(), 0, bytes.size());
            }
        };
        return String.valueOf(loader.loadClass("Cell").getMethod("run").invoke(null));
    }

    /** Starts the Apricot kernel (settings from the environment, as under Jupyter) and evaluates {@code 1 + 1}. */
    static String kernel() throws Exception {
        ApricotKernel kernel = new ApricotKernel(KernelSettings.from(System.getenv()));
        try {
            DisplayData value = kernel.eval(CELL);
            if (value == null) {
                throw new IllegalStateException("the kernel gave no value for " + CELL);
            }
            return String.valueOf(value.getData(MIMEType.TEXT_PLAIN));
        } finally {
            kernel.onShutdown(false);
        }
    }

    /** Evaluates {@code 1 + 1} in a JShell that runs snippets in this JVM, as the Apricot kernel does. */
    static String jshell() {
        try (JShell shell = JShell.builder().executionEngine("local").build()) {
            List<SnippetEvent> events = shell.eval(CELL);
            String value = events.isEmpty() ? null : events.get(0).value();
            if (value == null) {
                throw new IllegalStateException("JShell gave no value for " + CELL + ": " + events);
            }
            return value;
        }
    }
}

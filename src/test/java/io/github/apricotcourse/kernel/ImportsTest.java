package io.github.apricotcourse.kernel;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import org.junit.jupiter.api.Test;

/** Every default import names a package that exists, so the file also works as IJava's start-up script. */
class ImportsTest {

    @Test
    void everyImportCompiles() throws Exception {
        List<String> imports = ApricotKernel.resource(ApricotKernel.IMPORTS).lines()
                .map(String::strip).filter(l -> l.startsWith("import ")).toList();
        assertFalse(imports.isEmpty());
        try (JShell shell = JShell.builder().executionEngine("local").build()) {
            for (String line : imports) {
                List<SnippetEvent> events = shell.eval(line);
                Snippet.Status status = events.get(0).status();
                if (status != Snippet.Status.VALID) {
                    throw new AssertionError("imports.jsh: '" + line + "' does not compile ("
                            + shell.diagnostics(events.get(0).snippet()).map(d -> d.getMessage(null)).toList()
                            + "). Fix: list only packages that exist in the course jar and its dependencies.");
                }
            }
        }
    }

    @Test
    void ijavaDefaultsDefineTheDisplayApi() {
        assertDoesNotThrow(() -> {
            try (JShellSession session = new JShellSession(
                    new KernelSettings(List.of(), List.of(), "", Optional.empty(), List.of()),
                    System.out, System.err, InputStream.nullInputStream())) {
                session.eval(ApricotKernel.resource(ApricotKernel.DISPLAY_API), 0, 0);
                session.eval("Runnable r = () -> { String id = display(\"x\", \"text/plain\"); updateDisplay(id, \"y\"); "
                        + "io.github.spencerpark.jupyter.kernel.display.DisplayData d = render(\"z\"); };", 1, 0);
            }
        });
    }
}

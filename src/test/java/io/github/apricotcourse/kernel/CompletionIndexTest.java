package io.github.apricotcourse.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import jdk.jshell.SourceCodeAnalysis;
import org.junit.jupiter.api.Test;

/**
 * JShell's class index waits for the first completion request, then completes package names.
 * The test JVM opens jdk.jshell to the kernel as the kernelspec does (pom.xml's argLine).
 */
class CompletionIndexTest {

    @Test
    void theIndexWaitsForTheFirstCompletionThenSuggestsPackages() throws Exception {
        try (JShellSession session = new JShellSession(new KernelSettings(List.of(), List.of(), "", Optional.empty(), List.of()),
                System.out, System.err, InputStream.nullInputStream())) {
            assertTrue(session.indexHeldBack(), "JShell indexes at once: is jdk.jshell opened to the kernel "
                    + "(--add-opens jdk.jshell/jdk.jshell=ALL-UNNAMED, as in the kernelspec)?");
            assertEquals(2, session.eval("1 + 1", 1, 0));
            assertTrue(session.indexHeldBack(), "a cell let the indexing run");
            String code = "import tech.tablesaw.a";
            // Held back, the index has no packages yet (the kernel's own completion never asks this way).
            assertEquals(List.of(), session.analysis().completionSuggestions(code, code.length(), new int[1]));
            SourceCodeAnalysis analysis = session.completionAnalysis();
            assertFalse(session.indexHeldBack());
            long deadline = System.nanoTime() + 120_000_000_000L;
            List<String> packages = List.of();
            while (!packages.contains("api.") && System.nanoTime() < deadline) {
                packages = analysis.completionSuggestions(code, code.length(), new int[1]).stream()
                        .map(SourceCodeAnalysis.Suggestion::continuation).toList();
                Thread.sleep(100);
            }
            assertTrue(packages.contains("api."), "after the first completion request the index never suggested "
                    + "tech.tablesaw.api: " + packages);
        }
    }
}

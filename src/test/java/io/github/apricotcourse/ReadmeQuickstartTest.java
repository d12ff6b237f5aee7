package io.github.apricotcourse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.execution.LocalExecutionControlProvider;
import org.junit.jupiter.api.Test;

/** The README's 30-second start must run in JShell and print what the README says it prints. */
class ReadmeQuickstartTest {
    @Test
    void quickstartSnippetRunsAndPrintsWhatTheReadmeShows() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        int marker = readme.indexOf("<!-- quickstart");
        assertTrue(marker >= 0, "README.md lost its quickstart marker");
        String code = block(readme, marker, "```java");
        int codeEnd = readme.indexOf("```", readme.indexOf("```java", marker) + 7) + 3;
        String shown = block(readme, codeEnd, "```");

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream stdout = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));   // local execution prints here
        try (JShell shell = JShell.builder()
                .executionEngine(new LocalExecutionControlProvider(), java.util.Map.of()).build()) {
            shell.addToClasspath(System.getProperty("java.class.path"));
            for (String line : code.strip().split("\n")) {
                String rest = line;
                while (!rest.isBlank()) {
                    var info = shell.sourceCodeAnalysis().analyzeCompletion(rest);
                    for (SnippetEvent e : shell.eval(info.source())) {
                        if (e.status() == Snippet.Status.REJECTED || e.exception() != null) {
                            fail("README snippet failed at: " + info.source() + "\n"
                                    + shell.diagnostics(e.snippet()).map(d -> d.getMessage(null)).toList() + " " + e.exception());
                        }
                    }
                    rest = info.remaining();
                }
            }
        } finally {
            System.setOut(stdout);
        }
        assertEquals(List.of(shown.strip().split("\n")), List.of(out.toString(StandardCharsets.UTF_8).strip().split("\n")));
    }

    private static String block(String text, int from, String fence) {
        int start = text.indexOf(fence, from);
        int bodyStart = text.indexOf('\n', start) + 1;
        return text.substring(bodyStart, text.indexOf("```", bodyStart));
    }
}

package io.github.apricotcourse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@code src/bin/apricot help} lists every command the script's main() dispatches. */
class ApricotCommandTest {
    private static final Path SCRIPT = Path.of("src/bin/apricot");

    /** The command names of main()'s case statement, e.g. "install-kernel", "grade". */
    static List<String> dispatchedCommands() throws IOException {
        String script = Files.readString(SCRIPT);
        String main = script.substring(script.indexOf("\nmain() {"));
        List<String> commands = new ArrayList<>();
        Matcher m = Pattern.compile("(?m)^    ([a-z][a-z-]*)(\\|[^)]*)?\\) ").matcher(main);
        while (m.find()) {
            commands.add(m.group(1));
        }
        return commands;
    }

    @Test
    void helpListsEveryCommand() throws Exception {
        List<String> commands = dispatchedCommands();
        assertTrue(commands.size() >= 9, "main() dispatches at least the nine documented commands: " + commands);
        Process p = new ProcessBuilder("bash", SCRIPT.toString(), "help").redirectErrorStream(true).start();
        String help = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), help);
        List<String> missing = commands.stream().filter(c -> !help.contains("src/bin/apricot " + c)).toList();
        assertTrue(missing.isEmpty(), "src/bin/apricot help does not list " + missing + ":\n" + help);
        assertFalse(help.contains("set -euo pipefail"), "the usage stops at the end of the header comment:\n" + help);
    }
}

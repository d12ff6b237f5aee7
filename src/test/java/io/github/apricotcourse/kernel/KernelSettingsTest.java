package io.github.apricotcourse.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class KernelSettingsTest {

    @Test
    void readsIJavaVariables() {
        KernelSettings s = KernelSettings.from(Map.of(
                "IJAVA_CLASSPATH", "/a/x.jar" + File.pathSeparator + " " + File.pathSeparator + "/b/*",
                "IJAVA_STARTUP_SCRIPTS_PATH", "/s/imports.jsh",
                "IJAVA_STARTUP_SCRIPT", "int seed = 1;",
                "IJAVA_TIMEOUT", "2 MINUTES",
                "IJAVA_COMPILER_OPTS", "-Xlint:all \"-Xmaxerrs 5\""));
        assertEquals(List.of("/a/x.jar", "/b/*"), s.classpath());
        assertEquals(List.of("/s/imports.jsh"), s.startupScriptPaths());
        assertEquals("int seed = 1;", s.startupScript());
        assertEquals(Optional.of(Duration.ofMinutes(2)), s.timeout());
        assertEquals(List.of("-Xlint:all", "-Xmaxerrs 5"), s.compilerOptions());
    }

    @Test
    void emptyEnvironmentMeansDefaults() {
        KernelSettings s = KernelSettings.from(Map.of());
        assertTrue(s.classpath().isEmpty() && s.startupScriptPaths().isEmpty() && s.compilerOptions().isEmpty());
        assertEquals(Optional.empty(), s.timeout());
    }

    @Test
    void timeoutIsMillisecondsByDefaultAndNegativeMeansNone() {
        assertEquals(Optional.of(Duration.ofMillis(30000)), KernelSettings.parseTimeout("30000"));
        assertEquals(Optional.of(Duration.ofSeconds(5)), KernelSettings.parseTimeout(" 5 seconds "));
        assertEquals(Optional.empty(), KernelSettings.parseTimeout("-1"));
    }

    @Test
    void badTimeoutNamesTheVariableAndTheFix() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> KernelSettings.parseTimeout("5 fortnights"));
        assertTrue(e.getMessage().startsWith("IJAVA_TIMEOUT='5 fortnights' is not a duration. Fix:"), e.getMessage());
    }

    @Test
    void unclosedQuoteInCompilerOptionsIsAnError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> KernelSettings.splitOptions("-Xlint \"oops"));
        assertTrue(e.getMessage().contains("IJAVA_COMPILER_OPTS"), e.getMessage());
    }
}

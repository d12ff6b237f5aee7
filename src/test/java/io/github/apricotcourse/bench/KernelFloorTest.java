package io.github.apricotcourse.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class KernelFloorTest {

    @Test
    void javacCompilesLoadsAndRunsTheCell() throws Exception {
        assertEquals("2", KernelFloor.javac());
    }

    @Test
    void theKernelEvaluatesTheCellAfterItsStartUpScripts() throws Exception {
        assertEquals("2", KernelFloor.kernel());
    }

    @Test
    void jshellEvaluatesTheCell() {
        assertEquals("2", KernelFloor.jshell());
    }
}

package io.github.apricotcourse.kernel;

import io.github.spencerpark.jupyter.kernel.KernelConnectionProperties;
import java.util.Map;

/**
 * Runs what a kernel session does first (start-up scripts, a cell, a table and a figure), then
 * exits. {@code src/bin/apricot install-kernel} runs it once with
 * {@code -XX:ArchiveClassesAtExit} to record a class-data-sharing archive, which makes every
 * later kernel start faster.
 */
public final class WarmUp {

    private WarmUp() {
    }

    public static void main(String[] args) throws Exception {
        KernelConnectionProperties.parse("{\"ip\":\"127.0.0.1\",\"transport\":\"tcp\",\"signature_scheme\":\"hmac-sha256\","
                + "\"key\":\"k\",\"shell_port\":1,\"iopub_port\":2,\"stdin_port\":3,\"control_port\":4,\"hb_port\":5}");
        ApricotKernel kernel = new ApricotKernel(KernelSettings.from(Map.of()));
        kernel.eval("int x = 1 + 1;\nx");
        kernel.eval("Table t = Table.create(\"t\", IntColumn.create(\"n\", 1, 2), DoubleColumn.create(\"v\", 0.5, 0.25));\nt");
        kernel.eval("LinePlot.create(\"warm-up\", t, \"n\", \"v\")");
        kernel.onShutdown(false);
        System.exit(0);
    }
}

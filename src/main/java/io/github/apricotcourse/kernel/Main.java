package io.github.apricotcourse.kernel;

import io.github.spencerpark.jupyter.channels.JupyterConnection;
import io.github.spencerpark.jupyter.channels.JupyterSocket;
import io.github.spencerpark.jupyter.kernel.KernelConnectionProperties;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Starts the kernel: {@code java -cp apricot.jar:lib/* io.github.apricotcourse.kernel.Main CONNECTION_FILE}
 * (the kernelspec written by {@code src/bin/apricot install-kernel} does this).
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("Usage: java -cp 'apricot.jar:lib/*' " + Main.class.getName() + " CONNECTION_FILE\n"
                    + "Jupyter passes the connection file; install the kernel with `src/bin/apricot install-kernel`.");
            System.exit(2);
        }
        Path connectionFile = Path.of(args[0]);
        if (!Files.isRegularFile(connectionFile)) {
            System.err.println("Connection file " + connectionFile + " does not exist. Fix: start the kernel from Jupyter.");
            System.exit(2);
        }
        // First the kernel, whose start-up scripts then compile in the background (the longest
        // part of a start) while this thread sets up logging and the connection.
        ApricotKernel kernel = new ApricotKernel(KernelSettings.from(System.getenv()));
        // basekernel logs each socket loop's start and stop at INFO (as "Loop-shell" etc.); only
        // warnings are worth a line in the notebook server's log.
        Logger.getLogger("").setLevel(Level.WARNING);
        JupyterSocket.JUPYTER_LOGGER.setLevel(Level.WARNING);
        KernelConnectionProperties properties =
                KernelConnectionProperties.parse(Files.readString(connectionFile, StandardCharsets.UTF_8));
        JupyterConnection connection = new JupyterConnection(properties);
        kernel.becomeHandlerForConnection(connection);
        connection.connect();
        connection.waitUntilClose();
        System.exit(0);
    }
}

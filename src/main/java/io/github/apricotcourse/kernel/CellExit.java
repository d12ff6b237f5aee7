package io.github.apricotcourse.kernel;

/**
 * What stops a cell that tries to end the kernel: {@code System.exit} in cell code calls
 * {@link #exit(int)} instead (see {@link ExitCallRedirect}), and {@link ExitGuard} refuses
 * {@code Runtime.exit} and {@code Runtime.halt} however a cell reaches them. Either way the cell
 * stops with the same explanation, and the kernel keeps every variable.
 */
public final class CellExit {

    private CellExit() {
    }

    /** Throws: a cell may not end the kernel. */
    public static void exit(int status) {
        throw blocked("System.exit(" + status + ")");
    }

    /** The exception that stops a cell trying to end the kernel with {@code call}, e.g. "System.exit(3)". */
    static SecurityException blocked(String call) {
        return new SecurityException(call + " was blocked: it would stop the notebook's kernel "
                + "and lose every variable. Fix: to end a computation, return or throw an exception; to start over, "
                + "use Kernel > Restart.");
    }
}

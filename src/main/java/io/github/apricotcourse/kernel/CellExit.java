package io.github.apricotcourse.kernel;

/**
 * What {@code System.exit} in cell code calls instead (see {@link ExitCallRedirect}): it stops
 * the cell with an explanation rather than the whole kernel, with every variable in it.
 */
public final class CellExit {

    private CellExit() {
    }

    /** Throws: a cell may not end the kernel. */
    public static void exit(int status) {
        throw new SecurityException("System.exit(" + status + ") was blocked: it would stop the notebook's kernel "
                + "and lose every variable. Fix: to end a computation, return or throw an exception; to start over, "
                + "use Kernel > Restart.");
    }
}

package io.github.apricotcourse.kernel;

import java.io.OutputStream;
import java.io.PrintStream;
import java.security.Permission;

/**
 * Keeps {@code System.exit} in a cell from silently killing the kernel (and every variable with
 * it): the call throws a {@link SecurityException} that explains what happened. Nothing else is
 * restricted. The kernel itself exits through {@link #exitKernel(int)}.
 */
@SuppressWarnings("removal")
final class ExitGuard extends SecurityManager {

    private volatile boolean exiting;

    /** Installs the guard for this JVM. */
    static ExitGuard install() {
        ExitGuard guard = new ExitGuard();
        // Java 17 prints a deprecation warning on System.err when a security manager is set at
        // run time; it says nothing useful to a student, so it is not let through.
        PrintStream err = System.err;
        System.setErr(new PrintStream(OutputStream.nullOutputStream()));
        try {
            System.setSecurityManager(guard);
        } finally {
            System.setErr(err);
        }
        return guard;
    }

    /** Ends the JVM: the kernel's own, allowed exit. */
    void exitKernel(int status) {
        exiting = true;
        System.exit(status);
    }

    @Override
    public void checkExit(int status) {
        if (!exiting) {
            throw new SecurityException("System.exit(" + status + ") was blocked: it would stop the notebook's kernel "
                    + "and lose every variable. Fix: to end a computation, return or throw an exception; to start "
                    + "over, use Kernel > Restart.");
        }
    }

    @Override
    public void checkPermission(Permission perm) {
        // Everything else is allowed.
    }

    @Override
    public void checkPermission(Permission perm, Object context) {
        // Everything else is allowed.
    }
}

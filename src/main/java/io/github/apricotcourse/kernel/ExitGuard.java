package io.github.apricotcourse.kernel;

import java.security.Permission;
import java.util.List;

/**
 * Refuses {@code System.exit}, {@code Runtime.exit} and {@code Runtime.halt} whenever cell code
 * is on the calling thread's stack: called directly, by reflection
 * ({@code System.class.getMethod("exit", int.class).invoke(null, 5)}), through a method handle,
 * from library code a cell called, or from a thread a cell started. The kernel's own shutdown has
 * no cell code on its stack and goes through.
 *
 * <p>It is a security manager that permits everything else. Java 17 allows one (and prints a
 * deprecation warning in the kernel's log); Java 18 to 23 only with
 * {@code -Djava.security.manager=allow}, which the kernelspec sets; Java 24 and later not at all
 * (JEP 486 disabled the Security Manager for good: {@code setSecurityManager} always throws).
 *
 * <p>That is why the kernel also keeps {@link ExitCallRedirect}, which rewrites each compiled cell
 * so that its direct {@code System.exit} calls never reach the JVM, on any Java version: on
 * Java 17 to 23 it is a second line behind this guard (the same message, and no dependence on a
 * command-line flag a user may drop from the kernelspec); on Java 24 and later it is the only
 * line, and {@code Runtime.exit}/{@code halt}, reflective calls and calls from library code end
 * the kernel, as {@link #install} then says in the kernel's log.
 */
@SuppressWarnings("removal")
final class ExitGuard extends SecurityManager {

    /** JShell compiles every snippet into a class of this package. */
    static final String CELL_PACKAGE = "REPL.";

    private static final StackWalker WALKER = StackWalker.getInstance();

    private ExitGuard() {
    }

    /**
     * Installs the guard for this JVM, once. Returns whether it is in place; when this Java refuses
     * security managers, says on the kernel's log what that leaves unblocked.
     */
    static synchronized boolean install() {
        if (System.getSecurityManager() instanceof ExitGuard) {
            return true;
        }
        if (System.getSecurityManager() != null) {
            return false;
        }
        try {
            // Java 17 writes a deprecation warning to the kernel's log (not to a cell), whatever the flags.
            System.setSecurityManager(new ExitGuard());
            return true;
        } catch (UnsupportedOperationException e) {
            System.err.println("apricot: this Java (" + Runtime.version() + ") allows no security manager, so only "
                    + "direct System.exit calls in cells are blocked; Runtime.exit/halt and reflective calls would end "
                    + "the kernel. Fix: run the kernel on Java 17, or add -Djava.security.manager=allow (Java 18-23).");
            return false;
        }
    }

    @Override
    public void checkExit(int status) {
        List<StackWalker.StackFrame> frames = WALKER.walk(s -> s.toList());
        if (frames.stream().anyMatch(f -> f.getClassName().startsWith(CELL_PACKAGE))) {
            throw CellExit.blocked(call(frames, status));
        }
    }

    /** How the cell asked to end: "System.exit(3)", "Runtime.getRuntime().halt(3)", ... */
    private static String call(List<StackWalker.StackFrame> frames, int status) {
        for (int i = 0; i < frames.size(); i++) {
            StackWalker.StackFrame f = frames.get(i);
            if (f.getClassName().equals("java.lang.Runtime")
                    && (f.getMethodName().equals("exit") || f.getMethodName().equals("halt"))) {
                boolean viaSystem = i + 1 < frames.size() && frames.get(i + 1).getClassName().equals("java.lang.System")
                        && frames.get(i + 1).getMethodName().equals("exit");
                return (viaSystem ? "System.exit" : "Runtime.getRuntime()." + f.getMethodName()) + "(" + status + ")";
            }
        }
        return "Exit with status " + status;
    }

    /** Everything but ending the JVM from a cell is allowed, as without a security manager. */
    @Override
    public void checkPermission(Permission perm) {
    }

    @Override
    public void checkPermission(Permission perm, Object context) {
    }
}

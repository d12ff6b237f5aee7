package io.github.apricotcourse.kernel;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.Arrays;
import jdk.jshell.execution.DirectExecutionControl;

/**
 * Runs snippets in the kernel's own JVM, on a fresh thread per statement, so that
 * <ul>
 *   <li>results stay Java objects (a Tablesaw table renders as a table, not as its string):
 *       {@link #invoke(Method)} returns a key for {@link #takeResult(String)};</li>
 *   <li>an interrupt stops even a busy loop: the thread is interrupted, then stopped, and the
 *       shell's state survives;</li>
 *   <li>a time limit ({@code IJAVA_TIMEOUT}) can be applied to each statement;</li>
 *   <li>assertions are on in snippet code, like {@code java -ea};</li>
 *   <li>{@code System.exit} in snippet code stops the cell, not the kernel
 *       ({@link ExitCallRedirect}).</li>
 * </ul>
 */
final class InProcessExecutionControl extends DirectExecutionControl {

    /** Exception "class name" reported when a statement ran past the time limit. */
    static final String TIMEOUT_NAME = "Timeout";
    /** Exception "class name" reported when a statement was interrupted. */
    static final String INTERRUPTED_NAME = "Interrupted";

    /** How long an interrupted statement may take to stop by itself before its thread is stopped. */
    private static final long GRACE_MILLIS = 500;
    private static final Object NULL = new Object();

    private final Optional<Duration> timeout;
    private final Map<String, Object> results = new ConcurrentHashMap<>();
    private volatile Thread running;
    /** Set by {@link #stop()}; cleared when a new cell begins. Also stops snippets not yet started. */
    private volatile boolean stopRequested;

    InProcessExecutionControl(Optional<Duration> timeout) {
        this.timeout = timeout;
    }

    /** The value of an executed snippet, by the key that {@link #invoke(Method)} returned. */
    Object takeResult(String key) {
        Object value = results.remove(key);
        return value == NULL ? null : value;
    }

    /** Forgets results nobody took (JShell does not ask for every snippet's value). */
    void clearResults() {
        results.clear();
    }

    /** The per-statement time limit, if any. */
    Optional<Duration> timeout() {
        return timeout;
    }

    @Override
    protected String invoke(Method doitMethod) throws Exception {
        ClassLoader snippetLoader = doitMethod.getDeclaringClass().getClassLoader();
        // Classes initialise (and read their assertion status) on first use, which is after this.
        snippetLoader.setDefaultAssertionStatus(true);

        if (stopRequested) {
            throw interrupted();
        }
        Object[] value = new Object[1];
        Throwable[] thrown = new Throwable[1];
        CountDownLatch done = new CountDownLatch(1);
        Thread worker = new Thread(() -> {
            try {
                value[0] = doitMethod.invoke(null);
            } catch (InvocationTargetException e) {
                thrown[0] = e.getCause();
            } catch (Throwable t) {
                thrown[0] = t;
            } finally {
                done.countDown();
            }
        }, "apricot-cell");
        worker.setContextClassLoader(snippetLoader);
        worker.setDaemon(true);
        running = worker;
        worker.start();
        try {
            boolean finished = timeout.isPresent()
                    ? done.await(timeout.get().toMillis(), TimeUnit.MILLISECONDS)
                    : awaitForever(done);
            if (!finished) {
                halt(worker);
                throw new UserException("The statement ran longer than the time limit of " + describe(timeout.get())
                        + " (IJAVA_TIMEOUT). Fix: make it faster, or raise IJAVA_TIMEOUT in the kernelspec.",
                        TIMEOUT_NAME, new StackTraceElement[0]);
            }
        } finally {
            running = null;
        }
        if (stopRequested) {
            throw interrupted();
        }
        if (thrown[0] != null) {
            throwConvertedInvocationException(thrown[0]);
        }
        String key = UUID.randomUUID().toString();
        results.put(key, value[0] == null ? NULL : value[0]);
        return key;
    }

    private static UserException interrupted() {
        return new UserException("The cell was interrupted; variables keep the values they had.",
                INTERRUPTED_NAME, new StackTraceElement[0]);
    }

    /** A new cell begins: an interrupt of the previous one no longer applies. */
    void beginCell() {
        stopRequested = false;
    }

    private static boolean awaitForever(CountDownLatch done) throws InterruptedException {
        done.await();
        return true;
    }

    @Override
    public void load(ClassBytecodes[] classes) throws ClassInstallException, NotImplementedException, EngineTerminationException {
        super.load(withExitRedirected(classes));
    }

    @Override
    public void redefine(ClassBytecodes[] classes) throws ClassInstallException, NotImplementedException, EngineTerminationException {
        super.redefine(withExitRedirected(classes));
    }

    private static ClassBytecodes[] withExitRedirected(ClassBytecodes[] classes) {
        return Arrays.stream(classes)
                .map(c -> new ClassBytecodes(c.name(), ExitCallRedirect.rewrite(c.bytecodes())))
                .toArray(ClassBytecodes[]::new);
    }

    /**
     * Interrupts the running statement, and stops its thread if it does not end by itself. An
     * interrupt that comes while a snippet is still compiling stops it before it starts.
     */
    @Override
    public void stop() {
        stopRequested = true;
        Thread worker = running;
        if (worker != null) {
            halt(worker);
        }
    }

    @SuppressWarnings({"deprecation", "removal"})
    private static void halt(Thread worker) {
        worker.interrupt();
        try {
            worker.join(GRACE_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (worker.isAlive()) {
            try {
                // The only way to end a loop that never checks for interrupts; works on Java 17-19.
                worker.stop();
            } catch (UnsupportedOperationException e) {
                System.err.println("This Java (" + Runtime.version() + ") cannot stop a running loop; it goes on in "
                        + "the background. Fix: Kernel > Restart, or use Java 17 (see README).");
            }
        }
    }

    static String describe(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }
}

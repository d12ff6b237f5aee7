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
 *       shell's state survives; a loop that swallows even that is left running in the
 *       background, and the cell ends with a message that says so and offers Kernel &gt; Restart;</li>
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
    /** How long, and how often, {@code Thread.stop} is tried before the statement is given up on. */
    private static final long STOP_MILLIS = 2000, STOP_EVERY_MILLIS = 50;
    /** How often the waiting kernel looks for an interrupt or the time limit. */
    private static final long POLL_MILLIS = 20;
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
            long start = System.nanoTime();
            while (!done.await(POLL_MILLIS, TimeUnit.MILLISECONDS)) {
                if (stopRequested) {
                    if (!end(worker)) {
                        throw runaway("The cell was interrupted");
                    }
                    break;
                }
                if (timeout.isPresent() && System.nanoTime() - start > timeout.get().toNanos()) {
                    String limit = "The statement ran longer than the time limit of " + describe(timeout.get())
                            + " (IJAVA_TIMEOUT)";
                    if (!end(worker)) {
                        throw runaway(limit);
                    }
                    throw new UserException(limit + ". Fix: make it faster, or raise IJAVA_TIMEOUT in the kernelspec.",
                            TIMEOUT_NAME, new StackTraceElement[0]);
                }
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
     * Interrupts the running statement; {@link #invoke} escalates if that does not end it. An
     * interrupt that comes while a snippet is still compiling stops it before it starts.
     */
    @Override
    public void stop() {
        stopRequested = true;
        Thread worker = running;
        if (worker != null) {
            worker.interrupt();
        }
    }

    /**
     * Ends a statement's thread: it was interrupted; if it is still running after a grace period
     * (a loop that never checks for interrupts, or one that catches them), it is stopped with
     * {@code Thread.stop}, again and again for a while, since a loop that catches {@code Throwable}
     * also catches the {@code ThreadDeath} that {@code stop} throws. Returns whether the thread
     * ended; if not, it is left running at the lowest priority while a background thread keeps
     * stopping it.
     */
    @SuppressWarnings({"deprecation", "removal"})
    private static boolean end(Thread worker) throws InterruptedException {
        worker.interrupt();
        worker.join(GRACE_MILLIS);
        try {
            for (long waited = 0; worker.isAlive() && waited < STOP_MILLIS; waited += STOP_EVERY_MILLIS) {
                // The only way to end a loop that never checks for interrupts; works on Java 17-19.
                worker.stop();
                worker.join(STOP_EVERY_MILLIS);
            }
        } catch (UnsupportedOperationException e) {
            // Java 20 and later: nothing can stop the thread.
        }
        if (!worker.isAlive()) {
            return true;
        }
        worker.setPriority(Thread.MIN_PRIORITY);
        Thread reaper = new Thread(() -> {
            try {
                while (worker.isAlive()) {
                    worker.stop();
                    worker.join(1000);
                }
            } catch (InterruptedException | UnsupportedOperationException e) {
                // Nothing more to try.
            }
        }, "apricot-reaper");
        reaper.setDaemon(true);
        reaper.start();
        return false;
    }

    /** The report of a statement whose thread would not end, naming the way out. */
    private static UserException runaway(String what) {
        return new UserException(what + ", but it did not stop: neither the interrupt nor Thread.stop ended it "
                + "(a loop that catches Throwable or Error, or a wait for a lock nobody releases, does that"
                + (Runtime.version().feature() >= 20 ? "; this Java " + Runtime.version() + " cannot stop threads at all" : "")
                + "). It still runs in the background, perhaps using a processor and changing variables, and the kernel "
                + "keeps trying to stop it. Fix: Kernel > Restart ends it (variables are lost); then catch only the "
                + "exceptions you expect, e.g. catch (IOException e).", INTERRUPTED_NAME, new StackTraceElement[0]);
    }

    static String describe(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }
}

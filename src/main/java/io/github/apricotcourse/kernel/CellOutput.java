package io.github.apricotcourse.kernel;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * What a cell prints, on its way to the notebook: batched, so that a million {@code println}
 * calls make a few messages rather than a million (text waits at most {@link #BATCH_MILLIS} ms,
 * or until {@link #BATCH_BYTES} have gathered), and capped at {@link #LIMIT_BYTES} per cell, with
 * a note saying how much was cut ("… 18.1 MB of output cut (limit 1 MB per cell)").
 * {@link #out} and {@link #err} keep their order; {@link #inOrder} lets displays (tables,
 * figures, progress bars) keep theirs among the text.
 */
final class CellOutput {

    /** The most a cell may print, both streams together; the rest is counted, not sent. */
    static final long LIMIT_BYTES = 1 << 20;
    static final int BATCH_BYTES = 64 * 1024;
    static final long BATCH_MILLIS = 50;

    /** Which of the cell's streams text was written to. */
    enum Stream { OUT, ERR }

    /** Where batches go: one notebook message per call. */
    @FunctionalInterface
    interface Sink {
        void send(Stream stream, String text);
    }

    /** The cell's {@code System.out} and {@code System.err}. */
    final PrintStream out = new PrintStream(new Target(Stream.OUT), false, StandardCharsets.UTF_8);
    final PrintStream err = new PrintStream(new Target(Stream.ERR), false, StandardCharsets.UTF_8);

    private final Sink sink;
    private final ScheduledExecutorService ticker;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
    private Stream pendingStream = Stream.OUT;
    private long shown;
    private long cut;
    private ScheduledFuture<?> ticking;

    /**
     * @param sink    where batches go
     * @param batched whether a background thread sends what waits every {@link #BATCH_MILLIS} ms
     *                (without it, text goes when {@link #BATCH_BYTES} gather, on {@link #tick()} and at {@link #end()})
     */
    CellOutput(Sink sink, boolean batched) {
        this.sink = sink;
        this.ticker = batched ? Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "apricot-output");
            t.setDaemon(true);
            return t;
        }) : null;
    }

    /** A cell begins: nothing is cut yet. */
    synchronized void begin() {
        shown = 0;
        cut = 0;
        pending.reset();
        if (ticker != null) {
            ticking = ticker.scheduleWithFixedDelay(this::tick, BATCH_MILLIS, BATCH_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    /** The cell has ended: sends what waits, then the note on what was cut, if anything was. */
    synchronized void end() {
        if (ticking != null) {
            ticking.cancel(false);
            ticking = null;
        }
        send(true);
        if (cut > 0) {
            sink.send(Stream.ERR, "\u2026 " + size(cut) + " of output cut (limit " + size(LIMIT_BYTES) + " per cell)\n");
        }
    }

    /** Stops the background thread, for good. */
    void close() {
        if (ticker != null) {
            ticker.shutdownNow();
        }
    }

    /** Sends what waits (the background thread calls this every {@link #BATCH_MILLIS} ms). */
    synchronized void tick() {
        send(false);
    }

    /** Runs {@code publish} (a display) after the text printed before it, and before any printed after. */
    synchronized void inOrder(Runnable publish) {
        send(true);
        publish.run();
    }

    private synchronized void write(Stream stream, byte[] b, int off, int len) {
        if (stream != pendingStream) {
            send(true);
            pendingStream = stream;
        }
        long room = LIMIT_BYTES - shown;
        int take = (int) Math.min(len, Math.max(0, room));
        // Cut between characters, never inside one.
        while (take < len && take > 0 && (b[off + take] & 0xC0) == 0x80) {
            take--;
        }
        boolean firstCut = cut == 0 && take < len;
        pending.write(b, off, take);
        shown += take;
        cut += len - take;
        if (firstCut) {
            send(true);
            sink.send(Stream.ERR, "\n\u2026 output cut here: this cell printed more than " + size(LIMIT_BYTES)
                    + ", the limit per cell; the rest is counted, not shown.\n");
        } else if (pending.size() >= BATCH_BYTES) {
            send(false);
        }
    }

    /** Sends the waiting text; unless {@code all}, keeps a character whose last bytes have not come yet. */
    private void send(boolean all) {
        if (pending.size() == 0) {
            return;
        }
        byte[] bytes = pending.toByteArray();
        int end = all ? bytes.length : completeCharacters(bytes);
        if (end > 0) {
            sink.send(pendingStream, new String(bytes, 0, end, StandardCharsets.UTF_8));
        }
        pending.reset();
        pending.write(bytes, end, bytes.length - end);
    }

    /** How many leading bytes of UTF-8 {@code bytes} hold whole characters. */
    private static int completeCharacters(byte[] bytes) {
        int lead = bytes.length - 1;
        while (lead > 0 && lead > bytes.length - 4 && (bytes[lead] & 0xC0) == 0x80) {
            lead--;
        }
        int b = bytes[lead] & 0xFF;
        int length = b < 0x80 ? 1 : b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
        return lead + length <= bytes.length ? bytes.length : lead;
    }

    /** "512 bytes", "3.5 KB", "18.1 MB", "1 MB". */
    static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " bytes";
        }
        double kb = bytes / 1024.0;
        double value = kb < 1024 ? kb : kb / 1024;
        String unit = kb < 1024 ? " KB" : " MB";
        return (value == Math.rint(value) ? String.valueOf((long) value) : String.format(Locale.ROOT, "%.1f", value)) + unit;
    }

    /** The bytes one stream of the cell writes. */
    private final class Target extends OutputStream {
        private final Stream stream;

        Target(Stream stream) {
            this.stream = stream;
        }

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            CellOutput.this.write(stream, b, off, len);
        }

        /** Text goes out within {@link #BATCH_MILLIS} ms anyway; a flush after each line would send a message per line. */
        @Override
        public void flush() {
        }
    }
}

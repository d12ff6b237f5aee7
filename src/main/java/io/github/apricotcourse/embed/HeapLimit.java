package io.github.apricotcourse.embed;

import java.util.Locale;
import java.util.Optional;

/**
 * What one JVM can hold, asked before a matrix of vectors is allocated: the one place the library
 * compares a size with the largest Java array and with the heap this JVM may grow to
 * ({@link Runtime#maxMemory()}: {@code -Xmx}, or by default a share of the machine's memory).
 * A word2vec header or a trainer setting too large is then explained, with the fix, instead of
 * ending in an {@code OutOfMemoryError} or a {@code NegativeArraySizeException}.
 */
public final class HeapLimit {
    /** The most numbers one Java array may hold (2³¹ − 1 less the few words some JVMs keep for the header). */
    public static final long MAX_ARRAY = Integer.MAX_VALUE - 8;

    private HeapLimit() {}

    /**
     * Empty if {@code bytes} may fit in this JVM's heap; else why not, with the heap that would hold
     * them, e.g. "need 8.0 GB, more than the 5.9 GB this JVM's heap may grow to (-Xmx10g would hold
     * them)". The caller adds its own fix (a smaller dimension, a smaller file).
     */
    public static Optional<String> exceeded(double bytes) {
        long max = Runtime.getRuntime().maxMemory();
        if (bytes <= max) {
            return Optional.empty();
        }
        long xmxGb = (long) Math.ceil(bytes / (1L << 30)) + 2;    // the JVM's own structures need room too
        return Optional.of(String.format(Locale.ROOT, "need %.1f GB, more than the %.1f GB this JVM's heap may grow to"
                + " (-Xmx%dg would hold them)", bytes / 1e9, max / 1e9, xmxGb));
    }
}

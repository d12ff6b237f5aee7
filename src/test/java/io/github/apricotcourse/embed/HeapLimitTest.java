package io.github.apricotcourse.embed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class HeapLimitTest {
    private static final long MAX = Runtime.getRuntime().maxMemory();

    @Test
    void whatFitsInTheHeapPasses() {
        assertEquals(Optional.empty(), HeapLimit.exceeded(0));
        assertEquals(Optional.empty(), HeapLimit.exceeded(MAX));
    }

    @Test
    void moreThanTheHeapSaysHowMuchAndWhatWouldHoldIt() {
        double need = MAX + 3.5 * (1L << 30);
        String m = HeapLimit.exceeded(need).orElseThrow();
        assertTrue(m.startsWith(String.format(java.util.Locale.ROOT, "need %.1f GB, more than the %.1f GB this JVM's heap"
                + " may grow to (-Xmx", need / 1e9, MAX / 1e9)), m);
        long xmx = Long.parseLong(m.replaceAll(".*-Xmx(\\d+)g.*", "$1"));
        assertTrue(xmx * (1L << 30) >= need, "-Xmx" + xmx + "g holds " + need + " bytes");
    }
}

package io.github.apricotcourse.sgns;

/**
 * {@link NoiseDistribution}'s alias table packed for the fast path: one {@code long} per word
 * holds the column's keep threshold (high 32 bits) and its alias (low 32 bits), so a draw
 * reads one array entry and uses one 64-bit random number. For a 50,000-word vocabulary the
 * table is 400 kB and stays in cache, where word2vec.c's unigram table is 400 MB.
 *
 * <pre>
 *   column = ⌊u₁ · n⌋            (u₁: the high 32 random bits, as a fraction)
 *   word   = column  if u₂ &lt; keep[column],  else alias[column]      (u₂: the low 31 bits)
 * </pre>
 */
final class NoiseTable {
    private static final double ONE = 1L << 31;
    private final long[] columns;

    /** The table for P_α of a noise distribution. */
    NoiseTable(NoiseDistribution noise) {
        double[] p = noise.probabilities();
        int n = p.length;
        columns = new long[n];
        double[] scaled = new double[n];
        int[] small = new int[n];
        int[] large = new int[n];
        int ns = 0;
        int nl = 0;
        for (int i = 0; i < n; i++) {
            scaled[i] = p[i] * n;
            if (scaled[i] < 1) {
                small[ns++] = i;
            } else {
                large[nl++] = i;
            }
        }
        while (ns > 0 && nl > 0) {                 // Vose: fill each small column from a large one
            int s = small[--ns];
            int l = large[--nl];
            columns[s] = pack(scaled[s], l);
            scaled[l] = scaled[l] + scaled[s] - 1;
            if (scaled[l] < 1) {
                small[ns++] = l;
            } else {
                large[nl++] = l;
            }
        }
        while (nl > 0) {
            int l = large[--nl];
            columns[l] = pack(1, l);
        }
        while (ns > 0) {                           // only through rounding: these columns are full
            int s = small[--ns];
            columns[s] = pack(1, s);
        }
    }

    private static long pack(double keep, int alias) {
        long threshold = Math.min((long) ONE, Math.round(keep * ONE));
        return threshold << 32 | alias;
    }

    /** One noise word drawn from P_α using 64 random bits. */
    int sample(long bits) {
        int column = (int) (((bits >>> 32) * columns.length) >>> 32);
        long entry = columns[column];
        return (bits & 0x7FFF_FFFFL) < (entry >>> 32) ? column : (int) entry;
    }

    /** The number of words. */
    int size() {
        return columns.length;
    }
}

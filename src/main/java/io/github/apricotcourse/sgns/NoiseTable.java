package io.github.apricotcourse.sgns;

/**
 * {@link NoiseDistribution}'s alias table (built there, once) packed for the fast path: one {@code long} per word
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

    /** {@link NoiseDistribution}'s own alias table, packed (not rebuilt). */
    NoiseTable(NoiseDistribution noise) {
        columns = new long[noise.size()];
        for (int i = 0; i < columns.length; i++) {
            columns[i] = pack(noise.keep(i), noise.alias(i));
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

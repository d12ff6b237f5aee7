package io.github.apricotcourse.embed;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.CharBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

/**
 * The three common files of word vectors. Files from gensim, the C word2vec tool and Stanford's
 * GloVe load; a name ending in {@code .gz} is read through gzip.
 *
 * <ul>
 *   <li>{@link #WORD2VEC_TEXT}: a header line "{@code n d}", then one line per word:
 *       the word and d numbers, separated by spaces.</li>
 *   <li>{@link #WORD2VEC_BINARY}: the same header, then per word: the word, a space, d
 *       little-endian 32-bit floats, and a newline (gensim omits the newline; both load).</li>
 *   <li>{@link #GLOVE_TEXT}: like word2vec text without the header.</li>
 * </ul>
 *
 * A malformed file is reported with its name and the line (or entry) where it goes wrong: a
 * number that is not finite (NaN, ±Infinity), a byte that is not UTF-8, a binary header that
 * promises more than the file holds (checked before anything is allocated), a text file read
 * as binary.
 * Writing never overwrites an existing file and never leaves a half-written one behind.
 */
public enum VectorFormat {
    WORD2VEC_TEXT, WORD2VEC_BINARY, GLOVE_TEXT;

    /** Reads all vectors of a file. */
    public Embeddings read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString(), null, "no such vector file; check the path"
                    + " (relative paths start at " + Path.of("").toAbsolutePath() + ")");
        }
        boolean gzip = file.toString().endsWith(".gz");
        try (InputStream in = open(file, gzip)) {
            return this == WORD2VEC_BINARY
                    ? readBinary(file, new Bytes(in), gzip ? -1 : Files.size(file))
                    : readText(file, new Bytes(in), this == WORD2VEC_TEXT);
        }
    }

    /** Writes vectors to a new file; refuses to overwrite an existing one. */
    public void write(Embeddings e, Path file) throws IOException {
        if (Files.exists(file)) {
            throw new FileAlreadyExistsException(file.toString(), null,
                    "refusing to overwrite an existing file; choose a new name or delete it first");
        }
        Path dir = file.toAbsolutePath().getParent();
        Path tmp = Files.createTempFile(dir, "." + file.getFileName(), ".part");
        try {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
                if (this == WORD2VEC_BINARY) {
                    writeBinary(e, out);
                } else {
                    writeText(e, out, this == WORD2VEC_TEXT);
                }
            }
            Files.move(tmp, file);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static InputStream open(Path file, boolean gzip) throws IOException {
        InputStream in = Files.newInputStream(file);
        return gzip ? new GZIPInputStream(in, 1 << 16) : in;
    }

    private static Embeddings readText(Path file, Bytes in, boolean header) throws IOException {
        List<String> words = new ArrayList<>();
        FloatArray values = new FloatArray(file);
        long expectedWords = -1;
        int d = -1;
        int lineNo = 0;
        String line;
        while ((line = in.line(file, lineNo + 1)) != null) {
            lineNo++;
            String[] parts = line.trim().split("\\s+");
            if (parts.length == 1 && parts[0].isEmpty()) {
                continue;
            }
            if (header && lineNo == 1) {
                long[] nd = parseHeader(file, line);
                expectedWords = nd[0];
                d = (int) nd[1];
                continue;
            }
            if (d < 0) {
                d = parts.length - 1;
                if (d < 1) {
                    throw malformed(file, lineNo, "expected a word followed by numbers, found only '" + parts[0] + "'");
                }
            }
            if (parts.length - 1 != d) {
                throw malformed(file, lineNo, "expected " + d + " numbers after the word '" + parts[0] + "' but found "
                        + (parts.length - 1) + " (is the file truncated, or a word with a space in it?)");
            }
            words.add(parts[0]);
            for (int j = 1; j <= d; j++) {
                float x;
                try {
                    x = Float.parseFloat(parts[j]);
                } catch (NumberFormatException ex) {
                    throw malformed(file, lineNo, "'" + parts[j] + "' (number " + j + " of '" + parts[0] + "') is not a number");
                }
                if (!Float.isFinite(x)) {
                    throw malformed(file, lineNo, "'" + parts[j] + "' (number " + j + " of '" + parts[0] + "') is "
                            + x + ", not a finite number: vectors must hold finite numbers; fix or retrain the vectors");
                }
                values.add(x);
            }
        }
        if (words.isEmpty()) {
            throw malformed(file, lineNo, "the file has no vectors");
        }
        if (expectedWords >= 0 && expectedWords != words.size()) {
            throw malformed(file, lineNo, "the header promises " + expectedWords + " words but the file has "
                    + words.size() + " (truncated file?)");
        }
        return build(file, words, values.toArray(), d);
    }

    /** The largest array the JVM allocates. */
    private static final long MAX_ARRAY = HeapLimit.MAX_ARRAY;

    private static Embeddings readBinary(Path file, Bytes in, long fileSize) throws IOException {
        String head = in.line(file, 1);
        if (head == null) {
            throw malformed(file, 1, "the file is empty");
        }
        long headerBytes = in.position();
        long[] nd = parseHeader(file, head);
        long n = nd[0];
        int d = (int) nd[1];
        if (in.nextLineIsText(d)) {
            throw malformed(file, 2, "this is a word2vec text file (its line 2 is a word and " + d
                    + " numbers written as text), not a binary one: read it with VectorFormat.WORD2VEC_TEXT");
        }
        // Everything below in long arithmetic, checked before anything is allocated.
        long numbers = n * d;
        long leastBytes = headerBytes + n * (2 + 4L * d);   // per entry: a word of ≥ 1 byte, a space, d floats
        if (fileSize >= 0 && fileSize < leastBytes) {
            throw malformed(file, 1, "the header '" + head.trim() + "' promises " + n + " words × " + d
                    + " dimensions, which take at least " + leastBytes + " bytes, but the file has only " + fileSize
                    + ": the file is truncated or its header is wrong (is it a word2vec binary file?)");
        }
        if (numbers > MAX_ARRAY) {
            throw malformed(file, 1, "the header '" + head.trim() + "' promises " + n + " × " + d + " = " + numbers
                    + " numbers, more than one Java array can hold (" + MAX_ARRAY + "): the file is too large to load whole");
        }
        String tooLarge = HeapLimit.exceeded(4.0 * numbers).orElse(null);
        if (tooLarge != null) {
            throw malformed(file, 1, "the header '" + head.trim() + "' promises " + n + " × " + d + " floats, which "
                    + tooLarge + ": give Java more memory, or load a smaller file");
        }
        List<String> words = new ArrayList<>((int) Math.min(n, 1 << 20));
        FloatArray values = fileSize >= 0 ? new FloatArray(file, (int) numbers) : new FloatArray(file);
        for (int i = 0; i < n; i++) {
            String word = in.word(file, i + 1, n);
            if (word == null) {
                throw malformed(file, i + 2, "entry " + (i + 1) + " of " + n + " is missing: the file ends early (truncated?)");
            }
            for (int j = 0; j < d; j++) {
                long at = in.position();
                float x = in.littleEndianFloat();
                if (in.endedEarly()) {
                    throw malformed(file, i + 2, "entry " + (i + 1) + " ('" + word + "') has " + j + " of " + d
                            + " numbers: the file ends early (truncated?)");
                }
                if (!Float.isFinite(x)) {
                    throw new MalformedVectorFileException(file + ": entry " + (i + 1) + " ('" + word + "'), number "
                            + (j + 1) + " (at byte offset " + at + ") is " + x
                            + ", not a finite number: vectors must hold finite numbers; fix or retrain the vectors");
                }
                values.add(x);
            }
            words.add(word);
        }
        return build(file, words, values.toArray(), d);
    }

    /** Parses the header "n d" of a word2vec file: two positive numbers, n × d no more than a long holds. */
    private static long[] parseHeader(Path file, String line) throws IOException {
        String[] p = line.trim().split("\\s+");
        try {
            if (p.length == 2) {
                long n = Long.parseLong(p[0]);
                long d = Long.parseLong(p[1]);
                if (n > 0 && d > 0 && n <= MAX_ARRAY && d <= MAX_ARRAY) {
                    return new long[] {n, d};
                }
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw malformed(file, 1, "expected the header 'words dimensions' (two positive numbers, each at most " + MAX_ARRAY
                + "), found '" + (line.length() > 60 ? line.substring(0, 60) + "…" : line)
                + "'; a GloVe file has no header: read it as GLOVE_TEXT");
    }

    private static Embeddings build(Path file, List<String> words, float[] values, int d) throws IOException {
        try {
            return Embeddings.of(words, values, d);
        } catch (IllegalArgumentException e) {
            throw new MalformedVectorFileException(file + ": " + e.getMessage());
        }
    }

    private static void writeText(Embeddings e, OutputStream out, boolean header) throws IOException {
        Writer w = new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8);
        int d = e.dimension();
        float[] v = e.flat();
        if (header) {
            w.write(e.size() + " " + d + "\n");
        }
        for (int i = 0; i < e.size(); i++) {
            w.write(e.words().get(i));
            for (int j = 0; j < d; j++) {
                w.write(' ');
                w.write(Float.toString(v[i * d + j]));
            }
            w.write('\n');
        }
        w.flush();
    }

    private static void writeBinary(Embeddings e, OutputStream out) throws IOException {
        int d = e.dimension();
        float[] v = e.flat();
        out.write((e.size() + " " + d + "\n").getBytes(StandardCharsets.UTF_8));
        ByteBuffer buf = ByteBuffer.allocate(4 * d).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < e.size(); i++) {
            out.write((e.words().get(i) + " ").getBytes(StandardCharsets.UTF_8));
            buf.clear();
            for (int j = 0; j < d; j++) {
                buf.putFloat(v[i * d + j]);
            }
            out.write(buf.array());
            out.write('\n');
        }
    }

    private static MalformedVectorFileException malformed(Path file, long line, String what) {
        return new MalformedVectorFileException(file + ":" + line + ": " + what);
    }

    /** A growable float array (vector files can hold millions of numbers). */
    private static final class FloatArray {
        private final Path file;
        private float[] a;
        private int n;

        FloatArray(Path file) {
            this(file, 1 << 12);
        }

        FloatArray(Path file, int capacity) {
            this.file = file;
            a = new float[Math.max(capacity, 1)];
        }

        void add(float x) throws MalformedVectorFileException {
            if (n == a.length) {
                if (n >= MAX_ARRAY) {
                    throw new MalformedVectorFileException(file + ": more than " + MAX_ARRAY
                            + " numbers, more than one Java array can hold: the file is too large to load whole");
                }
                a = java.util.Arrays.copyOf(a, (int) Math.min(2L * a.length, MAX_ARRAY));
            }
            a[n++] = x;
        }

        float[] toArray() {
            return n == a.length ? a : java.util.Arrays.copyOf(a, n);
        }
    }

    /**
     * The bytes of a vector file, read as lines or words of strict UTF-8 (a byte that is not
     * UTF-8 is reported with where it is) and little-endian floats; counts its position.
     */
    private static final class Bytes {
        private static final int LONGEST_WORD = 1 << 16;
        private final InputStream in;
        private final byte[] b = new byte[1 << 17];
        private int pos;
        private int lim;
        private long before;   // bytes of the file before b[0]
        private boolean endedEarly;
        private final ByteArrayOutputStream buf = new ByteArrayOutputStream();

        Bytes(InputStream in) {
            this.in = in;
        }

        long position() {
            return before + pos;
        }

        /** Refills the buffer when it is used up; false at the end of the file. */
        private boolean more() throws IOException {
            if (pos < lim) {
                return true;
            }
            before += lim;
            pos = 0;
            lim = Math.max(in.read(b, 0, b.length), 0);
            return lim > 0;
        }

        /** The next line without its line break, or null at the end of the file. */
        String line(Path file, long lineNo) throws IOException {
            buf.reset();
            long start = position();
            boolean any = false;
            while (more()) {
                any = true;
                int from = pos;
                while (pos < lim && b[pos] != '\n') {
                    pos++;
                }
                buf.write(b, from, pos - from);
                if (pos < lim) {
                    pos++;
                    break;
                }
            }
            return any ? utf8(file, "line " + lineNo, start) : null;
        }

        /** The word of a binary entry: bytes up to a space, leading line breaks skipped; null at the end. */
        String word(Path file, long entry, long entries) throws IOException {
            buf.reset();
            while (more() && (b[pos] == '\n' || b[pos] == '\r')) {
                pos++;   // the newline after the previous vector
            }
            if (!more()) {
                return null;
            }
            long start = position();
            while (more() && b[pos] != ' ') {
                buf.write(b[pos++]);
                if (buf.size() > LONGEST_WORD) {
                    throw new MalformedVectorFileException(file + ": entry " + entry + " of " + entries + " (at byte offset "
                            + start + ") has no space after its word within " + LONGEST_WORD
                            + " bytes: the file is not a word2vec binary file, or it is damaged");
                }
            }
            if (more()) {
                pos++;   // the space
            }
            return utf8(file, "entry " + entry, start).trim();
        }

        /** Whether the last float read was cut off by the end of the file. */
        boolean endedEarly() {
            return endedEarly;
        }

        /** A little-endian 32-bit float; at the end of the file 0, with {@link #endedEarly()} true. */
        float littleEndianFloat() throws IOException {
            int bits = 0;
            for (int k = 0; k < 4; k++) {
                if (!more()) {
                    endedEarly = true;
                    return 0;
                }
                bits |= (b[pos++] & 0xFF) << (8 * k);
            }
            return Float.intBitsToFloat(bits);
        }

        /** Whether the next line (looked at, not consumed) is a word and d numbers written as text. */
        boolean nextLineIsText(int d) throws IOException {
            System.arraycopy(b, pos, b, 0, lim - pos);   // keep the rest, then fill the buffer
            before += pos;
            lim -= pos;
            pos = 0;
            int got;
            while (lim < b.length && (got = in.read(b, lim, b.length - lim)) > 0) {
                lim += got;
            }
            int end = pos;
            while (end < lim && b[end] != '\n') {
                end++;
            }
            String[] parts = new String(b, pos, end - pos, StandardCharsets.ISO_8859_1).trim().split("\\s+");
            if (parts.length != d + 1) {
                return false;
            }
            try {
                for (int j = 1; j <= d; j++) {
                    Float.parseFloat(parts[j]);
                }
                return true;
            } catch (NumberFormatException e) {
                return false;
            }
        }

        private String utf8(Path file, String where, long start) throws MalformedVectorFileException {
            byte[] bytes = buf.toByteArray();
            var decoder = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
            ByteBuffer from = ByteBuffer.wrap(bytes);
            CharBuffer to = CharBuffer.allocate(bytes.length);
            if (decoder.decode(from, to, true).isError()) {
                int bad = from.position();
                throw new MalformedVectorFileException(String.format(Locale.ROOT,
                        "%s: %s (at byte offset %d) holds the byte 0x%02X, which is not UTF-8: save the file as UTF-8"
                        + " (e.g. iconv -f latin1 -t utf-8)", file, where, start + bad, bytes[bad] & 0xFF));
            }
            return to.flip().toString();
        }
    }

}

package io.github.apricotcourse.embed;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
 * A malformed file is reported with its name and the line (or entry) where it goes wrong.
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
        try (InputStream in = open(file)) {
            return this == WORD2VEC_BINARY ? readBinary(file, in) : readText(file, in, this == WORD2VEC_TEXT);
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

    private static InputStream open(Path file) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        return file.toString().endsWith(".gz") ? new GZIPInputStream(in, 1 << 16) : in;
    }

    private static Embeddings readText(Path file, InputStream in, boolean header) throws IOException {
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
        List<String> words = new ArrayList<>();
        FloatArray values = new FloatArray();
        int expectedWords = -1;
        int d = -1;
        int lineNo = 0;
        String line;
        while ((line = r.readLine()) != null) {
            lineNo++;
            String[] parts = line.trim().split("\\s+");
            if (parts.length == 1 && parts[0].isEmpty()) {
                continue;
            }
            if (header && lineNo == 1) {
                int[] nd = parseHeader(file, line);
                expectedWords = nd[0];
                d = nd[1];
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
                try {
                    values.add(Float.parseFloat(parts[j]));
                } catch (NumberFormatException ex) {
                    throw malformed(file, lineNo, "'" + parts[j] + "' (number " + j + " of '" + parts[0] + "') is not a number");
                }
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

    private static Embeddings readBinary(Path file, InputStream in) throws IOException {
        String head = readToken(in, '\n');
        if (head == null) {
            throw malformed(file, 1, "the file is empty");
        }
        int[] nd = parseHeader(file, head);
        int n = nd[0];
        int d = nd[1];
        List<String> words = new ArrayList<>(n);
        float[] values = new float[Math.multiplyExact(n, d)];
        byte[] raw = new byte[4 * d];
        ByteBuffer buf = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < n; i++) {
            String word = readToken(in, ' ');
            if (word == null) {
                throw malformed(file, i + 2, "entry " + (i + 1) + " of " + n + " is missing: the file ends early (truncated?)");
            }
            int got = in.readNBytes(raw, 0, raw.length);
            if (got < raw.length) {
                throw malformed(file, i + 2, "entry " + (i + 1) + " ('" + word + "') has " + got / 4 + " of " + d
                        + " numbers: the file ends early (truncated?)");
            }
            buf.rewind();
            for (int j = 0; j < d; j++) {
                values[i * d + j] = buf.getFloat();
            }
            words.add(word);
        }
        return build(file, words, values, d);
    }

    /** Reads bytes up to the delimiter as UTF-8, skipping leading newlines; null at end of file. */
    private static String readToken(InputStream in, char delimiter) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) == '\n' || b == '\r') {
            // newline after the previous vector
        }
        if (b < 0) {
            return null;
        }
        do {
            bytes.write(b);
        } while ((b = in.read()) >= 0 && b != delimiter);
        return bytes.toString(StandardCharsets.UTF_8).trim();
    }

    private static int[] parseHeader(Path file, String line) throws IOException {
        String[] p = line.trim().split("\\s+");
        try {
            if (p.length == 2) {
                int n = Integer.parseInt(p[0]);
                int d = Integer.parseInt(p[1]);
                if (n > 0 && d > 0) {
                    return new int[] {n, d};
                }
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw malformed(file, 1, "expected the header 'words dimensions' (two positive numbers), found '"
                + (line.length() > 60 ? line.substring(0, 60) + "…" : line) + "'; a GloVe file has no header: read it as GLOVE_TEXT");
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

    private static MalformedVectorFileException malformed(Path file, int line, String what) {
        return new MalformedVectorFileException(file + ":" + line + ": " + what);
    }

    /** A growable float array (vector files can hold millions of numbers). */
    private static final class FloatArray {
        private float[] a = new float[1 << 12];
        private int n;

        void add(float x) {
            if (n == a.length) {
                a = java.util.Arrays.copyOf(a, a.length * 2);
            }
            a[n++] = x;
        }

        float[] toArray() {
            return java.util.Arrays.copyOf(a, n);
        }
    }

}

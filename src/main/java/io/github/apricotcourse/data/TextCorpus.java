package io.github.apricotcourse.data;

import io.github.apricotcourse.text.Corpus;
import io.github.apricotcourse.text.Tokenizer;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * A corpus read from a text file, streamed from disk on every pass (the trainer reads it once to
 * count words and again for each epoch; nothing but the current sentence is held in memory).
 *
 * <ul>
 *   <li>Plain text, gzip ({@code .gz}) or a zip archive (its first entry, e.g. text8.zip); the
 *       compression is recognised from the file's first bytes, not its name.</li>
 *   <li>Each line is a sentence, tokenized with {@link Tokenizer} (text8's normalisation).</li>
 *   <li>A line longer than {@value #MAX_SENTENCE} tokens is cut into pseudo-sentences of
 *       {@value #MAX_SENTENCE} tokens, as word2vec does: text8 is one line of 100 MB, and is
 *       read in small pieces, never as one string.</li>
 * </ul>
 */
public final class TextCorpus implements Corpus {
    /** word2vec's MAX_SENTENCE_LENGTH: the longest pseudo-sentence cut from a long line. */
    public static final int MAX_SENTENCE = 1000;

    private final Path file;
    private final int maxSentence;

    private TextCorpus(Path file, int maxSentence) {
        this.file = file;
        this.maxSentence = maxSentence;
    }

    /** The corpus in a file (plain, gzip or zip), one sentence per line. */
    public static TextCorpus read(Path file) {
        return read(file, MAX_SENTENCE);
    }

    /** As {@link #read(Path)}, cutting lines into pseudo-sentences of at most {@code maxSentence} tokens. */
    public static TextCorpus read(Path file, int maxSentence) {
        if (maxSentence < 1) {
            throw new IllegalArgumentException("maxSentence must be at least 1 token, got " + maxSentence);
        }
        if (file == null || !Files.isRegularFile(file)) {
            throw new UncheckedIOException(new NoSuchFileException(String.valueOf(file), null,
                    "no such file: pass the path of a text file (plain, .gz or .zip), e.g. Path.of(\"datasets/kitchen.txt\")"));
        }
        return new TextCorpus(file, maxSentence);
    }

    /** The file this corpus streams from. */
    public Path file() {
        return file;
    }

    @Override
    public Iterator<List<String>> iterator() {
        try {
            return new Sentences(open(file), maxSentence);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + file + ": " + e.getMessage(), e);
        }
    }

    /** The text of a plain, gzip or zip (first entry) file, recognised from its first bytes. */
    static Reader open(Path file) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        in.mark(4);
        int b0 = in.read();
        int b1 = in.read();
        in.reset();
        if (b0 == 0x1f && b1 == 0x8b) {
            in = new GZIPInputStream(in, 1 << 16);
        } else if (b0 == 'P' && b1 == 'K') {
            ZipInputStream zip = new ZipInputStream(in);
            ZipEntry entry = zip.getNextEntry();
            if (entry == null) {
                zip.close();
                throw new IOException("the zip archive " + file + " is empty: it holds no text file");
            }
            in = zip;
        }
        return new InputStreamReader(in, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "TextCorpus(" + file + (maxSentence == MAX_SENTENCE ? "" : ", sentences of ≤ " + maxSentence + " tokens") + ")";
    }

    /**
     * Reads pieces of text that end at a non-letter (so no word is cut), tokenizes each piece and
     * hands out sentences: a line, or {@code max} tokens of a longer line.
     */
    private static final class Sentences implements Iterator<List<String>> {
        private final Reader reader;
        private final int max;
        private final char[] buffer = new char[1 << 16];
        private final StringBuilder carry = new StringBuilder();
        private List<String> pending = new ArrayList<>();   // tokens of the current line not yet handed out
        private final List<List<String>> ready = new ArrayList<>();
        private int readyAt;
        private boolean eof;

        Sentences(Reader reader, int max) {
            this.reader = reader;
            this.max = max;
        }

        @Override
        public boolean hasNext() {
            while (readyAt == ready.size() && !eof) {
                ready.clear();
                readyAt = 0;
                fill();
            }
            return readyAt < ready.size();
        }

        @Override
        public List<String> next() {
            if (!hasNext()) {
                throw new NoSuchElementException("no more sentences");
            }
            return ready.get(readyAt++);
        }

        private void fill() {
            int n;
            try {
                n = reader.read(buffer);
            } catch (IOException e) {
                close();
                throw new UncheckedIOException("could not read the corpus: " + e.getMessage(), e);
            }
            if (n < 0) {
                eof = true;
                tokens(carry);
                endLine();
                close();
                return;
            }
            int start = 0;
            for (int i = 0; i < n; i++) {
                char ch = buffer[i];
                if (ch == '\n') {
                    carry.append(buffer, start, i - start);
                    tokens(carry);
                    endLine();
                    start = i + 1;
                }
            }
            // keep the tail after the last non-letter for the next piece, so that no word is cut
            int cut = n;
            while (cut > start && isLetter(buffer[cut - 1])) {
                cut--;
            }
            carry.append(buffer, start, cut - start);
            tokens(carry);
            carry.append(buffer, cut, n - cut);
        }

        private static boolean isLetter(char ch) {
            char lower = Character.toLowerCase(ch);
            return lower >= 'a' && lower <= 'z';
        }

        /** Tokenizes and empties {@code text}, moving full sentences of {@code max} tokens to ready. */
        private void tokens(StringBuilder text) {
            if (text.length() == 0) {
                return;
            }
            for (String t : Tokenizer.tokenize(text)) {
                pending.add(t);
                if (pending.size() == max) {
                    ready.add(pending);
                    pending = new ArrayList<>();
                }
            }
            text.setLength(0);
        }

        private void endLine() {
            if (!pending.isEmpty()) {
                ready.add(pending);
                pending = new ArrayList<>();
            }
        }

        private void close() {
            try {
                reader.close();
            } catch (IOException ignored) {
                // nothing was written, so nothing is lost
            }
        }
    }
}

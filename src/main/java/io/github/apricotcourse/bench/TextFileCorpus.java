package io.github.apricotcourse.bench;

import io.github.apricotcourse.text.Corpus;
import io.github.apricotcourse.text.Tokenizer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.zip.GZIPInputStream;

/**
 * A text file (plain or {@code .gz}) read as a corpus, streamed from disk on every pass: each
 * line is tokenized with {@link Tokenizer} and cut into pseudo-sentences of at most
 * {@code maxSentence} tokens, as word2vec.c cuts its input into 1000-word sentences. (A minimal
 * reader for the benchmark; the {@code data} package has the library's.)
 */
final class TextFileCorpus implements Corpus {
    private final Path file;
    private final int maxSentence;

    TextFileCorpus(Path file, int maxSentence) {
        if (!Files.isReadable(file)) {
            throw new IllegalArgumentException("cannot read the corpus file " + file.toAbsolutePath()
                    + ": check the path (e.g. ../shared/datasets/corpora/pg_mix_4M.txt.gz)");
        }
        if (maxSentence < 1) {
            throw new IllegalArgumentException("maxSentence must be at least 1, got " + maxSentence);
        }
        this.file = file;
        this.maxSentence = maxSentence;
    }

    @Override
    public Iterator<List<String>> iterator() {
        BufferedReader in = open();
        return new Iterator<>() {
            private List<String> line = List.of();
            private int next;              // start of the next pseudo-sentence within line

            @Override
            public boolean hasNext() {
                while (next >= line.size()) {
                    String text = readLine(in);
                    if (text == null) {
                        return false;
                    }
                    line = Tokenizer.tokenize(text);
                    next = 0;
                }
                return true;
            }

            @Override
            public List<String> next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                int end = Math.min(line.size(), next + maxSentence);
                List<String> s = new ArrayList<>(line.subList(next, end));
                next = end;
                return s;
            }
        };
    }

    private BufferedReader open() {
        try {
            InputStream raw = Files.newInputStream(file);
            InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw;
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the corpus " + file, e);
        }
    }

    private static String readLine(BufferedReader in) {
        try {
            String s = in.readLine();
            if (s == null) {
                in.close();
            }
            return s;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the corpus", e);
        }
    }

    @Override
    public String toString() {
        return file.getFileName() + " (sentences of ≤ " + maxSentence + " tokens)";
    }
}

package io.github.apricotcourse.data;

import io.github.apricotcourse.text.Tokenizer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Sentences that use an ambiguous word in a known sense, for lesson 9: <i>bank</i> (river /
 * money), <i>apple</i> (fruit / company), <i>bat</i> (animal / sport) and <i>mouse</i> (animal /
 * computer), 40 sentences per sense, written for this course (Apache-2.0, like the project).
 * The file is {@code datasets/sense-sentences.tsv}, one sentence per line after a header:
 * {@code word <TAB> sense <TAB> sentence}; the build copies it into the jar.
 *
 * <pre>
 *   SenseSentences s = Datasets.senseSentences();
 *   for (SenseSentences.Sentence x : s.of("bank")) { x.sense(); x.tokens(); x.position(); }
 * </pre>
 */
public final class SenseSentences {
    /** The file name, in {@code datasets/} and in the jar beside this class. */
    public static final String FILE = "sense-sentences.tsv";

    /**
     * One labelled sentence.
     *
     * @param word     the ambiguous word, e.g. "bank"
     * @param sense    its sense in this sentence, e.g. "river"
     * @param text     the sentence as written
     * @param tokens   the sentence's words ({@link Tokenizer})
     * @param position where the word first occurs in the tokens
     */
    public record Sentence(String word, String sense, String text, List<String> tokens, int position) {}

    private final List<Sentence> sentences;

    private SenseSentences(List<Sentence> sentences) {
        this.sentences = List.copyOf(sentences);
    }

    /** The course's file, from the jar. */
    static SenseSentences builtIn() {
        try (InputStream in = SenseSentences.class.getResourceAsStream(FILE)) {
            if (in == null) {
                throw new DatasetUnavailableException(FILE + " is not in the course jar: rebuild it with `mvn package`"
                        + " (the build copies datasets/" + FILE + " into it)");
            }
            return read(in, FILE);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + FILE + " from the course jar: " + e.getMessage(), e);
        }
    }

    /** Reads labelled sentences (header, then word, sense, sentence separated by tabs); {@code name} is used in errors. */
    public static SenseSentences read(InputStream in, String name) throws IOException {
        List<Sentence> out = new ArrayList<>();
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String header = reader.readLine();
        if (header == null || !header.equals("word\tsense\tsentence")) {
            throw new IllegalArgumentException(name + " line 1: expected the header 'word<TAB>sense<TAB>sentence', got '"
                    + header + "'");
        }
        int lineNumber = 1;
        for (String line; (line = reader.readLine()) != null; ) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split("\t", -1);
            if (f.length != 3 || f[0].isBlank() || f[1].isBlank()) {
                throw new IllegalArgumentException(name + " line " + lineNumber + ": expected word, sense and sentence"
                        + " separated by 2 tabs, got '" + line + "'");
            }
            List<String> tokens = Tokenizer.tokenize(f[2]);
            int position = tokens.indexOf(f[0]);
            if (position < 0) {
                throw new IllegalArgumentException(name + " line " + lineNumber + ": the sentence does not contain the word '"
                        + f[0] + "' (its words: " + tokens + ")");
            }
            out.add(new Sentence(f[0], f[1], f[2], List.copyOf(tokens), position));
        }
        return new SenseSentences(out);
    }

    /** Every sentence, in file order. */
    public List<Sentence> all() {
        return sentences;
    }

    /** The sentences of one word, in file order; an unknown word gets the list of words there are. */
    public List<Sentence> of(String word) {
        List<Sentence> out = sentences.stream().filter(s -> s.word().equals(word)).toList();
        if (out.isEmpty()) {
            throw new IllegalArgumentException("no sentences for '" + word + "': the words are " + words());
        }
        return out;
    }

    /** The ambiguous words, in file order. */
    public List<String> words() {
        Set<String> words = new LinkedHashSet<>();
        sentences.forEach(s -> words.add(s.word()));
        return List.copyOf(words);
    }

    /** The senses of one word, in file order. */
    public List<String> senses(String word) {
        Set<String> senses = new LinkedHashSet<>();
        of(word).forEach(s -> senses.add(s.sense()));
        return List.copyOf(senses);
    }

    /** The number of sentences. */
    public int size() {
        return sentences.size();
    }

    /** Sentences per word and sense, with an example of each. */
    public Table summary() {
        Table t = Table.create("Labelled sentences (" + FILE + ")", StringColumn.create("word"), StringColumn.create("sense"),
                IntColumn.create("sentences"), StringColumn.create("example"));
        for (String w : words()) {
            for (String sense : senses(w)) {
                List<Sentence> these = of(w).stream().filter(s -> s.sense().equals(sense)).toList();
                t.stringColumn("word").append(w);
                t.stringColumn("sense").append(sense);
                t.intColumn("sentences").append(these.size());
                t.stringColumn("example").append(these.get(0).text());
            }
        }
        return t;
    }
}

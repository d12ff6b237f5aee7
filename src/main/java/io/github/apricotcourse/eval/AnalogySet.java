package io.github.apricotcourse.eval;

import io.github.apricotcourse.embed.Embeddings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Analogy questions a : b :: c : d in named sections, such as the Google analogy test set
 * (Mikolov et al. 2013, {@code questions-words.txt}: 19,544 questions in 14 sections, e.g.
 * {@code : capital-common-countries}, {@code : family}, and nine syntactic sections whose names
 * start with {@code gram}). Embeddings are scored by how often 3CosAdd (b − a + c, the inputs
 * excluded) finds d, as JM §6.10 describes.
 *
 * <p>File format: a line {@code : section-name} starts a section; each other line holds four
 * words {@code a b c d}. Words are lowercased.
 */
public record AnalogySet(String name, List<Section> sections) {

    /** a : b :: c : expected, e.g. man : king :: woman : queen. */
    public record Question(String a, String b, String c, String expected) {}

    /** A named group of questions. */
    public record Section(String name, List<Question> questions) {
        public Section {
            questions = List.copyOf(questions);
        }

        /** True for the syntactic sections of the Google set (names starting with "gram"). */
        public boolean syntactic() {
            return name.startsWith("gram");
        }
    }

    /** Only the 30,000 most frequent words are candidates and question words, as in word2vec and gensim. */
    public static final int DEFAULT_TOP_WORDS = 30_000;

    public AnalogySet {
        sections = List.copyOf(sections);
    }

    /** Reads an analogy file in the questions-words.txt format; the set is named after the file. */
    public static AnalogySet read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the analogy set " + file + ": " + e.getMessage()
                    + ". Pass the path of a file such as questions-words.txt, or use Datasets.analogies(\"questions-words\").", e);
        }
        List<Section> sections = new ArrayList<>();
        String section = null;
        List<Question> questions = new ArrayList<>();
        for (int n = 0; n < lines.size(); n++) {
            String line = lines.get(n).strip();
            if (line.isEmpty()) {
                continue;
            }
            if (line.startsWith(":")) {
                if (section != null) {
                    sections.add(new Section(section, questions));
                }
                section = line.substring(1).strip();
                questions = new ArrayList<>();
                continue;
            }
            String[] w = line.toLowerCase(Locale.ROOT).split("\\s+");
            if (section == null || w.length != 4) {
                throw new IllegalArgumentException(file + " line " + (n + 1) + ": expected "
                        + (section == null ? "a section line ': name' first" : "four words 'a b c d'")
                        + ", got '" + line + "'. Fix or remove that line.");
            }
            questions.add(new Question(w[0], w[1], w[2], w[3]));
        }
        if (section != null) {
            sections.add(new Section(section, questions));
        }
        if (sections.isEmpty()) {
            throw new IllegalArgumentException(file + " holds no analogy questions: expected ': section' lines"
                    + " followed by lines 'a b c d'");
        }
        return new AnalogySet(file.getFileName().toString().replaceFirst("\\.[a-z]+$", ""), sections);
    }

    /** The number of questions in all sections. */
    public int size() {
        return sections.stream().mapToInt(s -> s.questions().size()).sum();
    }

    /** Accuracy per section among the {@value #DEFAULT_TOP_WORDS} most frequent words. */
    public AnalogyResult evaluate(Embeddings embeddings) {
        return evaluate(embeddings, DEFAULT_TOP_WORDS);
    }

    /**
     * Accuracy per section with 3CosAdd, inputs excluded, among the first {@code topWords} words
     * of the embeddings (the most frequent, for frequency-sorted vectors), as gensim's
     * {@code evaluate_word_analogies(restrict_vocab=topWords)}: a question with a word outside
     * them is skipped and counted, not scored as wrong.
     */
    public AnalogyResult evaluate(Embeddings embeddings, int topWords) {
        return evaluate(embeddings, topWords, true);
    }

    /**
     * As {@link #evaluate(Embeddings, int)}, with the input words a, b, c among the candidates
     * when {@code excludeInputs} is false. Every published score excludes them; without the
     * exclusion b or c itself is often the nearest to b − a + c, and fewer answers are right
     * (Nissim, van Noord and van der Goot 2020: what an analogy "shows" depends on this choice).
     */
    public AnalogyResult evaluate(Embeddings embeddings, int topWords, boolean excludeInputs) {
        Embeddings top = embeddings.restrictTo(topWords);
        List<int[]> asked = new ArrayList<>();           // {a, b, c, expected, section}
        int[] skipped = new int[sections.size()];
        for (int s = 0; s < sections.size(); s++) {
            for (Question q : sections.get(s).questions()) {
                if (top.contains(q.a()) && top.contains(q.b()) && top.contains(q.c()) && top.contains(q.expected())) {
                    asked.add(new int[] {top.index(q.a()), top.index(q.b()), top.index(q.c()), top.index(q.expected()), s});
                } else {
                    skipped[s]++;
                }
            }
        }
        int[] answers = CosAddSearch.answer(top, asked, excludeInputs);
        int[] correct = new int[sections.size()];
        int[] answered = new int[sections.size()];
        for (int i = 0; i < asked.size(); i++) {
            int[] q = asked.get(i);
            answered[q[4]]++;
            correct[q[4]] += answers[i] == q[3] ? 1 : 0;
        }
        List<AnalogyResult.SectionScore> scores = new ArrayList<>();
        for (int s = 0; s < sections.size(); s++) {
            scores.add(new AnalogyResult.SectionScore(sections.get(s).name(), sections.get(s).syntactic(),
                    correct[s], answered[s], skipped[s]));
        }
        return new AnalogyResult(name, Math.min(topWords, embeddings.size()), scores);
    }

    @Override
    public String toString() {
        return "AnalogySet(" + name + ", " + size() + " questions in " + sections.size() + " sections)";
    }
}

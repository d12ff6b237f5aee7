package io.github.apricotcourse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import io.github.apricotcourse.data.Datasets;
import io.github.apricotcourse.text.Subsampling;
import io.github.apricotcourse.text.Vocabulary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What the lessons say about Jurafsky &amp; Martin's chapter 6 (draft of January 12, 2025), pinned
 * where a careful reading against the book found it wrong once. Reads the notebooks' sources.
 */
class LessonFactsTest {

    /** Every section of chapter 6 in the January 2025 draft that a lesson may point to. */
    static final Set<String> SECTIONS = Set.of("6.1", "6.2", "6.3", "6.3.1", "6.3.2", "6.3.3", "6.4", "6.5", "6.6",
            "6.7", "6.8", "6.8.1", "6.8.2", "6.8.3", "6.9", "6.10", "6.10.1", "6.11", "6.12");

    /** A notebook's markdown and code, cells joined, whitespace runs (line breaks) made single spaces. */
    static String lesson(String prefix) throws IOException {
        try (Stream<Path> files = Files.list(Path.of("notebooks"))) {
            Path nb = files.filter(p -> p.getFileName().toString().startsWith(prefix) && p.toString().endsWith(".ipynb")
                    && !p.toString().endsWith(".nbconvert.ipynb")).findFirst().orElseThrow();
            StringBuilder text = new StringBuilder();
            for (JsonElement cell : new com.google.gson.Gson().fromJson(Files.readString(nb), com.google.gson.JsonObject.class).getAsJsonArray("cells")) {
                for (JsonElement line : cell.getAsJsonObject().getAsJsonArray("source")) {
                    text.append(line.getAsString());
                }
                text.append("\n\n");
            }
            return flat(text.toString());
        }
    }

    static String flat(String s) {
        return s.replaceAll("\\s+", " ");
    }

    @Test
    void error1BolukbasisAnalogyIsComputerProgrammerMinusManPlusWoman() throws IOException {
        String l8 = lesson("08-");
        assertTrue(l8.contains("*computer programmer − man + woman* ≈ *homemaker*"), "lesson 8 states Bolukbasi's b − a + c");
        assertTrue(l8.contains("*man* : *computer programmer* :: *woman* : *homemaker*"));
        assertFalse(l8.contains("man − computer programmer + woman"), "the reversed offset is back in lesson 8");
    }

    @Test
    void error2JmAddsWAndCCommonlyAndAlternativelyThrowsCAway() throws IOException {
        String l4 = lesson("04-");
        assertTrue(l4.contains("JM (§6.8.2): it is common to add them together, representing word i by w_i + c_i;"
                + " alternatively, throw C away and keep only w_i."), "lesson 4's W/C advice");
        assertFalse(l4.contains("the usual choice is to keep W"), "lesson 4 reverses JM's W/C advice again");
    }

    @Test
    void error3EverySectionPointerIsASectionOfThePinnedDraft() throws IOException {
        String l0 = lesson("00-");
        assertTrue(l0.contains("follow the **draft of January 12, 2025**"), "lesson 0 pins the draft");
        List<String> texts = new ArrayList<>();
        for (String nb : List.of("00-", "01-", "02-", "03-", "04-", "05-", "06-", "07-", "08-", "10-")) {
            texts.add(lesson(nb));
        }
        texts.add(flat(Files.readString(Path.of("README.md"))));
        texts.add(flat(Files.readString(Path.of("datasets/README.md"))));
        Matcher m = Pattern.compile("§(6(?:\\.\\d+)+)").matcher(String.join("\n", texts));
        int pointers = 0;
        while (m.find()) {
            String section = m.group(1).replaceAll("\\.$", "");
            assertTrue(SECTIONS.contains(section), "§" + section + " is not a section of chapter 6 (January 2025 draft)");
            pointers++;
        }
        assertTrue(pointers > 30, "only " + pointers + " section pointers found");
        String l5 = lesson("05-");
        assertTrue(l5.contains("§6.10 (the size of the context window; first- and second-order co-occurrence)"));
        assertTrue(l5.contains("JM §6.10: \"Shorter context windows"));
        assertTrue(l5.contains("(JM §6.10, after Schütze and Pedersen 1993)"));
        assertFalse(l5.contains("§6.9"), "§6.9 is Visualizing Embeddings, not PPMI or windows");
        assertFalse(lesson("07-").contains("§6.11"), "§6.11 is Bias and Embeddings: lesson 7 is not about it");
        assertTrue(lesson("08-").contains("JM §6.11, \"Bias and Embeddings\", and §6.10.1"));
        String datasets = flat(Files.readString(Path.of("datasets/README.md")));
        assertTrue(datasets.contains("First- vs second-order co-occurrence (JM §6.10)"));
        assertTrue(datasets.contains("Window size (JM §6.10)"));
    }

    @Test
    void error4SvdOfTermTermPpmiIsNotCalledLsa() throws IOException {
        String l5 = lesson("05-");
        assertTrue(l5.contains("Applied to a *term–document* matrix, this is Latent Semantic Analysis (LSA, Deerwester et al. 1990);"
                + " applied to a *term–term* matrix like this one, it was proposed soon after by Schütze (1992)"));
        assertFalse(l5.contains("it is Latent Semantic Analysis"));
    }

    @Test
    void error5JmsAnalogyWarningIsQuotedExactlyAndVariantsAreShown() throws IOException {
        String l6 = lesson("06-");
        assertTrue(l6.contains("\"the closest value returned by the parallelogram algorithm in word2vec or GloVe embedding"
                + " spaces is usually not in fact b\\* but one of the 3 input words or their morphological variants (i.e.,"
                + " cherry:red :: potato:x returns potato or potatoes instead of brown), so these must be explicitly excluded.\""),
                "lesson 6 quotes JM §6.10 word for word");
        assertTrue(l6.contains("String variantOf(String candidate, String... inputs)"), "a cell shows what variants do");
        assertTrue(l6.contains("not their variants (*kings*, *queens*)"));
    }

    @Test
    void error6FastTextIsASumInJmAndAnAverageInItsCode() throws IOException {
        String l7 = lesson("07-");
        assertTrue(l7.contains("represents a word by the **sum** of its own vector and its n-grams' bucket vectors."));
        assertTrue(l7.contains("fastText's C++ code — and this library — use the **average**"));
        assertTrue(l7.contains("dividing a vector by a number keeps its direction, so every cosine, and every neighbour list, is the same"));
    }

    @Test
    void error7NoContestableHistoryAndTheSyntheticChangeUsesAnInventedWord() throws IOException {
        String l8 = lesson("08-");
        assertFalse(l8.toLowerCase(Locale.ROOT).contains("gay"), "lesson 8 gives 'gay' an invented change, or uses it as a changed word");
        assertFalse(l8.contains("secretaries and clerks were mostly men"));
        assertTrue(l8.contains("the invented word 'blick' from merry to bright"));
        assertTrue(l8.contains("\"blick\", later ? \"bright\" : \"merry\""));
    }

    @Test
    void error8TheSubsamplingThresholdIsWord2vecsAndTheFiguresAreMeasured() throws IOException {
        String readme = flat(Files.readString(Path.of("datasets/README.md")));
        assertFalse(readme.contains("about 30 times"));
        assertTrue(readme.contains("below 1 only when f(w) > t · (3 + √5) / 2 ≈ 2.618 · t"));
        double t = 1e-3;
        double threshold = t * (3 + Math.sqrt(5)) / 2;
        for (String id : List.of("kitchen", "associates", "analogies", "senses", "windows")) {
            Vocabulary v = Vocabulary.of(Datasets.corpus(id), 1);
            Subsampling s = new Subsampling(v, t);
            int thinned = 0;
            for (int i = 0; i < v.size(); i++) {
                thinned += s.keepProbability(i) < 1 ? 1 : 0;
                assertEquals(v.count(i) > threshold * v.totalCount(), s.keepProbability(i) < 1,
                        id + ": the threshold " + threshold + " · N is where P_keep drops below 1");
            }
            String row = String.format(Locale.ROOT, "| `%s` | %,d | %.1f times | %d of %d |", id, v.totalCount(),
                    threshold * v.totalCount(), thinned, v.size());
            assertTrue(readme.contains(row), "datasets/README.md should have the measured row " + row);
        }
        assertTrue(readme.contains(String.format(Locale.ROOT, "| `pg_mix_4M` | 4,003,005 | %,.0f times |", threshold * 4_003_005)));
        assertTrue(readme.contains(String.format(Locale.ROOT, "| text8 | 17,005,207 | %,.0f times |", threshold * 17_005_207)));
        String l4 = lesson("04-");
        assertTrue(l4.contains("double fThinned = t * (3 + Math.sqrt(5)) / 2;"), "lesson 4 prints the threshold from code");
    }

    @Test
    void error9Lesson5TeachesTfIdfOnTheRealText() throws IOException {
        String l5 = lesson("05-");
        assertTrue(l5.contains("TF-IDF"), "the header still names TF-IDF");
        assertTrue(l5.contains("\\text{tf}_{t,d} = \\log_{10}\\big(\\text{count}(t,d) + 1\\big)"));
        assertTrue(l5.contains("\\text{idf}_t = \\log_{10}\\frac{N}{\\text{df}_t}"));
        assertTrue(l5.contains("TfIdf tfidf = TfIdf.ofBlocks(realText, 10_000);"), "tf-idf is computed on the real text");
        assertTrue(l5.contains("(JM §6.5)"));
    }

    @Test
    void realTextIsChosenInOnePlaceAndTheReadmeSaysWhichCorpusEachLessonUsesOnBinder() throws IOException {
        for (String nb : List.of("03-", "04-", "05-", "06-", "08-", "10-")) {
            String l = lesson(nb);
            assertTrue(l.contains("RealText.choose(\"pg_"), nb + " picks its real text with RealText.choose");
            assertFalse(l.contains("Datasets.corpus(\"pg_"), nb + " reads a Gutenberg corpus without the text8 fallback");
        }
        String readme = Files.readString(Path.of("README.md"));
        assertTrue(readme.contains("| notebook | idea | JM ch. 6 | corpus on Binder | open on Binder |"));
        for (String line : readme.lines().filter(l -> l.matches("\\| \\[\\d\\d-.*")).toList()) {
            String[] cells = line.split(" \\| ");
            assertEquals(5, cells.length, "lesson row with 5 columns: " + line);
            assertFalse(cells[3].isBlank(), "the corpus on Binder: " + line);
        }
    }
}

package io.github.apricotcourse.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.apricotcourse.embed.Embeddings;
import io.github.apricotcourse.embed.Neighbour;
import io.github.apricotcourse.sgns.SkipGramTrainer;
import io.github.apricotcourse.text.Corpus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyntheticWorldTest {

    @Test
    void regeneratingGivesByteIdenticalFiles(@TempDir Path tmp) throws IOException {
        SyntheticWorld.write(tmp, SyntheticWorld.SEED);
        var names = SyntheticWorld.corpora(SyntheticWorld.SEED).keySet();
        assertTrue(names.size() >= 4, "SyntheticWorld generates the built-in corpora of datasets/: " + names);
        for (String name : names) {
            assertArrayEquals(Files.readAllBytes(Path.of("datasets", name)), Files.readAllBytes(tmp.resolve(name)),
                    "datasets/" + name + " differs from what SyntheticWorld generates with seed " + SyntheticWorld.SEED);
        }
    }

    static Corpus corpus(String name) {
        return TextCorpus.read(Path.of("datasets", name));
    }

    static List<String> words(List<Neighbour> ns) {
        return ns.stream().map(Neighbour::word).toList();
    }

    static SkipGramTrainer trainer(int window, double sample, int epochs) {
        return SkipGramTrainer.create().dimension(50).window(window).negatives(5).epochs(epochs).minCount(1)
                .subsample(sample).seed(42);
    }

    @Test
    void kitchenApricotIsNearJamTopicallyAndNearFruitsAsASubstitute() {
        Embeddings topical = trainer(5, 1e-3, 20).train(corpus("kitchen.txt")).embeddings();
        assertTrue(words(topical.nearest("apricot", 3)).contains("jam"), "apricot's 3 nearest: " + topical.nearest("apricot", 3));
        Embeddings substitutes = trainer(2, 0, 5).train(corpus("kitchen.txt")).embeddings();
        List<String> near = words(substitutes.nearest("apricot", 5));
        assertTrue(List.of("peach", "plum", "cherry", "strawberry", "lemon").containsAll(near), "apricot's 5 nearest: " + near);
    }

    @Test
    void wroteAndSaidNeverMeetButEndUpClose() {
        Corpus c = corpus("associates.txt");
        int together = 0;
        int withPoem = 0;
        for (List<String> s : c) {
            together += s.contains("wrote") && s.contains("said") ? 1 : 0;
            withPoem += s.contains("wrote") && s.contains("poem") ? 1 : 0;
        }
        assertEquals(0, together, "wrote and said must never share a sentence");
        assertTrue(withPoem > 50, "wrote should co-occur with poem (first order), got " + withPoem + " sentences");

        Embeddings e = trainer(2, 0, 10).train(c).embeddings();
        assertEquals("said", e.nearest("wrote", 1).get(0).word(), "wrote's nearest: " + e.nearest("wrote", 5));
        assertTrue(e.cosine("wrote", "said") > e.cosine("wrote", "poem") + 0.2,
                "second-order cos(wrote, said) = " + e.cosine("wrote", "said") + " vs first-order cos(wrote, poem) = "
                        + e.cosine("wrote", "poem"));
    }

    @Test
    void analogiesSolveGenderCapitalAndPlural() {
        Embeddings e = trainer(2, 1e-3, 20).train(corpus("analogies.txt")).embeddings();
        assertEquals("queen", e.analogy("man", "king", "woman").word());
        assertEquals("rome", e.analogy("france", "paris", "italy").word());
        assertEquals("dogs", e.analogy("cat", "cats", "dog").word());
    }

    @Test
    void bankMixesBothSenses() {
        Embeddings e = trainer(2, 0, 5).train(corpus("senses.txt")).embeddings();
        List<String> near = words(e.nearest("bank", 10));
        long river = near.stream().filter(List.of("river", "water", "shore", "fishing", "mud", "stream")::contains).count();
        long money = near.stream().filter(List.of("money", "loan", "deposit", "cash", "account", "interest")::contains).count();
        assertTrue(river >= 2 && money >= 2, "bank's 10 nearest should mix river and money words: " + near);
    }

    @Test
    void shortWindowsGiveSubstitutesLongWindowsTopicalWords() {
        Corpus c = corpus("windows.txt");
        List<String> shortWindow = words(trainer(2, 0, 5).train(c).embeddings().nearest("horse", 3));
        List<String> longWindow = words(trainer(10, 0, 5).train(c).embeddings().nearest("horse", 3));
        assertTrue(List.of("pony", "mule", "donkey").containsAll(shortWindow), "window 2: " + shortWindow);
        assertTrue(List.of("saddle", "stable", "hay", "bridle").containsAll(longWindow), "window 10: " + longWindow);
    }
}

package io.github.apricotcourse.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class SenseSentencesTest {
    @Test
    void theCourseFileHasFortySentencesPerSenseOfFourWords() throws Exception {
        SenseSentences s = Datasets.senseSentences();
        assertEquals(List.of("bank", "apple", "bat", "mouse"), s.words());
        for (String w : s.words()) {
            assertEquals(2, s.senses(w).size(), w);
            for (String sense : s.senses(w)) {
                assertEquals(40, s.of(w).stream().filter(x -> x.sense().equals(sense)).count(), w + " " + sense);
            }
        }
        assertEquals(320, s.size());
        SenseSentences.Sentence first = s.all().get(0);
        assertEquals("river", first.sense());
        assertEquals("bank", first.tokens().get(first.position()));
        assertEquals(8, s.summary().rowCount());
        // the jar's copy is the datasets/ file
        assertEquals(Files.readString(Path.of("datasets", SenseSentences.FILE)),
                new String(SenseSentences.class.getResourceAsStream(SenseSentences.FILE).readAllBytes(), StandardCharsets.UTF_8));
    }

    @Test
    void aBadLineIsNamedWithItsNumber() {
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> read("word\tsense\tsentence\nbank\triver\tthe river shore\n"));
        assertTrue(missing.getMessage().contains("line 2: the sentence does not contain the word 'bank'"), missing.getMessage());
        IllegalArgumentException columns = assertThrows(IllegalArgumentException.class,
                () -> read("word\tsense\tsentence\n\nbank river the bank\n"));
        assertTrue(columns.getMessage().contains("line 3: expected word, sense and sentence"), columns.getMessage());
        assertThrows(IllegalArgumentException.class, () -> read("bank\triver\tthe bank\n"));
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> Datasets.senseSentences().of("pen"));
        assertTrue(unknown.getMessage().contains("[bank, apple, bat, mouse]"), unknown.getMessage());
    }

    private static SenseSentences read(String text) throws Exception {
        return SenseSentences.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "test.tsv");
    }
}

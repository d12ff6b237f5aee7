package io.github.apricotcourse.count;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.apricotcourse.text.Corpus;
import java.util.List;
import org.junit.jupiter.api.Test;

class TfIdfTest {
    static final List<List<String>> DOCS = List.of(
            List.of("the", "apricot", "jam", "the", "apricot", "apricot"),
            List.of("the", "digital", "computer"),
            List.of("the", "jam", "of", "the", "computer"),
            List.of("the", "end"));

    @Test
    void weightsFollowJmsEquations() {
        TfIdf t = TfIdf.of(DOCS);
        assertEquals(4, t.documentCount());
        assertEquals(3, t.count("apricot", 0));
        assertEquals(Math.log10(4), t.tf("apricot", 0), 1e-12, "tf = log10(count + 1)");
        assertEquals(0, t.tf("apricot", 1), 1e-12, "a term absent from the document has tf = log10(1) = 0");
        assertEquals(2, t.df("jam"));
        assertEquals(Math.log10(4 / 2.0), t.idf("jam"), 1e-12, "idf = log10(N / df)");
        assertEquals(Math.log10(4), t.idf("apricot"), 1e-12);
        assertEquals(Math.log10(4) * Math.log10(4), t.weight("apricot", 0), 1e-12);
        assertEquals(0, t.weight("the", 0), 1e-12, "a word in every document weighs 0");
        assertEquals(0, t.idf("aardvark"), 0, "a term in no document");
        assertEquals("apricot", t.top(0, 1).get(0).word());
        assertEquals(List.of("computer", "jam", "of"), t.top(2, 3).stream().map(n -> n.word()).sorted().toList());
    }

    @Test
    void blocksCutACorpusWithoutDocumentsIntoDocuments() {
        TfIdf t = TfIdf.ofBlocks(Corpus.of("a b c d e", "f g"), 3);
        assertEquals(3, t.documentCount(), "7 tokens in documents of 3: 3 + 3 + 1, across sentence ends");
        assertEquals(1, t.count("d", 1));
        assertEquals(1, t.count("g", 2));
    }

    @Test
    void badInputIsNamed() {
        assertThrows(IllegalArgumentException.class, () -> TfIdf.of(List.of()));
        assertThrows(IllegalArgumentException.class, () -> TfIdf.of(null));
        assertThrows(IllegalArgumentException.class, () -> TfIdf.ofBlocks(Corpus.of("a"), 0));
        IndexOutOfBoundsException e = assertThrows(IndexOutOfBoundsException.class, () -> TfIdf.of(DOCS).tf("the", 4));
        assertEquals("document 4 does not exist: there are 4 documents, numbered 0 to 3", e.getMessage());
    }
}

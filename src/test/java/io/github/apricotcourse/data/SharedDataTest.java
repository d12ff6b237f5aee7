package io.github.apricotcourse.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.apricotcourse.eval.AnalogySet;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Reads the real data of a local data folder (APRICOT_DATA); skipped, with a message, where there is none. */
class SharedDataTest {
    DatasetStore store;

    @BeforeEach
    void needsData() {
        store = Datasets.store();
        assumeTrue(store.localFolder().map(f -> Files.isDirectory(f.resolve("eval"))).orElse(false),
                "skipped: set APRICOT_DATA to a data folder with corpora/ and eval/ (e.g. ../shared/datasets) to read real data");
    }

    Path local(String id) {
        Path p = store.localFolder().orElseThrow().resolve(Datasets.get(id).file());
        assumeTrue(Files.isRegularFile(p), "skipped: " + p + " is not there");
        return p;
    }

    @Test
    void everyFileInTheDataFolderPassesItsCheck() {
        int checked = 0;
        for (Dataset d : Datasets.all()) {
            Path p = store.localFolder().orElseThrow().resolve(d.file());
            if (d.kind() != Dataset.Kind.BUILT_IN && Files.isRegularFile(p)) {
                assertEquals(p, store.path(d), d.id());
                checked++;
            }
        }
        assertTrue(checked > 0, "the data folder " + store.localFolder().orElseThrow() + " has an eval/ folder but"
                + " none of the registered datasets' files: nothing was checked");
    }

    @Test
    void evaluationSetsHaveTheirPublishedSizes() {
        local("wordsim353");
        assertEquals(353, Datasets.similarity("wordsim353").size());
        local("simlex999");
        assertEquals(999, Datasets.similarity("simlex999").size());
        local("questions-words");
        AnalogySet google = Datasets.analogies("questions-words");
        assertEquals(19_544, google.size());
        assertEquals(14, google.sections().size());
        assertEquals(9, google.sections().stream().filter(AnalogySet.Section::syntactic).count());
        assertEquals(506, google.sections().stream().filter(s -> s.name().equals("family")).findFirst().orElseThrow()
                .questions().size());
    }

    @Test
    void gutenbergMixStreamsItsPublishedTokenCount() {
        local("pg_mix_4M");
        assertEquals(4_003_005L, Datasets.corpus("pg_mix_4M").tokenCount());
    }
}

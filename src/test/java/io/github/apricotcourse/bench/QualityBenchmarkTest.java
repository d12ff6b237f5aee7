package io.github.apricotcourse.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.apricotcourse.bench.QualityBenchmark.Comparison;
import io.github.apricotcourse.bench.QualityBenchmark.Reference;
import io.github.apricotcourse.bench.QualityBenchmark.Scores;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QualityBenchmarkTest {

    @Test
    void theMeanIsTakenScoreByScore() {
        Scores mean = QualityBenchmark.mean(List.of(
                new Scores("seed 1", 0.50, 0.30, 0.52, 0.31, 0.40, 0.20, 0.10, 10),
                new Scores("seed 2", 0.60, 0.36, 0.62, 0.39, 0.60, 0.50, 0.30, 20)));
        assertEquals(0.55, mean.wordsim(), 1e-12);
        assertEquals(0.33, mean.simlex(), 1e-12);
        assertEquals(0.57, mean.wordsimTop(), 1e-12);
        assertEquals(0.35, mean.simlexTop(), 1e-12);
        assertEquals(0.50, mean.family(), 1e-12);
        assertEquals(0.35, mean.syntactic(), 1e-12);
        assertEquals(0.20, mean.total(), 1e-12);
        assertEquals(15, mean.trainSeconds(), 1e-12);
    }

    @Test
    void eachFigureIsComparedStrictlyWithTheReference() {
        Reference c = Reference.of("pg_mix_17M");
        List<Comparison> all = c.compare(new Scores("mean", 0.566, 0.336, 0.571, 0.343, 0.52, 0.40, 0.39, 60));
        assertEquals(List.of("WordSim-353 ρ", "SimLex-999 ρ", "WordSim-353 ρ, top 30k", "SimLex-999 ρ, top 30k",
                        "family", "syntactic"), all.stream().map(Comparison::what).toList());
        assertTrue(all.get(0).meets());
        assertFalse(all.get(1).meets(), "0.336 is below 0.34, even though it rounds to it");
        assertTrue(all.get(2).meets());
        assertTrue(all.get(3).meets());
        assertTrue(all.get(4).meets());
        assertTrue(all.get(5).meets(), "equal to the reference meets it");
        assertTrue(all.get(1).toString().contains("0.336 < 0.34"), all.get(1).toString());
        assertTrue(all.get(1).toString().contains("BELOW"), all.get(1).toString());
        assertTrue(all.get(3).toString().contains("0.343 ≥ 0.34"), all.get(3).toString());
        assertTrue(all.get(4).toString().contains("52.0 % ≥ 50 %"), all.get(4).toString());
    }

    @Test
    void figuresTheReferenceDoesNotGiveAreLeftOut() {
        List<Comparison> all = Reference.of("pg_mix_4M").compare(new Scores("mean", 0.4, 0.2, 0.41, 0.21, 0.4, 0.1, 0.1, 1));
        assertEquals(List.of("WordSim-353 ρ", "WordSim-353 ρ, top 30k", "family", "syntactic"),
                all.stream().map(Comparison::what).toList());
        assertNull(Reference.of("text8"));
    }

    @Test
    void scoringFilesRefusesTrainingOptionsAndMissingFiles(@TempDir Path dir) throws Exception {
        Path vectors = Files.writeString(dir.resolve("c.txt"), "2 2\na 1 0\nb 0 1\n");
        IllegalArgumentException runs = assertThrows(IllegalArgumentException.class,
                () -> QualityBenchmark.main(new String[] {"--score", vectors.toString(), "--runs", "2"}));
        assertTrue(runs.getMessage().startsWith("--score scores vector files and trains nothing, so --runs does not apply"),
                runs.getMessage());
        IllegalArgumentException two = assertThrows(IllegalArgumentException.class,
                () -> QualityBenchmark.main(new String[] {"--sample", "1e-3", "--score", vectors.toString(), "--threads", "1"}));
        assertTrue(two.getMessage().startsWith("--score scores vector files and trains nothing, so --sample, --threads"
                + " do not apply: drop them"), two.getMessage());
        IllegalArgumentException seed = assertThrows(IllegalArgumentException.class,
                () -> QualityBenchmark.main(new String[] {"pg_mix_17M", "3", "--score", vectors.toString()}));
        assertTrue(seed.getMessage().contains("a first seed does not apply"), seed.getMessage());
        Path missing = dir.resolve("nowhere.bin");
        IllegalArgumentException absent = assertThrows(IllegalArgumentException.class,
                () -> QualityBenchmark.main(new String[] {"--score", vectors.toString(), "--score", missing.toString()}));
        assertTrue(absent.getMessage().startsWith("--score " + missing + ": no such vector file"), absent.getMessage());
    }
}

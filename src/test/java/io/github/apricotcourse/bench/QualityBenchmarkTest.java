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

    /** Runs the command as main would, without exiting; returns what it printed as errors, after its status. */
    static String refused(String... args) {
        java.io.StringWriter err = new java.io.StringWriter();
        picocli.CommandLine cli = QualityBenchmark.commandLine();
        cli.setErr(new java.io.PrintWriter(err, true));
        int status = cli.execute(args);
        return status + " " + err;
    }

    @Test
    void scoringFilesRefusesTrainingOptionsAndMissingFiles(@TempDir Path dir) throws Exception {
        Path vectors = Files.writeString(dir.resolve("c.txt"), "2 2\na 1 0\nb 0 1\n");
        String runs = refused("--score", vectors.toString(), "--runs", "2");
        assertTrue(runs.startsWith("2 --score scores vector files and trains nothing, so --runs does not apply"), runs);
        assertTrue(runs.contains("Usage: QualityBenchmark"), runs);
        String two = refused("--sample", "1e-3", "--score", vectors.toString(), "--threads", "1");
        assertTrue(two.startsWith("2 --score scores vector files and trains nothing, so --sample, --threads"
                + " do not apply: drop them"), two);
        String seed = refused("pg_mix_17M", "3", "--score", vectors.toString());
        assertTrue(seed.contains("a first seed does not apply"), seed);
        Path missing = dir.resolve("nowhere.bin");
        String absent = refused("--score", vectors.toString(), "--score", missing.toString());
        assertTrue(absent.startsWith("2 --score " + missing + ": no such vector file"), absent);
    }

    @Test
    void badOptionsAreNamed() {
        String runs = refused("--runs", "0");
        assertTrue(runs.startsWith("2 --runs must be at least 1, got 0"), runs);
        String gloveEpochs = refused("--glove-epochs", "0");
        assertTrue(gloveEpochs.startsWith("2 --glove-epochs must be at least 1, got 0"), gloveEpochs);
        String notANumber = refused("--sample", "often");
        assertTrue(notANumber.startsWith("2 Invalid value for option '--sample': 'often' is not a double"), notANumber);
        String unknown = refused("--epochs", "3");
        assertTrue(unknown.startsWith("2 Unknown option: '--epochs'"), unknown);
        String model = refused("--models", "skip-gram,fasttext");
        assertTrue(model.startsWith("2 --models: unknown model 'fasttext'; use some of skip-gram, cbow, glove"), model);
    }

    @Test
    void eachModelSavesUnderItsOwnName() {
        Path v = Path.of("out", "vectors.bin");
        assertEquals(v, QualityBenchmark.saveFile(v, "skip-gram", 1, 1));
        assertEquals(Path.of("out", "vectors-seed3.bin"), QualityBenchmark.saveFile(v, "skip-gram", 3, 3));
        assertEquals(Path.of("out", "vectors-glove.bin"), QualityBenchmark.saveFile(v, "glove", 1, 1));
        assertEquals(Path.of("out", "vectors-cbow-seed2.bin"), QualityBenchmark.saveFile(v, "cbow", 3, 2));
    }
}

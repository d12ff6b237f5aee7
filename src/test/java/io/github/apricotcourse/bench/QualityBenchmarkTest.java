package io.github.apricotcourse.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.apricotcourse.bench.QualityBenchmark.Comparison;
import io.github.apricotcourse.bench.QualityBenchmark.Reference;
import io.github.apricotcourse.bench.QualityBenchmark.Scores;
import java.util.List;
import org.junit.jupiter.api.Test;

class QualityBenchmarkTest {

    @Test
    void theMeanIsTakenScoreByScore() {
        Scores mean = QualityBenchmark.mean(List.of(
                new Scores(1, 0.50, 0.30, 0.40, 0.20, 0.10, 10),
                new Scores(2, 0.60, 0.36, 0.60, 0.50, 0.30, 20)));
        assertEquals(0.55, mean.wordsim(), 1e-12);
        assertEquals(0.33, mean.simlex(), 1e-12);
        assertEquals(0.50, mean.family(), 1e-12);
        assertEquals(0.35, mean.syntactic(), 1e-12);
        assertEquals(0.20, mean.total(), 1e-12);
        assertEquals(15, mean.trainSeconds(), 1e-12);
    }

    @Test
    void eachFigureIsComparedStrictlyWithTheReference() {
        Reference c = Reference.of("pg_mix_17M");
        List<Comparison> all = c.compare(new Scores(-1, 0.566, 0.336, 0.52, 0.40, 0.39, 60));
        assertEquals(List.of("WordSim-353 ρ", "SimLex-999 ρ", "family", "syntactic"),
                all.stream().map(Comparison::what).toList());
        assertTrue(all.get(0).meets());
        assertFalse(all.get(1).meets(), "0.336 is below 0.34, even though it rounds to it");
        assertTrue(all.get(2).meets());
        assertTrue(all.get(3).meets(), "equal to the reference meets it");
        assertTrue(all.get(1).toString().contains("0.336 < 0.34"), all.get(1).toString());
        assertTrue(all.get(1).toString().contains("BELOW"), all.get(1).toString());
        assertTrue(all.get(2).toString().contains("52.0 % ≥ 50 %"), all.get(2).toString());
    }

    @Test
    void figuresTheReferenceDoesNotGiveAreLeftOut() {
        List<Comparison> all = Reference.of("pg_mix_4M").compare(new Scores(-1, 0.4, 0.2, 0.4, 0.1, 0.1, 1));
        assertEquals(List.of("WordSim-353 ρ", "family", "syntactic"), all.stream().map(Comparison::what).toList());
        assertNull(Reference.of("text8"));
    }
}

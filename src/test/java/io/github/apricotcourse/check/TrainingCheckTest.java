package io.github.apricotcourse.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.apricotcourse.embed.Neighbour;
import io.github.apricotcourse.sgns.NoiseDistribution;
import io.github.apricotcourse.sgns.PairStep;
import io.github.apricotcourse.sgns.SentencePass;
import io.github.apricotcourse.sgns.SkipGramModel;
import io.github.apricotcourse.sgns.SkipGramTrainer;
import io.github.apricotcourse.sgns.TrainingCorpus;
import io.github.apricotcourse.sgns.TrainingLoop;
import io.github.apricotcourse.sgns.NegativeSamplingOptions;
import io.github.apricotcourse.text.Corpus;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** A trainer written as a student would (lesson 4), honest or with one piece wrong, against the library's. */
class TrainingCheckTest {
    static Corpus fruitAndTools() {
        SplittableRandom rng = new SplittableRandom(3);
        String[][] groups = {{"apricot", "peach", "plum"}, {"jam", "sweet", "ripe", "pie"},
                {"hammer", "wrench", "drill"}, {"garage", "metal", "bolt", "heavy"}};
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            int g = rng.nextBoolean() ? 0 : 2;
            lines.add(groups[g + 1][rng.nextInt(4)] + " " + groups[g][rng.nextInt(3)] + " " + groups[g + 1][rng.nextInt(4)]
                    + " " + groups[g + 1][rng.nextInt(4)]);
        }
        return Corpus.fromLines(lines);
    }

    static SkipGramTrainer trainer() {
        return SkipGramTrainer.create().dimension(8).window(2).negatives(3).epochs(5).learningRate(0.05).minCount(1)
                .subsample(0.05).shrinkWindow(false).seed(5);
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = a.length - 1; i >= 0; i--) {          // summed from the end: another order than the library's
            s += a[i] * b[i];
        }
        return s;
    }

    static double sigma(double x) {
        return 1 / (1 + Math.exp(-x));
    }

    /** The step written from JM eq. 6.38–6.40, every gradient from the vectors before the step. */
    static double step(double[][] W, double[][] C, int w, int cPos, int[] cNeg, double eta) {
        double[] wOld = W[w].clone();
        double sPos = dot(C[cPos], wOld);
        double loss = Math.log1p(Math.exp(-sPos));
        double[] gradW = new double[wOld.length];
        double ePos = sigma(sPos) - 1;
        double[][] olds = new double[cNeg.length][];
        for (int i = 0; i < cNeg.length; i++) {
            olds[i] = C[cNeg[i]].clone();
        }
        double[] cPosOld = C[cPos].clone();
        for (int j = 0; j < wOld.length; j++) {
            gradW[j] += ePos * cPosOld[j];
            C[cPos][j] -= eta * ePos * wOld[j];
        }
        for (int i = 0; i < cNeg.length; i++) {
            double s = dot(olds[i], wOld);
            loss += Math.log1p(Math.exp(s));
            double e = sigma(s);
            for (int j = 0; j < wOld.length; j++) {
                gradW[j] += e * olds[i][j];
                C[cNeg[i]][j] -= eta * e * wOld[j];
            }
        }
        for (int j = 0; j < wOld.length; j++) {
            W[w][j] -= eta * gradW[j];
        }
        return loss;
    }

    /** A step that moves w first, then the context vectors with the new w: not simultaneous. */
    static double sequentialStep(double[][] W, double[][] C, int w, int cPos, int[] cNeg, double eta) {
        double[][] w2 = {W[w].clone()};
        double[][] c2 = new double[C.length][];
        for (int i = 0; i < C.length; i++) {
            c2[i] = C[i].clone();
        }
        double loss = step(w2, c2, 0, cPos, cNeg, eta);          // the right loss, and w's right update
        W[w] = w2[0];
        double e = sigma(dot(C[cPos], W[w])) - 1;                 // from the new w
        for (int j = 0; j < W[w].length; j++) {
            C[cPos][j] -= eta * e * W[w][j];
        }
        for (int n : cNeg) {
            double en = sigma(dot(C[n], W[w]));
            for (int j = 0; j < W[w].length; j++) {
                C[n][j] -= eta * en * W[w][j];
            }
        }
        return loss;
    }

    static double sentence(double[][] W, double[][] C, int[] s, int L, int k, NoiseDistribution noise, SplittableRandom draw,
                           double eta, PairStep step) {
        double loss = 0;
        for (int t = 0; t < s.length; t++) {
            for (int j = Math.max(0, t - L); j <= Math.min(s.length - 1, t + L); j++) {
                if (j != t) {
                    loss += step.apply(W, C, s[t], s[j], noise.sample(draw, s[t], k), eta);
                }
            }
        }
        return loss;
    }

    /** Draws one set of noise words per target and shares it among the target's pairs. */
    static double sharedNoiseSentence(double[][] W, double[][] C, int[] s, int L, int k, NoiseDistribution noise,
                                      SplittableRandom draw, double eta) {
        double loss = 0;
        for (int t = 0; t < s.length; t++) {
            int[] cNeg = noise.sample(draw, s[t], k);
            for (int j = Math.max(0, t - L); j <= Math.min(s.length - 1, t + L); j++) {
                if (j != t) {
                    loss += step(W, C, s[t], s[j], cNeg, eta);
                }
            }
        }
        return loss;
    }

    static void epochs(double[][] W, double[][] C, TrainingCorpus corpus, NegativeSamplingOptions<?> o, SplittableRandom walk,
                       SplittableRandom draw, boolean decay) {
        long total = 0;
        for (int[] s : corpus.sentences()) {
            total += s.length;
        }
        total *= o.epochs();
        long done = 0;
        for (int e = 0; e < o.epochs(); e++) {
            for (int[] s : corpus.sentences()) {
                double eta = decay ? o.learningRate() * Math.max(1e-4, 1 - done / (total + 1.0)) : o.learningRate();
                int[] kept = corpus.subsampling().apply(s, walk);
                sentence(W, C, kept, o.window(), o.negatives(), corpus.noise(), draw, eta, TrainingCheckTest::step);
                done += s.length;
            }
        }
    }

    static final SentencePass SENTENCE = (W, C, s, L, k, noise, draw, eta) -> sentence(W, C, s, L, k, noise, draw, eta, TrainingCheckTest::step);
    static final TrainingLoop EPOCHS = (W, C, corpus, o, walk, draw) -> epochs(W, C, corpus, o, walk, draw, true);

    @Test
    void anHonestTrainerGivesTheLibrarysVectors() {
        SkipGramModel yours = TrainingCheck.trainer(trainer(), fruitAndTools(), 1e-9, TrainingCheckTest::step, SENTENCE, EPOCHS);
        List<String> near = yours.embeddings().nearest("apricot", 2).stream().map(Neighbour::word).toList();
        assertTrue(List.of("peach", "plum").containsAll(near), near.toString());
    }

    @Test
    void aStepThatIsNotSimultaneousIsNamedWithTheFirstDifferingNumber() {
        CheckFailure f = assertThrows(CheckFailure.class, () -> TrainingCheck.trainer(trainer(), fruitAndTools(), 1e-9,
                TrainingCheckTest::sequentialStep, SENTENCE, EPOCHS));
        assertTrue(f.getMessage().contains("piece 1, the SGD step"), f.getMessage());
        assertTrue(f.getMessage().contains("differs first: the library's"), f.getMessage());
        assertTrue(f.getMessage().matches("(?s).*\\(off by [0-9.e-]+, tolerance 1e-09\\)"),
                "numbers that print alike still show how far off: " + f.getMessage());
    }

    @Test
    void aSentenceLoopThatSharesNoiseWordsIsNamed() {
        CheckFailure f = assertThrows(CheckFailure.class, () -> TrainingCheck.trainer(trainer(), fruitAndTools(), 1e-9,
                TrainingCheckTest::step, TrainingCheckTest::sharedNoiseSentence, EPOCHS));
        assertTrue(f.getMessage().startsWith("✘ piece 2, the sentence loop"), f.getMessage());
    }

    @Test
    void anEpochLoopWithoutDecayIsNamed() {
        SkipGramTrainer t = trainer();
        CheckFailure f = assertThrows(CheckFailure.class, () -> TrainingCheck.trainer(t, fruitAndTools(), 1e-9,
                TrainingCheckTest::step, SENTENCE, (W, C, corpus, o, walk, draw) -> epochs(W, C, corpus, o, walk, draw, false)));
        assertTrue(f.getMessage().startsWith("✘ piece 3, the epoch loop"), f.getMessage());
        assertTrue(f.getMessage().contains("W[row "), f.getMessage());
        // the trainer is left with the library's loop
        assertEquals(trainer().train(fruitAndTools()).W().flat()[0], t.train(fruitAndTools()).W().flat()[0]);
    }

    @Test
    void aLoopThatDrawsNoiseForAnEmptyWindowIsCaught() {
        SentencePass drawsAnyway = (W, C, s, L, k, noise, draw, eta) -> {
            if (s.length == 1) {
                noise.sample(draw, s[0], k);
            }
            return sentence(W, C, s, L, k, noise, draw, eta, TrainingCheckTest::step);
        };
        NoiseDistribution noise = NoiseDistribution.ofWeights(new double[] {5, 3, 2, 1}, 0.75);
        double[][] W = {{0.1, 0.2}, {0.3, -0.1}, {0.0, 0.4}, {-0.2, 0.1}};
        double[][] C = {{0.2, 0.1}, {-0.1, 0.3}, {0.1, 0.1}, {0.4, -0.2}};
        TrainingCheck.sentence("honest, one word", SENTENCE, W, C, new int[] {2}, 2, 2, noise, 9, 0.1, 1e-12);
        TrainingCheck.sentence("honest, shorter than the window", SENTENCE, W, C, new int[] {0, 1, 3}, 5, 2, noise, 9, 0.1, 1e-12);
        CheckFailure f = assertThrows(CheckFailure.class, () ->
                TrainingCheck.sentence("one word", drawsAnyway, W, C, new int[] {2}, 2, 2, noise, 9, 0.1, 1e-12));
        assertTrue(f.getMessage().contains("different number of noise words"), f.getMessage());
    }

    @Test
    void theStepCheckCatchesARepeatedNoiseWordMovedOnce() {
        PairStep once = (W, C, w, cPos, cNeg, eta) -> step(W, C, w, cPos, java.util.Arrays.stream(cNeg).distinct().toArray(), eta);
        double[][] W = {{0.1, 0.2}, {0.3, -0.1}};
        double[][] C = {{0.2, 0.1}, {-0.1, 0.3}, {0.1, 0.1}};
        TrainingCheck.step("honest", TrainingCheckTest::step, W, C, 0, 1, new int[] {2, 2}, 0.5, 1e-12);
        CheckFailure f = assertThrows(CheckFailure.class, () -> TrainingCheck.step("repeated", once, W, C, 0, 1, new int[] {2, 2}, 0.5, 1e-12));
        assertTrue(f.getMessage().contains("the loss differs"), f.getMessage());
        assertTrue(f.getMessage().contains("(off by "), f.getMessage());
    }

    @Test
    void aTrainerThatShrinksWindowsIsRefusedWithTheFix() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TrainingCheck.trainer(
                trainer().shrinkWindow(true), fruitAndTools(), 1e-9, TrainingCheckTest::step, SENTENCE, EPOCHS));
        assertTrue(e.getMessage().contains(".shrinkWindow(false)"), e.getMessage());
    }

    @Test
    void aLoopOfYourOwnDoesNotRunOnTheFastPath() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> trainer().threads(1).loop(EPOCHS).train(fruitAndTools()));
        assertTrue(e.getMessage().contains("drop fast()/threads(n) or loop(...)"), e.getMessage());
    }
}

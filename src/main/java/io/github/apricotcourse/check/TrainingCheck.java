package io.github.apricotcourse.check;

import io.github.apricotcourse.sgns.Initialisation;
import io.github.apricotcourse.sgns.NoiseDistribution;
import io.github.apricotcourse.sgns.PairStep;
import io.github.apricotcourse.sgns.SentencePass;
import io.github.apricotcourse.sgns.SgdStep;
import io.github.apricotcourse.sgns.SkipGramLoop;
import io.github.apricotcourse.sgns.SkipGramModel;
import io.github.apricotcourse.sgns.SkipGramTrainer;
import io.github.apricotcourse.sgns.TrainingCorpus;
import io.github.apricotcourse.sgns.TrainingLoop;
import io.github.apricotcourse.text.Corpus;
import io.github.apricotcourse.text.Vocabulary;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.IntFunction;

/**
 * Sets a student's trainer beside the library's, piece by piece (lesson 4): the SGD step on one
 * example ({@link SgdStep}), the loop over one sentence ({@link SkipGramLoop#sentence}) and the
 * epoch loop (the whole {@link SkipGramTrainer}). Each piece runs on copies of the same matrices
 * with the same noise stream; a piece passes when its loss and every entry of W and C agree
 * within the tolerance, and the noise stream is left where the library leaves it. The first piece
 * that does not is named, with the first number that differs:
 *
 * <pre>
 *   ✘ the SGD step on (w=1, c_pos=2, c_neg=[3, 4, 3]): C[row 3][0] differs first: the library's 0.0412, yours 0.0398
 *     (off by 0.0014, tolerance 1e-12)
 * </pre>
 */
public final class TrainingCheck {
    private TrainingCheck() {}

    /** Passes when {@code yours} moves W and C as {@link SgdStep#apply} does on this example, and returns the same loss. */
    public static void step(String what, PairStep yours, double[][] W, double[][] C, int w, int cPos, int[] cNeg,
                            double eta, double tolerance) {
        double[][] libW = copy(W), libC = copy(C), yourW = copy(W), yourC = copy(C);
        double expected = SgdStep.apply(libW, libC, w, cPos, cNeg.clone(), eta);
        double actual = Check.result(what, () -> yours.apply(yourW, yourC, w, cPos, cNeg.clone(), eta));
        agree(what, expected, actual, libW, yourW, libC, yourC, null, tolerance);
        Check.pass(what + " (loss and " + entries(W, C) + " entries of W and C within " + Check.num(tolerance) + ")");
    }

    /**
     * Passes when {@code yours} trains W and C on the sentence as {@link SkipGramLoop#sentence}
     * does, from the same matrices and a noise stream seeded with {@code seed}, returns the same
     * summed loss and draws as many noise words.
     */
    public static void sentence(String what, SentencePass yours, double[][] W, double[][] C, int[] sentence, int L, int k,
                                NoiseDistribution noise, long seed, double eta, double tolerance) {
        sentence(what, yours, W, C, sentence, L, k, noise, seed, eta, tolerance, null);
        Check.pass(what + " (loss, " + entries(W, C) + " entries of W and C and the noise draws)");
    }

    /**
     * The student's whole trainer against the library's on a corpus, piece by piece: the step on an
     * example with a repeated noise word, the sentence loop on the corpus's longest early sentence,
     * then the epoch loop: {@code trainer.loop(loop)} against {@code trainer} itself. The trainer
     * must not shrink windows ({@code shrinkWindow(false)}). Returns the
     * model the student's loop trained.
     */
    public static SkipGramModel trainer(SkipGramTrainer trainer, Corpus corpus, double tolerance,
                                        PairStep step, SentencePass sentence, TrainingLoop loop) {
        if (trainer.shrinkWindow()) {
            throw new IllegalArgumentException("the trainer shrinks windows at random, which a loop written as in JM §6.8.2"
                    + " does not: compare with .shrinkWindow(false)");
        }
        TrainingCorpus prepared = TrainingCorpus.of(corpus, trainer);
        Vocabulary vocabulary = prepared.vocabulary();
        int n = vocabulary.size();
        if (n < 5) {
            throw new IllegalArgumentException("the corpus has only " + n + " words; the check needs at least 5: use a larger corpus");
        }
        SplittableRandom rng = new SplittableRandom(trainer.seed());
        double[][] W = Initialisation.W(n, trainer.dimension(), rng);
        double[][] C = Initialisation.W(n, trainer.dimension(), rng);     // C random too, so that every gradient moves
        IntFunction<String> row = i -> vocabulary.word(i);
        int[] cNeg = {3, 4, 3};                                         // a noise word drawn twice
        String stepWhat = "piece 1, the SGD step on (w=" + row.apply(0) + ", c_pos=" + row.apply(1) + ", c_neg="
                + Arrays.stream(cNeg).mapToObj(row).toList() + ")";
        double[][] libW = copy(W), libC = copy(C), yourW = copy(W), yourC = copy(C);
        double expected = SgdStep.apply(libW, libC, 0, 1, cNeg.clone(), trainer.learningRate());
        double actual = Check.result(stepWhat, () -> step.apply(yourW, yourC, 0, 1, cNeg.clone(), trainer.learningRate()));
        agree(stepWhat, expected, actual, libW, yourW, libC, yourC, row, tolerance);
        Check.pass(stepWhat + " matches SgdStep");

        int[] longest = prepared.sentences().stream().limit(20).max((a, b) -> Integer.compare(a.length, b.length)).orElseThrow();
        String sentenceWhat = "piece 2, the sentence loop on " + Arrays.stream(longest).mapToObj(row).toList();
        sentence(sentenceWhat, sentence, W, C, longest, trainer.window(), trainer.negatives(), prepared.noise(),
                trainer.seed(), trainer.learningRate(), tolerance, row);
        Check.pass(sentenceWhat + " matches SkipGramLoop.sentence");

        String loopWhat = "piece 3, the epoch loop (" + trainer.epochs() + " epochs, η₀ = " + trainer.learningRate() + ")";
        double[][][] library = new double[2][][], yours = new double[2][][];
        SkipGramModel model;
        try {
            trainer.loop((w, c, prepared2, o, walk, draw) -> {
                SkipGramLoop.train(o, prepared2, w, c, SgdStep::apply, false, walk, draw);
                library[0] = w;
                library[1] = c;
            }).train(corpus);
            model = Check.result(loopWhat, () -> trainer.loop((w, c, prepared2, o, walk, draw) -> {
                loop.train(w, c, prepared2, o, walk, draw);
                yours[0] = w;
                yours[1] = c;
            }).train(corpus));
        } finally {
            trainer.loop(null);
        }
        agree(loopWhat, 0, 0, library[0], yours[0], library[1], yours[1], row, tolerance);
        Check.pass(loopWhat + " gives the library's vectors: all " + 2L * n * trainer.dimension()
                + " entries of W and C within " + Check.num(tolerance));
        return model;
    }

    private static double sentence(String what, SentencePass yours, double[][] W, double[][] C, int[] sentence, int L, int k,
                                   NoiseDistribution noise, long seed, double eta, double tolerance, IntFunction<String> row) {
        double[][] libW = copy(W), libC = copy(C), yourW = copy(W), yourC = copy(C);
        SplittableRandom libDraw = new SplittableRandom(seed), yourDraw = new SplittableRandom(seed);
        double expected = SkipGramLoop.sentence(libW, libC, sentence.clone(), L, k, noise, libDraw, eta);
        double actual = Check.result(what, () -> yours.train(yourW, yourC, sentence.clone(), L, k, noise, yourDraw, eta));
        agree(what, expected, actual, libW, yourW, libC, yourC, row, tolerance);
        if (libDraw.nextLong() != yourDraw.nextLong()) {
            throw Check.failure(what, "W and C agree, but your loop drew a different number of noise words than the library's:"
                    + " draw k noise words for each (w, c_pos) pair, and none where a target has no context words");
        }
        return actual;
    }

    /**
     * Fails with the first differing number: the loss, then W, then C, each with how far off it is
     * (two numbers that differ past their sixth digit print alike).
     */
    private static void agree(String what, double expected, double actual, double[][] libW, double[][] yourW,
                              double[][] libC, double[][] yourC, IntFunction<String> row, double tolerance) {
        if (!(Math.abs(expected - actual) <= tolerance)) {
            throw Check.failure(what, "the loss differs: the library's " + Check.num(expected) + ", yours " + Check.num(actual)
                    + " (off by " + Check.num(Math.abs(expected - actual)) + ", tolerance " + Check.num(tolerance) + ")");
        }
        for (Object[] m : List.of(new Object[] {"W", libW, yourW}, new Object[] {"C", libC, yourC})) {
            double[][] lib = (double[][]) m[1], yours = (double[][]) m[2];
            for (int i = 0; i < lib.length; i++) {
                for (int j = 0; j < lib[i].length; j++) {
                    if (!(Math.abs(lib[i][j] - yours[i][j]) <= tolerance)) {
                        String r = row == null ? "row " + i : "row " + i + " '" + row.apply(i) + "'";
                        throw Check.failure(what, String.format(Locale.ROOT, "%s[%s][%d] differs first: the library's %s, yours %s"
                                + " (off by %s, tolerance %s)", m[0], r, j, Check.num(lib[i][j]), Check.num(yours[i][j]),
                                Check.num(Math.abs(lib[i][j] - yours[i][j])), Check.num(tolerance)));
                    }
                }
            }
        }
    }

    private static String entries(double[][] W, double[][] C) {
        return String.valueOf(Arrays.stream(W).mapToInt(r -> r.length).sum() + Arrays.stream(C).mapToInt(r -> r.length).sum());
    }

    private static double[][] copy(double[][] m) {
        double[][] out = new double[m.length][];
        for (int i = 0; i < m.length; i++) {
            out[i] = m[i].clone();
        }
        return out;
    }
}

package io.github.apricotcourse.sgns;

import java.util.SplittableRandom;

/**
 * The outer loop of a trainer (JM §6.8.2): for each epoch, for each sentence, its frequent words
 * subsampled ({@code corpus.subsampling()}, drawing from {@code walk}), one {@link SentencePass}
 * at the learning rate of that moment, η = η₀ · max(10⁻⁴, 1 − done / (total + 1))
 * ({@link LearningRate}), done and total counted in corpus words (before subsampling) over all
 * epochs. It trains W and C in place; noise words come from {@code draw}.
 *
 * <p>{@link SkipGramTrainer#loop} trains with a loop written elsewhere (a student's, in lesson 4)
 * instead of the library's {@link SkipGramLoop}, from the same initial W and the same two random
 * streams. Such a loop does not shrink windows, so it matches the library's loop when that runs
 * with {@code shrinkWindow(false)}.
 */
@FunctionalInterface
public interface TrainingLoop {
    void train(double[][] W, double[][] C, TrainingCorpus corpus, NegativeSamplingOptions<?> options,
               SplittableRandom walk, SplittableRandom draw);
}

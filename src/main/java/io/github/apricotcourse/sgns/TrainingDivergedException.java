package io.github.apricotcourse.sgns;

/** Training produced a non-finite loss (NaN or ∞): the learning rate is almost always too large. */
public class TrainingDivergedException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    public TrainingDivergedException(String message) {
        super(message);
    }
}

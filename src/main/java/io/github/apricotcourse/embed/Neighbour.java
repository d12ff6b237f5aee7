package io.github.apricotcourse.embed;

/** A word and its similarity (a cosine, or an analogy score) to a query. */
public record Neighbour(String word, double similarity) {
    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "%s (%.3f)", word, similarity);
    }
}

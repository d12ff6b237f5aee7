package io.github.apricotcourse.text;

import java.util.List;

/**
 * A word that is not in the vocabulary. The message names the word, says where it was looked
 * up, suggests near spellings and says how to fix it.
 */
public class UnknownWordException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final String word;
    private final List<String> suggestions;

    public UnknownWordException(String word, Iterable<String> known, int knownCount, String where) {
        this(word, NearSpellings.of(word == null ? "" : word, known, 5), knownCount, where);
    }

    private UnknownWordException(String word, List<String> suggestions, int knownCount, String where) {
        super(message(word, suggestions, knownCount, where));
        this.word = word;
        this.suggestions = suggestions;
    }

    private static String message(String word, List<String> suggestions, int knownCount, String where) {
        if (word == null) {
            return "the word is null: pass a word as a String, e.g. \"apricot\"";
        }
        String s = "unknown word '" + word + "': it is not among the " + knownCount + " words of " + where + ".";
        if (!suggestions.isEmpty()) {
            s += " Did you mean: " + String.join(", ", suggestions) + "?";
        } else if (!word.equals(word.toLowerCase(java.util.Locale.ROOT))) {
            s += " Words are lowercased by the tokenizer: try '" + word.toLowerCase(java.util.Locale.ROOT) + "'.";
        }
        return s + " Check the spelling, or train on text that contains it (with a lower min-count"
                + " if it is rare); for unseen words, lesson 07's subword model builds a vector.";
    }

    /** The word that was not found. */
    public String word() {
        return word;
    }

    /** Known words spelled like it, nearest first. */
    public List<String> suggestions() {
        return suggestions;
    }
}

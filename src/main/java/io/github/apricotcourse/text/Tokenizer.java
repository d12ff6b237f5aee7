package io.github.apricotcourse.text;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns raw text into the word tokens the chapter counts, with text8's normalisation (Matt
 * Mahoney's {@code wikifil.pl}): lowercase everything, spell out each digit as a word
 * ({@code "1984"} → {@code one nine eight four}), and treat every other character outside a–z
 * as a space. So {@code "Lemon, a tablespoon of apricot jam!"} →
 * {@code [lemon, a, tablespoon, of, apricot, jam]}.
 */
public final class Tokenizer {
    private static final String[] DIGITS =
            {"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"};

    private Tokenizer() {}

    /** The tokens of one piece of text, text8-normalised. */
    public static List<String> tokenize(CharSequence text) {
        List<String> tokens = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char ch = Character.toLowerCase(text.charAt(i));
            if (ch >= 'a' && ch <= 'z') {
                word.append(ch);
                continue;
            }
            flush(word, tokens);
            if (ch >= '0' && ch <= '9') {
                tokens.add(DIGITS[ch - '0']);
            }
        }
        flush(word, tokens);
        return tokens;
    }

    private static void flush(StringBuilder word, List<String> tokens) {
        if (word.length() > 0) {
            tokens.add(word.toString());
            word.setLength(0);
        }
    }
}

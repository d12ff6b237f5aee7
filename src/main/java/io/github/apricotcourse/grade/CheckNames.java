package io.github.apricotcourse.grade;

import io.github.apricotcourse.check.Check;
import io.github.apricotcourse.check.CheckFailure;
import io.github.apricotcourse.check.GradientCheck;
import io.github.apricotcourse.check.JavaSource;
import io.github.apricotcourse.check.Score;
import java.util.List;

/**
 * The library's check classes, named once for the grader, and the rewriting of a check cell so
 * that it names them in full ({@code Check.close} becomes
 * {@code io.github.apricotcourse.check.Check.close}): a student who declares a class {@code Check}
 * (or {@code Score}, {@code CheckFailure}, {@code GradientCheck}) in their own cells
 * then cannot replace the checks the grader runs. Strings, character literals and comments are left
 * as they are; so are names after a dot ({@code x.Check}).
 */
public final class CheckNames {
    /**
     * The classes a check cell may use. (The grader's own cells reach {@link Score} and its
     * {@code Tally} by reflection, never by name.)
     */
    static final List<Class<?>> CLASSES = List.of(Check.class, GradientCheck.class, Score.class, CheckFailure.class);
    /** Their package, with a final dot. */
    static final String PACKAGE = Check.class.getPackageName() + ".";

    private CheckNames() {}

    /** True if the word is the simple name of one of the check classes. */
    static boolean isCheckClass(String word) {
        return CLASSES.stream().anyMatch(c -> c.getSimpleName().equals(word));
    }

    /** The source with every simple use of a check class replaced by its full name. */
    public static String qualify(String source) {
        StringBuilder out = new StringBuilder(source.length() + 64);
        char previous = 0; // the last character of code seen (not whitespace or comment)
        for (JavaSource.Piece piece : JavaSource.pieces(source)) {
            String text = piece.text();
            if (piece.kind() != JavaSource.Kind.CODE) {
                out.append(text);
                previous = piece.kind() == JavaSource.Kind.LITERAL ? '"' : previous;
                continue;
            }
            int i = 0;
            while (i < text.length()) {
                char c = text.charAt(i);
                if (Character.isJavaIdentifierStart(c)) {
                    int j = i + 1;
                    while (j < text.length() && Character.isJavaIdentifierPart(text.charAt(j))) {
                        j++;
                    }
                    String word = text.substring(i, j);
                    if (isCheckClass(word) && previous != '.') {
                        out.append(PACKAGE);
                    }
                    out.append(word);
                    i = j;
                    previous = 'a';
                } else {
                    out.append(c);
                    if (!Character.isWhitespace(c)) {
                        previous = c;
                    }
                    i++;
                }
            }
        }
        return out.toString();
    }
}

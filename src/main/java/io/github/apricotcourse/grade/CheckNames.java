package io.github.apricotcourse.grade;

import java.util.Set;

/**
 * Rewrites a check cell so that it names the library's check classes in full
 * ({@code Check.close} becomes {@code io.github.apricotcourse.check.Check.close}): a student who
 * declares a class {@code Check} (or {@code Score}, {@code CheckFailure}, {@code GradientCheck})
 * in their own cells then cannot replace the checks the grader runs. Strings, character literals
 * and comments are left as they are; so are names after a dot ({@code x.Check}).
 */
public final class CheckNames {
    static final String PACKAGE = "io.github.apricotcourse.check.";
    private static final Set<String> NAMES = Set.of("Check", "GradientCheck", "Score", "CheckFailure");

    private CheckNames() {}

    /** The source with every simple use of a check class replaced by its full name. */
    public static String qualify(String source) {
        StringBuilder out = new StringBuilder(source.length() + 64);
        int i = 0;
        int n = source.length();
        char previous = 0; // the last character of code seen (not whitespace or comment)
        while (i < n) {
            char c = source.charAt(i);
            if (source.startsWith("//", i)) {
                int end = source.indexOf('\n', i);
                end = end < 0 ? n : end;
                out.append(source, i, end);
                i = end;
            } else if (source.startsWith("/*", i)) {
                int end = source.indexOf("*/", i + 2);
                end = end < 0 ? n : end + 2;
                out.append(source, i, end);
                i = end;
            } else if (source.startsWith("\"\"\"", i)) {
                int end = source.indexOf("\"\"\"", i + 3);
                end = end < 0 ? n : end + 3;
                out.append(source, i, end);
                i = end;
                previous = '"';
            } else if (c == '"' || c == '\'') {
                int j = i + 1;
                while (j < n && source.charAt(j) != c && source.charAt(j) != '\n') {
                    j += source.charAt(j) == '\\' ? 2 : 1;
                }
                j = Math.min(j + 1, n);
                out.append(source, i, j);
                i = j;
                previous = c;
            } else if (Character.isJavaIdentifierStart(c)) {
                int j = i + 1;
                while (j < n && Character.isJavaIdentifierPart(source.charAt(j))) {
                    j++;
                }
                String word = source.substring(i, j);
                if (NAMES.contains(word) && previous != '.') {
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
        return out.toString();
    }
}

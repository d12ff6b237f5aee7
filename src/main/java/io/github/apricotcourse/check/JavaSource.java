package io.github.apricotcourse.check;

import java.util.ArrayList;
import java.util.List;

/**
 * Java source cut into what the compiler reads as code and what it does not: comments, string
 * and character literals (text blocks included). {@link Check#forbid} and the grader look for
 * library names only in the code, and the grader's rewriting of check cells
 * ({@code grade.CheckNames}) leaves the rest alone.
 */
public final class JavaSource {
    /** What a piece of source is. */
    public enum Kind { CODE, COMMENT, LITERAL }

    /** A piece of the source, in order: concatenated, the pieces give the source back. */
    public record Piece(Kind kind, String text) {}

    /**
     * Source as code alone ({@link #codeOnly}), made once where the source comes in and passed on
     * as such, so that what reads it ({@link ForbiddenNames}) never blanks it again.
     */
    public static final class Code {
        private final String text;

        private Code(String text) {
            this.text = text;
        }

        /** The code of {@code source}, its comments and literals blanked. */
        public static Code of(String source) {
            return new Code(codeOnly(source));
        }

        /** The code alone, as text. */
        public String text() {
            return text;
        }

        /** The code from {@code start} to {@code end}: a part of code alone is code alone. */
        Code part(int start, int end) {
            return new Code(text.substring(start, end));
        }

        @Override
        public String toString() {
            return text;
        }
    }

    private JavaSource() {}

    /** The source cut into pieces; an unclosed comment or literal runs to the end of its line (or text). */
    public static List<Piece> pieces(String source) {
        List<Piece> pieces = new ArrayList<>();
        int n = source.length();
        int code = 0; // where the current run of code began
        int i = 0;
        while (i < n) {
            char c = source.charAt(i);
            int end;
            Kind kind;
            if (source.startsWith("//", i)) {
                end = source.indexOf('\n', i);
                end = end < 0 ? n : end;
                kind = Kind.COMMENT;
            } else if (source.startsWith("/*", i)) {
                end = source.indexOf("*/", i + 2);
                end = end < 0 ? n : end + 2;
                kind = Kind.COMMENT;
            } else if (source.startsWith("\"\"\"", i)) {
                end = source.indexOf("\"\"\"", i + 3);
                end = end < 0 ? n : end + 3;
                kind = Kind.LITERAL;
            } else if (c == '"' || c == '\'') {
                end = i + 1;
                while (end < n && source.charAt(end) != c && source.charAt(end) != '\n') {
                    end += source.charAt(end) == '\\' ? 2 : 1;
                }
                end = Math.min(end + 1, n);
                kind = Kind.LITERAL;
            } else {
                i++;
                continue;
            }
            if (code < i) {
                pieces.add(new Piece(Kind.CODE, source.substring(code, i)));
            }
            pieces.add(new Piece(kind, source.substring(i, end)));
            i = end;
            code = end;
        }
        if (code < n) {
            pieces.add(new Piece(Kind.CODE, source.substring(code)));
        }
        return pieces;
    }

    /**
     * The code alone: every comment and literal replaced by one space (so that the words on either
     * side stay apart), e.g. {@code f("Sigmoid.sigma") // Sigmoid} gives {@code f( ) }.
     */
    public static String codeOnly(String source) {
        StringBuilder sb = new StringBuilder(source.length());
        for (Piece p : pieces(source)) {
            sb.append(p.kind() == Kind.CODE ? p.text() : " ");
        }
        return sb.toString();
    }
}

package io.github.apricotcourse.viz;

import java.util.Objects;

/**
 * A piece of HTML with a plain-text twin, for output that should look good in a notebook and
 * still read well in a terminal or a text-only export.
 *
 * @param html the HTML fragment shown by notebook front ends
 * @param text the plain text shown everywhere else
 */
public record Html(String html, String text) {

    public Html {
        Objects.requireNonNull(html, "html");
        Objects.requireNonNull(text, "text");
    }

    /** Escapes {@code & < > "} so that {@code s} shows as literal text inside HTML. */
    public static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return text;
    }
}

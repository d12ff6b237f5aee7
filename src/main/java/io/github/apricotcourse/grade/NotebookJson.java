package io.github.apricotcourse.grade;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads JSON strictly and writes it the way nbformat does ({@code json.dumps(nb, indent=1,
 * sort_keys=True, ensure_ascii=False)} plus a final newline), so that a notebook written here
 * diffs cleanly against one saved by Jupyter and the same notebook always gives the same bytes.
 *
 * <p>Values are plain Java: {@link Map} (keys in file order), {@link List}, {@link String},
 * {@link Number} (a {@link JsonNumber} that keeps the number's text), {@link Boolean} and
 * {@code null}.
 */
public final class NotebookJson {
    private NotebookJson() {}

    /** A JSON number, kept as written so that writing it back gives the same text. */
    public record JsonNumber(String text) {
        public long longValue() {
            return new BigDecimal(text).longValueExact();
        }

        public boolean isInteger() {
            try {
                new BigDecimal(text).longValueExact();
                return true;
            } catch (ArithmeticException e) {
                return false;
            }
        }

        @Override
        public String toString() {
            return text;
        }
    }

    /** Malformed JSON: the message says where (line and column) and what was expected. */
    public static final class MalformedJsonException extends Exception {
        private static final long serialVersionUID = 1L;

        MalformedJsonException(String message) {
            super(message);
        }
    }

    /** Parses one JSON document; anything but whitespace after it is an error. */
    public static Object parse(String text) throws MalformedJsonException {
        Parser p = new Parser(text);
        p.skipSpace();
        Object value = p.value();
        p.skipSpace();
        if (p.pos < text.length()) {
            throw p.error("unexpected text after the end of the JSON document");
        }
        return value;
    }

    /** The value in nbformat's layout: 1-space indent, keys sorted, non-ASCII as is, final newline. */
    public static String write(Object value) {
        StringBuilder sb = new StringBuilder();
        write(value, 0, sb);
        return sb.append('\n').toString();
    }

    private static void write(Object value, int indent, StringBuilder sb) {
        if (value == null) {
            sb.append("null");
        } else if (value instanceof String s) {
            quote(s, sb);
        } else if (value instanceof Boolean || value instanceof JsonNumber) {
            sb.append(value);
        } else if (value instanceof Integer || value instanceof Long) {
            sb.append(value);
        } else if (value instanceof Map<?, ?> map) {
            if (map.isEmpty()) {
                sb.append("{}");
                return;
            }
            Map<String, Object> sorted = new TreeMap<>();
            map.forEach((k, v) -> sorted.put((String) k, v));
            sb.append('{');
            String sep = "\n";
            for (Map.Entry<String, Object> e : sorted.entrySet()) {
                sb.append(sep).append(" ".repeat(indent + 1));
                quote(e.getKey(), sb);
                sb.append(": ");
                write(e.getValue(), indent + 1, sb);
                sep = ",\n";
            }
            sb.append('\n').append(" ".repeat(indent)).append('}');
        } else if (value instanceof List<?> list) {
            if (list.isEmpty()) {
                sb.append("[]");
                return;
            }
            sb.append('[');
            String sep = "\n";
            for (Object item : list) {
                sb.append(sep).append(" ".repeat(indent + 1));
                write(item, indent + 1, sb);
                sep = ",\n";
            }
            sb.append('\n').append(" ".repeat(indent)).append(']');
        } else {
            throw new IllegalArgumentException("not a JSON value: " + value.getClass().getName());
        }
    }

    /**
     * Quotes a string as Python's json module does with ensure_ascii=False. Every escape it
     * writes is also a Java escape, so the result is a valid Java string literal too.
     */
    static void quote(String s, StringBuilder sb) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }

    /** A strict recursive-descent parser (RFC 8259). */
    private static final class Parser {
        private final String text;
        private int pos;

        Parser(String text) {
            this.text = text;
        }

        Object value() throws MalformedJsonException {
            if (pos >= text.length()) {
                throw error("the document ends where a value was expected");
            }
            char c = text.charAt(pos);
            return switch (c) {
                case '{' -> object();
                case '[' -> array();
                case '"' -> string();
                case 't' -> literal("true", Boolean.TRUE);
                case 'f' -> literal("false", Boolean.FALSE);
                case 'n' -> literal("null", null);
                default -> {
                    if (c == '-' || (c >= '0' && c <= '9')) {
                        yield number();
                    }
                    throw error("unexpected character '" + c + "' where a value was expected");
                }
            };
        }

        private Map<String, Object> object() throws MalformedJsonException {
            Map<String, Object> map = new LinkedHashMap<>();
            pos++;
            skipSpace();
            if (peek() == '}') {
                pos++;
                return map;
            }
            while (true) {
                skipSpace();
                if (peek() != '"') {
                    throw error("expected a quoted key");
                }
                String key = string();
                skipSpace();
                expect(':');
                skipSpace();
                map.put(key, value());
                skipSpace();
                if (peek() == ',') {
                    pos++;
                } else if (peek() == '}') {
                    pos++;
                    return map;
                } else {
                    throw error("expected ',' or '}' in an object");
                }
            }
        }

        private List<Object> array() throws MalformedJsonException {
            List<Object> list = new ArrayList<>();
            pos++;
            skipSpace();
            if (peek() == ']') {
                pos++;
                return list;
            }
            while (true) {
                skipSpace();
                list.add(value());
                skipSpace();
                if (peek() == ',') {
                    pos++;
                } else if (peek() == ']') {
                    pos++;
                    return list;
                } else {
                    throw error("expected ',' or ']' in a list");
                }
            }
        }

        private String string() throws MalformedJsonException {
            StringBuilder sb = new StringBuilder();
            pos++;
            while (true) {
                if (pos >= text.length()) {
                    throw error("a string is not closed");
                }
                char c = text.charAt(pos++);
                if (c == '"') {
                    return sb.toString();
                } else if (c == '\\') {
                    if (pos >= text.length()) {
                        throw error("a string is not closed");
                    }
                    char e = text.charAt(pos++);
                    switch (e) {
                        case '"', '\\', '/' -> sb.append(e);
                        case 'n' -> sb.append('\n');
                        case 'r' -> sb.append('\r');
                        case 't' -> sb.append('\t');
                        case 'b' -> sb.append('\b');
                        case 'f' -> sb.append('\f');
                        case 'u' -> {
                            if (pos + 4 > text.length()) {
                                throw error("a \\u escape needs four hex digits");
                            }
                            try {
                                sb.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
                            } catch (NumberFormatException ex) {
                                throw error("a \\u escape needs four hex digits");
                            }
                            pos += 4;
                        }
                        default -> throw error("unknown escape \\" + e);
                    }
                } else if (c < 0x20) {
                    throw error("a control character inside a string must be escaped");
                } else {
                    sb.append(c);
                }
            }
        }

        private JsonNumber number() throws MalformedJsonException {
            int start = pos;
            if (peek() == '-') {
                pos++;
            }
            if (peek() == '0') {
                pos++;
            } else if (Character.isDigit(peek())) {
                digits();
            } else {
                throw error("malformed number");
            }
            if (peek() == '.') {
                pos++;
                if (!Character.isDigit(peek())) {
                    throw error("malformed number: digits must follow '.'");
                }
                digits();
            }
            if (peek() == 'e' || peek() == 'E') {
                pos++;
                if (peek() == '+' || peek() == '-') {
                    pos++;
                }
                if (!Character.isDigit(peek())) {
                    throw error("malformed number: digits must follow the exponent");
                }
                digits();
            }
            return new JsonNumber(text.substring(start, pos));
        }

        private void digits() {
            while (pos < text.length() && text.charAt(pos) >= '0' && text.charAt(pos) <= '9') {
                pos++;
            }
        }

        private Object literal(String word, Object value) throws MalformedJsonException {
            if (!text.startsWith(word, pos)) {
                throw error("unexpected word where a value was expected");
            }
            pos += word.length();
            return value;
        }

        private void expect(char c) throws MalformedJsonException {
            if (peek() != c) {
                throw error("expected '" + c + "'");
            }
            pos++;
        }

        private char peek() {
            return pos < text.length() ? text.charAt(pos) : '\0';
        }

        void skipSpace() {
            while (pos < text.length()) {
                char c = text.charAt(pos);
                if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                    return;
                }
                pos++;
            }
        }

        MalformedJsonException error(String what) {
            int line = 1;
            int col = 1;
            for (int i = 0; i < Math.min(pos, text.length()); i++) {
                if (text.charAt(i) == '\n') {
                    line++;
                    col = 1;
                } else {
                    col++;
                }
            }
            return new MalformedJsonException("not valid JSON at line " + line + ", column " + col + ": " + what);
        }
    }
}

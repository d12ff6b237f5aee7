package io.github.apricotcourse.grade;

import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads JSON strictly and writes it the way nbformat does ({@code json.dumps(nb, indent=1,
 * sort_keys=True, ensure_ascii=False)} plus a final newline), so that a notebook written here
 * diffs cleanly against one saved by Jupyter and the same notebook always gives the same bytes.
 * Gson's streaming {@link JsonReader} and {@link JsonWriter} do the reading and the layout; only
 * strings are quoted here, because Gson escapes U+2028 and U+2029 and Python does not.
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

    private static final Pattern WHERE = Pattern.compile("at line (\\d+) column (\\d+)");

    /** Parses one JSON document; anything but whitespace after it is an error. */
    public static Object parse(String text) throws MalformedJsonException {
        try {
            JsonReader reader = new JsonReader(new StringReader(text));
            reader.setLenient(false);
            Object value = read(reader);
            if (reader.peek() != JsonToken.END_DOCUMENT) {
                throw new MalformedJsonException("not valid JSON: unexpected text after the end of the JSON document");
            }
            return value;
        } catch (IOException | IllegalStateException | NumberFormatException e) {
            String reason = String.valueOf(e.getMessage());
            Matcher m = WHERE.matcher(reason);
            String where = m.find() ? " at line " + m.group(1) + ", column " + m.group(2) : "";
            reason = reason.replaceAll("\\s*at line \\d+ column \\d+( path \\S*)?", "")
                    .replace("Use JsonReader.setLenient(true) to accept malformed JSON",
                            "not strict JSON (a trailing comma, single quotes, a leading zero, a bare word?)");
            throw new MalformedJsonException("not valid JSON" + where + ": " + (text.isBlank() ? "the text is empty" : reason));
        }
    }

    /** The next value: Map (keys in file order), List, String, JsonNumber (its text as written), Boolean or null. */
    private static Object read(JsonReader reader) throws IOException {
        switch (reader.peek()) {
            case BEGIN_OBJECT -> {
                Map<String, Object> map = new LinkedHashMap<>();
                reader.beginObject();
                while (reader.hasNext()) {
                    map.put(reader.nextName(), read(reader));   // as Python's json: a repeated key keeps its place, the last value wins
                }
                reader.endObject();
                return map;
            }
            case BEGIN_ARRAY -> {
                List<Object> list = new ArrayList<>();
                reader.beginArray();
                while (reader.hasNext()) {
                    list.add(read(reader));
                }
                reader.endArray();
                return list;
            }
            case STRING -> {
                return reader.nextString();
            }
            case NUMBER -> {
                return new JsonNumber(reader.nextString());
            }
            case BOOLEAN -> {
                return reader.nextBoolean();
            }
            case NULL -> {
                reader.nextNull();
                return null;
            }
            default -> throw new IOException("expected a value, got " + reader.peek() + " at " + reader.getPath());
        }
    }

    /** The value in nbformat's layout: 1-space indent, keys sorted, non-ASCII as is, final newline. */
    public static String write(Object value) {
        StringWriter out = new StringWriter();
        try {
            JsonWriter writer = new JsonWriter(out);
            writer.setIndent(" ");
            writer.setHtmlSafe(false);
            writer.setSerializeNulls(true);
            write(value, writer);
            writer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);   // a StringWriter does not fail
        }
        return out.append('\n').toString();
    }

    private static void write(Object value, JsonWriter writer) throws IOException {
        if (value == null) {
            writer.nullValue();
        } else if (value instanceof String s) {
            StringBuilder quoted = new StringBuilder();
            quote(s, quoted);
            writer.jsonValue(quoted.toString());
        } else if (value instanceof Boolean b) {
            writer.value(b);
        } else if (value instanceof JsonNumber || value instanceof Integer || value instanceof Long) {
            writer.jsonValue(value.toString());
        } else if (value instanceof Map<?, ?> map) {
            Map<String, Object> sorted = new TreeMap<>();
            map.forEach((k, v) -> sorted.put((String) k, v));
            writer.beginObject();
            for (Map.Entry<String, Object> e : sorted.entrySet()) {
                writer.name(e.getKey());
                write(e.getValue(), writer);
            }
            writer.endObject();
        } else if (value instanceof List<?> list) {
            writer.beginArray();
            for (Object item : list) {
                write(item, writer);
            }
            writer.endArray();
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
}

package io.github.apricotcourse.kernel;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A cell cut into what the kernel runs in order: Java code, and line magics such as
 * {@code %maven org.ejml:ejml-simple:0.46.1} (IJava's syntax: a line starting with {@code %}
 * and a name, then arguments separated by blanks, "quoted" when they hold blanks).
 */
public final class CellParts {

    /** A part of a cell. */
    public sealed interface Part permits Code, Magic {
    }

    /**
     * Java source.
     *
     * @param source     the code
     * @param lineOffset how many cell lines come before it
     */
    public record Code(String source, int lineOffset) implements Part {
    }

    /**
     * A line magic.
     *
     * @param name the name after {@code %}
     * @param args the arguments
     * @param line the cell line (1-based) it is on
     */
    public record Magic(String name, List<String> args, int line) implements Part {
        public Magic {
            args = List.copyOf(args);
        }
    }

    private static final Pattern LINE_MAGIC = Pattern.compile("^[ \\t]*%([A-Za-z_][\\w-]*)(.*)$");
    private static final Pattern CELL_MAGIC = Pattern.compile("^\\s*%%([A-Za-z_][\\w-]*)");

    private CellParts() {
    }

    /**
     * The parts of {@code cell}, in order.
     *
     * @throws CellError for a cell magic ({@code %%name}), which this kernel does not have, or an
     *                   argument with an unclosed quote
     */
    public static List<Part> of(String cell) throws CellError {
        Matcher cellMagic = CELL_MAGIC.matcher(cell);
        if (cellMagic.find()) {
            throw new CellError("Unknown cell magic %%" + cellMagic.group(1) + ". Fix: this kernel has only the "
                    + "line magics " + LineMagics.NAMES + "; write them on their own line with a single %.");
        }
        List<Part> parts = new ArrayList<>();
        String[] lines = cell.split("\n", -1);
        StringBuilder code = new StringBuilder();
        int codeStart = 0;
        for (int i = 0; i < lines.length; i++) {
            Matcher m = LINE_MAGIC.matcher(lines[i]);
            if (m.matches()) {
                addCode(parts, code, codeStart);
                parts.add(new Magic(m.group(1), splitArgs(m.group(2), i + 1), i + 1));
                codeStart = i + 1;
            } else {
                code.append(lines[i]).append('\n');
            }
        }
        addCode(parts, code, codeStart);
        return parts;
    }

    private static void addCode(List<Part> parts, StringBuilder code, int lineOffset) {
        if (!code.toString().isBlank()) {
            parts.add(new Code(code.toString(), lineOffset));
        }
        code.setLength(0);
    }

    /** Blank-separated arguments; "double" or 'single' quotes keep blanks inside one argument. */
    static List<String> splitArgs(String text, int line) throws CellError {
        List<String> args = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        char quote = 0;
        boolean inArg = false;
        for (char c : text.toCharArray()) {
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    current.append(c);
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
                inArg = true;
            } else if (Character.isWhitespace(c)) {
                if (inArg) {
                    args.add(current.toString());
                    current.setLength(0);
                    inArg = false;
                }
            } else {
                current.append(c);
                inArg = true;
            }
        }
        if (quote != 0) {
            throw new CellError("Unclosed " + quote + " in the magic on cell line " + line + ". Fix: close the quote.");
        }
        if (inArg) {
            args.add(current.toString());
        }
        return args;
    }
}

package io.github.apricotcourse.check;

import io.github.apricotcourse.check.JavaSource.Code;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The library names an exercise's solution may not use: its twin, which a later cell reveals
 * ({@code Sigmoid.sigma} for the student's {@code sigmoid}). A name is a class ({@code SgnsLoss}:
 * any use of the class) or a class and member ({@code Sigmoid.sigma}, called or referenced with
 * {@code ::}). Names are found in the code alone, never in comments or strings
 * ({@link JavaSource#codeOnly}), in the solution and in every method or class of the notebook
 * that it calls or uses, however deep ({@link #reach}). The instructor lists them in the solution
 * cell's metadata ({@code metadata.apricot.forbidden}) and in the check cell's first line,
 * {@code Check.forbid("sigmoid", "Sigmoid.sigma")}; {@link Check#forbid} and the grader both ask
 * here. Every method takes the code alone ({@link Code}), which the caller makes once per cell.
 */
public final class ForbiddenNames {
    private static final Pattern NAME = Pattern.compile("[A-Za-z_$][\\w$]*(\\.[A-Za-z_$][\\w$]*)?");
    /** An identifier, not the tail of a longer word or of a number such as 1e5. */
    private static final Pattern IDENTIFIER = Pattern.compile("(?<![\\w$])[A-Za-z_$][\\w$]*");

    private ForbiddenNames() {}

    /** True if {@code name} is a class ({@code SgnsLoss}) or a class and member ({@code Sigmoid.sigma}). */
    public static boolean isValid(String name) {
        return name != null && NAME.matcher(name).matches();
    }

    /** The forbidden names the code uses, in the order given. */
    public static List<String> used(Code code, List<String> forbidden) {
        List<String> used = new ArrayList<>();
        for (String name : forbidden) {
            if (!isValid(name)) {
                throw new IllegalArgumentException("\"" + name + "\" is not a library name to forbid; write a class (SgnsLoss) "
                        + "or a class and member (Sigmoid.sigma)");
            }
            if (use(name).matcher(code.text()).find()) {
                used.add(name);
            }
        }
        return used;
    }

    /**
     * How the code of {@code name} (its {@code sources}) reaches a forbidden name, following the
     * notebook's own methods and classes: empty if it does not; {@code [SgnsLoss.of]} if it uses it
     * itself; {@code [myGrad, SgnsLoss.of]} if it calls a method {@code myGrad} whose code uses it;
     * and so on, the shortest way found first. A helper is followed where the code calls it by its
     * bare name ({@code myGrad(…)}) or names its class ({@code Grads.of(…)}, {@code new Grads()});
     * {@code declarationsOf} gives the sources of the methods and classes of a name that the
     * notebook declares (the kernel's record of its cells, or the student's cells as the grader
     * reads them), and what else it gives (a variable's declaration) is not followed.
     */
    public static List<String> reach(String name, List<Code> sources, List<String> forbidden,
            Function<String, List<Code>> declarationsOf) {
        Set<String> followed = new HashSet<>(Set.of(name));
        Map<String, List<Code>> declared = new HashMap<>();   // each name looked up once
        Deque<Helper> todo = new ArrayDeque<>();
        todo.add(new Helper(name, sources, List.of()));
        while (!todo.isEmpty()) {
            Helper h = todo.poll();
            for (Code source : h.sources()) {
                List<String> used = used(source, forbidden);
                if (!used.isEmpty()) {
                    List<String> chain = new ArrayList<>(h.way());
                    chain.add(used.get(0));
                    return chain;
                }
            }
            for (Code source : h.sources()) {
                for (Map.Entry<String, Use> callee : namesUsed(source).entrySet()) {
                    if (followed.contains(callee.getKey())) {
                        continue;
                    }
                    Use use = callee.getValue();
                    List<Code> found = new ArrayList<>();
                    for (Code s : declared.computeIfAbsent(callee.getKey(), declarationsOf)) {
                        if (use.called() && declaresMethod(s, callee.getKey()) || use.named() && declaresClass(s, callee.getKey())) {
                            found.add(s);
                        }
                    }
                    if (!found.isEmpty()) {
                        List<String> way = new ArrayList<>(h.way());
                        way.add(callee.getKey());
                        followed.add(callee.getKey());
                        todo.add(new Helper(callee.getKey(), found, way));
                    }
                }
            }
        }
        return List.of();
    }

    /** A method or class of the notebook's, its sources, and the helpers that lead to it. */
    private record Helper(String name, List<Code> sources, List<String> way) {}

    /** How a bare name is used: called as a method ({@code f(…)}), or otherwise (it may name a class). */
    private record Use(boolean called, boolean named) {
        Use and(Use other) {
            return new Use(called || other.called, named || other.named);
        }
    }

    /**
     * The bare names the code uses, in order: called ({@code f(…)}) or named otherwise, as a class
     * is ({@code Grads.of}, {@code new Grads()}, {@code Grads g}). Names after a dot or {@code ::}
     * are members of something else, and are left out.
     */
    private static Map<String, Use> namesUsed(Code source) {
        String code = source.text();
        Map<String, Use> names = new LinkedHashMap<>();
        Matcher m = IDENTIFIER.matcher(code);
        String previousWord = "";
        while (m.find()) {
            char before = previous(code, m.start());
            if (before != '.' && before != ':') {
                boolean called = next(code, m.end()) == '(' && !previousWord.equals("new");
                names.merge(m.group(), new Use(called, !called), Use::and);
            }
            previousWord = m.group();
        }
        return names;
    }

    private static char previous(String code, int i) {
        while (--i >= 0) {
            if (!Character.isWhitespace(code.charAt(i))) {
                return code.charAt(i);
            }
        }
        return ' ';
    }

    private static char next(String code, int i) {
        for (; i < code.length(); i++) {
            if (!Character.isWhitespace(code.charAt(i))) {
                return code.charAt(i);
            }
        }
        return ' ';
    }

    /**
     * True if the code declares {@code name}: a method with a body ({@code double sigmoid(double x) {})
     * or a class, record, interface or enum of that name. The grader looks for library twins in the
     * exercise's cell and in every cell that declares the exercise's name again.
     */
    public static boolean declares(Code code, String name) {
        return declaresMethod(code, name) || declaresClass(code, name);
    }

    private static boolean declaresMethod(Code code, String name) {
        return method(name).matcher(code.text()).find();
    }

    private static boolean declaresClass(Code code, String name) {
        return type(name).matcher(code.text()).find();
    }

    /**
     * The declarations of {@code name} in these cells: each method of that name with its body, each
     * class, record, interface or enum with its body. What the grader gives {@link #reach} as a
     * notebook's helpers.
     */
    public static List<Code> declarations(List<Code> cells, String name) {
        List<Code> found = new ArrayList<>();
        for (Code cell : cells) {
            String code = cell.text();
            for (Pattern p : List.of(method(name), type(name))) {
                Matcher m = p.matcher(code);
                while (m.find()) {
                    int open = code.indexOf('{', m.end() - 1);
                    found.add(cell.part(start(code, m.start()), open < 0 ? code.length() : closing(code, open)));
                }
            }
        }
        return found;
    }

    /** Where the declaration found at {@code at} begins: after the statement, block or line before it. */
    private static int start(String code, int at) {
        int start = 0;
        for (char c : new char[] {';', '{', '}', '\n'}) {
            start = Math.max(start, code.lastIndexOf(c, at) + 1);
        }
        return start;
    }

    /** Just after the brace that closes the one at {@code open}, or the end of the code if none does. */
    private static int closing(String code, int open) {
        int depth = 0;
        for (int i = open; i < code.length(); i++) {
            char c = code.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return i + 1;
            }
        }
        return code.length();
    }

    /** A method of that name with a body, up to its opening brace. */
    private static Pattern method(String name) {
        return Pattern.compile("[\\w$>\\]]\\s+" + Pattern.quote(name) + "\\s*\\([^;{}]*\\)\\s*(throws\\s[^;{}]*)?\\{");
    }

    /** A class, record, interface or enum of that name, up to its name. */
    private static Pattern type(String name) {
        return Pattern.compile("\\b(class|record|interface|enum)\\s+" + Pattern.quote(name) + "(?![\\w$])");
    }

    /** "uses Sigmoid.sigma, the library's twin; write it yourself": why a solution scores 0. */
    public static String message(String used) {
        return "uses " + used + ", the library's twin; write it yourself";
    }

    /**
     * Why a solution scores 0, for a way {@link #reach} found: "uses Sigmoid.sigma, the library's
     * twin; write it yourself", or through helpers "uses helper myGrad, which calls SgnsLoss.of,
     * the library's twin; write it yourself".
     */
    public static String message(List<String> chain) {
        if (chain.size() == 1) {
            return message(chain.get(0));
        }
        StringBuilder sb = new StringBuilder("uses helper " + chain.get(0));
        for (int i = 1; i < chain.size() - 1; i++) {
            sb.append(", which uses helper ").append(chain.get(i));
        }
        String twin = chain.get(chain.size() - 1);
        return sb.append(", which ").append(twin.contains(".") ? "calls " : "uses ").append(twin)
                .append(", the library's twin; write it yourself").toString();
    }

    private static Pattern use(String name) {
        int dot = name.indexOf('.');
        String pattern = dot < 0 ? Pattern.quote(name)
                : Pattern.quote(name.substring(0, dot)) + "\\s*(\\.|::)\\s*" + Pattern.quote(name.substring(dot + 1));
        return Pattern.compile("(?<![\\w$])" + pattern + "(?![\\w$])");
    }
}

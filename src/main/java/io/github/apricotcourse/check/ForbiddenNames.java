package io.github.apricotcourse.check;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The library names an exercise's solution may not use: its twin, which a later cell reveals
 * ({@code Sigmoid.sigma} for the student's {@code sigmoid}). A name is a class ({@code SgnsLoss}:
 * any use of the class) or a class and member ({@code Sigmoid.sigma}, called or referenced with
 * {@code ::}). Names are found in the code alone, never in comments or strings
 * ({@link JavaSource#codeOnly}). The instructor lists them in the solution cell's metadata
 * ({@code metadata.apricot.forbidden}) and in the check cell's first line,
 * {@code Check.forbid("sigmoid", "Sigmoid.sigma")}; {@link Check#forbid} and the grader both ask
 * here.
 */
public final class ForbiddenNames {
    private static final Pattern NAME = Pattern.compile("[A-Za-z_$][\\w$]*(\\.[A-Za-z_$][\\w$]*)?");

    private ForbiddenNames() {}

    /** True if {@code name} is a class ({@code SgnsLoss}) or a class and member ({@code Sigmoid.sigma}). */
    public static boolean isValid(String name) {
        return name != null && NAME.matcher(name).matches();
    }

    /** The forbidden names the code uses, in the order given. */
    public static List<String> used(String source, List<String> forbidden) {
        String code = JavaSource.codeOnly(source);
        List<String> used = new ArrayList<>();
        for (String name : forbidden) {
            if (!isValid(name)) {
                throw new IllegalArgumentException("\"" + name + "\" is not a library name to forbid; write a class (SgnsLoss) "
                        + "or a class and member (Sigmoid.sigma)");
            }
            if (use(name).matcher(code).find()) {
                used.add(name);
            }
        }
        return used;
    }

    /**
     * True if the code declares {@code name}: a method with a body ({@code double sigmoid(double x) {})
     * or a class, record, interface or enum of that name. The grader looks for library twins in the
     * exercise's cell and in every cell that declares the exercise's name again.
     */
    public static boolean declares(String source, String name) {
        String n = Pattern.quote(name);
        return Pattern.compile("[\\w$>\\]]\\s+" + n + "\\s*\\([^;{}]*\\)\\s*(throws\\s[^;{}]*)?\\{"
                + "|\\b(class|record|interface|enum)\\s+" + n + "(?![\\w$])").matcher(JavaSource.codeOnly(source)).find();
    }

    /** "uses Sigmoid.sigma, the library's twin; write it yourself": why a solution scores 0. */
    public static String message(String used) {
        return "uses " + used + ", the library's twin; write it yourself";
    }

    private static Pattern use(String name) {
        int dot = name.indexOf('.');
        String pattern = dot < 0 ? Pattern.quote(name)
                : Pattern.quote(name.substring(0, dot)) + "\\s*(\\.|::)\\s*" + Pattern.quote(name.substring(dot + 1));
        return Pattern.compile("(?<![\\w$])" + pattern + "(?![\\w$])");
    }
}

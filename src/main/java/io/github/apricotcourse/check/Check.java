package io.github.apricotcourse.check;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Always-on checks for notebook exercises. A passing check prints one short line
 * ({@code ✔ sigmoid(0) = 0.5}); a failing one throws {@link CheckFailure} whose message says what
 * was expected, what came out, the tolerance and, for vectors, the first index that differs.
 * Numbers agree when |actual − expected| ≤ tolerance.
 */
public final class Check {
    private Check() {}

    /** Passes when |actual − expected| ≤ tolerance. */
    public static void close(String what, double expected, double actual, double tolerance) {
        if (!(Math.abs(actual - expected) <= tolerance)) {
            throw failure(what, String.format(Locale.ROOT, "expected %s (± %s), got %s%s", num(expected), num(tolerance), num(actual),
                    Double.isNaN(actual) ? " — NaN usually means 0/0, ∞ − ∞ or log of a negative number"
                            : String.format(Locale.ROOT, " (off by %s)", num(Math.abs(actual - expected)))));
        }
        pass(what + " = " + num(actual));
    }

    /** Passes when both vectors have the same length and every entry is within tolerance. */
    public static void close(String what, double[] expected, double[] actual, double tolerance) {
        if (actual == null) {
            throw failure(what, "got null instead of a vector of " + expected.length + " numbers — did you return the result?");
        }
        if (actual.length != expected.length) {
            throw failure(what, "expected a vector of " + expected.length + " numbers, got " + actual.length);
        }
        for (int i = 0; i < expected.length; i++) {
            if (!(Math.abs(actual[i] - expected[i]) <= tolerance)) {
                throw failure(what, String.format(Locale.ROOT, "vectors differ first at index %d: expected %s, got %s (tolerance %s)%n"
                        + "  expected %s%n  got      %s", i, num(expected[i]), num(actual[i]), num(tolerance),
                        preview(expected), preview(actual)));
            }
        }
        pass(what + " (" + expected.length + " entries within " + num(tolerance) + ")");
    }

    /** Passes when the two values are equal. */
    public static void equal(String what, Object expected, Object actual) {
        if (!Objects.equals(expected, actual)) {
            throw failure(what, "expected " + expected + ", got " + actual);
        }
        pass(what + " = " + actual);
    }

    /** Passes when the condition holds; otherwise fails with the explanation. */
    public static void that(String what, boolean condition, String explanationIfFalse) {
        if (!condition) {
            throw failure(what, explanationIfFalse);
        }
        pass(what);
    }

    /** Passes when running the code throws an exception of the given type. */
    public static void throwsException(String what, Class<? extends Throwable> type, Runnable code) {
        try {
            code.run();
        } catch (Throwable t) {
            if (type.isInstance(t)) {
                pass(what + " (" + type.getSimpleName() + ")");
                return;
            }
            throw failure(what, "expected " + type.getSimpleName() + ", got " + t.getClass().getSimpleName() + ": " + t.getMessage());
        }
        throw failure(what, "expected " + type.getSimpleName() + ", but nothing was thrown");
    }

    /**
     * Runs the student's computation and fails clearly if it is not implemented yet or throws: the
     * failure names the check ({@code what}), the exception with its message, and what it usually
     * means with its fix ({@link #meaning}): {@code ✘ an empty window: threw
     * ArrayIndexOutOfBoundsException (Index 0 out of bounds for length 0): an index outside an
     * array, list or string (an empty one has no element 0). Fix: …}. The exception is the
     * failure's cause, so its lines in the student's code show under it.
     */
    public static <T> T result(String what, Supplier<T> computation) {
        try {
            return computation.get();
        } catch (UnsupportedOperationException e) {
            throw failure(what, "not implemented yet — " + e.getMessage());   // recorded, so Score.soFar() counts it
        } catch (RuntimeException e) {
            String name = e.getClass().getSimpleName();
            String message = e.getMessage() == null || e.getMessage().isBlank() ? "" : " (" + e.getMessage() + ")";
            CheckFailure failure = failure(what, "threw " + name + message + ": " + meaning(name));
            failure.initCause(e);
            throw failure;
        }
    }

    /**
     * What an exception that a student's code threw usually means, and its fix, from the simple
     * name of its class alone ({@code ArrayIndexOutOfBoundsException}): "an index outside an array,
     * list or string (an empty one has no element 0). Fix: …". The grader gives it with a hidden
     * test's name, where nothing the student's code wrote may be quoted.
     */
    public static String meaning(String exception) {
        if (exception.endsWith("IndexOutOfBoundsException")) {
            return "an index outside an array, list or string (an empty one has no element 0). Fix: keep indices in "
                    + "0 … length − 1 and make it work for inputs of one element and of none";
        }
        return switch (exception) {
            case "NullPointerException" -> "a value was null (a key missing from a map? an array row never filled?). "
                    + "Fix: check where it comes from";
            case "ArithmeticException" -> "an integer divided by zero? Fix: handle a count of 0 (an empty input), or "
                    + "divide as double";
            case "NoSuchElementException" -> "an element taken from an empty collection, iterator or stream. Fix: "
                    + "handle the empty case first";
            default -> "Fix: make it handle this input; in the notebook, the lines under 'Caused by' show where it threw";
        };
    }

    /**
     * Passes when the code that defined {@code name} (the student's method or class, as its cell
     * declared it) uses none of the {@code forbidden} library names ({@link ForbiddenNames}), not
     * even through the notebook's other methods and classes that it calls: the first line of an
     * exercise's check, {@code Check.forbid("sigmoid", "Sigmoid.sigma")}. Fails with
     * "✘ sigmoid: uses Sigmoid.sigma, the library's twin; write it yourself", or "✘ gradW: uses
     * helper myGrad, which calls SgnsLoss.of, …", as {@code apricot grade} does. On a kernel that
     * does not record cell sources ({@link Definitions}), it says it cannot check and does not fail.
     */
    public static void forbid(String name, String... forbidden) {
        if (name == null || name.isBlank() || forbidden == null || forbidden.length == 0) {
            throw new IllegalArgumentException("Check.forbid needs the student's method or class name and at least one library "
                    + "name, e.g. Check.forbid(\"sigmoid\", \"Sigmoid.sigma\")");
        }
        List<String> names = List.of(forbidden);
        Optional<List<String>> sources = Definitions.sourcesOf(name);
        if (sources.isEmpty()) {
            System.out.println("ℹ " + name + ": this kernel does not record cell sources, so whether it uses "
                    + String.join(", ", names) + " is not checked here (apricot grade checks it)");
            return;
        }
        if (sources.get().isEmpty()) {
            throw failure(name, "nothing named " + name + " is defined yet; run the cell that defines it first");
        }
        List<String> chain = ForbiddenNames.reach(name, codeOf(sources.get()), names,
                n -> codeOf(Definitions.sourcesOf(n).orElse(List.of())));
        if (!chain.isEmpty()) {
            throw failure(name, ForbiddenNames.message(chain));
        }
        pass(name + ": your own code (it uses none of " + String.join(", ", names) + ")");
    }

    /** The sources the kernel recorded, each as code alone, made once for {@link ForbiddenNames#reach}. */
    private static List<JavaSource.Code> codeOf(List<String> sources) {
        return sources.stream().map(JavaSource.Code::of).toList();
    }

    /** Prints one pass line. */
    static void pass(String line) {
        Score.record(name(line), true, "");
        System.out.println("✔ " + line);
    }

    /** Records a failed check and returns its failure, for the caller to throw. */
    static CheckFailure failure(String what, String message) {
        Score.record(what, false, message);
        return new CheckFailure("✘ " + what + ": " + message);
    }

    /** The check's name: its pass line up to " = ", " (" or ":". */
    private static String name(String line) {
        int end = line.length();
        for (String sep : new String[] {" = ", " (", ":"}) {
            int i = line.indexOf(sep);
            if (i > 0 && i < end) {
                end = i;
            }
        }
        return line.substring(0, end);
    }

    /** A number with up to 6 significant digits and no trailing zeros: 0.5, 3.5, 1e-06, NaN. */
    static String num(double x) {
        if (x == Math.rint(x) && Math.abs(x) < 1e15) {
            return String.format(Locale.ROOT, "%.1f", x);
        }
        String s = String.format(Locale.ROOT, "%.6g", x);
        int e = s.indexOf('e');
        String mantissa = e < 0 ? s : s.substring(0, e);
        if (mantissa.contains(".")) {
            mantissa = mantissa.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return e < 0 ? mantissa : mantissa + s.substring(e);
    }

    private static String preview(double[] v) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < Math.min(v.length, 6); i++) {
            sb.append(i == 0 ? "" : ", ").append(num(v[i]));
        }
        return sb.append(v.length > 6 ? ", …]" : "]").toString();
    }
}

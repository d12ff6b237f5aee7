package io.github.apricotcourse.check;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CheckTest {
    @Test
    void passingCheckPrintsOneLine() {
        PrintStream old = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            Check.close("sigmoid(0)", 0.5, 0.5000001, 1e-6);
        } finally {
            System.setOut(old);
        }
        assertEquals("✔ sigmoid(0) = 0.5\n", buf.toString(StandardCharsets.UTF_8));
    }

    @Test
    void failureSaysExpectedActualAndTolerance() {
        var e = assertThrows(CheckFailure.class, () -> Check.close("sigmoid(0)", 0.5, 0.7310585786, 1e-6));
        assertTrue(e.getMessage().contains("✘ sigmoid(0): expected 0.5 (± 1e-06), got 0.731059 (off by 0.231059)"),
                e.getMessage());
        var nan = assertThrows(CheckFailure.class, () -> Check.close("loss", 1, Double.NaN, 1e-6));
        assertTrue(nan.getMessage().contains("got NaN"), nan.getMessage());
    }

    @Test
    void vectorFailureNamesFirstDifferingIndex() {
        var e = assertThrows(CheckFailure.class,
                () -> Check.close("gradient", new double[] {1, 2, 3, 4}, new double[] {1, 2, 3.5, 5}, 1e-6));
        assertTrue(e.getMessage().contains("vectors differ first at index 2: expected 3.0, got 3.5 (tolerance 1e-06)"),
                e.getMessage());
        var len = assertThrows(CheckFailure.class, () -> Check.close("g", new double[2], new double[3], 0));
        assertTrue(len.getMessage().contains("expected a vector of 2 numbers, got 3"));
        var nul = assertThrows(CheckFailure.class, () -> Check.close("g", new double[2], null, 0));
        assertTrue(nul.getMessage().contains("got null"));
    }

    @Test
    void otherChecks() {
        assertDoesNotThrow(() -> Check.equal("word", "jam", "jam"));
        assertTrue(assertThrows(CheckFailure.class, () -> Check.equal("word", "jam", "pinch")).getMessage()
                .contains("expected jam, got pinch"));
        assertTrue(assertThrows(CheckFailure.class, () -> Check.that("loss falls", false, "it rose")).getMessage()
                .contains("✘ loss falls: it rose"));
        assertDoesNotThrow(() -> Check.throwsException("bad η", IllegalArgumentException.class,
                () -> { throw new IllegalArgumentException("x"); }));
        assertTrue(assertThrows(CheckFailure.class, () -> Check.throwsException("bad η", IllegalArgumentException.class, () -> { }))
                .getMessage().contains("nothing was thrown"));
        assertTrue(assertThrows(CheckFailure.class, () -> Check.result("sigmoid", () -> {
            throw new UnsupportedOperationException("implement sigmoid(x)");
        })).getMessage().contains("not implemented yet — implement sigmoid(x)"));
    }

    @Test
    void resultSaysWhatAThrowingComputationMeansAndKeepsItAsTheCause() {
        Score.reset();
        double[][] none = new double[0][];
        var empty = assertThrows(CheckFailure.class, () -> Check.result("an empty window", () -> none[0][0]));
        assertEquals("✘ an empty window: threw ArrayIndexOutOfBoundsException (Index 0 out of bounds for length 0): an index "
                + "outside an array, list or string (an empty one has no element 0). Fix: keep indices in 0 … length − 1 and "
                + "make it work for inputs of one element and of none", empty.getMessage());
        assertInstanceOf(ArrayIndexOutOfBoundsException.class, empty.getCause());
        var npe = assertThrows(CheckFailure.class, () -> Check.result("a missing key", () -> Map.<String, double[]>of().get("x").length));
        assertTrue(npe.getMessage().startsWith("✘ a missing key: threw NullPointerException") && npe.getMessage().contains("Fix:"),
                npe.getMessage());
        var other = assertThrows(CheckFailure.class, () -> Check.result("f", () -> {
            throw new IllegalStateException();
        }));
        assertEquals("✘ f: threw IllegalStateException: Fix: make it handle this input; in the notebook, the lines under "
                + "'Caused by' show where it threw", other.getMessage());
        var check = new CheckFailure("✘ inner: expected 1, got 2");
        assertSame(check, assertThrows(CheckFailure.class, () -> Check.result("f", () -> {
            throw check;
        })), "a failed check inside the computation is its own failure");
        assertEquals("Score so far: 0 of 3 checks passed", Score.soFar().name(), "each throw counts as a failed check");
        Score.reset();
    }

    @Test
    void gradientCheckReportsWorstEntriesAndRejectsZeros() {
        double[] x = {1, 2, 3};
        GradientCheck ok = GradientCheck.of("x²", v -> v[0] * v[0] + v[1] * v[1] + v[2] * v[2], x, new double[] {2, 4, 6});
        assertTrue(ok.maxRelativeError() < 1e-8);
        assertDoesNotThrow(() -> ok.passes(1e-6));
        assertEquals(3, ok.table(3).rowCount());

        GradientCheck wrong = GradientCheck.of("x²", v -> v[0] * v[0] + v[1] * v[1] + v[2] * v[2], x, new double[] {2, 4, 3});
        assertEquals(2, wrong.worst(1).get(0).index());
        var e = assertThrows(CheckFailure.class, () -> wrong.passes(1e-6));
        assertTrue(e.getMessage().contains("[2] analytic 3.0000000, numeric 6.0000000"), e.getMessage());

        var z = assertThrows(CheckFailure.class,
                () -> GradientCheck.of("f", v -> v[0] * v[0], new double[] {1}, new double[] {0}).passes(1));
        assertTrue(z.getMessage().contains("all zeros") && z.getMessage().contains("implemented"), z.getMessage());
    }

    @Test
    void scoreKeepsTheLastResultOfEachCheck() {
        Score.reset();
        Check.close("sigma(0)", 0.5, 0.5, 0);
        assertThrows(CheckFailure.class, () -> Check.close("loss", 1, 2, 0));
        assertEquals(1, Score.passed());
        assertEquals(2, Score.total());
        Check.close("loss", 1, 1, 0);
        assertEquals(2, Score.passed());
        assertEquals("Score so far: 2 of 2 checks passed", Score.soFar().name());
        assertEquals(java.util.List.of("sigma(0)", "loss"), Score.soFar().stringColumn("check").asList());
        assertThrows(CheckFailure.class, () -> Check.result("sigmoid", () -> {
            throw new UnsupportedOperationException("implement sigmoid(x)");
        }));
        assertEquals("Score so far: 2 of 3 checks passed", Score.soFar().name(), "an exercise not implemented yet counts as failed");
        Score.reset();
    }

    @Test
    void forbidReadsTheSourceThatDefinedTheNameAndNamesTheTwinItUses() {
        Map<String, List<String>> cells = new HashMap<>();
        java.util.function.Function<String, List<String>> lookup = name -> cells.getOrDefault(name, List.of());
        var kernels = Definitions.install(lookup);
        try {
            cells.put("sigmoid", List.of("static double sigmoid(double x) { return Sigmoid.sigma(x); }"));
            var e = assertThrows(CheckFailure.class, () -> Check.forbid("sigmoid", "Sigmoid.sigma", "Sigmoid.logSigma"));
            assertEquals("✘ sigmoid: uses Sigmoid.sigma, the library's twin; write it yourself", e.getMessage());

            cells.put("sigmoid", List.of("static double sigmoid(double x) { return 1 / (1 + Math.exp(-x)); } // Sigmoid.sigma"));
            assertDoesNotThrow(() -> Check.forbid("sigmoid", "Sigmoid.sigma", "Sigmoid.logSigma"));

            // Through the notebook's own methods, however deep; a variable of that name is not followed.
            cells.put("gradW", List.of("static double[] gradW(double[] w) { return outer(w); }"));
            cells.put("outer", List.of("double[] outer = null;", "static double[] outer(double[] w) { return myGrad(w, w); }"));
            cells.put("myGrad", List.of("static double[] myGrad(double[] w, double[] c) { return SgnsLoss.of(w, c).gradW(); }"));
            var helper = assertThrows(CheckFailure.class, () -> Check.forbid("gradW", "SgnsLoss.of"));
            assertEquals("✘ gradW: uses helper outer, which uses helper myGrad, which calls SgnsLoss.of, the library's twin; "
                    + "write it yourself", helper.getMessage());
            cells.put("myGrad", List.of("double[] myGrad = SgnsLoss.of(new double[1], new double[1]).gradW();"));
            assertDoesNotThrow(() -> Check.forbid("gradW", "SgnsLoss.of"));

            var undefined = assertThrows(CheckFailure.class, () -> Check.forbid("loss", "SgnsLoss"));
            assertTrue(undefined.getMessage().contains("nothing named loss is defined yet"), undefined.getMessage());
        } finally {
            Definitions.restore(lookup, kernels);
        }
    }

    @Test
    void forbidOnAKernelThatRecordsNoSourcesSaysSoAndDoesNotFail() {
        java.util.function.Function<String, List<String>> none = name -> List.of();
        var kernels = Definitions.install(none);
        Definitions.restore(none, null);
        PrintStream old = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            assertDoesNotThrow(() -> Check.forbid("sigmoid", "Sigmoid.sigma"));
        } finally {
            System.setOut(old);
            if (kernels != null) {
                Definitions.install(kernels);
            }
        }
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("is not checked here (apricot grade checks it)"), out.toString());
        assertThrows(IllegalArgumentException.class, () -> Check.forbid("sigmoid"));
    }

    @Test
    void theTallyTravelsAsOneLineOfJsonAndBackAsTheSameRecord() {
        Tally before = Score.tally();
        Check.close("tally", 1, 1, 0);
        assertThrows(CheckFailure.class, () -> Check.close("tally", 1, 2, 0));
        Tally ran = Score.tally().since(before);
        assertEquals(new Tally(1, 1), ran);
        assertEquals("{\"passed\":1,\"failed\":1}", ran.toJson());
        assertEquals(ran, Tally.fromJson(ran.toJson()));
        for (String junk : new String[] {"", "passed=1 failed=0", "{\"passed\":1}", "{\"passed\":1,\"failed\":-2}", "[1, 0]"}) {
            var e = assertThrows(IllegalArgumentException.class, () -> Tally.fromJson(junk), junk);
            assertTrue(e.getMessage().contains(junk.isEmpty() ? "empty" : junk), e.getMessage());
        }
    }
}

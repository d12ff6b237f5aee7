package io.github.apricotcourse.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.apricotcourse.check.JavaSource.Code;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ForbiddenNamesTest {
    private static final List<String> SIGMA = List.of("Sigmoid.sigma", "SgnsLoss");

    private static Code code(String source) {
        return Code.of(source);
    }

    private static List<Code> codes(String... sources) {
        return Stream.of(sources).map(Code::of).toList();
    }

    private static Map<String, List<Code>> codes(Map<String, List<String>> sources) {
        Map<String, List<Code>> out = new HashMap<>();
        sources.forEach((name, list) -> out.put(name, codes(list.toArray(String[]::new))));
        return out;
    }

    @Test
    void findsCallsReferencesAndClassUsesInCodeOnly() {
        assertEquals(List.of("Sigmoid.sigma"), ForbiddenNames.used(code("return Sigmoid.sigma(x);"), SIGMA));
        assertEquals(List.of("Sigmoid.sigma"), ForbiddenNames.used(code("DoubleUnaryOperator f = Sigmoid :: sigma;"), SIGMA));
        assertEquals(List.of("Sigmoid.sigma"), ForbiddenNames.used(code("io.github.apricotcourse.sgns.Sigmoid\n    .sigma(x)"), SIGMA));
        assertEquals(List.of("Sigmoid.sigma", "SgnsLoss"),
                ForbiddenNames.used(code("double s = Sigmoid.sigma(x); return SgnsLoss.of(w, c, n).loss();"), SIGMA));
        assertEquals(List.of("SgnsLoss"), ForbiddenNames.used(code("var l = new SgnsLoss[1];"), SIGMA));
    }

    @Test
    void commentsStringsAndLookAlikesAreNotUses() {
        assertEquals(List.of(), ForbiddenNames.used(code("""
                // not Sigmoid.sigma(x), that is the library's
                /* SgnsLoss.of */ String s = "Sigmoid.sigma"; char c = '"';
                String block = \"""
                    SgnsLoss
                    \""";
                return MySigmoid.sigma(x) + Sigmoid.sigmaPrime(x) + Sigmoid.logSigma(x) + mySgnsLoss;
                """), SIGMA));
    }

    @Test
    void javaSourceGivesTheSourceBackPieceByPiece() {
        String source = "f(\"a // b\", 'x') // c\n/* d */ g(\"\"\"\n q \"\"\");";
        StringBuilder again = new StringBuilder();
        JavaSource.pieces(source).forEach(p -> again.append(p.text()));
        assertEquals(source, again.toString());
        assertEquals("f( ,  )  \n  g( );", JavaSource.codeOnly(source));
    }

    @Test
    void codeAloneIsMadeOnceAndStaysCodeAlone() {
        // What ForbiddenNames relies on when it reads a Code, or a part of one, without blanking it again.
        String source = "f(\"a // b\", '\"') / /* \" */ g(\"\"\"\n q \"\"\"); // h(\"\n\"x\"";
        String code = Code.of(source).text();
        assertEquals("f( ,  ) /   g( );  \n ", code);
        assertEquals(code, JavaSource.codeOnly(code));
        assertEquals(code, Code.of(source).toString());
    }

    @Test
    void declaresFindsMethodsAndClassesNotCalls() {
        assertTrue(ForbiddenNames.declares(code("static double sigmoid(double x) {\n return 0; }"), "sigmoid"));
        assertTrue(ForbiddenNames.declares(code("double[] sigmoid(double[] x) throws IOException { }"), "sigmoid"));
        assertTrue(ForbiddenNames.declares(code("record Step(double eta) {}"), "Step"));
        assertFalse(ForbiddenNames.declares(code("double y = sigmoid(0.5); print(sigmoid(1)) ;"), "sigmoid"));
        assertFalse(ForbiddenNames.declares(code("// static double sigmoid(double x) {"), "sigmoid"));
    }

    @Test
    void reachFollowsTheNotebooksOwnMethodsAndClassesToATwin() {
        Map<String, List<Code>> notebook = codes(Map.of(
                "myGrad", List.of("static double[] myGrad(double[] w, double[] c) { return SgnsLoss.of(w, c).gradW(); }"),
                "outer", List.of("static double[] outer(double[] w) { return myGrad(w, w); }"),
                "Grads", List.of("record Grads(double[] w) { double[] g() { return SgnsLoss.of(w, w).gradW(); } }"),
                "honest", List.of("static double honest(double x) { return x * x; } // not SgnsLoss.of"),
                "scale", List.of("double[] scale = SgnsLoss.of(new double[1], new double[1]).gradW();")));
        Function<String, List<Code>> lookup = n -> notebook.getOrDefault(n, List.of());
        List<String> twins = List.of("SgnsLoss.of");

        assertEquals(List.of("SgnsLoss.of"), ForbiddenNames.reach("gradW", codes("static double[] gradW() { return SgnsLoss.of(a, b).gradW(); }"),
                twins, lookup), "its own use, as before");
        assertEquals(List.of("myGrad", "SgnsLoss.of"),
                ForbiddenNames.reach("gradW", codes("static double[] gradW(double[] w) { return myGrad (w, w); }"), twins, lookup));
        assertEquals(List.of("outer", "myGrad", "SgnsLoss.of"),
                ForbiddenNames.reach("gradW", codes("static double[] gradW(double[] w) { return outer(w); }"), twins, lookup));
        assertEquals(List.of("Grads", "SgnsLoss.of"),
                ForbiddenNames.reach("gradW", codes("static double[] gradW(double[] w) { return new Grads(w).g(); }"), twins, lookup));
        assertEquals(List.of("myGrad", "SgnsLoss.of"), ForbiddenNames.reach("gradW",
                codes("static double[] gradW(double[] w) { double h = honest(1); return outer(w) == null ? myGrad(w, w) : null; }"),
                twins, lookup), "the shortest way is named");

        // Not followed: a method of an object or class (x.myGrad), a variable, a name in a comment or string, the exercise itself.
        assertEquals(List.of(), ForbiddenNames.reach("gradW", codes("static double[] gradW(double[] w) {\n"
                + "    // myGrad(w, w)\n    String s = \"outer(w)\";\n    double[] scale = w;\n"
                + "    return other.myGrad(w, w) == null ? gradW(honest(scale[0]) > 0 ? w : w) : scale;\n}"), twins, lookup));
    }

    @Test
    void messageNamesTheHelpersOnTheWay() {
        assertEquals("uses Sigmoid.sigma, the library's twin; write it yourself", ForbiddenNames.message(List.of("Sigmoid.sigma")));
        assertEquals("uses helper myGrad, which calls SgnsLoss.of, the library's twin; write it yourself",
                ForbiddenNames.message(List.of("myGrad", "SgnsLoss.of")));
        assertEquals("uses helper outer, which uses helper Grads, which uses SgnsLoss, the library's twin; write it yourself",
                ForbiddenNames.message(List.of("outer", "Grads", "SgnsLoss")));
    }

    @Test
    void declarationsAreEachMethodOrClassOfTheNameWithItsBody() {
        String cell = """
                static double helper(double x) { if (x > 0) { return Sigmoid.sigma(x); } return 0; }
                static double other(double x) { return SgnsLoss.of(null, null).value(); }
                double helper = 3; // static double helper(int y) { SgnsLoss }
                static double helper(int n, String s) throws Exception { return n; }
                """;
        assertEquals(List.of("static double helper(double x) { if (x > 0) { return Sigmoid.sigma(x); } return 0; }",
                "static double helper(int n, String s) throws Exception { return n; }"),
                ForbiddenNames.declarations(List.of(code(cell)), "helper").stream().map(c -> c.text().strip()).toList());
        assertEquals(List.of("class Grads { int[] a = {1}; }"),
                ForbiddenNames.declarations(codes("int x;", "class Grads { int[] a = {1}; } int y;"), "Grads").stream().map(Code::text).toList());
        assertEquals(List.of(), ForbiddenNames.declarations(List.of(code(cell)), "missing"));
    }

    @Test
    void aMalformedNameIsRefusedSayingWhatANameIs() {
        assertFalse(ForbiddenNames.isValid("Sigmoid.sigma(x)"));
        assertFalse(ForbiddenNames.isValid("a.b.c"));
        var e = assertThrows(IllegalArgumentException.class, () -> ForbiddenNames.used(code("x"), List.of("Sigmoid sigma")));
        assertTrue(e.getMessage().contains("a class and member (Sigmoid.sigma)"), e.getMessage());
    }
}

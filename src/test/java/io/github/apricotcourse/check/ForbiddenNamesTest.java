package io.github.apricotcourse.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ForbiddenNamesTest {
    private static final List<String> SIGMA = List.of("Sigmoid.sigma", "SgnsLoss");

    @Test
    void findsCallsReferencesAndClassUsesInCodeOnly() {
        assertEquals(List.of("Sigmoid.sigma"), ForbiddenNames.used("return Sigmoid.sigma(x);", SIGMA));
        assertEquals(List.of("Sigmoid.sigma"), ForbiddenNames.used("DoubleUnaryOperator f = Sigmoid :: sigma;", SIGMA));
        assertEquals(List.of("Sigmoid.sigma"), ForbiddenNames.used("io.github.apricotcourse.sgns.Sigmoid\n    .sigma(x)", SIGMA));
        assertEquals(List.of("Sigmoid.sigma", "SgnsLoss"),
                ForbiddenNames.used("double s = Sigmoid.sigma(x); return SgnsLoss.of(w, c, n).loss();", SIGMA));
        assertEquals(List.of("SgnsLoss"), ForbiddenNames.used("var l = new SgnsLoss[1];", SIGMA));
    }

    @Test
    void commentsStringsAndLookAlikesAreNotUses() {
        assertEquals(List.of(), ForbiddenNames.used("""
                // not Sigmoid.sigma(x), that is the library's
                /* SgnsLoss.of */ String s = "Sigmoid.sigma"; char c = '"';
                String block = \"""
                    SgnsLoss
                    \""";
                return MySigmoid.sigma(x) + Sigmoid.sigmaPrime(x) + Sigmoid.logSigma(x) + mySgnsLoss;
                """, SIGMA));
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
    void declaresFindsMethodsAndClassesNotCalls() {
        assertTrue(ForbiddenNames.declares("static double sigmoid(double x) {\n return 0; }", "sigmoid"));
        assertTrue(ForbiddenNames.declares("double[] sigmoid(double[] x) throws IOException { }", "sigmoid"));
        assertTrue(ForbiddenNames.declares("record Step(double eta) {}", "Step"));
        assertFalse(ForbiddenNames.declares("double y = sigmoid(0.5); print(sigmoid(1)) ;", "sigmoid"));
        assertFalse(ForbiddenNames.declares("// static double sigmoid(double x) {", "sigmoid"));
    }

    @Test
    void aMalformedNameIsRefusedSayingWhatANameIs() {
        assertFalse(ForbiddenNames.isValid("Sigmoid.sigma(x)"));
        assertFalse(ForbiddenNames.isValid("a.b.c"));
        var e = assertThrows(IllegalArgumentException.class, () -> ForbiddenNames.used("x", List.of("Sigmoid sigma")));
        assertTrue(e.getMessage().contains("a class and member (Sigmoid.sigma)"), e.getMessage());
    }
}

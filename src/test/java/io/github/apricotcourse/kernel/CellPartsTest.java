package io.github.apricotcourse.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class CellPartsTest {

    @Test
    void magicsAndCodeKeepTheirOrderAndLines() throws CellError {
        List<CellParts.Part> parts = CellParts.of("%maven org.ejml:ejml-simple:0.46.1\nint x = 1;\nint y = 2;\n  %jars lib/*.jar\nx + y");
        assertEquals(List.of(
                new CellParts.Magic("maven", List.of("org.ejml:ejml-simple:0.46.1"), 1),
                new CellParts.Code("int x = 1;\nint y = 2;\n", 1),
                new CellParts.Magic("jars", List.of("lib/*.jar"), 4),
                new CellParts.Code("x + y\n", 4)), parts);
    }

    @Test
    void moduloAtTheStartOfALineIsCodeNotAMagic() throws CellError {
        List<CellParts.Part> parts = CellParts.of("int r = 7\n    % 3;");
        assertEquals(List.of(new CellParts.Code("int r = 7\n    % 3;\n", 0)), parts);
    }

    @Test
    void quotedArgumentsKeepTheirBlanks() throws CellError {
        assertEquals(List.of("my folder/a.jar", "b.jar", "c d"),
                CellParts.splitArgs(" \"my folder/a.jar\" b.jar 'c d'", 1));
    }

    @Test
    void unclosedQuoteIsReportedWithItsLine() {
        CellError e = assertThrows(CellError.class, () -> CellParts.of("int a;\n%jars \"x.jar"));
        assertTrue(e.getMessage().contains("cell line 2"), e.getMessage());
    }

    @Test
    void cellMagicsAreExplainedNotRun() {
        CellError e = assertThrows(CellError.class, () -> CellParts.of("%%time\nint a = 1;"));
        assertTrue(e.getMessage().startsWith("Unknown cell magic %%time"), e.getMessage());
        assertTrue(e.getMessage().contains("%maven"), e.getMessage());
    }
}

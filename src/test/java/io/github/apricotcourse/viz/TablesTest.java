package io.github.apricotcourse.viz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class TablesTest {
    @Test
    void significantDigits() {
        assertEquals("0.9362", Tables.format(0.936154889733074, 4));
        assertEquals("0.0003933", Tables.format(0.00039325179912698107, 4));
        assertEquals("9.333e-302", Tables.format(9.332636185032189e-302, 4));
        assertEquals("213408", Tables.format(213408, 4));
        assertEquals("12.35", Tables.format(12.3456, 4));
        assertEquals("1", Tables.format(1.0, 4));
        assertEquals("0", Tables.format(0.0, 4));
        assertEquals("-0.25", Tables.format(-0.25, 4));
        assertEquals("NaN", Tables.format(Double.NaN, 4));
    }

    @Test
    void roundedChangesHowColumnsPrintNotTheNumbers() {
        Table t = Table.create("t", StringColumn.create("pair", "apricot – jam"), DoubleColumn.create("cos", 0.936154889733074));
        assertEquals(t, Tables.rounded(t, 3));
        assertEquals("0.936", t.doubleColumn("cos").getString(0));
        assertEquals(0.936154889733074, t.doubleColumn("cos").get(0));
        assertTrue(t.print().contains("0.936 "), t.print());
        assertThrows(IllegalArgumentException.class, () -> Tables.rounded(t, 0));
    }

    @Test
    void rankedListsSideBySideWithBlanksUnderAShorterList() {
        Map<String, List<String>> nearest = Map.of("apricot", List.of("jam", "lemon", "pinch"), "digital", List.of("laptop"));
        Table t = Tables.ranked("Nearest", List.of("apricot", "digital"), nearest::get);
        assertEquals(List.of("rank", "apricot", "digital"), t.columnNames());
        assertEquals(3, t.rowCount());
        assertEquals(3, t.intColumn("rank").get(2));
        assertEquals("lemon", t.stringColumn("apricot").get(1));
        assertEquals("", t.stringColumn("digital").get(1));
        assertEquals("Nearest", t.name());
        var ex = assertThrows(IllegalArgumentException.class, () -> Tables.ranked("x", List.of("a"), List.of(List.of(1), List.of(2))));
        assertTrue(ex.getMessage().contains("1 column names for 2 lists"), ex.getMessage());
    }

    @Test
    void rowsMakeNumberColumnsForNumbersAndTextOtherwise() {
        Map<String, Integer> counts = Map.of("book", 3, "poem", 1);
        Table t = Tables.rows("Counts", List.of("book", "poem"),
                Tables.column("c", c -> c),
                Tables.column("count", counts::get),
                Tables.column("share", c -> counts.get(c) / 4.0));
        assertEquals(List.of("c", "count", "share"), t.columnNames());
        assertEquals("poem", t.stringColumn("c").get(1));
        assertEquals(3, t.intColumn("count").get(0));
        assertEquals(0.25, t.doubleColumn("share").get(1));
        var ex = assertThrows(IllegalArgumentException.class, () -> Tables.rows("x", List.of("a", "b"),
                Tables.column("n", w -> w.equals("a") ? (Object) 1.5 : "none")));
        assertTrue(ex.getMessage().contains("column 'n' gave a number for the first item but 'none'"), ex.getMessage());
    }
}

package io.github.apricotcourse.viz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
}

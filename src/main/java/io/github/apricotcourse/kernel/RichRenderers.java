package io.github.apricotcourse.kernel;

import io.github.apricotcourse.viz.Html;
import io.github.apricotcourse.viz.MimeBundle;
import io.github.apricotcourse.viz.SliderFigure;
import io.github.spencerpark.jupyter.kernel.display.Renderer;
import io.github.spencerpark.jupyter.kernel.display.mime.MIMEType;
import java.util.Map;
import tech.tablesaw.api.Table;
import tech.tablesaw.plotly.components.Figure;

/**
 * Registers Apricot's rich forms ({@link MimeBundle}) with the kernel's renderer: Tablesaw
 * tables as HTML tables, figures and slider figures as offline plotly, {@link Html} as itself.
 */
final class RichRenderers {

    private RichRenderers() {
    }

    static void register(Renderer renderer) {
        for (Class<?> type : new Class<?>[] {Table.class, Figure.class, SliderFigure.class, Html.class}) {
            renderer.createRegistration(type)
                    .preferring(MIMEType.TEXT_HTML)
                    .supporting(MIMEType.TEXT_HTML, MIMEType.TEXT_PLAIN)
                    .register((value, context) -> MimeBundle.of(value).ifPresent(bundle -> {
                        for (Map.Entry<String, String> e : bundle.data().entrySet()) {
                            Object content = e.getValue();
                            context.renderIfRequested(MIMEType.parse(e.getKey()), () -> content);
                        }
                    }));
        }
    }
}

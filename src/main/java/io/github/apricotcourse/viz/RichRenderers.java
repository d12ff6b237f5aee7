package io.github.apricotcourse.viz;

import io.github.spencerpark.jupyter.kernel.display.Renderer;
import io.github.spencerpark.jupyter.kernel.display.mime.MIMEType;
import java.util.Map;
import java.util.Optional;
import tech.tablesaw.api.Table;
import tech.tablesaw.plotly.components.Figure;

/**
 * Registers Apricot's rich forms ({@link MimeBundle}) with a Jupyter kernel's renderer, so that
 * a cell whose last expression is a Tablesaw table shows an HTML table, a figure draws as
 * offline plotly, and an {@link Html} shows as itself, {@code text/html} preferred.
 *
 * <p>The Apricot kernel registers them when it starts. Real IJava runs
 * {@code kernel/ijava-renderers.jsh} (listed by {@code src/bin/apricot ijava-env}), which calls
 * {@link #registerWithIJava()}.
 */
public final class RichRenderers {

    private RichRenderers() {
    }

    /** Registers Tablesaw tables and figures, {@link SliderFigure}s, {@link Explorer}s and {@link Html} with {@code renderer}. */
    public static void register(Renderer renderer) {
        register(renderer, MimeBundle.plotlyMime(System.getenv(MimeBundle.PLOTLY_FORM)));
    }

    /** Registers the rich forms; plain figures as plotly's MIME type if {@code plotlyMime} (see {@link MimeBundle}). */
    static void register(Renderer renderer, boolean plotlyMime) {
        MIMEType plotly = MIMEType.parse(MimeBundle.PLOTLY);
        for (Class<?> type : new Class<?>[] {Table.class, Figure.class, SliderFigure.class, Explorer.class, Html.class}) {
            boolean asPlotly = plotlyMime && type == Figure.class;
            renderer.createRegistration(type)
                    .preferring(asPlotly ? new MIMEType[] {plotly, MIMEType.TEXT_HTML} : new MIMEType[] {MIMEType.TEXT_HTML})
                    .supporting(plotly, MIMEType.TEXT_HTML, MIMEType.TEXT_PLAIN)
                    .register((value, context) -> MimeBundle.of(value, plotlyMime).ifPresent(bundle -> {
                        for (Map.Entry<String, Object> e : bundle.jupyterData().entrySet()) {
                            Object content = e.getValue();
                            context.renderIfRequested(MIMEType.parse(e.getKey()), () -> content);
                        }
                    }));
        }
    }

    /**
     * Registers the rich forms with the renderer of the IJava kernel running this JVM, found by
     * reflection as {@link Display} finds it. Outside IJava (the Apricot kernel, a plain JVM)
     * it does nothing. Returns nothing, so that the start-up script leaves no {@code $1} behind.
     */
    public static void registerWithIJava() {
        Optional<IJavaTarget> ijava = IJavaTarget.find();
        if (ijava.isEmpty()) {
            return;
        }
        Object renderer = ijava.get().renderer();
        if (!(renderer instanceof Renderer r)) {
            throw new IllegalStateException("IJava's renderer (" + renderer.getClass().getName() + " from "
                    + renderer.getClass().getClassLoader() + ") is not the jupyter-jvm-basekernel Renderer the course "
                    + "jars were built against, so tables and figures would show as text. Fix: put the course jars "
                    + "on IJAVA_CLASSPATH (src/bin/apricot ijava-env prints it) rather than inside IJava's own jar.");
        }
        register(r);
    }
}

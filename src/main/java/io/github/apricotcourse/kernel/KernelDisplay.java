package io.github.apricotcourse.kernel;

import io.github.spencerpark.jupyter.kernel.display.DisplayData;

/**
 * IJava's display API, for cells: {@code render}, {@code display} and {@code updateDisplay}
 * with IJava's signatures. The start-up script {@code display.jsh} imports them statically, so
 * notebooks written for IJava run unchanged.
 */
public final class KernelDisplay {

    private KernelDisplay() {
    }

    /** The rich forms of {@code o}, without showing them. */
    public static DisplayData render(Object o) {
        return kernel().getRenderer().render(o);
    }

    /** The forms of {@code o} for the given MIME types, without showing them. */
    public static DisplayData render(Object o, String... as) {
        return kernel().getRenderer().renderAs(o, as);
    }

    /** Shows {@code o} now; returns the id for {@link #updateDisplay}. */
    public static String display(Object o) {
        return kernel().show(kernel().getRenderer().render(o));
    }

    /** Shows {@code o} as the given MIME types now; returns the id for {@link #updateDisplay}. */
    public static String display(Object o, String... as) {
        return kernel().show(kernel().getRenderer().renderAs(o, as));
    }

    /** Replaces the output shown under {@code id} by {@code o}. */
    public static void updateDisplay(String id, Object o) {
        kernel().update(id, kernel().getRenderer().render(o));
    }

    /** Replaces the output shown under {@code id} by {@code o} as the given MIME types. */
    public static void updateDisplay(String id, Object o, String... as) {
        kernel().update(id, kernel().getRenderer().renderAs(o, as));
    }

    private static ApricotKernel kernel() {
        ApricotKernel kernel = ApricotKernel.instance();
        if (kernel == null) {
            throw new IllegalStateException("No Apricot kernel is running in this JVM. display/render/updateDisplay "
                    + "work in a notebook; elsewhere use io.github.apricotcourse.viz.Display, which prints text.");
        }
        return kernel;
    }
}

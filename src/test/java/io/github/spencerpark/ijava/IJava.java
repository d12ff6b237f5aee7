package io.github.spencerpark.ijava;

/**
 * A stand-in for IJava 1.3.0's entry class, which is not on any registry: just the static
 * accessor that {@code viz.Display} and {@code viz.RichRenderers} find by reflection. Null
 * unless a test sets a kernel.
 */
public final class IJava {

    private static volatile JavaKernel kernel;

    private IJava() {
    }

    public static JavaKernel getKernelInstance() {
        return kernel;
    }

    public static void setKernelInstance(JavaKernel k) {
        kernel = k;
    }
}

package io.github.spencerpark.ijava;

import io.github.spencerpark.jupyter.kernel.BaseKernel;

/**
 * A stand-in for IJava 1.3.0's entry class, which is not on any registry: just the static
 * accessor that {@code viz.Display} finds by reflection. Null unless a test sets a kernel.
 */
public final class IJava {

    private static volatile BaseKernel kernel;

    private IJava() {
    }

    public static BaseKernel getKernelInstance() {
        return kernel;
    }

    public static void setKernelInstance(BaseKernel k) {
        kernel = k;
    }
}

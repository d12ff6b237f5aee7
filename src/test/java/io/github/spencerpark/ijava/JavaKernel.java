package io.github.spencerpark.ijava;

import io.github.spencerpark.jupyter.kernel.BaseKernel;
import io.github.spencerpark.jupyter.kernel.LanguageInfo;
import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import java.util.ArrayList;
import java.util.List;

/**
 * A stand-in for IJava 1.3.0's kernel class: it runs no code, but does what IJava does with a
 * cell's value (renders it with its own {@link #getRenderer() renderer}) and records what
 * {@code display} is asked to show.
 */
public class JavaKernel extends BaseKernel {

    public final List<DisplayData> displayed = new ArrayList<>();

    /** What IJava 1.3.0's {@code eval} sends for a cell whose last expression has this value. */
    public DisplayData cellResult(Object value) {
        return value == null ? null : getRenderer().render(value);
    }

    @Override
    public DisplayData eval(String expr) {
        throw new UnsupportedOperationException("The IJava stand-in runs no code: test cellResult(value) instead.");
    }

    @Override
    public LanguageInfo getLanguageInfo() {
        return new LanguageInfo.Builder("Java").build();
    }

    @Override
    public void display(DisplayData data) {
        displayed.add(data);
    }
}

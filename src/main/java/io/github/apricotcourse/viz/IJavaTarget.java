package io.github.apricotcourse.viz;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Shows values in a running IJava kernel (1.3.x), found by reflection on
 * {@code io.github.spencerpark.ijava.IJava.getKernelInstance()} so that the course jar needs no
 * compile-time link to IJava. Apricot's rich forms ({@link MimeBundle}) are sent as they are;
 * anything else goes through IJava's own renderer, which {@link RichRenderers#registerWithIJava()}
 * teaches the same rich forms for a cell's last expression.
 */
final class IJavaTarget implements DisplayTarget {

    static final String IJAVA_CLASS = "io.github.spencerpark.ijava.IJava";
    static final String DISPLAY_DATA_CLASS = "io.github.spencerpark.jupyter.kernel.display.DisplayData";

    private final Object kernel;
    private final Class<?> displayDataClass;

    private IJavaTarget(Object kernel, Class<?> displayDataClass) {
        this.kernel = kernel;
        this.displayDataClass = displayDataClass;
    }

    /** The running IJava kernel, if this JVM is one. */
    static Optional<IJavaTarget> find() {
        try {
            ClassLoader loader = IJavaTarget.class.getClassLoader();
            Class<?> ijava = Class.forName(IJAVA_CLASS, false, loader);
            Object kernel = ijava.getMethod("getKernelInstance").invoke(null);
            if (kernel == null) {
                return Optional.empty();
            }
            return Optional.of(new IJavaTarget(kernel, Class.forName(DISPLAY_DATA_CLASS, false, kernel.getClass().getClassLoader())));
        } catch (ReflectiveOperationException | LinkageError e) {
            // Not inside IJava (or an IJava without getKernelInstance): not a notebook.
            return Optional.empty();
        }
    }

    @Override
    public String display(Object value) {
        try {
            Object data = render(value);
            String id = (String) displayDataClass.getMethod("getDisplayId").invoke(data);
            if (id == null) {
                id = UUID.randomUUID().toString();
                displayDataClass.getMethod("setDisplayId", String.class).invoke(data, id);
            }
            kernel.getClass().getMethod("display", displayDataClass).invoke(kernel, data);
            return id;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Could not display through the IJava kernel: " + e, e);
        }
    }

    @Override
    public void update(String id, Object value) {
        try {
            Object data = render(value);
            Object io = kernel.getClass().getMethod("getIO").invoke(kernel);
            Field displayField = io.getClass().getField("display");
            Object stream = displayField.get(io);
            stream.getClass().getMethod("updateDisplay", String.class, displayDataClass).invoke(stream, id, data);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Could not update a display through the IJava kernel: " + e, e);
        }
    }

    @Override
    public boolean updatesInPlace() {
        return true;
    }

    /** A DisplayData for {@code value}: Apricot's MIME bundle if it has one, else IJava's renderer. */
    private Object render(Object value) throws ReflectiveOperationException {
        Optional<MimeBundle> bundle = MimeBundle.of(value);
        if (bundle.isPresent()) {
            Object data = displayDataClass.getConstructor().newInstance();
            Method putData = displayDataClass.getMethod("putData", String.class, Object.class);
            for (Map.Entry<String, Object> e : bundle.get().jupyterData().entrySet()) {
                putData.invoke(data, e.getKey(), e.getValue());
            }
            return data;
        }
        Object renderer = renderer();
        return renderer.getClass().getMethod("render", Object.class).invoke(renderer, value);
    }

    /** The kernel's own renderer (IJava's {@code getRenderer()}), which draws a cell's last expression. */
    Object renderer() {
        try {
            return kernel.getClass().getMethod("getRenderer").invoke(kernel);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Could not reach the IJava kernel's renderer: " + e, e);
        }
    }
}

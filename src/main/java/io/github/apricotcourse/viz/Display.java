package io.github.apricotcourse.viz;

import java.util.Objects;

/**
 * Shows values from library code wherever the code runs: in the Apricot kernel, in a real IJava
 * kernel (found by reflection), or in a plain JVM, where the text form is printed.
 *
 * <pre>{@code
 * String id = Display.show(new Html("<b>starting</b>", "starting"));
 * Display.update(id, table);
 * }</pre>
 *
 * Tablesaw tables and figures, and {@link Html}, are shown in their rich forms ({@link MimeBundle}).
 */
public final class Display {

    private static final DisplayTarget CONSOLE = new ConsoleTarget();

    private static volatile DisplayTarget installed;

    private Display() {
    }

    /**
     * Makes {@code target} the destination of all displays in this JVM. The Apricot kernel
     * calls this when it starts; library code never needs to.
     */
    public static void install(DisplayTarget target) {
        installed = Objects.requireNonNull(target, "target");
    }

    /** Removes an installed target (the kernel calls this when it shuts down). */
    public static void uninstall(DisplayTarget target) {
        if (installed == target) {
            installed = null;
        }
    }

    /** Shows {@code value} as a new output and returns an id for {@link #update}. */
    public static String show(Object value) {
        return target().display(value);
    }

    /** Replaces the output shown under {@code id} (a new line outside a notebook). */
    public static void update(String id, Object value) {
        target().update(Objects.requireNonNull(id, "id"), value);
    }

    /** True inside a notebook kernel, where {@link #update} replaces the output in place. */
    public static boolean inNotebook() {
        return target().updatesInPlace();
    }

    /** The current destination: the installed kernel, else a running IJava, else the console. */
    static DisplayTarget target() {
        DisplayTarget t = installed;
        if (t != null) {
            return t;
        }
        return IJavaTarget.find().<DisplayTarget>map(ij -> ij).orElse(CONSOLE);
    }
}

// What IJava 1.3.0 defines before any cell runs, so notebooks behave the same on both kernels:
// its default imports and its display API (display, render, updateDisplay).
import java.util.*;
import java.io.*;
import java.math.*;
import java.net.*;
import java.util.concurrent.*;
import java.util.prefs.*;
import java.util.regex.*;

io.github.spencerpark.jupyter.kernel.display.DisplayData render(Object o) {
    return io.github.apricotcourse.kernel.KernelDisplay.render(o);
}

io.github.spencerpark.jupyter.kernel.display.DisplayData render(Object o, String... as) {
    return io.github.apricotcourse.kernel.KernelDisplay.render(o, as);
}

String display(Object o) {
    return io.github.apricotcourse.kernel.KernelDisplay.display(o);
}

String display(Object o, String... as) {
    return io.github.apricotcourse.kernel.KernelDisplay.display(o, as);
}

void updateDisplay(String id, Object o) {
    io.github.apricotcourse.kernel.KernelDisplay.updateDisplay(id, o);
}

void updateDisplay(String id, Object o, String... as) {
    io.github.apricotcourse.kernel.KernelDisplay.updateDisplay(id, o, as);
}

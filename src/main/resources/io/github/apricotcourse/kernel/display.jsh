// IJava 1.3.0's display API (display, render, updateDisplay), with its signatures.
// Run after the imports: JShell recompiles methods whenever an import is added after them.

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

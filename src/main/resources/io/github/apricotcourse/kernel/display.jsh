// IJava 1.3.0's display API (display, render, updateDisplay), with its signatures, as one static
// import of io.github.apricotcourse.kernel.KernelDisplay: one snippet to compile at start-up
// instead of six methods. A cell that declares its own display, render or updateDisplay method
// hides these of that name.
import static io.github.apricotcourse.kernel.KernelDisplay.*;

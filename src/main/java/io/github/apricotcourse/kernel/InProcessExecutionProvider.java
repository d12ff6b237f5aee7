package io.github.apricotcourse.kernel;

import java.util.Map;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;

/** Hands JShell the one {@link InProcessExecutionControl} that the kernel also talks to. */
final class InProcessExecutionProvider implements ExecutionControlProvider {

    private final InProcessExecutionControl control;

    InProcessExecutionProvider(InProcessExecutionControl control) {
        this.control = control;
    }

    @Override
    public String name() {
        return "apricot-in-process";
    }

    @Override
    public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) {
        return control;
    }
}

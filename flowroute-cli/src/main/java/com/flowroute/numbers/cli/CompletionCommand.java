package com.flowroute.numbers.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code flowroute completion [bash|zsh]}: picocli's completion script, which serves both shells
 * (in zsh through {@code bashcompinit}, which the script loads itself).
 */
@Command(name = "completion", mixinStandardHelpOptions = true,
        description = "Print a bash/zsh completion script: source <(flowroute completion).")
final class CompletionCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "SHELL", arity = "0..1", defaultValue = "bash", description = "bash (default) or zsh.")
    String shell;

    @Override
    public Integer call() {
        if (!shell.equals("bash") && !shell.equals("zsh")) {
            throw BadInput.invalid("SHELL", shell, "must be bash or zsh");
        }
        spec.commandLine().getOut().print(AutoComplete.bash("flowroute", spec.root().commandLine()));
        spec.commandLine().getOut().flush();
        return Exit.OK;
    }
}

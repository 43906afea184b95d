package dev.forja.app.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine;

/** A command that only groups others ({@code forja runs}, {@code forja models}): alone, it shows their list. */
@Command(mixinStandardHelpOptions = true, synopsisSubcommandLabel = "COMMAND", commandListHeading = "%nCommands:%n")
public final class CommandGroup implements Runnable {
    private final Console console;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private CommandGroup(Console console) {
        this.console = console;
    }

    /** A group named {@code name} with a one-line description and its subcommands. */
    public static CommandLine of(Console console, String description, Object... nameThenCommand) {
        CommandLine group = new CommandLine(new CommandGroup(console));
        group.getCommandSpec().usageMessage().description(description);
        for (int i = 0; i < nameThenCommand.length; i += 2) {
            group.addSubcommand((String) nameThenCommand[i], nameThenCommand[i + 1]);
        }
        return group;
    }

    @Override
    public void run() {
        spec.commandLine().usage(console.out());
    }
}

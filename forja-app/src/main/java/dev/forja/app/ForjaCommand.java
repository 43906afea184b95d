package dev.forja.app;

import dev.forja.app.automl.AutomlCommand;
import dev.forja.app.cli.CommandGroup;
import dev.forja.app.cli.Console;
import dev.forja.app.data.ProfileCommand;
import dev.forja.app.data.SchemaCommand;
import dev.forja.app.demo.DriftDemoCommand;
import dev.forja.app.evaluate.EvaluateCommand;
import dev.forja.app.evaluate.PromoteCommand;
import dev.forja.app.monitor.DriftCommand;
import dev.forja.app.monitor.MonitorCommand;
import dev.forja.app.quickstart.QuickstartCommand;
import dev.forja.app.registry.ModelsAliasCommand;
import dev.forja.app.registry.ModelsDeleteCommand;
import dev.forja.app.registry.ModelsListCommand;
import dev.forja.app.registry.ModelsRegisterCommand;
import dev.forja.app.registry.ModelsShowCommand;
import dev.forja.app.registry.ModelsThresholdCommand;
import dev.forja.app.serve.ServeCommand;
import dev.forja.app.server.ServerCommand;
import dev.forja.app.tracking.ExperimentsCommand;
import dev.forja.app.tracking.RunsCompareCommand;
import dev.forja.app.tracking.RunsListCommand;
import dev.forja.app.tracking.RunsShowCommand;
import dev.forja.app.train.LearnersCommand;
import dev.forja.app.train.PredictCommand;
import dev.forja.app.train.TrainCommand;
import dev.forja.app.tune.TuneCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine;

/** The top-level {@code forja} command: lists the lifecycle commands. */
@Command(name = "forja",
        mixinStandardHelpOptions = true,
        versionProvider = ForjaVersion.class,
        description = {
            "Forja: the machine-learning lifecycle on the JVM: profile data, train, track, serve, monitor.",
            "",
            "Every command takes --json (exactly one JSON document on stdout; progress and logs on stderr).",
            "Exit codes: 0 success, 1 failure, 2 usage error. State lives in FORJA_HOME (default ./.forja)."
        },
        synopsisSubcommandLabel = "COMMAND",
        commandListHeading = "%nCommands:%n",
        footer = {"", "Run 'forja COMMAND --help' for a command's options."})
public final class ForjaCommand implements Runnable {
    private final Console console;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private ForjaCommand(Console console) {
        this.console = console;
    }

    /** The whole command tree; commands get the console instead of reaching for System.out. */
    public static CommandLine commandLine(Console console) {
        CommandLine cli = new CommandLine(new ForjaCommand(console));
        cli.addSubcommand("quickstart", new QuickstartCommand(console));
        cli.addSubcommand("profile", new ProfileCommand(console));
        cli.addSubcommand("schema", new SchemaCommand(console));
        cli.addSubcommand("train", new TrainCommand(console));
        cli.addSubcommand("predict", new PredictCommand(console));
        cli.addSubcommand("learners", new LearnersCommand(console));
        cli.addSubcommand("experiments", CommandGroup.of(console, "Experiments: named groups of runs.",
                "list", new ExperimentsCommand(console)));
        cli.addSubcommand("runs", CommandGroup.of(console, "Runs: what was trained on which data, with what parameters and results.",
                "list", new RunsListCommand(console),
                "show", new RunsShowCommand(console),
                "compare", new RunsCompareCommand(console)));
        cli.addSubcommand("models", CommandGroup.of(console, "The model registry: named models, numbered versions, aliases.",
                "list", new ModelsListCommand(console),
                "show", new ModelsShowCommand(console),
                "register", new ModelsRegisterCommand(console),
                "alias", new ModelsAliasCommand(console),
                "delete", new ModelsDeleteCommand(console),
                "promote", new PromoteCommand(console),
                "threshold", new ModelsThresholdCommand(console)));
        cli.addSubcommand("tune", new TuneCommand(console));
        cli.addSubcommand("automl", new AutomlCommand(console));
        cli.addSubcommand("evaluate", new EvaluateCommand(console));
        cli.addSubcommand("server", new ServerCommand(console));
        cli.addSubcommand("serve", new ServeCommand(console));
        cli.addSubcommand("drift", new DriftCommand(console));
        cli.addSubcommand("monitor", new MonitorCommand(console));
        cli.addSubcommand("demo", CommandGroup.of(console, "Demonstrations on real data.",
                "drift", new DriftDemoCommand(console)));
        return cli;
    }

    @Override
    public void run() {
        // `forja` alone: show what it can do rather than fail.
        spec.commandLine().usage(console.out());
    }
}

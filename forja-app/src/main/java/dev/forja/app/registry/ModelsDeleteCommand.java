package dev.forja.app.registry;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.forja.app.cli.Console;
import dev.forja.app.cli.ExitCode;
import dev.forja.app.cli.OutputOptions;
import dev.forja.app.tracking.Tracking;
import dev.forja.app.tracking.TrackingOptions;
import dev.forja.core.ForjaException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code forja models delete NAME [--version V | --alias A | --yes]}: removes an alias, a version (its
 * number is never reused), or the whole registered model, which needs {@code --yes}.
 */
@Command(name = "delete", mixinStandardHelpOptions = true, description = {"Delete an alias, a version, or (with --yes) a whole registered model.",
    "Run artifacts are kept: versions only point at them."})
public final class ModelsDeleteCommand implements Callable<Integer> {
    private final Console console;

    @Parameters(index = "0", paramLabel = "NAME")
    String name;

    @Option(names = "--version", paramLabel = "V", description = "Delete this version only.")
    Long version;

    @Option(names = "--alias", paramLabel = "ALIAS", description = "Delete this alias only.")
    String alias;

    @Option(names = "--yes", description = "Confirm deleting the whole registered model with every version.")
    boolean yes;

    @Mixin
    TrackingOptions tracking = new TrackingOptions();

    @Mixin
    OutputOptions output = new OutputOptions();

    public ModelsDeleteCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() {
        if (version != null && alias != null) {
            throw new ForjaException("give --version or --alias, not both", "run the command once for each");
        }
        String deleted;
        try (Tracking t = tracking.open()) {
            if (alias != null) {
                t.store().deleteAlias(name, alias);
                deleted = "alias " + alias;
            } else if (version != null) {
                t.store().deleteModelVersion(name, version);
                deleted = "version " + version;
            } else {
                int versions = t.store().getRegisteredModel(name).latestVersions().isEmpty() ? 0 : 1;
                if (!yes) {
                    throw new ForjaException("deleting registered model '" + name + "' removes all its versions and aliases",
                            "add --yes to confirm, or pass --version V or --alias A to delete less");
                }
                t.store().deleteRegisteredModel(name);
                deleted = versions == 0 ? "model" : "model with its versions";
            }
        }
        if (output.json) {
            ObjectNode doc = JsonNodeFactory.instance.objectNode().put("name", name);
            doc.put("deleted", alias != null ? "alias" : version != null ? "version" : "model");
            if (version != null) {
                doc.put("version", version);
            }
            if (alias != null) {
                doc.put("alias", alias);
            }
            console.printJson(doc);
        } else {
            console.out().println("deleted " + deleted + " of " + name);
        }
        return ExitCode.OK;
    }
}

package dev.forja.app.registry;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.forja.app.cli.Console;
import dev.forja.app.cli.ExitCode;
import dev.forja.app.cli.OutputOptions;
import dev.forja.app.tracking.Tracking;
import dev.forja.app.tracking.TrackingOptions;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code forja models alias NAME VERSION ALIAS}: points an alias at a version (moving it if it pointed elsewhere). */
@Command(name = "alias", mixinStandardHelpOptions = true, description = {"Point ALIAS at VERSION of NAME, e.g. forja models alias churn 3 production.",
    "models:/NAME@ALIAS then resolves to that version; remove it with forja models delete NAME --alias ALIAS."})
public final class ModelsAliasCommand implements Callable<Integer> {
    private final Console console;

    @Parameters(index = "0", paramLabel = "NAME")
    String name;

    @Parameters(index = "1", paramLabel = "VERSION")
    long version;

    @Parameters(index = "2", paramLabel = "ALIAS")
    String alias;

    @Mixin
    TrackingOptions tracking = new TrackingOptions();

    @Mixin
    OutputOptions output = new OutputOptions();

    public ModelsAliasCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() {
        Long before;
        try (Tracking t = tracking.open()) {
            before = t.store().getRegisteredModel(name).aliases().get(alias);
            t.store().setAlias(name, alias, version);
        }
        if (output.json) {
            var doc = JsonNodeFactory.instance.objectNode().put("name", name).put("alias", alias).put("version", version);
            if (before != null) {
                doc.put("previous_version", before);
            } else {
                doc.putNull("previous_version");
            }
            doc.put("model_uri", "models:/" + name + "@" + alias);
            console.printJson(doc);
        } else {
            console.out().println("models:/" + name + "@" + alias + " -> version " + version
                    + (before != null && before != version ? " (was " + before + ")" : ""));
        }
        return ExitCode.OK;
    }
}

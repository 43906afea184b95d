package dev.forja.app.registry;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.forja.app.cli.Console;
import dev.forja.app.cli.ExitCode;
import dev.forja.app.cli.OutputOptions;
import dev.forja.app.tracking.Tracking;
import dev.forja.app.tracking.TrackingOptions;
import dev.forja.store.Page;
import dev.forja.store.registry.ModelVersion;
import dev.forja.store.registry.RegisteredModel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code forja models show NAME}: a registered model's versions, newest first, with their lineage and aliases. */
@Command(name = "show", mixinStandardHelpOptions = true, description = "Show a registered model's versions and aliases.")
public final class ModelsShowCommand implements Callable<Integer> {
    private final Console console;

    @Parameters(index = "0", paramLabel = "NAME", description = "The registered model.")
    String name;

    @Mixin
    TrackingOptions tracking = new TrackingOptions();

    @Mixin
    OutputOptions output = new OutputOptions();

    public ModelsShowCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() {
        RegisteredModel model;
        List<ModelVersion> versions = new ArrayList<>();
        try (Tracking t = tracking.open()) {
            model = t.store().getRegisteredModel(name);
            String token = null;
            String quoted = "'" + name.replace("'", "''") + "'";
            do {
                Page<ModelVersion> page = t.store().searchModelVersions("name = " + quoted, 10_000, List.of("version_number DESC"), token);
                versions.addAll(page.items());
                token = page.nextPageToken();
            } while (token != null);
        }
        if (output.json) {
            ObjectNode doc = JsonNodeFactory.instance.objectNode();
            doc.put("name", model.name());
            doc.put("description", model.description());
            ObjectNode aliases = doc.putObject("aliases");
            model.aliases().forEach(aliases::put);
            var list = doc.putArray("versions");
            for (ModelVersion v : versions) {
                ObjectNode n = list.addObject();
                n.put("version", v.version());
                if (v.runId() != null) {
                    n.put("run_id", v.runId());
                } else {
                    n.putNull("run_id");
                }
                n.put("source", v.source());
                n.put("status", v.status());
                n.put("description", v.description());
                n.put("creation_timestamp", v.creationTime());
                var a = n.putArray("aliases");
                v.aliases().forEach(a::add);
                ObjectNode tags = n.putObject("tags");
                v.tags().forEach(tags::put);
            }
            console.printJson(doc);
            return ExitCode.OK;
        }
        var o = console.out();
        o.println(model.name() + (model.description().isEmpty() ? "" : ": " + model.description()));
        o.printf("  %-8s %-20s %-32s %-20s %s%n", "VERSION", "ALIASES", "RUN", "CREATED", "SOURCE");
        for (ModelVersion v : versions) {
            o.printf("  %-8d %-20s %-32s %-20s %s%n", v.version(), String.join(",", v.aliases()), v.runId() == null ? "-" : v.runId(),
                    Instant.ofEpochMilli(v.creationTime()).toString().replaceFirst("\\.\\d+Z$", "Z"), v.source());
        }
        return ExitCode.OK;
    }
}

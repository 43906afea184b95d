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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code forja models list}: the registered models, their newest version and aliases. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List registered models.")
public final class ModelsListCommand implements Callable<Integer> {
    private final Console console;

    @Option(names = "--filter", paramLabel = "FILTER", description = "e.g. \"name LIKE 'churn%'\" or \"tags.team = 'risk'\".")
    String filter;

    @Mixin
    TrackingOptions tracking = new TrackingOptions();

    @Mixin
    OutputOptions output = new OutputOptions();

    public ModelsListCommand(Console console) {
        this.console = console;
    }

    static long latestVersion(RegisteredModel m) {
        return m.latestVersions().stream().mapToLong(ModelVersion::version).max().orElse(0);
    }

    @Override
    public Integer call() {
        List<RegisteredModel> models = new ArrayList<>();
        try (Tracking t = tracking.open()) {
            String token = null;
            do {
                Page<RegisteredModel> page = t.store().searchRegisteredModels(filter, 1000, List.of("name ASC"), token);
                models.addAll(page.items());
                token = page.nextPageToken();
            } while (token != null);
        }
        if (output.json) {
            ObjectNode doc = JsonNodeFactory.instance.objectNode();
            var list = doc.putArray("models");
            for (RegisteredModel m : models) {
                ObjectNode n = list.addObject();
                n.put("name", m.name());
                long latest = latestVersion(m);
                if (latest > 0) {
                    n.put("latest_version", latest);
                } else {
                    n.putNull("latest_version");
                }
                ObjectNode aliases = n.putObject("aliases");
                m.aliases().forEach(aliases::put);
                n.put("description", m.description());
                n.put("last_updated_timestamp", m.lastUpdatedTime());
            }
            console.printJson(doc);
            return ExitCode.OK;
        }
        var o = console.out();
        o.printf("%-30s %-8s %s%n", "NAME", "LATEST", "ALIASES");
        for (RegisteredModel m : models) {
            long latest = latestVersion(m);
            String aliases = m.aliases().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" "));
            o.printf("%-30s %-8s %s%n", m.name(), latest > 0 ? Long.toString(latest) : "-", aliases);
        }
        return ExitCode.OK;
    }
}

package dev.forja.app.tracking;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.forja.app.cli.Console;
import dev.forja.app.cli.ExitCode;
import dev.forja.app.cli.OutputOptions;
import dev.forja.store.Page;
import dev.forja.store.tracking.Experiment;
import dev.forja.store.tracking.ViewType;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code forja experiments list}: the experiments runs are grouped in. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List experiments.")
public final class ExperimentsCommand implements Callable<Integer> {
    private final Console console;

    @Option(names = "--all", description = "Include deleted experiments.")
    boolean all;

    @Option(names = "--filter", paramLabel = "FILTER", description = "MLflow filter, e.g. \"name LIKE 'churn%'\" or \"tags.team = 'risk'\".")
    String filter;

    @Mixin
    TrackingOptions tracking = new TrackingOptions();

    @Mixin
    OutputOptions output = new OutputOptions();

    public ExperimentsCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() {
        List<Experiment> experiments = new ArrayList<>();
        try (Tracking t = tracking.open()) {
            String token = null;
            do {
                Page<Experiment> page = t.store().searchExperiments(filter, all ? ViewType.ALL : ViewType.ACTIVE_ONLY, 1000,
                        List.of("experiment_id ASC"), token);
                experiments.addAll(page.items());
                token = page.nextPageToken();
            } while (token != null);
        }
        if (output.json) {
            ObjectNode doc = JsonNodeFactory.instance.objectNode();
            var list = doc.putArray("experiments");
            for (Experiment e : experiments) {
                ObjectNode n = list.addObject();
                n.put("experiment_id", e.id());
                n.put("name", e.name());
                n.put("lifecycle_stage", e.stage().id());
                n.put("artifact_location", e.artifactLocation());
                n.put("creation_time", e.creationTime());
                ObjectNode tags = n.putObject("tags");
                e.tags().forEach(tags::put);
            }
            console.printJson(doc);
            return ExitCode.OK;
        }
        var o = console.out();
        o.printf("%-6s %-30s %-8s %s%n", "ID", "NAME", "STAGE", "CREATED");
        for (Experiment e : experiments) {
            o.printf("%-6s %-30s %-8s %s%n", e.id(), e.name(), e.stage().id(), RunJson.time(e.creationTime()));
        }
        return ExitCode.OK;
    }
}

package dev.forja.app.tracking;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.forja.app.cli.Console;
import dev.forja.app.cli.ExitCode;
import dev.forja.app.cli.OutputOptions;
import dev.forja.core.ForjaException;
import dev.forja.store.Page;
import dev.forja.store.Store;
import dev.forja.store.tracking.Experiment;
import dev.forja.store.tracking.Run;
import dev.forja.store.tracking.RunSearch;
import dev.forja.store.tracking.ViewType;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code forja runs list}: runs found with MLflow's filter and order-by syntax. */
@Command(name = "list", mixinStandardHelpOptions = true, description = {"List runs, newest first unless --order-by says otherwise.",
    "Filter: metrics.auc > 0.8 and params.model = 'xgboost' and tags.team = 'risk' and status = 'FINISHED' (AND only)."})
public final class RunsListCommand implements Callable<Integer> {
    private final Console console;

    @Option(names = "--experiment", paramLabel = "NAME", description = "Only runs of this experiment (repeatable; default: every active experiment).")
    List<String> experiments = new ArrayList<>();

    @Option(names = "--filter", paramLabel = "FILTER", description = "e.g. \"metrics.auc > 0.8 and params.model = 'xgboost'\".")
    String filter;

    @Option(names = "--order-by", paramLabel = "KEY", description = "e.g. \"metrics.auc DESC\" (repeatable).")
    List<String> orderBy = new ArrayList<>();

    @Option(names = "--max", defaultValue = "100", paramLabel = "N", description = "At most this many runs (default: ${DEFAULT-VALUE}).")
    int max;

    @Option(names = "--deleted", description = "List deleted runs instead.")
    boolean deleted;

    @Mixin
    TrackingOptions tracking = new TrackingOptions();

    @Mixin
    OutputOptions output = new OutputOptions();

    public RunsListCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() {
        if (max <= 0 || max > RunSearch.MAX_RESULTS_LIMIT) {
            throw new ForjaException("--max " + max + " is out of range", "give 1 to " + RunSearch.MAX_RESULTS_LIMIT);
        }
        try (Tracking t = tracking.open()) {
            Store store = t.store();
            List<String> ids = new ArrayList<>();
            if (experiments.isEmpty()) {
                String token = null;
                do {
                    Page<Experiment> page = store.searchExperiments(null, ViewType.ACTIVE_ONLY, 1000, List.of(), token);
                    page.items().forEach(e -> ids.add(e.id()));
                    token = page.nextPageToken();
                } while (token != null);
            } else {
                for (String name : experiments) {
                    ids.add(store.findExperimentByName(name).orElseThrow(() -> new ForjaException("no experiment named '" + name + "'",
                            "see forja experiments list")).id());
                }
            }
            Page<Run> runs = store.searchRuns(new RunSearch(ids, filter, deleted ? ViewType.DELETED_ONLY : ViewType.ACTIVE_ONLY, max, orderBy,
                    null));
            ExperimentNames names = new ExperimentNames(store);
            if (output.json) {
                ObjectNode doc = JsonNodeFactory.instance.objectNode();
                var list = doc.putArray("runs");
                runs.items().forEach(r -> list.add(RunJson.summary(r, names.of(r.info().experimentId()))));
                if (runs.nextPageToken() != null) {
                    doc.put("truncated", true);
                }
                console.printJson(doc);
                return ExitCode.OK;
            }
            var o = console.out();
            o.printf("%-32s  %-16s %-22s %-9s %-20s %s%n", "RUN", "EXPERIMENT", "NAME", "STATUS", "STARTED", "METRICS");
            for (Run r : runs.items()) {
                // The run's own metric first, then a few others; baselines are for `runs show`.
                String main = r.params().getOrDefault("metric", "");
                String metrics = r.metrics().values().stream().filter(m -> !m.key().startsWith("baseline_"))
                        .sorted(java.util.Comparator.comparing(m -> !m.key().equals(main))).limit(4)
                        .map(m -> m.key() + "=" + RunJson.number(m.value())).collect(Collectors.joining(" "));
                o.printf("%-32s  %-16s %-22s %-9s %-20s %s%n", r.id(), names.of(r.info().experimentId()), r.info().runName(),
                        r.info().status().name(), RunJson.time(r.info().startTime()), metrics);
            }
            if (runs.nextPageToken() != null) {
                console.note("forja: showing the first " + max + " runs; raise --max or narrow --filter to see others");
            }
        }
        return ExitCode.OK;
    }
}

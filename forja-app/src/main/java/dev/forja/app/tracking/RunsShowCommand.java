package dev.forja.app.tracking;

import dev.forja.app.cli.Console;
import dev.forja.app.cli.ExitCode;
import dev.forja.app.cli.OutputOptions;
import dev.forja.store.tracking.DatasetInput;
import dev.forja.store.tracking.Run;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code forja runs show RUN}: everything logged to one run. */
@Command(name = "show", mixinStandardHelpOptions = true, description = "Show a run: params, metrics, tags, datasets and artifacts.")
public final class RunsShowCommand implements Callable<Integer> {
    private final Console console;

    @Parameters(index = "0", paramLabel = "RUN", description = "The run id.")
    String runId;

    @Mixin
    TrackingOptions tracking = new TrackingOptions();

    @Mixin
    OutputOptions output = new OutputOptions();

    public RunsShowCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() {
        try (Tracking t = tracking.open()) {
            Run run = t.store().getRun(runId);
            String experiment = new ExperimentNames(t.store()).of(run.info().experimentId());
            if (output.json) {
                console.printJson(RunJson.full(run, experiment));
                return ExitCode.OK;
            }
            var o = console.out();
            o.printf("run %s (%s) in experiment %s%n", run.id(), run.info().runName(), experiment);
            o.printf("status %s, started %s%s%n", run.info().status(), RunJson.time(run.info().startTime()),
                    run.info().endTime() == null ? "" : ", ended " + RunJson.time(run.info().endTime()));
            o.println("artifacts: " + run.info().artifactUri());
            o.println("params:");
            run.params().forEach((k, v) -> o.printf("  %-28s %s%n", k, v));
            o.println("metrics:");
            run.metrics().forEach((k, v) -> o.printf("  %-28s %s%n", k, RunJson.number(v.value())));
            o.println("tags:");
            run.tags().forEach((k, v) -> o.printf("  %-28s %s%n", k, v.length() > 100 ? v.substring(0, 100) + "…" : v));
            if (!run.inputs().isEmpty()) {
                o.println("datasets:");
                for (DatasetInput in : run.inputs()) {
                    o.printf("  %s  digest %s  (%s)  %s%n", in.name(), in.digest(), in.tags().getOrDefault("mlflow.data.context", ""), in.source());
                }
            }
        }
        return ExitCode.OK;
    }
}

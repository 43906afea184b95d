package dev.forja.app.registry;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.forja.app.cli.Console;
import dev.forja.app.cli.ExitCode;
import dev.forja.app.cli.OutputOptions;
import dev.forja.app.tracking.LazyTracking;
import dev.forja.app.tracking.ModelLogging;
import dev.forja.app.tracking.ModelUris;
import dev.forja.app.tracking.Tracking;
import dev.forja.app.tracking.TrackingOptions;
import dev.forja.core.ForjaException;
import dev.forja.core.task.CostMatrix;
import dev.forja.core.task.Task;
import dev.forja.core.task.TaskKind;
import dev.forja.learn.model.Model;
import dev.forja.learn.model.ModelArtifact;
import dev.forja.store.Store;
import dev.forja.store.registry.ModelVersion;
import dev.forja.store.tracking.NewRun;
import dev.forja.store.tracking.RunStatus;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code forja models threshold NAME --version V --threshold T}: a new version of a binary model that
 * decides positive at probability T (the threshold {@code forja evaluate --cost} found, for example).
 * The predictor is the same; the task now carries the costs that imply T ({@code fp = T, fn = 1 - T}),
 * so every command that decides, serving included, uses it. Logged as a run whose tag names the source
 * version, and registered as the next version.
 */
@Command(name = "threshold", mixinStandardHelpOptions = true, description = {
    "Register a new version of a binary model that decides positive at the given probability threshold."})
public final class ModelsThresholdCommand implements Callable<Integer> {
    private final Console console;

    @Parameters(index = "0", paramLabel = "NAME", description = "The registered model.")
    String name;

    @Option(names = "--version", required = true, paramLabel = "V", description = "The version whose predictor is kept.")
    long version;

    @Option(names = "--threshold", required = true, paramLabel = "T", description = "The new decision threshold, strictly between 0 and 1.")
    double threshold;

    @Mixin
    TrackingOptions tracking = new TrackingOptions();

    @Mixin
    OutputOptions output = new OutputOptions();

    public ModelsThresholdCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() {
        if (!(threshold > 0 && threshold < 1)) {
            throw new ForjaException("--threshold " + threshold + " is not strictly between 0 and 1", "give a probability such as 0.24");
        }
        try (LazyTracking lazy = new LazyTracking(tracking)) {
            Tracking t = lazy.get();
            Store store = t.store();
            ModelVersion source = store.getModelVersion(name, version);
            Model model = ModelArtifact.read(ModelUris.resolve("models:/" + name + "/" + version, lazy));
            Task task = model.task();
            if (task.kind() != TaskKind.BINARY) {
                throw new ForjaException("models:/" + name + "/" + version + " is " + task.kind().id() + "; a threshold applies to binary models",
                        "pick a binary model");
            }
            Task retuned = new Task(task.kind(), task.target(), task.classes(), task.positiveClass(), task.metric(),
                    new CostMatrix(threshold, 1 - threshold));
            Model next = model.withTask(retuned);
            String experimentId = store.experimentIdFor("Default");
            long now = System.currentTimeMillis();
            Map<String, String> tags = new LinkedHashMap<>();
            tags.put("forja.threshold.from", "models:/" + name + "/" + version);
            if (source.runId() != null) {
                tags.put("mlflow.parentRunId", source.runId());
            }
            Map<String, String> params = new LinkedHashMap<>(model.provenance().params());
            params.put("model", model.learner());
            params.put("threshold", Double.toString(threshold));
            ModelLogging.Logged logged = ModelLogging.log(t, experimentId, next, null, runId -> store.recordRun(new NewRun(runId, experimentId,
                    name + "-v" + version + "-threshold", System.getProperty("user.name", ""), now, tags), params, List.of(), List.of(),
                    RunStatus.FINISHED, System.currentTimeMillis()));
            ModelVersion created = store.registerModel(name, "runs:/" + logged.run().id() + "/" + ModelLogging.MODEL_PATH, logged.run().id(),
                    Map.of("forja.threshold", Double.toString(threshold), "forja.threshold.from", Long.toString(version)));
            if (output.json) {
                ObjectNode doc = Console.mapper().createObjectNode().put("name", name).put("from_version", version).put("version", created.version())
                        .put("threshold", threshold).put("run_id", logged.run().id()).put("model_uri", "models:/" + name + "/" + created.version());
                console.printJson(doc);
            } else {
                console.out().printf("registered models:/%s/%d: version %d deciding at %.4f%n", name, created.version(), version, threshold);
            }
        }
        return ExitCode.OK;
    }
}

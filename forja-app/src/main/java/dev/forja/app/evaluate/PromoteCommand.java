package dev.forja.app.evaluate;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.forja.app.cli.Console;
import dev.forja.app.cli.ExitCode;
import dev.forja.app.cli.OutputOptions;
import dev.forja.app.data.DataArgument;
import dev.forja.app.data.DataSourceOptions;
import dev.forja.app.tracking.LazyTracking;
import dev.forja.app.tracking.ModelUris;
import dev.forja.app.tracking.TrackingOptions;
import dev.forja.core.ForjaException;
import dev.forja.core.ingest.Dataset;
import dev.forja.learn.evaluate.Check;
import dev.forja.learn.evaluate.Evaluator;
import dev.forja.learn.model.Model;
import dev.forja.learn.model.ModelArtifact;
import dev.forja.store.Store;
import dev.forja.store.StoreException;
import dev.forja.store.registry.ModelVersion;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code forja models promote NAME --version V --to ALIAS}: the promotion gate. The candidate is
 * evaluated on the given data; every check must pass and, with {@code --must-beat}, it must beat the
 * version the alias names now on the task's metric by more than the bootstrap noise. Only then does
 * the alias move. The decision, the figures and the reason are recorded as tags on the version; a
 * refusal exits 1 and says why.
 */
@Command(name = "promote", mixinStandardHelpOptions = true, description = {
    "Move ALIAS to VERSION only if it passes the checks and (with --must-beat) beats the current holder beyond bootstrap noise.",
    "The decision is recorded on the version; a refusal exits 1."})
public final class PromoteCommand implements Callable<Integer> {
    private final Console console;

    @Parameters(index = "0", paramLabel = "NAME", description = "The registered model.")
    String name;

    @Option(names = "--version", required = true, paramLabel = "V", description = "The candidate version.")
    long version;

    @Option(names = "--to", required = true, paramLabel = "ALIAS", description = "The alias to move, e.g. production.")
    String alias;

    @Option(names = "--checks", paramLabel = "FILE", description = "Checks the candidate must pass (see forja evaluate --checks).")
    Path checksFile;

    @Option(names = "--data", paramLabel = "DATA", description = "Labelled data for the checks and the comparison (not the training data).")
    String source;

    @Option(names = "--must-beat", paramLabel = "ALIAS", description = "The version this alias names must be beaten on the task's metric.")
    String mustBeat;

    @Option(names = "--bootstrap", defaultValue = "200", paramLabel = "N", description = "Bootstrap resamples (default: ${DEFAULT-VALUE}).")
    int bootstrap;

    @Option(names = "--seed", defaultValue = "42", paramLabel = "N", description = "Seed of the resamples (default: ${DEFAULT-VALUE}).")
    long seed;

    @Mixin
    DataSourceOptions data = new DataSourceOptions();

    @Mixin
    TrackingOptions tracking = new TrackingOptions();

    @Mixin
    OutputOptions output = new OutputOptions();

    public PromoteCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() {
        List<Check> checks = checksFile == null ? List.of() : Check.read(checksFile);
        if ((checksFile != null || mustBeat != null) && source == null) {
            throw new ForjaException("checks and --must-beat need data to evaluate on", "add --data holdout.csv (labelled, not the training data)");
        }
        if (bootstrap < 10) {
            throw new ForjaException("--bootstrap " + bootstrap + " is too few to judge noise", "give at least 10, e.g. 200");
        }
        ObjectNode doc = Console.mapper().createObjectNode().put("name", name).put("version", version).put("alias", alias);
        List<String> reasons = new ArrayList<>();
        try (LazyTracking lazy = new LazyTracking(tracking)) {
            Store store = lazy.get().store();
            ModelVersion candidate = store.getModelVersion(name, version);
            String candidateUri = "models:/" + name + "/" + candidate.version();
            if (source != null) {
                EvaluateCommand.Result r = EvaluateCommand.run(candidateUri, source, null, EvaluateCommand.optionsFor(checks, 0, seed, List.of(), null,
                        false, List.of(), List.of(), 5), checks, data, lazy, console);
                var list = doc.putArray("checks");
                for (Check.Result c : r.checks()) {
                    ObjectNode n = list.addObject().put("check", c.check().text()).put("passed", c.passed());
                    if (Double.isFinite(c.value())) {
                        n.put("value", c.value());
                    }
                    if (!c.passed()) {
                        reasons.add("check " + c.check().text() + " failed (" + (Double.isNaN(c.value()) ? c.note()
                                : String.format(Locale.ROOT, "%.4f", c.value())) + ")");
                    }
                }
                if (mustBeat != null) {
                    ModelVersion holder = holder(store, mustBeat);
                    if (holder == null) {
                        doc.put("comparison", "no version holds '" + mustBeat + "' yet: nothing to beat");
                    } else if (holder.version() == candidate.version()) {
                        reasons.add("version " + version + " already holds '" + mustBeat + "'");
                    } else {
                        Model cand = r.model();
                        Model inc = ModelArtifact.read(ModelUris.resolve("models:/" + name + "/" + holder.version(), lazy));
                        Dataset d = DataArgument.read(source, data, console);
                        Evaluator.Comparison cmp = Evaluator.compare(cand, inc, d.frame(), source, bootstrap, seed);
                        ObjectNode c = doc.putObject("comparison");
                        c.put("metric", cmp.metric()).put("candidate", cmp.candidate()).put("incumbent", cmp.incumbent())
                                .put("incumbent_version", holder.version());
                        c.putArray("difference_interval").add(cmp.differenceLow()).add(cmp.differenceHigh());
                        if (!cmp.candidateBetter()) {
                            reasons.add(String.format(Locale.ROOT, "%s %.4f does not beat version %d's %.4f beyond the bootstrap noise "
                                    + "(95%% interval of the gain [%.4f, %.4f] includes 0 or less)", cmp.metric(), cmp.candidate(), holder.version(),
                                    cmp.incumbent(), cmp.differenceLow(), cmp.differenceHigh()));
                        }
                    }
                }
            }
            boolean accepted = reasons.isEmpty();
            String reason = accepted ? "every check passed" + (mustBeat != null ? " and it beats " + mustBeat : "") : String.join("; ", reasons);
            String prefix = "forja.promotion." + alias;
            store.setModelVersionTag(name, version, prefix, accepted ? "accepted" : "refused");
            store.setModelVersionTag(name, version, prefix + ".reason", reason.length() > 7000 ? reason.substring(0, 7000) : reason);
            store.setModelVersionTag(name, version, prefix + ".time", Instant.now().toString());
            if (doc.has("comparison") && doc.get("comparison").isObject()) {
                store.setModelVersionTag(name, version, prefix + ".comparison", doc.get("comparison").toString());
            }
            if (accepted) {
                store.setAlias(name, alias, version);
            }
            doc.put("decision", accepted ? "accepted" : "refused").put("reason", reason);
            if (output.json) {
                console.printJson(doc);
            } else {
                console.out().println((accepted ? "promoted" : "refused") + ": models:/" + name + "/" + version + " -> @" + alias + ": " + reason);
            }
            return accepted ? ExitCode.OK : ExitCode.FAILURE;
        }
    }

    /** The version an alias of this model names now, or null when it names none. */
    private ModelVersion holder(Store store, String holderAlias) {
        try {
            return store.getVersionByAlias(name, holderAlias);
        } catch (StoreException e) {
            if (e.code() == StoreException.ErrorCode.RESOURCE_DOES_NOT_EXIST) {
                return null;
            }
            throw e;
        }
    }

}

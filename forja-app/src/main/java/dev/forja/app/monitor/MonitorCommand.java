package dev.forja.app.monitor;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.forja.app.cli.Console;
import dev.forja.app.cli.ExitCode;
import dev.forja.app.cli.OutputOptions;
import dev.forja.app.serve.UriModelSource;
import dev.forja.app.tracking.LazyTracking;
import dev.forja.app.tracking.ModelUris;
import dev.forja.app.tracking.TrackingOptions;
import dev.forja.core.ForjaException;
import dev.forja.learn.model.Model;
import dev.forja.learn.model.ModelArtifact;
import dev.forja.serve.monitor.Durations;
import dev.forja.serve.monitor.LogReplay;
import dev.forja.serve.monitor.MonitorPolicy;
import dev.forja.serve.monitor.MonitorRule;
import dev.forja.serve.monitor.WindowResult;
import dev.forja.serve.monitor.drift.DriftReference;
import dev.forja.serve.monitor.drift.DriftJson;
import dev.forja.serve.monitor.drift.DriftThresholds;
import dev.forja.store.jdbc.JdbcStore;
import dev.forja.store.predictions.MonitorAlert;
import dev.forja.store.predictions.PredictionLog;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code forja monitor MODEL}: the prediction log that {@code forja serve --log-predictions} wrote,
 * read back window by window: drift against the model's training statistics, the task's metrics where
 * late labels arrived, and a policy's rules with their actions. {@code --watch} keeps doing it as
 * windows complete.
 */
@Command(name = "monitor", mixinStandardHelpOptions = true, description = {
    "Monitor a served model from its prediction log: drift per time window against the training data, metrics per window from late labels",
    "(POST /v1/feedback), and a policy's alert rules and actions (--policy monitor.yaml). --watch runs the policy as windows complete.",
    "Exits 1 when a rule fires (without --watch)."})
public final class MonitorCommand implements Callable<Integer> {
    private final Console console;

    @Parameters(index = "0", paramLabel = "MODEL", description = "The monitored model: models:/NAME@ALIAS, models:/NAME/V, runs:/…, or a directory.")
    String modelUri;

    @Option(names = "--name", paramLabel = "NAME", description = "The name it is served under (default: as forja serve names it).")
    String name;

    @Option(names = "--window", paramLabel = "DURATION", description = "Window length, e.g. 15m, 1h, 1d (default: the policy's, else 1h).")
    String window;

    @Option(names = "--since", paramLabel = "TIME", description = "Start: an ISO instant (2026-12-01T00:00:00Z) or a duration back from now (24h). "
            + "Default: the oldest logged request.")
    String since;

    @Option(names = "--until", paramLabel = "TIME", description = "End (exclusive): an ISO instant or a duration back from now. Default: now.")
    String until;

    @Option(names = "--policy", paramLabel = "FILE", description = "monitor.yaml: window, thresholds, rules, actions (webhook, retrain, gate).")
    Path policyFile;

    @Option(names = "--report", paramLabel = "FILE", description = "Also write an HTML report: drift and metrics over time, alerts, the newest window.")
    Path report;

    @Option(names = "--watch", description = "Keep monitoring: evaluate each window as it completes, until interrupted.")
    boolean watch;

    @Option(names = "--every", paramLabel = "DURATION", description = "With --watch: how often to look (default: a tenth of the window, at least 1s).")
    String every;

    @Mixin
    TrackingOptions tracking = new TrackingOptions();

    @Mixin
    OutputOptions output = new OutputOptions();

    public MonitorCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() throws InterruptedException {
        MonitorPolicy policy = policyFile == null ? new MonitorPolicy(Duration.ofHours(1), DriftThresholds.DEFAULT, List.of(), null, null, null)
                : MonitorPolicy.read(policyFile);
        Duration length = window != null ? Durations.parse(window, "--window") : policy.window();
        String served = name != null ? name : UriModelSource.defaultName(modelUri);
        try (LazyTracking store = new LazyTracking(tracking)) {
            if (!(store.get().store() instanceof JdbcStore db)) {
                throw new ForjaException("the prediction log is in a database store; " + store.get().store().describe() + " is a server",
                        "run forja monitor against the store forja serve logged to (no --tracking-uri, or the same postgresql:// URI)");
            }
            Model model = ModelArtifact.read(ModelUris.resolve(modelUri, store));
            DriftReference reference = DriftReference.of(model);
            policy.rules().forEach(r -> r.checkAgainst(reference));
            PredictionLog log = db.predictionLog();
            LogReplay replay = new LogReplay(log, served, model, policy.thresholds());
            AlertActions actions = new AlertActions(policy, served, console);
            long w = length.toMillis();
            long now = System.currentTimeMillis();
            long start = since != null ? time(since, now, "--since") : firstWindowStart(log, served, w);
            if (!watch) {
                long end = until != null ? time(until, now, "--until") : now + 1;
                List<WindowResult> windows = start < 0 ? List.of() : replay.run(start, end, w, console.progress());
                List<Firing> firings = RuleEvaluation.fire(policy.rules(), windows);
                ArrayNode alerts = act(firings, log, served, actions, model);
                if (report != null) {
                    MonitorHtml.write(modelUri, model.task().metric(), windows, firings, report);
                }
                print(windows, alerts, model.task().metric(), served, length);
                return firings.isEmpty() ? ExitCode.OK : ExitCode.FAILURE;
            }
            return watch(replay, log, served, actions, model, policy, start, w);
        }
    }

    private int watch(LogReplay replay, PredictionLog log, String served, AlertActions actions, Model model, MonitorPolicy policy, long start, long w) {
        AtomicBoolean stop = new AtomicBoolean();
        Thread hook = new Thread(() -> stop.set(true));
        Runtime.getRuntime().addShutdownHook(hook);
        long pause = every != null ? Durations.parse(every, "--every").toMillis() : Math.max(1000, w / 10);
        List<WindowResult> history = new ArrayList<>();
        long next = start;
        console.note("forja: watching " + served + "'s prediction log in windows of " + Duration.ofMillis(w) + "; Ctrl-C stops");
        try {
            while (!stop.get()) {
                long now = System.currentTimeMillis();
                if (next < 0) {
                    next = firstWindowStart(log, served, w);
                }
                if (next >= 0) {
                    long complete = next + (now - next) / w * w;
                    if (complete > next) {
                        List<WindowResult> fresh = replay.run(next, complete, w, null);
                        history.addAll(fresh);
                        List<Firing> firings = RuleEvaluation.fire(policy.rules(), history);
                        long from = next;
                        firings.removeIf(f -> f.window().start() < from);
                        ArrayNode alerts = act(firings, log, served, actions, model);
                        for (WindowResult r : fresh) {
                            console.printJson(MonitorJson.window(r, false));
                        }
                        alerts.forEach(a -> console.printJson(a));
                        if (report != null) {
                            MonitorHtml.write(modelUri, model.task().metric(), history, RuleEvaluation.fire(policy.rules(), history), report);
                        }
                        next = complete;
                    }
                }
                try {
                    Thread.sleep(pause);
                } catch (InterruptedException e) {
                    // stopped by whoever started us (a service manager, a test): finish like Ctrl-C
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // the JVM is already shutting down
            }
        }
        return ExitCode.OK;
    }

    /** Records each firing not recorded before and runs the policy's actions for them (retraining at most once per pass). */
    private ArrayNode act(List<Firing> firings, PredictionLog log, String served, AlertActions actions, Model model) {
        ArrayNode out = Console.mapper().createArrayNode();
        List<MonitorAlert> known = firings.isEmpty() ? List.of() : log.alerts(served, firings.get(0).window().start());
        boolean retrained = false;
        for (Firing f : firings) {
            boolean seen = known.stream().anyMatch(a -> a.rule().equals(f.rule().text()) && a.windowStart() == f.window().start());
            ObjectNode alert = Console.mapper().createObjectNode().put("model", served).put("rule", f.rule().text())
                    .put("window_start", Instant.ofEpochMilli(f.window().start()).toString())
                    .put("window_end", Instant.ofEpochMilli(f.window().end()).toString());
            DriftJson.number(alert, "value", f.value());
            alert.put("new", !seen);
            if (!seen) {
                ObjectNode done = Console.mapper().createObjectNode();
                ObjectNode hook = actions.webhook(alert.deepCopy());
                if (hook != null) {
                    done.set("webhook", hook);
                }
                if (!retrained) {
                    ObjectNode r = actions.retrainAndGate();
                    if (r != null) {
                        done.set("retraining", r);
                        retrained = true;
                    }
                }
                alert.set("actions", done);
                log.alert(new MonitorAlert(UUID.randomUUID().toString().replace("-", ""), served, f.rule().text(), f.window().start(),
                        f.window().end(), f.value(), System.currentTimeMillis(), done.toString()));
                console.note("forja: ALERT " + served + ": " + f.rule().text() + " (measured " + fmt(f.value()) + ") in the window from "
                        + Instant.ofEpochMilli(f.window().start()));
            }
            out.add(alert);
        }
        return out;
    }

    private void print(List<WindowResult> windows, ArrayNode alerts, String metric, String served, Duration length) {
        if (output.json) {
            ObjectNode doc = Console.mapper().createObjectNode().put("model", modelUri).put("name", served).put("window_seconds", length.toSeconds());
            ArrayNode ws = doc.putArray("windows");
            for (int i = 0; i < windows.size(); i++) {
                ws.add(MonitorJson.window(windows.get(i), i == windows.size() - 1));
            }
            doc.set("alerts", alerts);
            if (report == null) {
                doc.putNull("report");
            } else {
                doc.put("report", report.toString());
            }
            console.printJson(doc);
            return;
        }
        var o = console.out();
        if (windows.isEmpty()) {
            o.println("no logged requests for '" + served + "' in the period (serve it with --log-predictions)");
        } else {
            o.printf(Locale.ROOT, "%s (%s), windows of %s:%n", served, modelUri, length);
            o.printf(Locale.ROOT, "  %-22s %8s %8s %-9s %8s %8s %9s  %s%n", "window start", "rows", "labelled", "verdict", "max psi", "pred psi", metric,
                    "drifted");
            for (WindowResult w : windows) {
                ObjectNode j = MonitorJson.window(w, false);
                o.printf(Locale.ROOT, "  %-22s %8d %8d %-9s %8s %8s %9s  %s%n", Instant.ofEpochMilli(w.start()), w.rows(), w.labelled(), w.drift().verdict(),
                        fmt(j.path("max_psi").asDouble(Double.NaN)), fmt(j.path("prediction_psi").asDouble(Double.NaN)),
                        fmt(w.metrics().getOrDefault(metric, Double.NaN)), String.join(",", textList(j.path("drifted"))));
            }
        }
        alerts.forEach(a -> o.println("ALERT " + a.path("rule").asText() + " in the window from " + a.path("window_start").asText() + ": measured "
                + a.path("value").asText()));
        if (report != null) {
            o.println("report: " + report);
        }
    }

    private static List<String> textList(com.fasterxml.jackson.databind.JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static long firstWindowStart(PredictionLog log, String served, long w) {
        long first = log.firstTimestamp(served);
        return first < 0 ? -1 : first / w * w;
    }

    /** An ISO instant, or a duration back from {@code now}. */
    static long time(String text, long now, String option) {
        try {
            return Instant.parse(text).toEpochMilli();
        } catch (DateTimeParseException e) {
            try {
                return now - Durations.parse(text, option).toMillis();
            } catch (ForjaException notDuration) {
                throw new ForjaException(option + " '" + text + "' is neither an ISO instant nor a duration", "write e.g. 2026-12-01T00:00:00Z or 24h");
            }
        }
    }

    private static String fmt(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.3f", v);
    }
}

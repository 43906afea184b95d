package dev.forja.app.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.forja.app.cli.Console;
import dev.forja.app.cli.ExitCode;
import dev.forja.app.cli.InProcess;
import dev.forja.app.cli.OutputOptions;
import dev.forja.app.serve.ServeCommand;
import dev.forja.app.tracking.LazyTracking;
import dev.forja.app.tracking.TrackingOptions;
import dev.forja.core.ForjaException;
import dev.forja.serve.http.ListenerAddress;
import dev.forja.serve.http.ServingServer;
import dev.forja.serve.log.PredictionLogger;
import dev.forja.store.jdbc.JdbcStore;
import io.undertow.Undertow;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code forja demo drift}: the monitoring loop end to end on real data with a natural shift. A model is
 * trained on 2008 bank-marketing calls and served with the prediction log on; two windows of 2008
 * traffic (rows it was not trained on) and then two windows of 2010 traffic (after the crisis: other
 * interest rates, employment, campaigns) go through the server, with their outcomes sent back as late
 * labels. {@code forja monitor} then reads the log against a policy: drift is detected, the alert is
 * recorded and posted to a webhook, retraining on the labelled 2010 rows is started, and the
 * promotion gate decides whether the retrained model replaces the old one.
 */
@Command(name = "drift", mixinStandardHelpOptions = true, description = {
    "Run the monitoring loop on real data with a natural shift: train on 2008, serve 2008 then 2010 traffic with late labels,",
    "detect drift per window, raise the alert (webhook), retrain on 2010, and let the promotion gate decide. About a minute."})
public final class DriftDemoCommand implements Callable<Integer> {
    static final String MODEL = "bank-demo";
    private static final int BATCH = 100;
    private final Console console;

    @Option(names = "--data", defaultValue = "examples/data/bank_marketing.csv.gz", paramLabel = "CSV",
            description = "The Bank Marketing data, in time order (default: ${DEFAULT-VALUE}).")
    Path data;

    @Option(names = "--dir", defaultValue = "forja-demo-drift", paramLabel = "DIR", description = "Where the demo writes its data, policy and reports "
            + "(default: ${DEFAULT-VALUE}).")
    Path dir;

    @Option(names = "--window", defaultValue = "4", paramLabel = "SECONDS", description = "Seconds per monitoring window; the traffic is paced "
            + "over four of them (default: ${DEFAULT-VALUE}).")
    int windowSeconds;

    @Mixin
    OutputOptions output = new OutputOptions();

    public DriftDemoCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (windowSeconds < 2) {
            throw new ForjaException("--window " + windowSeconds + " is too short to pace the traffic", "give 2 seconds or more");
        }
        DemoData bank = DemoData.read(data);
        Files.createDirectories(dir);
        int n = bank.rows.size();
        // 2008: the first 20,000 calls; every fifth is held back as calm traffic, the rest trains.
        List<String> train = new ArrayList<>();
        List<String> calm = new ArrayList<>();
        for (int i = 0; i < Math.min(20_000, n); i++) {
            (i % 5 == 0 ? calm : train).add(bank.rows.get(i));
        }
        // served in random order (seeded), so each window looks like the training period as a whole and not
        // like one month of it: the seasons inside 2008 are a drift of their own
        java.util.Collections.shuffle(calm, new java.util.Random(7));
        // 2010: the last 8,000 calls; the first 5,000 are served and labelled (and retrain), the rest is the gate's holdout.
        List<String> late = bank.rows.subList(Math.max(0, n - 8_000), n);
        List<String> shifted = new ArrayList<>(late.subList(0, Math.min(5_000, late.size())));
        List<String> holdout = new ArrayList<>(late.subList(shifted.size(), late.size()));
        Path trainFile = dir.resolve("train_2008.csv");
        Path recentFile = dir.resolve("recent_2010.csv");
        Path holdoutFile = dir.resolve("holdout_2010.csv");
        bank.write(trainFile, train);
        bank.write(recentFile, shifted);
        bank.write(holdoutFile, holdout);
        ObjectNode summary = Console.mapper().createObjectNode();

        step(1, "train on 2008 (" + train.size() + " calls) and put it in production");
        JsonNode trained = forja(true, "train", trainFile.toString(), "--target", DemoData.TARGET, "--model", "logistic", "--experiment", "demo-drift",
                "--register", MODEL, "--json");
        long v1 = trained.path("registered").path("version").asLong();
        forja(true, "models", "alias", MODEL, Long.toString(v1), "production", "--json");
        say("  models:/%s/%d, test auc %.4f on held-out 2008 calls", MODEL, v1, trained.path("metrics").path("auc").asDouble());
        summary.put("production_before", v1);

        List<String> received = new CopyOnWriteArrayList<>();
        // a stand-in for the team's alerting endpoint: it keeps what it is sent
        Undertow webhook = Undertow.builder().addHttpListener(0, "127.0.0.1").setHandler(ex -> ex.getRequestReceiver().receiveFullString((e, body) -> {
            received.add(body);
            e.setStatusCode(204);
            e.endExchange();
        })).build();
        webhook.start();
        String hookUrl = ListenerAddress.url(webhook) + "/alerts";
        Path policy = dir.resolve("monitor.yaml");
        Files.writeString(policy, String.join("\n",
                "# forja demo drift: the policy forja monitor applies",
                "window: " + windowSeconds + "s",
                "rules:",
                "  - psi(any) > 0.25 for 2 windows",
                "  - unseen_rate(poutcome) > 0.05",
                "actions:",
                "  webhook: " + hookUrl,
                "  retrain: train " + recentFile + " --target " + DemoData.TARGET + " --model xgboost --experiment demo-drift --register " + MODEL,
                "  gate: {to: production, data: " + holdoutFile + ", must_beat: production}",
                ""), StandardCharsets.UTF_8);

        step(2, "serve it with the prediction log on; send 2008 traffic for two windows, then 2010 traffic for two");
        long windowMs = windowSeconds * 1000L;
        long start;
        int requests;
        try (LazyTracking tracking = new LazyTracking(new TrackingOptions())) {
            if (!(tracking.get().store() instanceof JdbcStore db)) {
                throw new ForjaException("the demo needs a database store for the prediction log", "unset FORJA_TRACKING_URI, or point it at postgresql://");
            }
            PredictionLogger logger = new PredictionLogger(db.predictionLog(), 10_000);
            String uri = "models:/" + MODEL + "@production";
            List<String[]> labels = new ArrayList<>();
            try (ServingServer server = ServeCommand.startOne(uri, MODEL, tracking, ServingServer.Options.loopback(0), logger)) {
                awaitReady(server);
                HttpClient http = HttpClient.newHttpClient();
                // windows are aligned on multiples of their length, as forja monitor cuts them
                start = (System.currentTimeMillis() / windowMs + 1) * windowMs;
                Thread.sleep(Math.max(0, start - System.currentTimeMillis()));
                requests = send(http, server.url(), bank, calm.subList(0, Math.min(4_000, calm.size())), start, 2 * windowMs, labels);
                requests += send(http, server.url(), bank, shifted, start + 2 * windowMs, 2 * windowMs, labels);
                long deadline = System.currentTimeMillis() + 30_000;
                while (logger.written() + logger.dropped() + logger.failed() < requests && System.currentTimeMillis() < deadline) {
                    Thread.sleep(20);
                }
                say("  %d requests (%d rows) answered by %s; %d logged", requests, calm.size() + shifted.size(), server.url(), logger.written());
                step(3, "send the outcomes back as late labels (POST /v1/feedback)");
                sendFeedback(http, server.url(), labels);
                say("  %d labels", labels.size());
            }
            logger.close();
        }

        step(4, "forja monitor with the policy: drift per window, metrics from the labels, alerts and actions");
        Path report = dir.resolve("monitor.html");
        InProcess.Result monitor = InProcess.run(List.of("monitor", "models:/" + MODEL + "/" + v1, "--name", MODEL, "--policy", policy.toString(), "--since",
                Instant.ofEpochMilli(start).toString(), "--until", Instant.ofEpochMilli(start + 4 * windowMs).toString(), "--report", report.toString(),
                "--json"));
        if (monitor.code() > 1) {
            throw new ForjaException("forja monitor failed: " + monitor.err().trim(), "run it by hand to see more");
        }
        webhook.stop();
        JsonNode m = monitor.json();
        ArrayNode windows = summary.putArray("windows");
        for (JsonNode w : m.path("windows")) {
            ObjectNode row = windows.addObject().put("start", w.path("start").asText()).put("end", w.path("end").asText()).put("rows", w.path("rows").asLong())
                    .put("labelled", w.path("labelled").asLong()).put("verdict", w.path("verdict").asText());
            row.set("max_psi", w.path("max_psi"));
            row.set("auc", w.path("metrics").path("auc"));
            row.set("drifted", w.path("drifted"));
            say("  window %s: %5d rows, %s, largest PSI %s, auc %s%s", w.path("start").asText(), w.path("rows").asLong(), w.path("verdict").asText(),
                    fmt(w.path("max_psi")), fmt(w.path("metrics").path("auc")), w.path("drifted").isEmpty() ? "" : "; drifted: " + list(w.path("drifted")));
        }
        summary.set("alerts", m.path("alerts"));
        summary.put("webhook_calls", received.size());
        for (JsonNode a : m.path("alerts")) {
            say("  ALERT %s (measured %s) in the window from %s", a.path("rule").asText(), fmt(a.path("value")), a.path("window_start").asText());
        }
        say("  the webhook received %d alert(s)", received.size());
        JsonNode retraining = null;
        for (JsonNode a : m.path("alerts")) {
            if (a.path("actions").has("retraining")) {
                retraining = a.path("actions").path("retraining");
            }
        }
        step(5, "the retrained model and the gate's decision");
        if (retraining == null) {
            say("  no retraining was started");
        } else {
            summary.set("retraining", retraining);
            say("  retrained: %s", retraining.path("candidate").asText("(none)"));
            say("  gate: %s", retraining.path("promoted").asBoolean() ? "promoted to production" : "refused: " + retraining.path("gate").path("reason").asText(""));
        }
        JsonNode shown = forja(false, "models", "show", MODEL, "--json");
        summary.put("production_after", shown.path("aliases").path("production").asLong());
        say("  models:/%s@production -> version %d", MODEL, summary.path("production_after").asLong());
        Path driftReport = dir.resolve("drift.html");
        forja(false, "drift", "models:/" + MODEL + "/" + v1, recentFile.toString(), "--report", driftReport.toString(), "--json");
        summary.put("monitor_report", report.toString());
        summary.put("drift_report", driftReport.toString());
        summary.put("policy", policy.toString());
        say("  reports: %s, %s", report, driftReport);
        if (output.json) {
            console.printJson(summary);
        }
        return ExitCode.OK;
    }

    /** Sends {@code rows} in batches spread evenly over {@code spanMs} from {@code from}; keeps (request id, row, label) for the feedback. */
    private static int send(HttpClient http, String url, DemoData bank, List<String> rows, long from, long spanMs, List<String[]> labels)
            throws IOException, InterruptedException {
        int batches = (rows.size() + BATCH - 1) / BATCH;
        for (int b = 0; b < batches; b++) {
            long due = from + (long) ((b + 0.5) * spanMs / batches);
            Thread.sleep(Math.max(0, due - System.currentTimeMillis()));
            List<String> part = rows.subList(b * BATCH, Math.min(rows.size(), (b + 1) * BATCH));
            StringBuilder body = new StringBuilder("{\"instances\": [");
            for (int i = 0; i < part.size(); i++) {
                body.append(i > 0 ? ", " : "").append(bank.inputsJson(part.get(i)));
            }
            body.append("]}");
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url + "/v1/models/" + MODEL + ":predict"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new ForjaException("the server answered " + r.statusCode() + ": " + r.body(), "see the log above");
            }
            String id = r.headers().firstValue("X-Request-Id").orElseThrow();
            for (int i = 0; i < part.size(); i++) {
                labels.add(new String[] {id, Integer.toString(i), bank.label(part.get(i))});
            }
        }
        return batches;
    }

    private static void sendFeedback(HttpClient http, String url, List<String[]> labels) throws IOException, InterruptedException {
        for (int from = 0; from < labels.size(); from += 1_000) {
            StringBuilder body = new StringBuilder("{\"feedback\": [");
            for (int i = from; i < Math.min(labels.size(), from + 1_000); i++) {
                String[] l = labels.get(i);
                body.append(i > from ? ", " : "").append("{\"request_id\": \"").append(l[0]).append("\", \"row\": ").append(l[1])
                        .append(", \"actual\": \"").append(l[2]).append("\"}");
            }
            body.append("]}");
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url + "/v1/feedback")).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() / 100 != 2) {
                throw new ForjaException("the server refused the labels: " + r.statusCode() + " " + r.body(), "see the log above");
            }
        }
    }

    private static void awaitReady(ServingServer server) throws InterruptedException {
        long start = System.nanoTime();
        while (!server.ready()) {
            if (System.nanoTime() - start > 60_000_000_000L) {
                throw new ForjaException("the model did not load within a minute", "see the log above");
            }
            Thread.sleep(20);
        }
    }

    private void step(int n, String what) {
        note(String.format(Locale.ROOT, "[%d/5] %s", n, what));
    }

    private void say(String format, Object... args) {
        note(String.format(Locale.ROOT, format, args));
    }

    private void note(String line) {
        (output.json ? console.err() : console.out()).println(line);
    }

    private static String fmt(JsonNode v) {
        return v == null || v.isNull() || v.isMissingNode() ? "-" : String.format(Locale.ROOT, "%.3f", v.asDouble());
    }

    private static String list(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(x -> out.add(x.asText()));
        return String.join(", ", out);
    }

    /** A Forja command in process; its JSON. {@code show} echoes the command for people to repeat. */
    private JsonNode forja(boolean show, String... args) {
        if (show) {
            List<String> shown = new ArrayList<>(List.of(args));
            shown.remove("--json");
            note("  ./forja " + String.join(" ", shown));
        }
        return InProcess.json(List.of(args));
    }
}

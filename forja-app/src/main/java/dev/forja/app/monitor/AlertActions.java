package dev.forja.app.monitor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.forja.app.cli.Console;
import dev.forja.app.cli.InProcess;
import dev.forja.serve.monitor.MonitorPolicy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What a policy does when rules fire: POSTs each new alert to the webhook, and once per monitoring pass
 * runs the retraining command line, then the promotion gate on the version it registered, so a
 * retrained model replaces the current one only when it passes. Every step's outcome is recorded on
 * the alert; a failing step is reported, never hidden.
 */
final class AlertActions {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final MonitorPolicy policy;
    private final String modelName;
    private final Console console;

    AlertActions(MonitorPolicy policy, String modelName, Console console) {
        this.policy = policy;
        this.modelName = modelName;
        this.console = console;
    }

    /** POSTs the alert as JSON; the outcome (status or error) for the record. */
    ObjectNode webhook(ObjectNode alert) {
        ObjectNode outcome = Console.mapper().createObjectNode();
        if (policy.webhook() == null) {
            return null;
        }
        outcome.put("url", policy.webhook());
        try {
            HttpRequest req = HttpRequest.newBuilder(URI.create(policy.webhook())).timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(alert.toString())).build();
            HttpResponse<String> r = HTTP.send(req, HttpResponse.BodyHandlers.ofString());
            outcome.put("status", r.statusCode());
            if (r.statusCode() >= 300) {
                console.note("forja: warning: the webhook " + policy.webhook() + " answered " + r.statusCode());
            }
        } catch (java.io.IOException | IllegalArgumentException e) {
            outcome.put("error", String.valueOf(e.getMessage()));
            console.note("forja: warning: the webhook " + policy.webhook() + " failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            outcome.put("error", "interrupted");
        }
        return outcome;
    }

    /** Runs the retraining command and, when it registered a version, the promotion gate; null without a retrain action. */
    ObjectNode retrainAndGate() {
        if (policy.retrain() == null) {
            return null;
        }
        ObjectNode outcome = Console.mapper().createObjectNode();
        ArrayNode cmd = outcome.putArray("retrain");
        policy.retrain().forEach(cmd::add);
        console.note("forja: retraining: forja " + String.join(" ", policy.retrain()));
        InProcess.Result train = InProcess.run(withJson(policy.retrain()));
        outcome.put("retrain_exit", train.code());
        if (train.code() != 0) {
            outcome.put("retrain_error", train.json().path("error").asText(train.err()));
            console.note("forja: warning: retraining failed: " + train.json().path("error").asText(train.err()));
            return outcome;
        }
        JsonNode registered = train.json().path("registered");
        if (registered.isMissingNode()) {
            outcome.put("note", "the retraining command registered no version (add --register " + modelName + "), so nothing was promoted");
            return outcome;
        }
        long version = registered.path("version").asLong();
        String name = registered.path("name").asText();
        outcome.put("candidate", "models:/" + name + "/" + version);
        if (policy.gate() == null) {
            outcome.put("note", "no gate in the policy: the new version is registered but not promoted");
            return outcome;
        }
        List<String> promote = new ArrayList<>(List.of("models", "promote", name, "--version", Long.toString(version), "--to", policy.gate().to()));
        if (policy.gate().data() != null) {
            promote.addAll(List.of("--data", policy.gate().data()));
        }
        if (policy.gate().checks() != null) {
            promote.addAll(List.of("--checks", policy.gate().checks()));
        }
        if (policy.gate().mustBeat() != null) {
            promote.addAll(List.of("--must-beat", policy.gate().mustBeat()));
        }
        InProcess.Result gate = InProcess.run(withJson(promote));
        outcome.put("gate_exit", gate.code());
        outcome.put("promoted", gate.code() == 0);
        outcome.set("gate", gate.json());
        console.note("forja: gate: models:/" + name + "/" + version + (gate.code() == 0 ? " promoted to " + policy.gate().to()
                : " refused: " + gate.json().path("reason").asText(gate.json().path("error").asText(""))));
        return outcome;
    }

    private static List<String> withJson(List<String> args) {
        List<String> a = new ArrayList<>(args);
        if (!a.contains("--json")) {
            a.add("--json");
        }
        return a;
    }
}

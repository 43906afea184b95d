package dev.forja.app.train;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.forja.app.cli.Console;
import dev.forja.app.tracking.ModelLogging;
import dev.forja.core.ingest.Dataset;
import dev.forja.learn.train.TrainResult;
import dev.forja.store.registry.ModelVersion;
import dev.forja.store.tracking.Run;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/** How {@code forja train} reports a run: one JSON document, or a table of model vs baseline. */
final class TrainReport {
    private TrainReport() {
    }

    static void print(TrainResult r, Dataset data, Path dir, Run run, String experiment, ModelVersion registered, Console console,
                      boolean json) {
        var model = r.model();
        String modelUri = "runs:/" + run.id() + "/" + ModelLogging.MODEL_PATH;
        if (json) {
            ObjectNode doc = JsonNodeFactory.instance.objectNode();
            doc.put("model_dir", dir.toString());
            doc.put("run_id", run.id());
            doc.put("experiment", experiment);
            doc.put("model_uri", modelUri);
            if (registered != null) {
                ObjectNode reg = doc.putObject("registered");
                reg.put("name", registered.name());
                reg.put("version", registered.version());
                reg.put("model_uri", "models:/" + registered.name() + "/" + registered.version());
            }
            doc.set("task", model.task().toJson());
            doc.put("model", model.learner());
            ObjectNode params = doc.putObject("params");
            model.provenance().params().forEach(params::put);
            doc.set("metrics", numbers(r.metrics()));
            doc.put("baseline", "baseline");
            doc.set("baseline_metrics", numbers(r.baselineMetrics()));
            doc.put("train_seconds", r.trainSeconds());
            ObjectNode rows = doc.putObject("rows");
            rows.put("train", r.trainRows());
            rows.put("valid", r.validRows());
            rows.put("test", r.testRows().length);
            ObjectNode d = doc.putObject("data");
            d.put("source", data.source());
            d.put("fingerprint", data.fingerprint());
            if (r.cvScores().length > 0) {
                ObjectNode cv = doc.putObject("cv");
                cv.put("folds", r.cvScores().length);
                cv.put("metric", model.task().metric());
                var scores = cv.putArray("scores");
                double mean = 0;
                for (double s : r.cvScores()) {
                    scores.add(s);
                    mean += s / r.cvScores().length;
                }
                double var = 0;
                for (double s : r.cvScores()) {
                    var += (s - mean) * (s - mean) / Math.max(1, r.cvScores().length - 1);
                }
                cv.put("mean", mean);
                cv.put("std", Math.sqrt(var));
            }
            if (r.overfit() != null) {
                ObjectNode o = doc.putObject("overfit_check");
                o.put("rows", r.overfit().rows());
                o.put("metric", r.overfit().metric());
                o.put("score", r.overfit().score());
                o.put("passed", r.overfit().passed());
                o.put("message", r.overfit().message());
            }
            var notes = doc.putArray("notes");
            r.notes().forEach(notes::add);
            console.printJson(doc);
            return;
        }
        var o = console.out();
        o.printf(Locale.ROOT, "%s on %s: %s task, target %s%s%n", model.learner(), data.source(), model.task().kind().id(),
                model.task().target(), model.task().positiveClass() != null ? " (positive class " + model.task().positiveClass() + ")" : "");
        o.printf(Locale.ROOT, "rows: %d train, %d validation, %d test; fitted in %.2f s%n", r.trainRows(), r.validRows(), r.testRows().length, r.trainSeconds());
        o.printf(Locale.ROOT, "  %-18s %10s %10s%n", "test metric", model.learner(), "baseline");
        for (Map.Entry<String, Double> e : r.metrics().entrySet()) {
            String mark = e.getKey().equals(model.task().metric()) ? " *" : "";
            o.printf(Locale.ROOT, "  %-18s %10.4f %10.4f%s%n", e.getKey(), e.getValue(), r.baselineMetrics().getOrDefault(e.getKey(), Double.NaN), mark);
        }
        if (r.cvScores().length > 0) {
            double mean = java.util.Arrays.stream(r.cvScores()).average().orElse(Double.NaN);
            o.printf(Locale.ROOT, "%d-fold CV %s on the training part: mean %.4f%n", r.cvScores().length, model.task().metric(), mean);
        }
        if (r.overfit() != null) {
            o.println((r.overfit().passed() ? "overfit check passed: " : "overfit check FAILED: ") + r.overfit().message());
        }
        for (String n : r.notes()) {
            console.note("forja: note: " + n);
        }
        o.println("model: " + dir);
        o.println("run: " + run.id() + " in experiment " + experiment + " (" + modelUri + ")");
        if (registered != null) {
            o.println("registered: models:/" + registered.name() + "/" + registered.version());
        }
    }

    private static ObjectNode numbers(Map<String, Double> m) {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        m.forEach((k, v) -> {
            if (v == null || v.isNaN()) {
                n.putNull(k);
            } else {
                n.put(k, v);
            }
        });
        return n;
    }
}

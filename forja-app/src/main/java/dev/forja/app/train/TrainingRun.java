package dev.forja.app.train;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.forja.app.tracking.ModelLogging;
import dev.forja.core.ingest.Dataset;
import dev.forja.learn.model.Model;
import dev.forja.learn.model.Provenance;
import dev.forja.learn.train.TrainResult;
import dev.forja.store.Store;
import dev.forja.store.tracking.DatasetInput;
import dev.forja.store.tracking.Metric;
import dev.forja.store.tracking.NewRun;
import dev.forja.store.tracking.Run;
import dev.forja.store.tracking.RunStatus;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code forja train} logs about one training: the params that made the model (every learner
 * parameter with its default filled in, the target, split and seed), its test metrics next to the
 * baseline's, cross-validation scores by fold, and the data it was trained on by fingerprint. Logged
 * in one transaction after the model is in place, so a run in the store always has its model.
 */
final class TrainingRun {

    private TrainingRun() {
    }

    static Run record(Store store, String runId, String experimentId, String runName, long startTime, TrainResult r, Model model,
                      Dataset data) {
        Provenance p = model.provenance();
        Map<String, String> params = new LinkedHashMap<>();
        params.put("model", model.learner());
        params.put("target", model.task().target());
        params.put("task", model.task().kind().id());
        params.put("metric", model.task().metric());
        params.put("split", p.split());
        params.put("seed", Long.toString(p.seed()));
        p.params().forEach((k, v) -> params.putIfAbsent(k, v));

        long now = System.currentTimeMillis();
        List<Metric> metrics = new ArrayList<>();
        r.metrics().forEach((k, v) -> metrics.add(new Metric(k, v, now, 0)));
        r.baselineMetrics().forEach((k, v) -> metrics.add(new Metric("baseline_" + k, v, now, 0)));
        metrics.add(new Metric("train_seconds", r.trainSeconds(), now, 0));
        double[] cv = r.cvScores();
        if (cv.length > 0) {
            String key = "cv_" + model.task().metric();
            double mean = 0;
            for (int fold = 0; fold < cv.length; fold++) {
                metrics.add(new Metric(key, cv[fold], now, fold));
                mean += cv[fold] / cv.length;
            }
            metrics.add(new Metric(key + "_mean", mean, now, 0));
        }

        Map<String, String> tags = new LinkedHashMap<>();
        tags.put("mlflow.source.type", "LOCAL");
        tags.put("mlflow.source.name", "forja train");
        tags.put("mlflow.log-model.history", "[{\"artifact_path\":\"" + ModelLogging.MODEL_PATH + "\",\"flavors\":{\"forja\":{}}}]");
        tags.put("forja.learner", model.learner());
        tags.put("forja.seed", Long.toString(p.seed()));
        p.versions().forEach((k, v) -> tags.put("forja.version." + k, v));

        ObjectNode profile = JsonNodeFactory.instance.objectNode();
        profile.put("num_rows", data.frame().rowCount());
        profile.put("num_columns", data.frame().columnCount());
        profile.put("training_rows", r.trainRows());
        DatasetInput input = new DatasetInput(datasetName(data.source()), data.fingerprint(), data.source().startsWith("jdbc:") ? "jdbc"
                : "local", data.source(), model.signature().toJson().toString(), profile.toString(), Map.of("mlflow.data.context", "training"));

        String user = System.getProperty("user.name", "");
        return store.recordRun(new NewRun(runId, experimentId, runName, user, startTime, tags), params, metrics, List.of(input),
                RunStatus.FINISHED, System.currentTimeMillis());
    }

    static String datasetName(String source) {
        if (source.startsWith("jdbc:")) {
            return "query";
        }
        Path name = Path.of(source).getFileName();
        return name == null ? source : name.toString();
    }
}

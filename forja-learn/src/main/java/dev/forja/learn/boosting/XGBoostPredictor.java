package dev.forja.learn.boosting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.forja.learn.tree.eval.EnsemblePredictor;
import dev.forja.learn.tree.eval.TreeEnsemble;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A trained XGBoost model: scored by the compiled {@link TreeEnsemble}, saved with XGBoost's own
 * JSON model ({@value #BOOSTER_FILE}, holding exactly the trees that are scored) next to the
 * evaluator's {@code trees.bin}. Loading reads {@code trees.bin}; XGBoost is not needed to score.
 */
public final class XGBoostPredictor extends EnsemblePredictor {
    public static final String BOOSTER_FILE = "booster.json";

    /**
     * What training did.
     *
     * @param roundsTrained rounds run (fewer than asked when early stopping stopped it)
     * @param roundsKept    rounds in the model: the best round + 1 with early stopping, else all
     * @param evalMetric    XGBoost's validation metric name
     * @param bestScore     validation score of the best round, NaN without early stopping
     * @param xgboost       XGBoost4J version that trained it
     */
    public record Info(int roundsTrained, int roundsKept, String evalMetric, double bestScore, String xgboost) {
    }

    private final byte[] boosterJson;
    private final Info info;

    XGBoostPredictor(TreeEnsemble ensemble, byte[] boosterJson, Info info) {
        super(ensemble);
        this.boosterJson = boosterJson;
        this.info = info;
    }

    public Info info() {
        return info;
    }

    /** XGBoost's JSON model of the rounds kept (load it with {@code xgboost.Booster(model_file=...)}). */
    public byte[] boosterJson() {
        return boosterJson.clone();
    }

    @Override
    public ObjectNode save(Path dir) throws IOException {
        ObjectNode saved = super.save(dir);
        Files.write(dir.resolve(BOOSTER_FILE), boosterJson);
        saved.put("booster", BOOSTER_FILE);
        saved.put("rounds_trained", info.roundsTrained());
        saved.put("rounds_kept", info.roundsKept());
        saved.put("eval_metric", info.evalMetric());
        if (!Double.isNaN(info.bestScore())) {
            saved.put("best_score", info.bestScore());
        }
        saved.put("xgboost_version", info.xgboost());
        return saved;
    }

    static XGBoostPredictor load(JsonNode saved, Path dir) throws IOException {
        TreeEnsemble ensemble = EnsemblePredictor.loadEnsemble(saved, dir);
        Path booster = dir.resolve(BOOSTER_FILE);
        byte[] json = Files.exists(booster) ? Files.readAllBytes(booster) : new byte[0];
        Info info = new Info(saved.path("rounds_trained").asInt(), saved.path("rounds_kept").asInt(),
                saved.path("eval_metric").asText(), saved.path("best_score").asDouble(Double.NaN), saved.path("xgboost_version").asText());
        return new XGBoostPredictor(ensemble, json, info);
    }
}

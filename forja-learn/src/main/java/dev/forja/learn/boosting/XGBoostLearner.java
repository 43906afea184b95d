package dev.forja.learn.boosting;

import com.fasterxml.jackson.databind.JsonNode;
import dev.forja.core.ForjaException;
import dev.forja.core.ProgressListener;
import dev.forja.core.task.Task;
import dev.forja.core.task.TaskKind;
import dev.forja.learn.learners.FeatureNeeds;
import dev.forja.learn.learners.Learner;
import dev.forja.learn.learners.ParamSpec;
import dev.forja.learn.learners.Params;
import dev.forja.learn.learners.Predictor;
import dev.forja.learn.learners.TrainingSet;
import dev.forja.learn.tree.eval.TreeEnsemble;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gradient boosted trees trained by XGBoost (XGBoost4J, native), scored by Forja's pure-Java
 * {@link TreeEnsemble}: after training, the booster's JSON model is compiled into the evaluator, which
 * reproduces XGBoost's predictions (see {@link XGBoostModelCompiler}); the JSON itself is kept in the
 * artifact as {@code booster.json} for provenance and for loading back into any XGBoost.
 *
 * <p>The objective follows the task: {@code binary:logistic}, {@code multi:softprob} or
 * {@code reg:squarederror}. Parameter names and defaults are XGBoost's (scikit-learn API names);
 * the seed becomes XGBoost's {@code seed}, so subsampling is reproducible. Training runs round by
 * round so progress is reported per round and early stopping watches the validation part; with early
 * stopping the model keeps the rounds up to the best one (the booster JSON is cut to match).
 *
 * <p>Determinism: with {@code tree_method=hist}, XGBoost's CPU training gives the same model for the
 * same data, parameters, seed and thread count (histograms are reduced in a fixed order); the test
 * suite checks byte-identical artifacts with two threads.
 */
public final class XGBoostLearner implements Learner {
    private static final Logger LOG = LoggerFactory.getLogger(XGBoostLearner.class);

    /** The boosting rounds: fewer of them is the same model, trained for less. */
    @Override
    public String budgetParam() {
        return "n_estimators";
    }

    @Override
    public String id() {
        return "xgboost";
    }

    @Override
    public String description() {
        return "gradient boosted trees (XGBoost), with early stopping on the validation part; scored in pure Java";
    }

    @Override
    public Set<TaskKind> tasks() {
        return Set.of(TaskKind.BINARY, TaskKind.MULTICLASS, TaskKind.REGRESSION);
    }

    @Override
    public List<ParamSpec> params() {
        return List.of(
                ParamSpec.integer("n_estimators", 100, 1, 100_000, "boosting rounds (XGBoost num_boost_round)"),
                ParamSpec.real("learning_rate", 0.3, 0.0, 1.0, "shrinkage of each round's trees (XGBoost eta)"),
                ParamSpec.integer("max_depth", 6, 0, 64, "maximum tree depth; 0 = no limit"),
                ParamSpec.real("min_child_weight", 1.0, 0.0, 1e12, "minimum sum of instance weight (hessian) in a child"),
                ParamSpec.real("subsample", 1.0, 1e-6, 1.0, "fraction of rows sampled for each round"),
                ParamSpec.real("colsample_bytree", 1.0, 1e-6, 1.0, "fraction of features sampled for each tree"),
                ParamSpec.real("reg_lambda", 1.0, 0.0, 1e12, "L2 regularisation of leaf weights (XGBoost lambda)"),
                ParamSpec.real("reg_alpha", 0.0, 0.0, 1e12, "L1 regularisation of leaf weights (XGBoost alpha)"),
                ParamSpec.real("gamma", 0.0, 0.0, 1e12, "minimum loss reduction to split a leaf (XGBoost min_split_loss)"),
                ParamSpec.choice("tree_method", "hist", List.of("hist", "approx", "exact"), "split finding: histogram (fast), approximate or exact"),
                ParamSpec.integer("max_bin", 256, 2, 65_535, "histogram bins per feature (hist and approx)"),
                ParamSpec.integer("early_stopping_rounds", 0, 0, 100_000,
                        "stop when the validation metric has not improved for this many rounds and keep the best round; 0 = off; needs a validation part"),
                ParamSpec.choice("eval_metric", "auto", List.of("auto", "logloss", "auc", "aucpr", "error", "mlogloss", "merror", "rmse", "mae"),
                        "validation metric for early stopping; auto = logloss (binary), mlogloss (multiclass), rmse (regression)"),
                ParamSpec.real("scale_pos_weight", 1.0, 0.0, 1e12, "weight of positive rows relative to negative ones (binary only)"),
                ParamSpec.integer("nthread", 0, 0, 1024, "threads for training; 0 = all cores (the same count gives the same model)"));
    }

    @Override
    public FeatureNeeds needs() {
        return FeatureNeeds.TREES;
    }

    @Override
    public Predictor fit(TrainingSet train, TrainingSet valid, Params params, long seed, ProgressListener progress) {
        Task task = train.task();
        int rounds = params.getInt("n_estimators");
        int patience = params.getInt("early_stopping_rounds");
        if (patience > 0 && valid == null) {
            throw new ForjaException("early_stopping_rounds=" + patience + " needs a validation part to watch",
                    "give the training a validation part (e.g. --valid-size 0.1), or set early_stopping_rounds=0");
        }
        if (patience == 0 && valid != null) {
            LOG.info("xgboost: early_stopping_rounds=0, so the validation part is not used");
        }
        if (train.rows() == 0) {
            throw new ForjaException("no training rows for xgboost", "check the split sizes");
        }
        if (train.x().width() == 0) {
            throw new ForjaException("no features for xgboost to split on", "keep at least one input column besides the target");
        }
        Map<String, Object> p = boosterParams(task, params, seed);
        String metric = (String) p.get("eval_metric");
        DMatrix dtrain = null;
        DMatrix dvalid = null;
        Booster booster = null;
        try {
            dtrain = matrix(train);
            Map<String, DMatrix> watches = new LinkedHashMap<>();
            if (patience > 0) {
                dvalid = matrix(valid);
                watches.put("valid", dvalid);
            }
            // Zero rounds builds the booster (with both matrices cached); the loop below does the rounds,
            // so progress is reported per round and early stopping is ours to decide.
            booster = XGBoost.train(dtrain, p, 0, watches, null, null);
            boolean maximize = metric.startsWith("auc") || metric.equals("map") || metric.startsWith("ndcg");
            int best = -1;
            double bestScore = Double.NaN;
            int done = 0;
            for (int round = 0; round < rounds; round++) {
                booster.update(dtrain, round);
                done = round + 1;
                progress.update("boosting", done, rounds);
                if (dvalid != null) {
                    double score = lastNumber(booster.evalSet(new DMatrix[] {dvalid}, new String[] {"valid"}, round));
                    if (best < 0 || (maximize ? score > bestScore : score < bestScore)) {
                        best = round;
                        bestScore = score;
                    } else if (round - best >= patience) {
                        LOG.info("xgboost: early stop at round {}; best round {} with valid-{} {}", done, best + 1, metric, bestScore);
                        break;
                    }
                }
            }
            int keep = best >= 0 ? best + 1 : done;
            if (best >= 0) {
                booster.setAttr("best_iteration", Integer.toString(best));
                booster.setAttr("best_score", Double.toString(bestScore));
            }
            ByteArrayOutputStream json = new ByteArrayOutputStream();
            booster.saveModel(json, "json");
            byte[] bytes = json.toByteArray();
            JsonNode model = XGBoostModelCompiler.parse(bytes);
            if (keep < done) {
                model = XGBoostModelCompiler.slice(model, keep);
                bytes = XGBoostModelCompiler.JSON.writeValueAsBytes(model);
            }
            TreeEnsemble ensemble = XGBoostModelCompiler.compile(model);
            XGBoostPredictor.Info info = new XGBoostPredictor.Info(done, keep, metric, best >= 0 ? bestScore : Double.NaN, version());
            return new XGBoostPredictor(ensemble, bytes, info);
        } catch (XGBoostError e) {
            throw new ForjaException("XGBoost failed: " + firstLine(e.getMessage()), "check the parameters (" + params + ")", e);
        } catch (IOException e) {
            throw new IllegalStateException("could not read XGBoost's own JSON model", e);
        } finally {
            if (booster != null) {
                booster.dispose();
            }
            if (dvalid != null) {
                dvalid.dispose();
            }
            if (dtrain != null) {
                dtrain.dispose();
            }
        }
    }

    /** XGBoost's parameters for the task, in a fixed order. */
    static Map<String, Object> boosterParams(Task task, Params params, long seed) {
        Map<String, Object> p = new LinkedHashMap<>();
        String metric = params.get("eval_metric");
        switch (task.kind()) {
            case BINARY -> {
                p.put("objective", "binary:logistic");
                metric = metric.equals("auto") ? "logloss" : metric;
                check(metric, Set.of("logloss", "auc", "aucpr", "error"), task);
            }
            case MULTICLASS -> {
                p.put("objective", "multi:softprob");
                p.put("num_class", task.classes().size());
                metric = metric.equals("auto") ? "mlogloss" : metric;
                check(metric, Set.of("mlogloss", "merror", "auc"), task);
            }
            case REGRESSION -> {
                p.put("objective", "reg:squarederror");
                metric = metric.equals("auto") ? "rmse" : metric;
                check(metric, Set.of("rmse", "mae"), task);
            }
        }
        double spw = params.getDouble("scale_pos_weight");
        if (spw != 1.0 && task.kind() != TaskKind.BINARY) {
            throw new ForjaException("scale_pos_weight applies to binary tasks only, not " + task.kind().id(),
                    "drop scale_pos_weight, or use --balance weights");
        }
        p.put("eta", params.getDouble("learning_rate"));
        p.put("max_depth", params.getInt("max_depth"));
        p.put("min_child_weight", params.getDouble("min_child_weight"));
        p.put("subsample", params.getDouble("subsample"));
        p.put("colsample_bytree", params.getDouble("colsample_bytree"));
        p.put("lambda", params.getDouble("reg_lambda"));
        p.put("alpha", params.getDouble("reg_alpha"));
        p.put("gamma", params.getDouble("gamma"));
        p.put("tree_method", params.get("tree_method"));
        p.put("max_bin", params.getInt("max_bin"));
        if (task.kind() == TaskKind.BINARY) {
            p.put("scale_pos_weight", spw);
        }
        p.put("eval_metric", metric);
        int threads = params.getInt("nthread");
        p.put("nthread", threads > 0 ? threads : Runtime.getRuntime().availableProcessors());
        p.put("seed", seed);
        p.put("verbosity", 1);
        return p;
    }

    private static void check(String metric, Set<String> allowed, Task task) {
        if (!allowed.contains(metric)) {
            throw new ForjaException("eval_metric " + metric + " does not apply to a " + task.kind().id() + " task",
                    "use one of " + String.join(", ", allowed.stream().sorted().toList()) + ", or auto");
        }
    }

    /** Features as the float matrix XGBoost stores anyway (one conversion), labels and weights. */
    static DMatrix matrix(TrainingSet s) throws XGBoostError {
        double[] v = s.x().values();
        float[] f = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            f[i] = (float) v[i];
        }
        DMatrix d = new DMatrix(f, s.rows(), s.x().width(), Float.NaN);
        float[] y = new float[s.rows()];
        for (int i = 0; i < y.length; i++) {
            y[i] = (float) s.y()[i];
        }
        d.setLabel(y);
        if (s.weights() != null) {
            float[] w = new float[s.rows()];
            for (int i = 0; i < w.length; i++) {
                w[i] = (float) s.weights()[i];
            }
            d.setWeight(w);
        }
        return d;
    }

    /** The score in XGBoost's evaluation line {@code "[12]\tvalid-logloss:0.3124"}. */
    static double lastNumber(String evalLine) {
        String s = evalLine.trim();
        return Double.parseDouble(s.substring(s.lastIndexOf(':') + 1).trim());
    }

    /** XGBoost's message without its time stamp, source location and native stack trace. */
    static String firstLine(String s) {
        if (s == null) {
            return "unknown error";
        }
        String t = s.strip();
        int nl = t.indexOf('\n');
        t = nl < 0 ? t : t.substring(0, nl);
        return t.replaceFirst("^\\[[0-9:]+\\]\\s+\\S+:\\d+:\\s*", "").replaceFirst("^Check failed: [^:]*: ", "");
    }

    /** XGBoost4J's version, read from the jar's Maven metadata (for provenance), or "unknown". */
    public static String version() {
        for (String artifact : List.of("xgboost4j_2.13", "xgboost4j-spark_2.13")) {
            try (InputStream in = XGBoost.class.getResourceAsStream("/META-INF/maven/ml.dmlc/" + artifact + "/pom.properties")) {
                if (in != null) {
                    Properties props = new Properties();
                    props.load(in);
                    return props.getProperty("version", "unknown");
                }
            } catch (IOException e) {
                LOG.debug("no XGBoost version metadata in {}", artifact, e);
            }
        }
        String v = XGBoost.class.getPackage().getImplementationVersion();
        return v == null ? "unknown" : v.toLowerCase(Locale.ROOT);
    }

    @Override
    public Predictor load(JsonNode saved, Path dir) throws IOException {
        return XGBoostPredictor.load(saved, dir);
    }
}

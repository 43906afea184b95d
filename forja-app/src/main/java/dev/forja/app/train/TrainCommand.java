package dev.forja.app.train;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.forja.app.cli.Console;
import dev.forja.app.cli.ExitCode;
import dev.forja.app.cli.OutputOptions;
import dev.forja.app.data.DataArgument;
import dev.forja.app.data.DataSourceOptions;
import dev.forja.app.tracking.ModelLogging;
import dev.forja.app.tracking.Tracking;
import dev.forja.app.tracking.TrackingOptions;
import dev.forja.core.ForjaException;
import dev.forja.core.ingest.Dataset;
import dev.forja.core.task.CostMatrix;
import dev.forja.core.task.Task;
import dev.forja.core.task.TaskKind;
import dev.forja.learn.features.PipelineSpec;
import dev.forja.learn.train.TrainOptions;
import dev.forja.learn.train.TrainResult;
import dev.forja.learn.train.Trainer;
import dev.forja.store.Store;
import dev.forja.store.registry.ModelVersion;
import dev.forja.store.tracking.Run;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code forja train <data> --target COL}: frames the task, splits, fits the pipeline and the model on
 * the training part, always fits the baseline too, and reports both on the held-out test part.
 */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Train a model and report its test metrics next to a baseline's.",
            "Models: baseline, rule, logistic, linear, naive-bayes, knn, tree, forest, extra-trees, xgboost."})
public final class TrainCommand implements Callable<Integer> {
    private final Console console;

    @Parameters(index = "0", paramLabel = "DATA", description = "A data file (csv, tsv, arff, parquet, jsonl; .gz too) or a jdbc: URL.")
    String source;

    @Option(names = "--target", required = true, paramLabel = "COLUMN", description = "The column to predict.")
    String target;

    @Option(names = "--task", paramLabel = "KIND", description = "binary, multiclass or regression (default: inferred from the target).")
    String task;

    @Option(names = "--positive", paramLabel = "CLASS", description = "The positive class of a binary task (default: 1 / yes / true, else the rarer class).")
    String positive;

    @Option(names = "--model", defaultValue = "xgboost", paramLabel = "NAME", description = "The learner (default: ${DEFAULT-VALUE}).")
    String model;

    @Option(names = "--param", paramLabel = "NAME=VALUE", description = "A hyperparameter (repeatable); see 'forja learners' for each model's.")
    List<String> params = new ArrayList<>();

    @Option(names = "--metric", paramLabel = "NAME", description = "Metric to optimise and report first: auc, pr_auc, accuracy, balanced_accuracy, f1, precision, recall, log_loss, brier, mcc; rmse, mse, mae, r2, mape.")
    String metric;

    @Option(names = "--cost", paramLabel = "fp=X,fn=Y", description = "Cost of a false positive and a false negative (binary): sets the decision threshold.")
    String cost;

    @Option(names = "--test-size", defaultValue = "0.2", paramLabel = "FRACTION", description = "Held-out test fraction (default: ${DEFAULT-VALUE}).")
    double testSize;

    @Option(names = "--valid-size", defaultValue = "0", paramLabel = "FRACTION", description = "Validation fraction of the rest, for early stopping (default: 0.1 with --param early_stopping_rounds=N, else 0).")
    double validSize;

    @Option(names = "--cv", defaultValue = "0", paramLabel = "K", description = "Also report K-fold cross-validation on the training part.")
    int cv;

    @Option(names = "--split-by", paramLabel = "COLUMN", description = "Time-based split: the latest rows by this datetime column are the test part.")
    String splitBy;

    @Option(names = "--group-by", paramLabel = "COLUMN", description = "Group split: rows with the same value of this column never straddle train and test.")
    String groupBy;

    @Option(names = "--balance", paramLabel = "HOW", description = "Class imbalance: weights, over or under (training part only).")
    String balance;

    @Option(names = "--seed", defaultValue = "42", paramLabel = "N", description = "Seed for every random choice (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--impute", paramLabel = "HOW", description = "Pipeline: mean, median, most_frequent, constant:V or none.")
    String impute;

    @Option(names = "--scale", paramLabel = "HOW", description = "Pipeline: none, standard, minmax or robust.")
    String scale;

    @Option(names = "--encode", paramLabel = "HOW", description = "Pipeline: onehot, ordinal, frequency or target.")
    String encode;

    @Option(names = "--clip", paramLabel = "HOW", description = "Pipeline: none, iqr or quantile:LO,HI.")
    String clip;

    @Option(names = "--pca", paramLabel = "K", description = "Pipeline: keep K principal components (0 = off).")
    Integer pca;

    @Option(names = "--missing-indicators", description = "Pipeline: add a 0/1 column per input that had missing values.")
    boolean missingIndicators;

    @Option(names = "--check-overfit", description = "Also fit a tiny subset and check the model can fit it almost perfectly (a debugging aid).")
    boolean checkOverfit;

    @Option(names = "--out", paramLabel = "DIR", description = "Also write the model directory here (it is always logged with the run).")
    Path out;

    @Option(names = "--experiment", defaultValue = "Default", paramLabel = "NAME", description = "Experiment to log the run in, created if new (default: ${DEFAULT-VALUE}).")
    String experiment;

    @Option(names = "--run-name", paramLabel = "NAME", description = "A name for the run (default: generated).")
    String runName;

    @Option(names = "--register", paramLabel = "NAME", description = "Register the model as a new version of this registered model.")
    String register;

    @Mixin
    TrackingOptions tracking = new TrackingOptions();

    @Mixin
    DataSourceOptions data = new DataSourceOptions();

    @Mixin
    OutputOptions output = new OutputOptions();

    public TrainCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() {
        Dataset dataset = DataArgument.read(source, data, console);
        Map<String, String> given = new LinkedHashMap<>();
        for (String p : params) {
            int eq = p.indexOf('=');
            if (eq <= 0) {
                throw new ForjaException("--param '" + p + "' is not NAME=VALUE", "write it like --param max_depth=6");
            }
            given.put(p.substring(0, eq).trim(), p.substring(eq + 1).trim());
        }
        Task.Overrides overrides = new Task.Overrides(task == null ? null : TaskKind.parse(task), positive, metric,
                cost == null ? null : CostMatrix.parse(cost));
        // A validation part only pays for itself when something uses it: XGBoost's early stopping.
        boolean earlyStopping = given.containsKey("early_stopping_rounds") && !given.get("early_stopping_rounds").equals("0");
        double valid = validSize > 0 ? validSize : earlyStopping ? 0.1 : 0.0;
        UnaryOperator<PipelineSpec> pipeline = spec -> {
            PipelineSpec s = spec;
            if (impute != null) s = s.withImpute(impute);
            if (scale != null) s = s.withScale(scale);
            if (encode != null) s = s.withEncode(encode);
            if (clip != null) s = s.withClip(clip);
            if (pca != null) s = s.withPca(pca);
            if (missingIndicators) s = s.withMissingIndicators(true);
            return s;
        };
        TrainOptions options = new TrainOptions(target, overrides, model, given, testSize, valid, cv, splitBy, groupBy, balance, seed,
                pipeline, checkOverfit);
        long startTime = System.currentTimeMillis();
        TrainResult result = Trainer.train(dataset, options, console.progress());
        try (Tracking t = tracking.open()) {
            Store store = t.store();
            String experimentId = store.experimentIdFor(experiment);
            ModelLogging.Logged logged = ModelLogging.log(t, experimentId, result.model(), out,
                    runId -> TrainingRun.record(store, runId, experimentId, runName, startTime, result, result.model(), dataset));
            Run run = logged.run();
            String modelUri = logged.modelUri();
            ModelVersion version = register == null ? null
                    : store.registerModel(register, "runs:/" + run.id() + "/" + ModelLogging.MODEL_PATH, run.id(), Map.of());
            Path dir = out != null ? out : t.artifacts().fetch(modelUri);
            TrainReport.print(result, dataset, dir, run, experiment, version, console, output.json);
        }
        return ExitCode.OK;
    }


}

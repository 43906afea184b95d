package dev.forja.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.forja.store.Page;
import dev.forja.store.Store;
import dev.forja.store.StoreException.ErrorCode;
import dev.forja.store.StoreException;
import dev.forja.store.registry.ModelVersion;
import dev.forja.store.registry.RegisteredModel;
import dev.forja.store.tracking.DatasetInput;
import dev.forja.store.tracking.Experiment;
import dev.forja.store.tracking.LifecycleStage;
import dev.forja.store.tracking.Metric;
import dev.forja.store.tracking.NewRun;
import dev.forja.store.tracking.Run;
import dev.forja.store.tracking.RunSearch;
import dev.forja.store.tracking.RunStatus;
import dev.forja.store.tracking.ViewType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every store must do, whatever database is under it. Each backend runs the same specification
 * through a subclass that says how to open a fresh, empty store.
 */
abstract class StoreContract {
    protected Store store;

    protected abstract Store openEmptyStore() throws Exception;

    @BeforeEach
    void open() throws Exception {
        store = openEmptyStore();
    }

    @AfterEach
    void close() {
        store.close();
    }

    private Run newRun(String experimentId) {
        return store.createRun(new NewRun(null, experimentId, null, "ana", 1_000, Map.of()));
    }

    private static void assertError(ThrowingCallable call, ErrorCode code, String messagePart) {
        assertThatThrownBy(call).isInstanceOf(StoreException.class).hasMessageContaining(messagePart)
                .satisfies(e -> assertThat(((StoreException) e).code()).isEqualTo(code));
    }

    private List<String> ids(Page<Run> page) {
        return page.items().stream().map(Run::id).toList();
    }

    // ---- experiments

    @Test
    void theDefaultExperimentExistsWithIdZero() {
        Experiment e = store.getExperiment("0");
        assertThat(e.name()).isEqualTo("Default");
        assertThat(e.artifactLocation()).isEqualTo("mlflow-artifacts:/0");
        assertThat(store.findExperimentByName("Default")).contains(e);
    }

    @Test
    void experimentsGetIncreasingIdsAndTheirOwnArtifactLocation() {
        String a = store.createExperiment("churn", null, Map.of("team", "growth"));
        String b = store.createExperiment("fraud", null, Map.of());
        assertThat(List.of(a, b)).containsExactly("1", "2");
        Experiment churn = store.getExperiment(a);
        assertThat(churn.artifactLocation()).isEqualTo("mlflow-artifacts:/1");
        assertThat(churn.tags()).containsEntry("team", "growth");
    }

    @Test
    void aSecondExperimentWithTheSameNameIsRejected() {
        store.createExperiment("churn", null, Map.of());
        assertError(() -> store.createExperiment("churn", null, Map.of()), ErrorCode.RESOURCE_ALREADY_EXISTS, "churn");
    }

    @Test
    void anUnknownExperimentIsNotFoundAndAMalformedIdIsInvalid() {
        assertError(() -> store.getExperiment("42"), ErrorCode.RESOURCE_DOES_NOT_EXIST, "42");
        assertError(() -> store.getExperiment("abc"), ErrorCode.INVALID_PARAMETER_VALUE, "abc");
    }

    @Test
    void deletingAnExperimentHidesItAndItsRunsUntilRestored() {
        String id = store.createExperiment("churn", null, Map.of());
        Run run = newRun(id);
        store.deleteExperiment(id);
        assertThat(store.getExperiment(id).stage()).isEqualTo(LifecycleStage.DELETED);
        assertThat(store.getRun(run.id()).info().stage()).isEqualTo(LifecycleStage.DELETED);
        assertThat(store.searchExperiments(null, ViewType.ACTIVE_ONLY, 100, List.of(), null).items())
                .extracting(Experiment::name).containsExactly("Default");
        assertThat(ids(store.searchRuns(RunSearch.in(List.of(id), null, List.of())))).isEmpty();
        store.restoreExperiment(id);
        assertThat(ids(store.searchRuns(RunSearch.in(List.of(id), null, List.of())))).containsExactly(run.id());
    }

    @Test
    void theDefaultExperimentCannotBeDeleted() {
        assertError(() -> store.deleteExperiment("0"), ErrorCode.INVALID_PARAMETER_VALUE, "Default");
    }

    @Test
    void experimentsAreSearchedByNamePatternAndTag() {
        store.createExperiment("churn-eu", null, Map.of("team", "growth"));
        store.createExperiment("churn-us", null, Map.of("team", "risk"));
        store.createExperiment("fraud", null, Map.of("team", "risk"));
        assertThat(store.searchExperiments("name LIKE 'churn%'", ViewType.ALL, 10, List.of("name DESC"), null).items())
                .extracting(Experiment::name).containsExactly("churn-us", "churn-eu");
        assertThat(store.searchExperiments("tags.team = 'risk'", null, 10, List.of("name"), null).items())
                .extracting(Experiment::name).containsExactly("churn-us", "fraud");
    }

    @Test
    void renamingAnExperimentToATakenNameIsRejected() {
        String id = store.createExperiment("a", null, Map.of());
        store.createExperiment("b", null, Map.of());
        assertError(() -> store.renameExperiment(id, "b"), ErrorCode.RESOURCE_ALREADY_EXISTS, "'b'");
        store.renameExperiment(id, "c");
        assertThat(store.getExperiment(id).name()).isEqualTo("c");
    }

    // ---- runs

    @Test
    void aNewRunIsRunningWithANameAUserAndItsArtifactUri() {
        String exp = store.createExperiment("churn", null, Map.of());
        Run run = store.createRun(new NewRun(null, exp, "baseline", "ana", 1234, Map.of("stage", "dev")));
        assertThat(run.info().status()).isEqualTo(RunStatus.RUNNING);
        assertThat(run.info().runName()).isEqualTo("baseline");
        assertThat(run.info().startTime()).isEqualTo(1234);
        assertThat(run.info().artifactUri()).isEqualTo("mlflow-artifacts:/1/" + run.id() + "/artifacts");
        assertThat(run.tags()).containsEntry("mlflow.runName", "baseline").containsEntry("mlflow.user", "ana")
                .containsEntry("stage", "dev");
        assertThat(run.id()).matches("[0-9a-f]{32}");
    }

    @Test
    void aRunWithoutANameGetsAGeneratedOne() {
        Run run = newRun("0");
        assertThat(run.info().runName()).matches("[a-z]+-[a-z]+-\\d+");
    }

    @Test
    void updatingARunSetsStatusEndTimeAndName() {
        Run run = newRun("0");
        store.updateRun(run.id(), RunStatus.FINISHED, 5000L, "renamed");
        Run after = store.getRun(run.id());
        assertThat(after.info().status()).isEqualTo(RunStatus.FINISHED);
        assertThat(after.info().endTime()).isEqualTo(5000L);
        assertThat(after.info().runName()).isEqualTo("renamed");
        assertThat(after.tags()).containsEntry("mlflow.runName", "renamed");
    }

    @Test
    void anUnknownRunIsNotFound() {
        assertError(() -> store.getRun("nope"), ErrorCode.RESOURCE_DOES_NOT_EXIST, "nope");
        assertError(() -> store.logParam("nope", "a", "1"), ErrorCode.RESOURCE_DOES_NOT_EXIST, "nope");
    }

    @Test
    void aParamCannotChangeOnceLoggedButTheSameValueMayBeLoggedAgain() {
        Run run = newRun("0");
        store.logParam(run.id(), "depth", "6");
        store.logParam(run.id(), "depth", "6");
        assertError(() -> store.logParam(run.id(), "depth", "7"), ErrorCode.INVALID_PARAMETER_VALUE, "'6'");
        assertThat(store.getRun(run.id()).params()).containsExactly(Map.entry("depth", "6"));
    }

    @Test
    void aRejectedBatchWritesNothing() {
        Run run = newRun("0");
        store.logParam(run.id(), "depth", "6");
        assertThatThrownBy(() -> store.logBatch(run.id(), List.of(new Metric("auc", 0.9, 1, 0)), Map.of("depth", "7"),
                Map.of("note", "x"))).isInstanceOf(StoreException.class);
        Run after = store.getRun(run.id());
        assertThat(after.metrics()).isEmpty();
        assertThat(after.tags()).doesNotContainKey("note");
        assertThat(store.metricHistory(run.id(), "auc")).isEmpty();
    }

    @Test
    void aBatchOverMlflowsLimitsIsRejected() {
        Run run = newRun("0");
        List<Metric> many = new ArrayList<>();
        for (int i = 0; i < 1001; i++) {
            many.add(new Metric("loss", i, i, i));
        }
        assertError(() -> store.logBatch(run.id(), many, Map.of(), Map.of()), ErrorCode.INVALID_PARAMETER_VALUE, "at most 1000");
    }

    @Test
    void aKeyOutsideTheSafeAlphabetIsRejected() {
        Run run = newRun("0");
        assertError(() -> store.logParam(run.id(), "../etc", "x"), ErrorCode.INVALID_PARAMETER_VALUE, "'..'");
        assertError(() -> store.setTag(run.id(), "a\"b", "x"), ErrorCode.INVALID_PARAMETER_VALUE, "'\"'");
    }

    @Test
    void theReportedMetricIsTheHighestStepThenLatestTimestamp() {
        Run run = newRun("0");
        store.logBatch(run.id(), List.of(new Metric("loss", 0.5, 100, 2), new Metric("loss", 0.9, 200, 1)), Map.of(), Map.of());
        store.logMetric(run.id(), new Metric("loss", 0.4, 50, 2));
        assertThat(store.getRun(run.id()).metrics().get("loss")).isEqualTo(new Metric("loss", 0.5, 100, 2));
        store.logMetric(run.id(), new Metric("loss", 0.3, 300, 3));
        assertThat(store.getRun(run.id()).metrics().get("loss")).isEqualTo(new Metric("loss", 0.3, 300, 3));
    }

    @Test
    void metricHistoryKeepsEveryPointInStepOrderIncludingNonFiniteValues() {
        Run run = newRun("0");
        store.logBatch(run.id(), List.of(new Metric("loss", Double.NaN, 3, 2), new Metric("loss", 1.5, 1, 0),
                new Metric("loss", Double.POSITIVE_INFINITY, 2, 1)), Map.of(), Map.of());
        assertThat(store.metricHistory(run.id(), "loss")).containsExactly(new Metric("loss", 1.5, 1, 0),
                new Metric("loss", Double.POSITIVE_INFINITY, 2, 1), new Metric("loss", Double.NaN, 3, 2));
        assertThat(store.getRun(run.id()).metrics().get("loss").value()).isNaN();
    }

    @Test
    void deletingATagRemovesItAndAMissingTagIsNotFound() {
        Run run = newRun("0");
        store.setTag(run.id(), "note", "x");
        store.deleteTag(run.id(), "note");
        assertThat(store.getRun(run.id()).tags()).doesNotContainKey("note");
        assertError(() -> store.deleteTag(run.id(), "note"), ErrorCode.RESOURCE_DOES_NOT_EXIST, "note");
    }

    @Test
    void aDeletedRunTakesNoMoreLogsUntilRestored() {
        Run run = newRun("0");
        store.deleteRun(run.id());
        assertError(() -> store.logParam(run.id(), "a", "1"), ErrorCode.INVALID_STATE, "deleted");
        store.restoreRun(run.id());
        store.logParam(run.id(), "a", "1");
        assertThat(store.getRun(run.id()).params()).containsEntry("a", "1");
    }

    @Test
    void datasetInputsAreStoredWithTheirDigestAndContext() {
        Run run = newRun("0");
        DatasetInput in = new DatasetInput("titanic", "fp:1234", "local", "titanic.csv", "{\"columns\":[]}", null,
                Map.of("mlflow.data.context", "training"));
        store.logInputs(run.id(), List.of(in));
        store.logInputs(run.id(), List.of(in));
        assertThat(store.getRun(run.id()).inputs()).containsExactly(in);
        assertThat(ids(store.searchRuns(RunSearch.in(List.of("0"), "datasets.digest = 'fp:1234' and datasets.context = 'training'",
                List.of())))).containsExactly(run.id());
        assertThat(ids(store.searchRuns(RunSearch.in(List.of("0"), "datasets.context = 'test'", List.of())))).isEmpty();
    }

    @Test
    void recordRunStoresAFinishedRunWithEverythingInOneStep() {
        Run run = store.recordRun(new NewRun("abc123", "0", "train", "ana", 10, Map.of("forja.seed", "42")),
                Map.of("model", "xgboost"), List.of(new Metric("auc", 0.91, 20, 0)),
                List.of(new DatasetInput("d", "fp", "local", "d.csv", null, null, Map.of())), RunStatus.FINISHED, 30);
        assertThat(run.id()).isEqualTo("abc123");
        assertThat(run.info().status()).isEqualTo(RunStatus.FINISHED);
        assertThat(run.info().endTime()).isEqualTo(30L);
        assertThat(run.params()).containsEntry("model", "xgboost");
        assertThat(run.metrics().get("auc").value()).isEqualTo(0.91);
        assertThat(run.tags()).containsEntry("forja.seed", "42");
        assertThat(run.inputs()).hasSize(1);
    }

    // ---- run search

    private List<Run> threeRuns() {
        List<Run> runs = new ArrayList<>();
        double[] auc = {0.7, 0.9, 0.8};
        String[] model = {"logistic", "xgboost", "XGBoost-dart"};
        for (int i = 0; i < 3; i++) {
            Run r = store.createRun(new NewRun(null, "0", "run" + i, "ana", 1000 + i, Map.of()));
            store.logBatch(r.id(), List.of(new Metric("auc", auc[i], 1, 0)), Map.of("model", model[i]), Map.of("owner", "t" + (i % 2)));
            runs.add(r);
        }
        return runs;
    }

    @Test
    void runsAreFoundByMetricParamTagAndAttribute() {
        List<Run> r = threeRuns();
        assertThat(ids(store.searchRuns(RunSearch.in(List.of("0"), "metrics.auc > 0.75", List.of("metrics.auc DESC")))))
                .containsExactly(r.get(1).id(), r.get(2).id());
        assertThat(ids(store.searchRuns(RunSearch.in(List.of("0"), "params.model = 'xgboost'", List.of()))))
                .containsExactly(r.get(1).id());
        assertThat(ids(store.searchRuns(RunSearch.in(List.of("0"), "tags.owner = 't0' and metrics.auc >= 0.7", List.of("start_time")))))
                .containsExactly(r.get(0).id(), r.get(2).id());
        assertThat(ids(store.searchRuns(RunSearch.in(List.of("0"), "attributes.run_name IN ('run0', 'run2')", List.of("run_name")))))
                .containsExactly(r.get(0).id(), r.get(2).id());
        assertThat(ids(store.searchRuns(RunSearch.in(List.of("0"), "tags.missing IS NULL and status = 'RUNNING'", List.of()))))
                .hasSize(3);
    }

    @Test
    void likeIsCaseSensitiveAndIlikeIsNot() {
        List<Run> r = threeRuns();
        assertThat(ids(store.searchRuns(RunSearch.in(List.of("0"), "params.model LIKE 'xgb%'", List.of()))))
                .containsExactly(r.get(1).id());
        assertThat(ids(store.searchRuns(RunSearch.in(List.of("0"), "params.model ILIKE 'xgb%'", List.of("params.model")))))
                .containsExactly(r.get(2).id(), r.get(1).id());
    }

    @Test
    void runsWithoutTheOrderingMetricComeLastInBothDirections() {
        List<Run> r = threeRuns();
        Run bare = store.createRun(new NewRun(null, "0", "bare", "ana", 5000, Map.of()));
        assertThat(ids(store.searchRuns(RunSearch.in(List.of("0"), null, List.of("metrics.auc ASC")))))
                .containsExactly(r.get(0).id(), r.get(2).id(), r.get(1).id(), bare.id());
        assertThat(ids(store.searchRuns(RunSearch.in(List.of("0"), null, List.of("metrics.auc DESC")))))
                .containsExactly(r.get(1).id(), r.get(2).id(), r.get(0).id(), bare.id());
    }

    @Test
    void theDefaultOrderIsNewestFirst() {
        List<Run> r = threeRuns();
        assertThat(ids(store.searchRuns(RunSearch.in(List.of("0"), null, List.of()))))
                .containsExactly(r.get(2).id(), r.get(1).id(), r.get(0).id());
    }

    @Test
    void searchPagesFollowTheirTokensToTheEnd() {
        List<Run> r = threeRuns();
        Page<Run> first = store.searchRuns(new RunSearch(List.of("0"), null, null, 2, List.of("start_time"), null));
        assertThat(ids(first)).containsExactly(r.get(0).id(), r.get(1).id());
        assertThat(first.nextPageToken()).isNotNull();
        Page<Run> second = store.searchRuns(new RunSearch(List.of("0"), null, null, 2, List.of("start_time"), first.nextPageToken()));
        assertThat(ids(second)).containsExactly(r.get(2).id());
        assertThat(second.nextPageToken()).isNull();
    }

    @Test
    void aFilterOnAnUnknownAttributeOrWithAWrongValueTypeIsRejected() {
        assertError(() -> store.searchRuns(RunSearch.in(List.of("0"), "colour = 'red'", List.of())), ErrorCode.INVALID_PARAMETER_VALUE,
                "colour");
        assertError(() -> store.searchRuns(RunSearch.in(List.of("0"), "metrics.auc > 'high'", List.of())),
                ErrorCode.INVALID_PARAMETER_VALUE, "number");
        assertError(() -> store.searchRuns(RunSearch.in(List.of("0"), "params.depth = 6", List.of())),
                ErrorCode.INVALID_PARAMETER_VALUE, "'6'");
        assertError(() -> store.searchRuns(RunSearch.in(List.of("0"), "metrics.auc > 0.5 OR metrics.auc < 0.1", List.of())),
                ErrorCode.INVALID_PARAMETER_VALUE, "OR");
    }

    @Test
    void filterValuesAreBoundNotSpliced() {
        List<Run> r = threeRuns();
        assertThat(ids(store.searchRuns(RunSearch.in(List.of("0"), "params.model = 'x'' OR 1=1 --'", List.of())))).isEmpty();
        assertThat(r).hasSize(3);
    }

    // ---- registry

    @Test
    void registeringCreatesTheModelAndNumbersVersionsFromOne() {
        Run run = newRun("0");
        ModelVersion v1 = store.registerModel("churn", "runs:/" + run.id() + "/model", run.id(), Map.of());
        ModelVersion v2 = store.registerModel("churn", "models/churn-2", null, Map.of("k", "v"));
        assertThat(v1.version()).isEqualTo(1);
        assertThat(v2.version()).isEqualTo(2);
        assertThat(v1.runId()).isEqualTo(run.id());
        assertThat(v1.status()).isEqualTo("READY");
        assertThat(v2.tags()).containsEntry("k", "v");
        RegisteredModel model = store.getRegisteredModel("churn");
        assertThat(model.latestVersions()).extracting(ModelVersion::version).containsExactly(2L);
    }

    @Test
    void aVersionForAnUnknownRunIsRejected() {
        assertError(() -> store.registerModel("churn", "x", "no-such-run", Map.of()), ErrorCode.RESOURCE_DOES_NOT_EXIST, "no-such-run");
        assertError(() -> store.getRegisteredModel("churn"), ErrorCode.RESOURCE_DOES_NOT_EXIST, "churn");
    }

    @Test
    void aDeletedVersionNumberIsNeverReused() {
        store.registerModel("churn", "a", null, Map.of());
        store.registerModel("churn", "b", null, Map.of());
        store.deleteModelVersion("churn", 2);
        assertError(() -> store.getModelVersion("churn", 2), ErrorCode.RESOURCE_DOES_NOT_EXIST, "version 2");
        assertThat(store.registerModel("churn", "c", null, Map.of()).version()).isEqualTo(3);
    }

    @Test
    void anAliasNamesOneVersionAndMovesWhenSetAgain() {
        store.registerModel("churn", "a", null, Map.of());
        store.registerModel("churn", "b", null, Map.of());
        store.setAlias("churn", "production", 1);
        assertThat(store.getVersionByAlias("churn", "production").source()).isEqualTo("a");
        store.setAlias("churn", "production", 2);
        assertThat(store.getVersionByAlias("churn", "production").version()).isEqualTo(2);
        assertThat(store.getModelVersion("churn", 2).aliases()).containsExactly("production");
        assertThat(store.getRegisteredModel("churn").aliases()).containsExactly(Map.entry("production", 2L));
    }

    @Test
    void deletingAVersionDropsItsAliases() {
        store.registerModel("churn", "a", null, Map.of());
        store.setAlias("churn", "champion", 1);
        store.deleteModelVersion("churn", 1);
        assertError(() -> store.getVersionByAlias("churn", "champion"), ErrorCode.RESOURCE_DOES_NOT_EXIST, "champion");
    }

    @Test
    void reservedOrMalformedAliasesAreRejected() {
        store.registerModel("churn", "a", null, Map.of());
        assertError(() -> store.setAlias("churn", "latest", 1), ErrorCode.INVALID_PARAMETER_VALUE, "reserved");
        assertError(() -> store.setAlias("churn", "v3", 1), ErrorCode.INVALID_PARAMETER_VALUE, "reserved");
        assertError(() -> store.setAlias("churn", "has space", 1), ErrorCode.INVALID_PARAMETER_VALUE, "letters");
        assertError(() -> store.setAlias("churn", "prod", 9), ErrorCode.RESOURCE_DOES_NOT_EXIST, "version 9");
    }

    @Test
    void renamingAModelCarriesItsVersionsTagsAndAliases() {
        store.createRegisteredModel("churn", "first", Map.of("team", "growth"));
        store.registerModel("churn", "a", null, Map.of("k", "v"));
        store.setAlias("churn", "production", 1);
        RegisteredModel renamed = store.renameRegisteredModel("churn", "retention");
        assertThat(renamed.tags()).containsEntry("team", "growth");
        assertThat(renamed.aliases()).containsEntry("production", 1L);
        assertThat(store.getModelVersion("retention", 1).tags()).containsEntry("k", "v");
        assertError(() -> store.getRegisteredModel("churn"), ErrorCode.RESOURCE_DOES_NOT_EXIST, "churn");
    }

    @Test
    void aSecondRegisteredModelWithTheSameNameIsRejected() {
        store.createRegisteredModel("churn", null, Map.of());
        assertError(() -> store.createRegisteredModel("churn", null, Map.of()), ErrorCode.RESOURCE_ALREADY_EXISTS, "churn");
    }

    @Test
    void deletingAModelRemovesEverythingUnderIt() {
        store.registerModel("churn", "a", null, Map.of());
        store.setAlias("churn", "production", 1);
        store.deleteRegisteredModel("churn");
        assertThat(store.searchModelVersions("name = 'churn'", 10, List.of(), null).items()).isEmpty();
        store.registerModel("churn", "b", null, Map.of());
        assertThat(store.getRegisteredModel("churn").aliases()).isEmpty();
        assertThat(store.getModelVersion("churn", 1).source()).isEqualTo("b");
    }

    @Test
    void modelsAndVersionsAreSearchedByNameAndRun() {
        Run run = newRun("0");
        store.registerModel("churn-eu", "a", run.id(), Map.of());
        store.registerModel("churn-us", "b", null, Map.of());
        store.registerModel("fraud", "c", run.id(), Map.of());
        assertThat(store.searchRegisteredModels("name LIKE 'churn%'", 10, List.of("name DESC"), null).items())
                .extracting(RegisteredModel::name).containsExactly("churn-us", "churn-eu");
        assertThat(store.searchModelVersions("run_id = '" + run.id() + "'", 10, List.of(), null).items())
                .extracting(ModelVersion::name).containsExactly("churn-eu", "fraud");
    }

    @Test
    void updatingDescriptionsIsKept() {
        store.createRegisteredModel("churn", null, Map.of());
        store.registerModel("churn", "a", null, Map.of());
        assertThat(store.updateRegisteredModel("churn", "predicts churn").description()).isEqualTo("predicts churn");
        assertThat(store.updateModelVersion("churn", 1, "first").description()).isEqualTo("first");
    }

    // ---- prediction log

    private dev.forja.store.predictions.PredictionLog log() {
        return ((JdbcStore) store).predictionLog();
    }

    @Test
    void loggedPredictionsAndTheirLateLabelsReadBackByModelAndWindow() {
        log().append(List.of(new dev.forja.store.predictions.LoggedPrediction("r1", "churn", "3", "v1", 1000, 250, 2, "{\"instances\":[]}",
                        "{\"predictions\":[]}"),
                new dev.forja.store.predictions.LoggedPrediction("r2", "churn", "3", "v1", 2000, 300, 1, "{}", "{}"),
                new dev.forja.store.predictions.LoggedPrediction("r3", "fraud", "1", "v1", 1500, 100, 1, "{}", "{}")));
        log().feedback(List.of(new dev.forja.store.predictions.Feedback("r1", 1, "yes", 5000)));
        assertThat(log().predictions("churn", 0, 1500)).extracting(dev.forja.store.predictions.LoggedPrediction::requestId).containsExactly("r1");
        assertThat(log().predictions("churn", 0, 3000)).hasSize(2);
        assertThat(log().feedbackFor("churn", 0, 3000)).containsExactly(new dev.forja.store.predictions.Feedback("r1", 1, "yes", 5000));
    }

    @Test
    void feedbackForAnUnknownRequestOrRowIsRefusedAndNothingIsStored() {
        log().append(List.of(new dev.forja.store.predictions.LoggedPrediction("r1", "churn", "3", "v1", 1000, 250, 1, "{}", "{}")));
        assertError(() -> log().feedback(List.of(new dev.forja.store.predictions.Feedback("r1", 0, "no", 1),
                new dev.forja.store.predictions.Feedback("nope", 0, "no", 1))), ErrorCode.RESOURCE_DOES_NOT_EXIST, "nope");
        assertError(() -> log().feedback(List.of(new dev.forja.store.predictions.Feedback("r1", 3, "no", 1))), ErrorCode.INVALID_PARAMETER_VALUE,
                "row 3");
        assertThat(log().feedbackFor("churn", 0, 5000)).isEmpty();
    }

    @Test
    void aScanHandsOverTheWindowsRequestsOldestFirstAndTheFirstTimestampIsKnown() {
        assertThat(log().firstTimestamp("churn")).isEqualTo(-1);
        List<dev.forja.store.predictions.LoggedPrediction> many = new java.util.ArrayList<>();
        for (int i = 0; i < 1200; i++) {
            many.add(new dev.forja.store.predictions.LoggedPrediction("q" + i, "churn", "1", "v1", 10_000 - i, 1, 1, "{}", "{}"));
        }
        log().append(many);
        List<Long> seen = new java.util.ArrayList<>();
        log().scan("churn", 8_900, 9_901, p -> seen.add(p.timestamp()));
        assertThat(seen).hasSize(1001).isSorted();
        assertThat(seen.get(0)).isEqualTo(8_900L);
        assertThat(log().firstTimestamp("churn")).isEqualTo(8_801L);
    }

    @Test
    void anAlertIsRecordedOncePerModelRuleAndWindow() {
        var a = new dev.forja.store.predictions.MonitorAlert("a1", "churn", "psi(any) > 0.25", 1000, 2000, 0.4, 5, "{\"webhook\":200}");
        assertThat(log().alert(a)).isTrue();
        assertThat(log().alert(new dev.forja.store.predictions.MonitorAlert("a2", "churn", "psi(any) > 0.25", 1000, 2000, 0.5, 6, "{}"))).isFalse();
        assertThat(log().alert(new dev.forja.store.predictions.MonitorAlert("a3", "churn", "auc < 0.75", 1000, 2000, Double.NaN, 6, "{}"))).isTrue();
        assertThat(log().alerts("churn", 0)).extracting(dev.forja.store.predictions.MonitorAlert::alertId).containsExactly("a3", "a1");
        assertThat(log().alerts("churn", 0).get(1)).isEqualTo(a);
        assertThat(Double.isNaN(log().alerts("churn", 0).get(0).value())).isTrue();
        assertThat(log().alerts("churn", 1001)).isEmpty();
    }
}

package dev.forja.app.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlflow.api.proto.ModelRegistry.ModelVersion;
import org.mlflow.api.proto.ModelRegistry.RegisteredModel;
import org.mlflow.api.proto.Service.Experiment;
import org.mlflow.api.proto.Service.Metric;
import org.mlflow.api.proto.Service.Param;
import org.mlflow.api.proto.Service.Run;
import org.mlflow.api.proto.Service.RunInfo;
import org.mlflow.api.proto.Service.RunStatus;
import org.mlflow.api.proto.Service.RunTag;
import org.mlflow.api.proto.Service.ViewType;
import org.mlflow.tracking.MlflowClient;
import org.mlflow.tracking.RunsPage;

/**
 * The real MLflow Java client ({@code org.mlflow:mlflow-client}) against {@code forja server}: what a team's
 * existing MLflow code does, unchanged. The client's artifact methods shell out to MLflow's Python CLI, so
 * artifacts go up through the {@code mlflow-artifacts} endpoints over plain HTTP, as MLflow's own Python
 * HTTP artifact repository sends them, and are listed with the client's generic GET; and the client has no registry-write methods, so those go through
 * its generic {@code sendPost}, with reads through its typed registry methods.
 */
class MlflowJavaClientTest {
    @TempDir
    Path dir;
    ServerFixture s;
    MlflowClient client;

    @BeforeEach
    void start() {
        s = new ServerFixture(dir);
        client = new MlflowClient(s.server.url());
    }

    @AfterEach
    void stop() {
        client.close();
        s.close();
    }

    @Test
    void experimentsAreCreatedAndFoundByIdAndName() {
        String id = client.createExperiment("churn");
        Experiment byId = client.getExperiment(id);
        assertThat(byId.getName()).isEqualTo("churn");
        assertThat(byId.getArtifactLocation()).isEqualTo("mlflow-artifacts:/" + id);
        assertThat(client.getExperimentByName("churn")).map(Experiment::getExperimentId).contains(id);
        assertThat(client.getExperimentByName("nope")).isEmpty();
        assertThat(client.searchExperiments().getItems()).extracting(Experiment::getName).contains("Default", "churn");
    }

    @Test
    void aRunLoggedThroughTheClientReadsBackWhole() {
        String experiment = client.createExperiment("churn");
        RunInfo info = client.createRun(experiment);
        String run = info.getRunId();
        client.logParam(run, "max_depth", "6");
        client.logMetric(run, "auc", 0.81, 1000, 0);
        client.logMetric(run, "auc", 0.86, 2000, 1);
        client.logBatch(run, List.of(Metric.newBuilder().setKey("loss").setValue(0.4).setTimestamp(3000).setStep(0).build(),
                        Metric.newBuilder().setKey("loss").setValue(0.3).setTimestamp(3001).setStep(1).build()),
                List.of(Param.newBuilder().setKey("model").setValue("xgboost").build()),
                List.of(RunTag.newBuilder().setKey("team").setValue("risk").build()));
        client.setTag(run, "stage", "dev");
        client.deleteTag(run, "stage");
        client.setTerminated(run, RunStatus.FINISHED, 5000);

        Run back = client.getRun(run);
        assertThat(back.getInfo().getStatus()).isEqualTo(RunStatus.FINISHED);
        assertThat(back.getInfo().getEndTime()).isEqualTo(5000);
        assertThat(back.getInfo().getExperimentId()).isEqualTo(experiment);
        assertThat(back.getData().getParamsList()).extracting(Param::getKey, Param::getValue)
                .contains(org.assertj.core.groups.Tuple.tuple("max_depth", "6"), org.assertj.core.groups.Tuple.tuple("model", "xgboost"));
        assertThat(back.getData().getMetricsList()).filteredOn(m -> m.getKey().equals("auc")).extracting(Metric::getValue).containsExactly(0.86);
        assertThat(back.getData().getTagsList()).extracting(RunTag::getKey).contains("team").doesNotContain("stage");
        assertThat(client.getMetricHistory(run, "loss")).extracting(Metric::getStep, Metric::getValue)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(0L, 0.4), org.assertj.core.groups.Tuple.tuple(1L, 0.3));
    }

    @Test
    void searchRunsTakesMlflowsFilterAndOrder() {
        String experiment = client.createExperiment("churn");
        String[] ids = new String[3];
        double[] auc = {0.7, 0.9, 0.8};
        for (int i = 0; i < 3; i++) {
            ids[i] = client.createRun(experiment).getRunId();
            client.logMetric(ids[i], "auc", auc[i]);
            client.logParam(ids[i], "model", i == 0 ? "logistic" : "xgboost");
        }
        RunsPage page = client.searchRuns(List.of(experiment), "metrics.auc > 0.75 and params.model = 'xgboost'", ViewType.ACTIVE_ONLY, 10,
                List.of("metrics.auc DESC"));
        assertThat(page.getItems()).extracting(r -> r.getInfo().getRunId()).containsExactly(ids[1], ids[2]);
        RunsPage first = client.searchRuns(List.of(experiment), "", ViewType.ACTIVE_ONLY, 2, List.of("metrics.auc ASC"));
        assertThat(first.hasNextPage()).isTrue();
        assertThat(first.getNextPage().getItems()).extracting(r -> r.getInfo().getRunId()).containsExactly(ids[1]);
    }

    @Test
    void artifactsUploadedOverHttpAreListedThroughTheClient() throws Exception {
        String run = client.createRun().getRunId();
        String root = client.getRun(run).getInfo().getArtifactUri();
        assertThat(root).startsWith("mlflow-artifacts:/0/" + run);
        String path = root.substring("mlflow-artifacts:/".length());
        HttpClient http = HttpClient.newHttpClient();
        for (String file : List.of("model/forja-model.json", "model/card.md", "notes.txt")) {
            HttpResponse<String> put = http.send(HttpRequest.newBuilder(URI.create(s.server.url() + "/api/2.0/mlflow-artifacts/artifacts/" + path
                    + "/" + file)).PUT(HttpRequest.BodyPublishers.ofString("content of " + file)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
        }
        // listArtifacts would also shell out to Python; the client's own GET reaches the same endpoint.
        JsonNode top = ServerFixture.JSON.readTree(client.sendGet("artifacts/list?run_id=" + run));
        assertThat(top.path("root_uri").asText()).isEqualTo(root);
        assertThat(top.path("files")).extracting(f -> f.path("path").asText() + ":" + f.path("is_dir").asBoolean())
                .containsExactly("model:true", "notes.txt:false");
        JsonNode model = ServerFixture.JSON.readTree(client.sendGet("artifacts/list?run_id=" + run + "&path=model"));
        assertThat(model.path("files")).extracting(f -> f.path("path").asText() + ":" + f.path("file_size").asLong())
                .containsExactly("model/card.md:" + "content of model/card.md".length(),
                        "model/forja-model.json:" + "content of model/forja-model.json".length());
    }

    @Test
    void aVersionRegisteredWithAnAliasReadsBackThroughTheRegistryMethods() throws Exception {
        String run = client.createRun().getRunId();
        client.sendPost("registered-models/create", "{\"name\": \"churn\", \"description\": \"predicts churn\"}");
        String created = client.sendPost("model-versions/create", "{\"name\": \"churn\", \"source\": \"runs:/" + run + "/model\", \"run_id\": \""
                + run + "\"}");
        JsonNode version = ServerFixture.JSON.readTree(created).path("model_version");
        assertThat(version.path("version").asText()).isEqualTo("1");
        client.sendPost("registered-models/alias", "{\"name\": \"churn\", \"alias\": \"production\", \"version\": \"1\"}");

        RegisteredModel model = client.getRegisteredModel("churn");
        assertThat(model.getDescription()).isEqualTo("predicts churn");
        assertThat(model.getAliasesList()).extracting(a -> a.getAlias() + "=" + a.getVersion()).containsExactly("production=1");
        ModelVersion v1 = client.getModelVersion("churn", "1");
        assertThat(v1.getRunId()).isEqualTo(run);
        assertThat(v1.getAliasesList()).containsExactly("production");
        assertThat(client.getLatestVersions("churn")).extracting(ModelVersion::getVersion).containsExactly("1");
        assertThat(client.getModelVersionDownloadUri("churn", "1")).isEqualTo("mlflow-artifacts:/0/" + run + "/artifacts/model");
        assertThat(client.searchModelVersions("name = 'churn'").getItems()).extracting(ModelVersion::getSource)
                .containsExactly("runs:/" + run + "/model");
        JsonNode byAlias = ServerFixture.JSON.readTree(client.sendGet("registered-models/alias?name=churn&alias=production"));
        assertThat(byAlias.path("model_version").path("version").asText()).isEqualTo("1");
    }

    @Test
    void aClientErrorSurfacesAsMlflowsException() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> client.getRun("no-such-run"))
                .isInstanceOf(org.mlflow.tracking.MlflowHttpException.class)
                .satisfies(e -> assertThat(((org.mlflow.tracking.MlflowHttpException) e).getStatusCode()).isEqualTo(404))
                .hasMessageContaining("RESOURCE_DOES_NOT_EXIST");
    }
}

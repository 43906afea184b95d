package dev.forja.app.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.forja.app.server.ServerFixture.Answer;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code forja server}'s REST API over HTTP on loopback: shapes, errors and limits, one behaviour per test. */
class ForjaServerTest {
    @TempDir
    Path dir;
    ServerFixture s;

    @BeforeEach
    void start() {
        s = new ServerFixture(dir, new ForjaServer.Options("127.0.0.1", 0, 64 * 1024, 1024 * 1024, null));
    }

    @AfterEach
    void stop() {
        s.close();
    }

    private static void assertError(Answer a, int status, String code, String messagePart) {
        assertThat(a.status()).as(a.body()).isEqualTo(status);
        assertThat(a.json().path("error_code").asText()).isEqualTo(code);
        assertThat(a.json().path("message").asText()).contains(messagePart);
    }

    private String newRun() {
        return s.post("runs/create", "{\"experiment_id\": \"0\", \"start_time\": 1000}").json().path("run").path("info").path("run_id").asText();
    }

    @Test
    void malformedJsonIsA400NamingWhereItBroke() {
        assertError(s.post("experiments/create", "{\"name\": "), 400, "INVALID_PARAMETER_VALUE", "not valid JSON");
    }

    @Test
    void aFieldOfTheWrongTypeIsA400NamingTheField() {
        assertError(s.post("experiments/create", "{\"name\": {\"a\": 1}}"), 400, "INVALID_PARAMETER_VALUE", "'name' must be a string");
        assertError(s.post("runs/log-batch", "{\"run_id\": \"x\", \"metrics\": [{\"key\": \"a\", \"value\": true}]}"), 400,
                "INVALID_PARAMETER_VALUE", "'metrics[].value' must be a number");
    }

    @Test
    void aMissingRequiredFieldIsA400NamingIt() {
        assertError(s.post("experiments/create", "{}"), 400, "INVALID_PARAMETER_VALUE", "'name'");
        assertError(s.get("runs/get"), 400, "INVALID_PARAMETER_VALUE", "'run_id'");
    }

    @Test
    void anUnknownEndpointIs404AndAWrongMethodIs405() {
        assertError(s.get("runs/nothing"), 404, "ENDPOINT_NOT_FOUND", "runs/nothing");
        Answer wrong = s.get("runs/create");
        assertThat(wrong.status()).isEqualTo(405);
        assertThat(wrong.json().path("message").asText()).contains("use POST");
    }

    @Test
    void aMissingRunIs404ResourceDoesNotExist() {
        assertError(s.get("runs/get?run_id=abc"), 404, "RESOURCE_DOES_NOT_EXIST", "abc");
    }

    @Test
    void aDuplicateExperimentIs400ResourceAlreadyExists() {
        assertThat(s.post("experiments/create", "{\"name\": \"churn\"}").json().path("experiment_id").asText()).isEqualTo("1");
        assertError(s.post("experiments/create", "{\"name\": \"churn\"}"), 400, "RESOURCE_ALREADY_EXISTS", "churn");
    }

    @Test
    void aBodyOverTheLimitIs413() {
        String big = "{\"name\": \"" + "x".repeat(70 * 1024) + "\"}";
        assertError(s.post("experiments/create", big), 413, "REQUEST_LIMIT_EXCEEDED", "limit");
    }

    @Test
    void logBatchPointsComeBackFromMetricHistoryWithNonFiniteValues() {
        String run = newRun();
        Answer logged = s.post("runs/log-batch", "{\"run_id\": \"" + run + "\", \"metrics\": ["
                + "{\"key\": \"loss\", \"value\": 0.5, \"timestamp\": 10, \"step\": 1},"
                + "{\"key\": \"loss\", \"value\": \"NaN\", \"timestamp\": 11, \"step\": 2},"
                + "{\"key\": \"loss\", \"value\": 0.25, \"timestamp\": \"9\", \"step\": 0}],"
                + "\"params\": [{\"key\": \"depth\", \"value\": \"6\"}], \"tags\": [{\"key\": \"team\", \"value\": \"risk\"}]}");
        assertThat(logged.status()).as(logged.body()).isEqualTo(200);
        JsonNode history = s.get("metrics/get-history?run_id=" + run + "&metric_key=loss").json().path("metrics");
        assertThat(history).hasSize(3);
        assertThat(history.get(0).path("value").asDouble()).isEqualTo(0.25);
        assertThat(history.get(1).path("step").asLong()).isEqualTo(1);
        assertThat(history.get(2).path("value").asText()).isEqualTo("NaN");
        JsonNode data = s.get("runs/get?run_id=" + run).json().path("run").path("data");
        assertThat(data.path("params").get(0).path("value").asText()).isEqualTo("6");
    }

    @Test
    void aBatchThatChangesAParamIsRejectedWhole() {
        String run = newRun();
        s.post("runs/log-parameter", "{\"run_id\": \"" + run + "\", \"key\": \"depth\", \"value\": \"6\"}");
        assertError(s.post("runs/log-batch", "{\"run_id\": \"" + run + "\", \"metrics\": [{\"key\": \"m\", \"value\": 1, \"timestamp\": 1}],"
                + " \"params\": [{\"key\": \"depth\", \"value\": \"7\"}]}"), 400, "INVALID_PARAMETER_VALUE", "depth");
        assertThat(s.get("runs/get?run_id=" + run).json().path("run").path("data").has("metrics")).isFalse();
    }

    @Test
    void runSearchAppliesFilterAndOrderBy() {
        String[] runs = new String[3];
        double[] auc = {0.7, 0.9, 0.8};
        for (int i = 0; i < 3; i++) {
            runs[i] = newRun();
            s.post("runs/log-metric", "{\"run_id\": \"" + runs[i] + "\", \"key\": \"auc\", \"value\": " + auc[i] + ", \"timestamp\": 1}");
        }
        JsonNode found = s.post("runs/search", "{\"experiment_ids\": [\"0\"], \"filter\": \"metrics.auc > 0.75\","
                + " \"order_by\": [\"metrics.auc ASC\"]}").json().path("runs");
        assertThat(found).extracting(r -> r.path("info").path("run_id").asText()).containsExactly(runs[2], runs[1]);
        assertError(s.post("runs/search", "{\"experiment_ids\": [\"0\"], \"filter\": \"metrics.auc >> 1\"}"), 400,
                "INVALID_PARAMETER_VALUE", "filter");
    }

    @Test
    void artifactsUploadListAndDownloadThroughTheProxy() throws Exception {
        String run = newRun();
        String root = "0/" + run + "/artifacts";
        Answer put = s.call("PUT", ArtifactsApi.PREFIX + "/" + root + "/model/weights.bin", "0123456789");
        assertThat(put.status()).as(put.body()).isEqualTo(200);
        JsonNode listed = s.call("GET", ArtifactsApi.PREFIX + "?path=" + root + "/model", null).json().path("files");
        assertThat(listed.get(0).path("path").asText()).isEqualTo("weights.bin");
        assertThat(listed.get(0).path("file_size").asLong()).isEqualTo(10);
        assertThat(s.call("GET", ArtifactsApi.PREFIX + "/" + root + "/model/weights.bin", null).body()).isEqualTo("0123456789");
        JsonNode runList = s.get("artifacts/list?run_id=" + run).json();
        assertThat(runList.path("root_uri").asText()).isEqualTo("mlflow-artifacts:/0/" + run + "/artifacts");
        assertThat(runList.path("files").get(0).path("path").asText()).isEqualTo("model");
        assertThat(runList.path("files").get(0).path("is_dir").asBoolean()).isTrue();
        assertThat(Files.readString(dir.resolve("artifacts").resolve(root).resolve("model/weights.bin"))).isEqualTo("0123456789");
    }

    @Test
    void artifactPathsThatClimbOutOfTheRootAreRefused() throws Exception {
        Files.writeString(dir.resolve("secret.txt"), "secret");
        HttpRequest climb = HttpRequest.newBuilder(URI.create(s.server.url() + ArtifactsApi.PREFIX + "/0/%2E%2E/%2E%2E/secret.txt")).GET().build();
        assertError(s.send(climb), 400, "INVALID_PARAMETER_VALUE", "'..'");
        Files.createDirectories(dir.resolve("artifacts/0"));
        Files.createSymbolicLink(dir.resolve("artifacts/0/link"), dir);
        assertError(s.call("GET", ArtifactsApi.PREFIX + "/0/link/secret.txt", null), 400, "INVALID_PARAMETER_VALUE", "symbolic link");
        assertError(s.call("PUT", ArtifactsApi.PREFIX + "/0/link/evil.txt", "x"), 400, "INVALID_PARAMETER_VALUE", "symbolic link");
        assertThat(dir.resolve("evil.txt")).doesNotExist();
    }

    @Test
    void anArtifactOverTheLimitIs413AndLeavesNothing() {
        String big = "x".repeat(2 * 1024 * 1024);
        assertError(s.call("PUT", ArtifactsApi.PREFIX + "/0/r/artifacts/big.bin", big), 413, "REQUEST_LIMIT_EXCEEDED", "limit");
        assertThat(dir.resolve("artifacts/0/r/artifacts/big.bin")).doesNotExist();
    }

    @Test
    void registryVersionsAliasesAndDownloadUriFollowTheRun() {
        String run = newRun();
        s.post("registered-models/create", "{\"name\": \"churn\", \"tags\": [{\"key\": \"team\", \"value\": \"growth\"}]}");
        JsonNode v = s.post("model-versions/create", "{\"name\": \"churn\", \"source\": \"runs:/" + run + "/model\", \"run_id\": \"" + run + "\"}")
                .json().path("model_version");
        assertThat(v.path("version").asText()).isEqualTo("1");
        assertThat(s.post("registered-models/alias", "{\"name\": \"churn\", \"alias\": \"production\", \"version\": \"1\"}").status()).isEqualTo(200);
        JsonNode byAlias = s.get("registered-models/alias?name=churn&alias=production").json().path("model_version");
        assertThat(byAlias.path("aliases").get(0).asText()).isEqualTo("production");
        assertThat(s.get("model-versions/get-download-uri?name=churn&version=1").json().path("artifact_uri").asText())
                .isEqualTo("mlflow-artifacts:/0/" + run + "/artifacts/model");
        JsonNode model = s.get("registered-models/get?name=churn").json().path("registered_model");
        assertThat(model.path("aliases").get(0).path("version").asText()).isEqualTo("1");
        assertThat(model.path("tags").get(0).path("value").asText()).isEqualTo("growth");
        assertError(s.call("DELETE", "/api/2.0/mlflow/registered-models/alias", "{\"name\": \"churn\", \"alias\": \"nope\"}"), 404,
                "RESOURCE_DOES_NOT_EXIST", "nope");
        assertError(s.get("model-versions/get?name=churn&version=abc"), 400, "INVALID_PARAMETER_VALUE", "version");
    }

    @Test
    void healthAnswersOk() {
        assertThat(s.call("GET", "/health", null).body()).isEqualTo("OK");
    }
}

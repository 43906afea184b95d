package dev.forja.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.forja.app.server.ForjaServer;
import dev.forja.store.Store;
import dev.forja.store.Stores;
import dev.forja.store.artifacts.LocalArtifactStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlflow.api.proto.Service.ViewType;
import org.mlflow.tracking.MlflowClient;

/**
 * The issue's walk-through: train and register on the embedded store, alias a version, serve that store,
 * and see the same runs and models through the MLflow client; and a second machine that trains, registers
 * and predicts through the server with {@code --tracking-uri}.
 */
class RemoteTrackingTest {
    private static final String TITANIC = Path.of(System.getProperty("forja.root", "..")).toAbsolutePath().normalize()
            .resolve("examples/data/titanic.csv").toString();

    @TempDir
    Path serverHome;
    @TempDir
    Path clientHome;
    private TemporaryForjaHome forjaHome;

    @BeforeEach
    void useTemporaryHome() {
        forjaHome = new TemporaryForjaHome(serverHome);
    }

    @AfterEach
    void restoreHome() {
        forjaHome.close();
    }

    private static JsonNode ok(String... args) {
        CliRun run = CliRun.of(args);
        assertThat(run.exitCode()).as(run.stderr()).isZero();
        return run.json();
    }

    @Test
    void runsAndModelsLoggedLocallyAreServedToTheMlflowClient() {
        JsonNode trained = ok("train", TITANIC, "--target", "Survived", "--model", "tree", "--register", "churn", "--json");
        ok("models", "alias", "churn", "1", "production", "--json");
        String runId = trained.path("run_id").asText();
        try (Store store = Stores.embedded(serverHome);
             ForjaServer server = ForjaServer.start(store, new LocalArtifactStore(serverHome.resolve("artifacts")), ForjaServer.Options.loopback(0));
             MlflowClient client = new MlflowClient(server.url())) {
            var runs = client.searchRuns(List.of("0"), "params.model = 'tree'", ViewType.ACTIVE_ONLY, 10).getItems();
            assertThat(runs).extracting(r -> r.getInfo().getRunId()).containsExactly(runId);
            assertThat(runs.get(0).getData().getMetricsList()).anySatisfy(m -> {
                assertThat(m.getKey()).isEqualTo("auc");
                assertThat(m.getValue()).isEqualTo(trained.path("metrics").path("auc").asDouble());
            });
            assertThat(client.getRegisteredModel("churn").getAliasesList()).extracting(a -> a.getAlias() + "@" + a.getVersion())
                    .containsExactly("production@1");
            assertThat(client.getModelVersion("churn", "1").getRunId()).isEqualTo(runId);
            assertThat(client.getModelVersionDownloadUri("churn", "1")).isEqualTo("mlflow-artifacts:/0/" + runId + "/artifacts/model");
        }
    }

    @Test
    void anotherMachineTrainsRegistersAndPredictsThroughTheServer() throws Exception {
        try (Store store = Stores.embedded(serverHome);
             ForjaServer server = ForjaServer.start(store, new LocalArtifactStore(serverHome.resolve("artifacts")), ForjaServer.Options.loopback(0))) {
            forjaHome.use(clientHome);
            String uri = server.url();
            JsonNode trained = ok("train", TITANIC, "--target", "Survived", "--model", "tree", "--experiment", "remote", "--register", "churn",
                    "--tracking-uri", uri, "--json");
            String runId = trained.path("run_id").asText();
            assertThat(store.getRun(runId).info().status().name()).isEqualTo("FINISHED");
            assertThat(store.getRun(runId).params()).containsEntry("model", "tree");
            Path onServer = serverHome.resolve("artifacts").resolve(store.findExperimentByName("remote").orElseThrow().id()).resolve(runId)
                    .resolve("artifacts/model/forja-model.json");
            assertThat(onServer).exists();
            assertThat(clientHome.resolve("forja.db")).doesNotExist();

            JsonNode models = ok("models", "list", "--tracking-uri", uri, "--json");
            assertThat(models.path("models").get(0).path("name").asText()).isEqualTo("churn");
            Path remote = clientHome.resolve("remote.csv");
            Path local = clientHome.resolve("local.csv");
            ok("predict", "models:/churn/1", TITANIC, "--tracking-uri", uri, "--out", remote.toString(), "--json");
            ok("predict", onServer.getParent().toString(), TITANIC, "--out", local.toString(), "--json");
            assertThat(Files.readString(remote)).isEqualTo(Files.readString(local));
        }
    }
}

package dev.forja.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Training logs runs; runs, experiments and the registry are read back through the CLI, on the embedded store. */
class TrackingCommandsTest {
    private static final Path ROOT = Path.of(System.getProperty("forja.root", "..")).toAbsolutePath().normalize();
    private static final String TITANIC = ROOT.resolve("examples/data/titanic.csv").toString();

    @TempDir
    Path home;
    private TemporaryForjaHome forjaHome;

    @BeforeEach
    void useTemporaryHome() {
        forjaHome = new TemporaryForjaHome(home);
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

    private static JsonNode train(String model, String... extra) {
        String[] args = new String[6 + extra.length];
        System.arraycopy(new String[] {"train", TITANIC, "--target", "Survived", "--model", model}, 0, args, 0, 6);
        System.arraycopy(extra, 0, args, 6, extra.length);
        String[] withJson = java.util.Arrays.copyOf(args, args.length + 1);
        withJson[args.length] = "--json";
        return ok(withJson);
    }

    @Test
    void trainingLogsAFinishedRunWithParamsMetricsDataAndTheModel() {
        JsonNode trained = train("tree", "--experiment", "titanic", "--run-name", "first-tree");
        String runId = trained.path("run_id").asText();
        assertThat(trained.path("model_uri").asText()).isEqualTo("runs:/" + runId + "/model");
        assertThat(Path.of(trained.path("model_dir").asText())).isEqualTo(home.resolve("artifacts/1/" + runId + "/artifacts/model"));
        assertThat(Files.isRegularFile(Path.of(trained.path("model_dir").asText(), "forja-model.json"))).isTrue();

        JsonNode run = ok("runs", "show", runId, "--json");
        assertThat(run.path("experiment").asText()).isEqualTo("titanic");
        assertThat(run.path("run_name").asText()).isEqualTo("first-tree");
        assertThat(run.path("status").asText()).isEqualTo("FINISHED");
        assertThat(run.path("params").path("model").asText()).isEqualTo("tree");
        assertThat(run.path("params").path("seed").asText()).isEqualTo("42");
        assertThat(run.path("metrics").path("auc").asDouble()).isEqualTo(trained.path("metrics").path("auc").asDouble());
        assertThat(run.path("metrics").path("baseline_auc").asDouble()).isEqualTo(0.5);
        assertThat(run.path("inputs").get(0).path("digest").asText()).isEqualTo(trained.path("data").path("fingerprint").asText());
        assertThat(run.path("inputs").get(0).path("context").asText()).isEqualTo("training");
    }

    @Test
    void theLoggedModelRecordsItsRunIdInItsProvenance() throws Exception {
        JsonNode trained = train("tree");
        JsonNode model = new com.fasterxml.jackson.databind.ObjectMapper().readTree(Path.of(trained.path("model_dir").asText(), "forja-model.json").toFile());
        assertThat(model.findValue("run_id").asText()).isEqualTo(trained.path("run_id").asText());
    }

    @Test
    void registerAddsNumberedVersionsAndAnAliasResolvesInPredict() throws Exception {
        JsonNode first = train("tree", "--register", "churn");
        JsonNode second = train("logistic", "--register", "churn");
        assertThat(first.path("registered").path("version").asLong()).isEqualTo(1);
        assertThat(second.path("registered").path("version").asLong()).isEqualTo(2);
        ok("models", "alias", "churn", "1", "production", "--json");

        JsonNode list = ok("models", "list", "--json");
        assertThat(list.path("models").get(0).path("name").asText()).isEqualTo("churn");
        assertThat(list.path("models").get(0).path("latest_version").asLong()).isEqualTo(2);
        assertThat(list.path("models").get(0).path("aliases").path("production").asLong()).isEqualTo(1);

        JsonNode show = ok("models", "show", "churn", "--json");
        assertThat(show.path("versions")).hasSize(2);
        assertThat(show.path("versions").get(1).path("run_id").asText()).isEqualTo(first.path("run_id").asText());
        assertThat(show.path("versions").get(1).path("aliases").get(0).asText()).isEqualTo("production");

        Path byAlias = home.resolve("alias.csv");
        Path byRun = home.resolve("run.csv");
        ok("predict", "models:/churn@production", TITANIC, "--out", byAlias.toString(), "--json");
        ok("predict", "runs:/" + first.path("run_id").asText() + "/model", TITANIC, "--out", byRun.toString(), "--json");
        assertThat(Files.readString(byAlias)).isEqualTo(Files.readString(byRun));
    }

    @Test
    void runsListFiltersAndOrdersWithMlflowSyntax() {
        JsonNode tree = train("tree");
        JsonNode logistic = train("logistic");
        double treeAuc = tree.path("metrics").path("auc").asDouble();
        double logisticAuc = logistic.path("metrics").path("auc").asDouble();
        JsonNode all = ok("runs", "list", "--order-by", "metrics.auc DESC", "--json");
        assertThat(all.path("runs")).hasSize(2);
        String best = treeAuc > logisticAuc ? tree.path("run_id").asText() : logistic.path("run_id").asText();
        assertThat(all.path("runs").get(0).path("run_id").asText()).isEqualTo(best);
        assertThat(all.path("runs").get(0).path("experiment").asText()).isEqualTo("Default");

        JsonNode onlyLogistic = ok("runs", "list", "--filter", "params.model = 'logistic'", "--json");
        assertThat(onlyLogistic.path("runs")).hasSize(1);
        assertThat(onlyLogistic.path("runs").get(0).path("params").path("model").asText()).isEqualTo("logistic");
    }

    @Test
    void aMalformedFilterIsAUsageErrorThatSaysWhere() {
        CliRun run = CliRun.of("runs", "list", "--filter", "metrics.auc >");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.stderr()).contains("character 14").contains("expected a value");
    }

    @Test
    void compareMarksTheParamsAndMetricsThatDiffer() {
        String a = train("tree").path("run_id").asText();
        String b = train("tree", "--param", "max_depth=2").path("run_id").asText();
        JsonNode cmp = ok("runs", "compare", a, b, "--json");
        JsonNode depth = null;
        JsonNode target = null;
        for (JsonNode row : cmp.path("params")) {
            if (row.path("key").asText().equals("max_depth")) {
                depth = row;
            }
            if (row.path("key").asText().equals("target")) {
                target = row;
            }
        }
        assertThat(depth.path("differs").asBoolean()).isTrue();
        assertThat(depth.path("values").path(b).asText()).isEqualTo("2");
        assertThat(target.path("differs").asBoolean()).isFalse();
        CliRun text = CliRun.of("runs", "compare", a, b);
        assertThat(text.stdout()).containsPattern("\\* max_depth\\s+\\S+\\s+2");
    }

    @Test
    void deletingAWholeModelNeedsYesButAnAliasDoesNot() {
        train("tree", "--register", "churn");
        ok("models", "alias", "churn", "1", "champion", "--json");
        CliRun refused = CliRun.of("models", "delete", "churn");
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.stderr()).contains("--yes");
        ok("models", "delete", "churn", "--alias", "champion", "--json");
        assertThat(ok("models", "list", "--json").path("models").get(0).path("aliases").size()).isZero();
        ok("models", "delete", "churn", "--yes", "--json");
        assertThat(ok("models", "list", "--json").path("models")).isEmpty();
    }

    @Test
    void anUnknownAliasIsNamedInTheError() {
        train("tree", "--register", "churn");
        CliRun run = CliRun.of("predict", "models:/churn@production", TITANIC);
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.stderr()).contains("no alias 'production'");
    }

    @Test
    void experimentsListShowsDefaultAndTheOnesRunsCreated() {
        train("tree", "--experiment", "titanic");
        JsonNode list = ok("experiments", "list", "--json");
        assertThat(list.path("experiments")).extracting(n -> n.path("name").asText()).containsExactly("Default", "titanic");
    }
}

package dev.forja.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The {@code ./forja} launcher a newcomer types, run as a real process against the packaged jar. */
class ForjaLauncherIT {
    private static final Path ROOT = Path.of(System.getProperty("forja.root", "..")).toAbsolutePath().normalize();

    record Result(int code, String out, String err) {
    }

    static Result forja(String... args) throws IOException, InterruptedException {
        return forja(java.util.Map.of(), args);
    }

    static Result forja(java.util.Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(ROOT.resolve("forja").toString());
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(ROOT.toFile());
        pb.environment().putAll(env);
        Path err = java.nio.file.Files.createTempFile("forja-err", ".txt");
        pb.redirectError(err.toFile());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("forja finished").isTrue();
        String errText = java.nio.file.Files.readString(err);
        java.nio.file.Files.delete(err);
        return new Result(p.exitValue(), out, errText);
    }

    @Test
    void helpRunsThroughTheLauncher() throws Exception {
        Result r = forja("--help");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("Usage: forja", "Commands:");
        assertThat(r.err()).as("an up-to-date jar is not rebuilt").doesNotContain("building");
    }

    @Test
    void launcherPassesTheExitCodeThrough() throws Exception {
        assertThat(forja("no-such-command").code()).isEqualTo(2);
    }

    @Test
    void reportsGoToForjaHomeByDefault(@org.junit.jupiter.api.io.TempDir Path home) throws Exception {
        Result r = forja(java.util.Map.of("FORJA_HOME", home.toString()), "profile", "examples/data/auto_mpg.csv", "--target", "mpg", "--json");
        assertThat(r.code()).as(r.err()).isZero();
        Path report = home.resolve("reports/auto_mpg.csv.profile.html");
        assertThat(report).exists();
        assertThat(r.out()).contains("\"report\" : \"" + report + "\"");
    }

    @Test
    void theReadmeWalkThroughRegistersAliasesPredictsAndServes(@org.junit.jupiter.api.io.TempDir Path home) throws Exception {
        var env = java.util.Map.of("FORJA_HOME", home.toString());
        Result train = forja(env, "train", "examples/data/titanic.csv", "--target", "Survived", "--model", "tree", "--register", "titanic",
                "--json");
        assertThat(train.code()).as(train.err()).isZero();
        assertThat(train.out()).contains("\"registered\"", "\"version\" : 1");
        assertThat(forja(env, "models", "alias", "titanic", "1", "production").code()).isZero();
        Path out = home.resolve("predictions.csv");
        Result predict = forja(env, "predict", "models:/titanic@production", "examples/data/titanic.csv", "--out", out.toString());
        assertThat(predict.code()).as(predict.err()).isZero();
        assertThat(java.nio.file.Files.readAllLines(out)).hasSize(892);

        ProcessBuilder pb = new ProcessBuilder(ROOT.resolve("forja").toString(), "server", "--port", "0", "--json").directory(ROOT.toFile());
        pb.environment().putAll(env);
        pb.redirectError(ProcessBuilder.Redirect.DISCARD);
        Process server = pb.start();
        try {
            var lines = new java.io.BufferedReader(new java.io.InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
            StringBuilder doc = new StringBuilder();
            String line;
            while ((line = lines.readLine()) != null) {
                doc.append(line);
                if (line.equals("}")) {
                    break;
                }
            }
            String url = new com.fasterxml.jackson.databind.ObjectMapper().readTree(doc.toString()).path("url").asText();
            var http = java.net.http.HttpClient.newHttpClient();
            var answer = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url
                    + "/api/2.0/mlflow/registered-models/alias?name=titanic&alias=production")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.body()).contains("\"version\":\"1\"");
        } finally {
            server.destroy(); // SIGTERM: the server drains and exits cleanly
            assertThat(server.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(server.exitValue()).as("exit status after SIGTERM").isIn(0, 143);
    }

    @Test
    void quickstartRunsTheWholeLifecycleOnTheEmbeddedDefault(@org.junit.jupiter.api.io.TempDir Path home) throws Exception {
        Result r = forja(java.util.Map.of("FORJA_HOME", home.toString()), "quickstart", "--json");
        assertThat(r.code()).as(r.err()).isZero();
        var doc = new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.out());
        assertThat(doc.path("train").path("score").asDouble()).isGreaterThan(doc.path("train").path("baseline").asDouble());
        assertThat(doc.path("prediction").path("predictions").get(0).path("label").asText()).isIn("0", "1");
        assertThat(doc.path("prediction").path("version").asText()).isEqualTo("1");
        assertThat(home.resolve("forja.db")).exists();
        assertThat(home.resolve("reports/titanic.csv.profile.html")).exists();
        assertThat(r.err()).contains("[5/5]");
    }
}

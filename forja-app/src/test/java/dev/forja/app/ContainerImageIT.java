package dev.forja.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The OCI image tarball the build writes (target/forja-image.tar). There is no container engine here,
 * so the image is checked as an engine would read it, and its file system is run with chroot: the
 * entrypoint's Java, Forja's jars, SQLite's and XGBoost's native libraries, all from the image.
 */
class ContainerImageIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path TARGET = Path.of(System.getProperty("forja.root", "..")).toAbsolutePath().normalize().resolve("forja-app/target");
    private static final Path IMAGE = TARGET.resolve("forja-image.tar");

    @TempDir
    static Path layout;
    private static JsonNode config;
    private static List<String> layers;

    @BeforeAll
    static void unpack() throws Exception {
        Assumptions.assumeFalse(Boolean.getBoolean("forja.image.skip"), "the image was not built (-Dforja.image.skip)");
        assertThat(IMAGE).as("the build writes the image tarball").exists();
        run(List.of("tar", "-xf", IMAGE.toString(), "-C", layout.toString()), 60);
        JsonNode index = JSON.readTree(layout.resolve("index.json").toFile());
        JsonNode manifest = JSON.readTree(blob(index.path("manifests").get(0).path("digest").asText()).toFile());
        config = JSON.readTree(blob(manifest.path("config").path("digest").asText()).toFile());
        layers = new ArrayList<>();
        manifest.path("layers").forEach(l -> layers.add(l.path("digest").asText()));
    }

    private static Path blob(String digest) {
        return layout.resolve("blobs/sha256").resolve(digest.substring("sha256:".length()));
    }

    private static String run(List<String> command, int seconds) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out;
        try (InputStream in = p.getInputStream()) {
            out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(p.waitFor(seconds, TimeUnit.SECONDS)).as("%s finished", command).isTrue();
        assertThat(p.exitValue()).as("%s:\n%s", command, out).isZero();
        return out;
    }

    @Test
    void theImageRunsForjaOnItsJavaAndExposesTheServingAndTrackingPorts() {
        JsonNode c = config.path("config");
        assertThat(config.path("os").asText()).isEqualTo("linux");
        assertThat(config.path("architecture").asText()).isEqualTo("amd64");
        assertThat(c.path("Entrypoint")).extracting(JsonNode::asText).startsWith("java").contains("dev.forja.app.Main");
        assertThat(c.path("ExposedPorts").has("8080/tcp")).isTrue();
        assertThat(c.path("ExposedPorts").has("5000/tcp")).isTrue();
        assertThat(c.path("Env")).extracting(JsonNode::asText).contains("FORJA_HOME=/data", "PATH=/opt/java/bin:/usr/bin:/bin");
        assertThat(c.path("Volumes").has("/data")).isTrue();
        assertThat(c.path("User").asText()).isEqualTo("1000");
    }

    @Test
    void theImagesFileSystemTrainsAModelWithItsOwnJavaAndNativeLibraries(@TempDir Path rootfs) throws Exception {
        Assumptions.assumeTrue("root".equals(System.getProperty("user.name")) && Files.isExecutable(Path.of("/usr/sbin/chroot")),
                "running the image's file system needs chroot as root");
        for (String layer : layers) {
            run(List.of("tar", "-xf", blob(layer).toString(), "-C", rootfs.toString()), 120);
        }
        Path data = rootfs.resolve("data");
        Files.copy(TARGET.resolve("../../examples/data/titanic.csv").normalize(), data.resolve("titanic.csv"));
        List<String> command = new ArrayList<>(List.of("env", "-i"));
        config.path("config").path("Env").forEach(e -> command.add(e.asText()));
        command.addAll(List.of("/usr/sbin/chroot", rootfs.toString()));
        config.path("config").path("Entrypoint").forEach(e -> command.add(e.asText().equals("java") ? "/opt/java/bin/java" : e.asText()));
        command.addAll(List.of("train", "/data/titanic.csv", "--target", "Survived", "--model", "xgboost", "--register", "titanic", "--json"));
        String out = run(command, 300);
        JsonNode trained = JSON.readTree(out.substring(out.indexOf('{')));
        assertThat(trained.path("metrics").path("auc").asDouble()).isGreaterThan(0.75);
        assertThat(trained.path("registered").path("version").asLong()).isEqualTo(1);
        assertThat(data.resolve("forja.db")).exists();
    }
}

package dev.forja.app.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bearer tokens with read, write and admin roles. */
class TokenAuthTest {
    private static final String READER = "reader-token-0123456789";
    private static final String WRITER = "writer-token-0123456789";
    private static final String ADMIN = "admin-token-01234567890";

    @TempDir
    Path dir;
    ServerFixture s;

    @BeforeEach
    void start() throws Exception {
        Path tokens = dir.resolve("tokens.json");
        Files.writeString(tokens, "{\"tokens\": [{\"token\": \"" + READER + "\", \"role\": \"read\"}, {\"token\": \"" + WRITER
                + "\", \"role\": \"write\"}, {\"token\": \"" + ADMIN + "\", \"role\": \"admin\"}]}");
        s = new ServerFixture(dir, new ForjaServer.Options("127.0.0.1", 0, 1 << 20, 1 << 20, tokens));
    }

    @AfterEach
    void stop() {
        s.close();
    }

    @Test
    void aRequestWithoutATokenIs401() {
        ServerFixture.Answer a = s.get("experiments/get?experiment_id=0");
        assertThat(a.status()).isEqualTo(401);
        assertThat(a.json().path("error_code").asText()).isEqualTo("UNAUTHENTICATED");
    }

    @Test
    void anUnknownTokenIs401() {
        s.token = "not-a-known-token-at-all";
        assertThat(s.get("experiments/get?experiment_id=0").status()).isEqualTo(401);
    }

    @Test
    void aReaderReadsButCannotWrite() {
        s.token = READER;
        assertThat(s.get("experiments/get?experiment_id=0").status()).isEqualTo(200);
        ServerFixture.Answer write = s.post("experiments/create", "{\"name\": \"x\"}");
        assertThat(write.status()).isEqualTo(403);
        assertThat(write.json().path("error_code").asText()).isEqualTo("PERMISSION_DENIED");
    }

    @Test
    void aWriterLogsButOnlyAnAdminDeletesExperiments() {
        s.token = WRITER;
        assertThat(s.post("experiments/create", "{\"name\": \"x\"}").status()).isEqualTo(200);
        assertThat(s.post("experiments/delete", "{\"experiment_id\": \"1\"}").status()).isEqualTo(403);
        s.token = ADMIN;
        assertThat(s.post("experiments/delete", "{\"experiment_id\": \"1\"}").status()).isEqualTo(200);
    }
}

package dev.forja.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** The conventions of DESIGN.md §11 that every command shares: help, version, exit codes, --json errors. */
class CommandLineConventionsTest {

    @Test
    void helpListsTheCommandsAndExitsZero() {
        CliRun run = CliRun.of("--help");
        assertThat(run.exitCode()).isZero();
        assertThat(run.stdout()).contains("Usage: forja", "Commands:", "schema");
    }

    @Test
    void noArgumentsPrintsUsageInsteadOfFailing() {
        CliRun run = CliRun.of();
        assertThat(run.exitCode()).isZero();
        assertThat(run.stdout()).contains("Usage: forja");
    }

    @Test
    void versionNamesTheBuildVersionAndTheJava() {
        CliRun run = CliRun.of("--version");
        assertThat(run.exitCode()).isZero();
        assertThat(run.stdout()).containsPattern("forja \\d+\\.\\d+\\.\\d+").contains("Java " + System.getProperty("java.version"));
    }

    @Test
    void eachCommandHasItsOwnHelp() {
        CliRun run = CliRun.of("schema", "--help");
        assertThat(run.exitCode()).isZero();
        assertThat(run.stdout()).contains("Usage: forja schema", "--column=NAME:KIND", "--lenient");
    }

    @Test
    void unknownCommandIsAUsageErrorWithExitTwo() {
        CliRun run = CliRun.of("frobnicate");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stderr()).contains("frobnicate");
        assertThat(run.stdout()).isEmpty();
    }

    @Test
    void missingArgumentIsAUsageErrorWithExitTwo() {
        CliRun run = CliRun.of("schema");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stderr()).contains("Missing required parameter: 'DATA'");
    }

    @Test
    void usageErrorUnderJsonIsOneJsonDocument() {
        CliRun run = CliRun.of("schema", "--json", "--no-such-flag", "x.csv");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.json().path("error").path("type").asText()).isEqualTo("usage");
        assertThat(run.json().path("error").path("message").asText()).contains("--no-such-flag");
    }

    @Test
    void missingFileFailsWithExitOneAndAHintButNoStackTrace() {
        CliRun run = CliRun.of("schema", "does-not-exist.csv");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.stderr()).contains("no such file: does-not-exist.csv", "hint:").doesNotContain("at dev.forja");
    }

    @Test
    void verboseAddsTheStackTrace() {
        CliRun run = CliRun.of("schema", "does-not-exist.csv", "--verbose");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.stderr()).contains("at dev.forja");
    }

    @Test
    void failureUnderJsonIsOneJsonErrorDocumentOnStdout() {
        CliRun run = CliRun.of("schema", "does-not-exist.csv", "--json");
        assertThat(run.exitCode()).isEqualTo(1);
        JsonNode error = run.json().path("error");
        assertThat(error.path("message").asText()).isEqualTo("no such file: does-not-exist.csv");
        assertThat(error.path("hint").asText()).isNotEmpty();
    }

    @Test
    void malformedColumnKindIsReportedWithTheFlagToFix() {
        CliRun run = CliRun.of("schema", "whatever.csv", "--column", "age");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.stderr()).contains("--column 'age' is not NAME:KIND");
    }

    @Test
    void unknownKindNamesTheAllowedKinds() {
        CliRun run = CliRun.of("schema", "whatever.csv", "--column", "age:blob");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.stderr()).contains("blob").contains("numeric").doesNotContain("internal");
    }
}

package dev.forja.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** One in-process run of the CLI: what a shell user would see on stdout, stderr and as exit code. */
public record CliRun(int exitCode, String stdout, String stderr) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public static CliRun of(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Parses stdout as exactly one JSON document (fails on trailing content). */
    public JsonNode json() {
        try {
            var parser = JSON.createParser(stdout);
            JsonNode node = JSON.readTree(parser);
            if (parser.nextToken() != null) {
                throw new AssertionError("stdout holds more than one JSON document:\n" + stdout);
            }
            return node;
        } catch (IOException e) {
            throw new UncheckedIOException("stdout is not JSON:\n" + stdout, e);
        }
    }
}

package dev.forja.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.forja.app.Main;
import dev.forja.core.ForjaException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A forja command run inside this process, its JSON answer captured: how composite commands (quickstart,
 * tune, automl, the drift demo, monitor's retraining) reuse the real commands instead of copies of them.
 */
public final class InProcess {
    /** Exit code, the JSON on stdout (an empty object when there was none) and stderr. */
    public record Result(int code, JsonNode json, String err) {
    }

    private InProcess() {
    }

    public static Result run(List<String> args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args.toArray(new String[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        JsonNode json;
        try {
            json = Console.mapper().readTree(out.toString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            json = null;
        }
        return new Result(code, json == null || json.isMissingNode() ? Console.mapper().createObjectNode() : json, err.toString(StandardCharsets.UTF_8));
    }

    /** The command's JSON; a failure becomes an error that quotes the command and its message. */
    public static JsonNode json(List<String> args) {
        Result r = run(args);
        if (r.code() != 0) {
            throw new ForjaException("forja " + String.join(" ", args) + " failed:\n" + r.err().trim(), "run that command by hand to see more");
        }
        return r.json();
    }
}

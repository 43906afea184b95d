package dev.forja.app.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.forja.core.ProgressListener;
import java.io.PrintStream;
import java.io.UncheckedIOException;

/**
 * A command's two streams and the conventions for them: results on stdout (one JSON document under
 * {@code --json}), progress, notes and logs on stderr. Progress is drawn only when stderr is a terminal
 * (the launcher passes {@code -Dforja.stderr.tty}).
 */
public final class Console {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final PrintStream out;
    private final PrintStream err;
    private final boolean json;

    public Console(PrintStream out, PrintStream err, boolean json) {
        this.out = out;
        this.err = err;
        this.json = json;
    }

    public PrintStream out() {
        return out;
    }

    public PrintStream err() {
        return err;
    }

    public boolean json() {
        return json;
    }

    /** Prints the command's one JSON document on stdout. */
    public void printJson(JsonNode document) {
        try {
            out.println(JSON.writeValueAsString(document));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A note for the person at the terminal, on stderr so it never mixes with results. */
    public void note(String line) {
        err.println(line);
    }

    public static ObjectMapper mapper() {
        return JSON;
    }

    /** A progress line on stderr when it is a terminal; nothing otherwise (logs and pipes stay clean). */
    public ProgressListener progress() {
        return Boolean.getBoolean("forja.stderr.tty") ? new TerminalProgress(err) : ProgressListener.NONE;
    }
}

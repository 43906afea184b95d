package dev.forja.app.cli;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.forja.core.ForjaException;
import dev.forja.core.ingest.DataFormatException;
import java.io.PrintStream;
import picocli.CommandLine;

/**
 * Turns failures into what a user should see: the problem and what to do, no stack trace unless
 * {@code --verbose}, and under {@code --json} an {@code {"error": …}} document on stdout so a script
 * always gets exactly one JSON document.
 */
public final class ErrorReporter {
    private final PrintStream out;
    private final PrintStream err;
    private final boolean json;
    private final boolean verbose;

    public ErrorReporter(PrintStream out, PrintStream err, boolean json, boolean verbose) {
        this.out = out;
        this.err = err;
        this.json = json;
        this.verbose = verbose;
    }

    /** A command failed: exit code 1. */
    public int failure(Exception ex) {
        Throwable cause = ex;
        if (ex instanceof CommandLine.ExecutionException && ex.getCause() != null) {
            cause = ex.getCause();
        }
        ObjectNode error = JsonNodeFactory.instance.objectNode();
        if (cause instanceof ForjaException) {
            ForjaException fe = (ForjaException) cause;
            error.put("type", cause instanceof DataFormatException ? "data_format" : "error");
            error.put("message", fe.getMessage());
            if (fe.hint() != null) {
                error.put("hint", fe.hint());
            }
            if (fe instanceof DataFormatException) {
                DataFormatException dfe = (DataFormatException) fe;
                error.put("source", dfe.source());
                if (dfe.line() > 0) {
                    error.put("line", dfe.line());
                }
                if (dfe.charPosition() > 0) {
                    error.put("position", dfe.charPosition());
                }
                if (dfe.column() != null) {
                    error.put("column", dfe.column());
                }
            }
            err.println("forja: error: " + fe.getMessage());
            if (fe.hint() != null) {
                err.println("forja: hint: " + fe.hint());
            }
        } else {
            // Not a problem the user can fix from the message alone: say so plainly.
            error.put("type", "internal");
            error.put("message", String.valueOf(cause));
            err.println("forja: internal error: " + cause);
            if (!verbose) {
                err.println("forja: hint: run again with --verbose for the stack trace, and report it as a bug");
            }
        }
        if (verbose) {
            cause.printStackTrace(err);
        }
        printJson(error);
        return ExitCode.FAILURE;
    }

    /** The command line itself was wrong: exit code 2, with the command's usage. */
    public int usage(CommandLine.ParameterException ex) {
        err.println("forja: " + ex.getMessage());
        CommandLine cmd = ex.getCommandLine();
        if (!json) {
            cmd.usage(err);
        } else {
            err.println("forja: run '" + cmd.getCommandSpec().qualifiedName() + " --help' for usage");
        }
        ObjectNode error = JsonNodeFactory.instance.objectNode();
        error.put("type", "usage");
        error.put("message", ex.getMessage());
        printJson(error);
        return ExitCode.USAGE;
    }

    private void printJson(ObjectNode error) {
        if (json) {
            ObjectNode doc = JsonNodeFactory.instance.objectNode();
            doc.set("error", error);
            new Console(out, err, true).printJson(doc);
        }
    }
}

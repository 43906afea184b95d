package dev.forja.app;

import dev.forja.app.cli.Console;
import dev.forja.app.cli.ErrorReporter;
import dev.forja.app.cli.ExitCode;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import picocli.CommandLine;

/**
 * The {@code forja} command's entry point. {@link #run} is the whole CLI as a function of arguments and
 * streams, so tests drive it in-process exactly as a user would from a shell.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.err), true, StandardCharsets.UTF_8);
        System.exit(run(args, out, err));
    }

    /** Runs one command and returns its exit code: 0 success, 1 failure, 2 usage error. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        boolean verbose = Arrays.asList(args).contains("--verbose");
        if (verbose) {
            // Must happen before the first logger is created; SLF4J simple reads it once.
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "debug");
        }
        boolean json = Arrays.asList(args).contains("--json");
        ErrorReporter errors = new ErrorReporter(out, err, json, verbose);
        CommandLine cli = ForjaCommand.commandLine(new Console(out, err, json));
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> errors.failure(ex));
        cli.setParameterExceptionHandler((ex, a) -> errors.usage(ex));
        cli.setExitCodeExceptionMapper(ex -> ExitCode.FAILURE);
        return cli.execute(args);
    }
}

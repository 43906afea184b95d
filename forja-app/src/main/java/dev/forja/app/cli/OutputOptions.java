package dev.forja.app.cli;

import picocli.CommandLine.Option;

/**
 * {@code --json} and {@code --verbose}, which every command takes. {@link dev.forja.app.Main} also
 * looks for them before parsing, so that even a usage error honours them.
 */
public final class OutputOptions {
    @Option(names = "--json", description = "Print exactly one JSON document on stdout (errors too).")
    public boolean json;

    @Option(names = "--verbose", description = "Debug logs, and stack traces for errors, on stderr.")
    public boolean verbose;
}

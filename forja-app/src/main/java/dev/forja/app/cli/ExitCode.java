package dev.forja.app.cli;

/** The exit codes of DESIGN.md §11. */
public final class ExitCode {
    public static final int OK = 0;
    public static final int FAILURE = 1;
    public static final int USAGE = 2;

    private ExitCode() {
    }
}

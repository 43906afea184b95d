package dev.forja.core;

/**
 * An error a user can act on: it says what was wrong and, in {@link #hint()}, what to do about it.
 * The CLI prints these without a stack trace (unless {@code --verbose}) and exits with code 1.
 */
public class ForjaException extends RuntimeException {
    private final String hint;

    public ForjaException(String message) {
        this(message, null, null);
    }

    public ForjaException(String message, String hint) {
        this(message, hint, null);
    }

    public ForjaException(String message, String hint, Throwable cause) {
        super(message, cause);
        this.hint = hint;
    }

    /** What the user can do about it, or {@code null} when there is nothing more to say. */
    public String hint() {
        return hint;
    }

    /** The message followed by the hint, as a person should read it. */
    public String describe() {
        return hint == null ? getMessage() : getMessage() + ". " + hint;
    }
}

package dev.forja.serve.protocol;

/**
 * A client's request that cannot be scored: the server answers 400 with {@code {"error": message,
 * "field": field}}, the field being the column or JSON member at fault (null when none is).
 */
public final class BadInput extends RuntimeException {
    private final String field;
    private final int status;

    public BadInput(String message, String field) {
        this(400, message, field);
    }

    public BadInput(int status, String message, String field) {
        super(message, null, false, false);
        this.status = status;
        this.field = field;
    }

    public String field() {
        return field;
    }

    public int status() {
        return status;
    }
}

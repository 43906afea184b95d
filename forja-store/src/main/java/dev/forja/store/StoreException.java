package dev.forja.store;

import dev.forja.core.ForjaException;

/**
 * A request the store cannot honour, with MLflow's error code so the REST API can answer with the
 * same {@code error_code} and HTTP status an MLflow server would.
 */
public final class StoreException extends ForjaException {
    private final ErrorCode code;

    public StoreException(ErrorCode code, String message) {
        this(code, message, null);
    }

    public StoreException(ErrorCode code, String message, String hint) {
        super(message, hint);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }

    public static StoreException notFound(String message) {
        return new StoreException(ErrorCode.RESOURCE_DOES_NOT_EXIST, message);
    }

    public static StoreException invalid(String message) {
        return new StoreException(ErrorCode.INVALID_PARAMETER_VALUE, message);
    }

    public static StoreException exists(String message) {
        return new StoreException(ErrorCode.RESOURCE_ALREADY_EXISTS, message);
    }

    /** MLflow's error codes that Forja uses, each with the HTTP status MLflow's server gives it. */
    public enum ErrorCode {
        INVALID_PARAMETER_VALUE(400),
        RESOURCE_ALREADY_EXISTS(400),
        RESOURCE_DOES_NOT_EXIST(404),
        INVALID_STATE(400),
        BAD_REQUEST(400),
        UNAUTHENTICATED(401),
        PERMISSION_DENIED(403),
        REQUEST_LIMIT_EXCEEDED(413),
        ENDPOINT_NOT_FOUND(404),
        INTERNAL_ERROR(500);

        private final int httpStatus;

        ErrorCode(int httpStatus) {
            this.httpStatus = httpStatus;
        }

        public int httpStatus() {
            return httpStatus;
        }
    }
}

package app.go.support.errors;

/**
 * A rule said no. {@link Kind} tells the caller what kind of no (the HTTP layer maps it to a
 * status) and {@code code} is the stable UPPER_SNAKE identifier clients program against.
 */
public class DomainException extends RuntimeException {

    public enum Kind {
        VALIDATION(400), UNAUTHORIZED(401), FORBIDDEN(403), NOT_FOUND(404), CONFLICT(409), RULE(422), LIMIT(429), UNAVAILABLE(503);

        private final int httpStatus;

        Kind(int httpStatus) {
            this.httpStatus = httpStatus;
        }

        public int httpStatus() {
            return httpStatus;
        }
    }

    private final Kind kind;
    private final String code;
    private final java.util.Map<String, String> details;

    public DomainException(Kind kind, String code, String message) {
        this(kind, code, message, java.util.Map.of());
    }

    /** @param details extra fields a client can act on (e.g. which rule and which word refused a name) */
    public DomainException(Kind kind, String code, String message, java.util.Map<String, String> details) {
        super(message);
        this.kind = kind;
        this.code = code;
        this.details = java.util.Map.copyOf(details);
    }

    public static DomainException validation(String message) {
        return new DomainException(Kind.VALIDATION, "VALIDATION_FAILED", message);
    }

    public static DomainException notFound(String what) {
        return new DomainException(Kind.NOT_FOUND, "NOT_FOUND", what + " not found");
    }

    public static DomainException forbidden(String message) {
        return new DomainException(Kind.FORBIDDEN, "FORBIDDEN", message);
    }

    public Kind kind() {
        return kind;
    }

    public String code() {
        return code;
    }

    public java.util.Map<String, String> details() {
        return details;
    }
}

package app.go.local.lambda;

/** A failed invocation as Lambda reports it: an error type (the exception class name) and message. */
public class LambdaInvocationException extends RuntimeException {
    private final String errorType;

    public LambdaInvocationException(String errorType, String message, Throwable cause) {
        super(message, cause);
        this.errorType = errorType;
    }

    public String errorType() {
        return errorType;
    }
}

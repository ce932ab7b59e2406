package app.go.local.http;

/** A bearer token that {@link LocalTokens} refuses; the message is the reason, safe to show the caller. */
public class InvalidTokenException extends RuntimeException {
    public InvalidTokenException(String reason) {
        super(reason);
    }
}

package app.go.local.stepfunctions;

/** A state machine definition that cannot be run: bad JSON, a placeholder without a value, or a broken graph. */
public class InvalidDefinitionException extends IllegalArgumentException {

    public InvalidDefinitionException(String message) {
        super(message);
    }

    public InvalidDefinitionException(String message, Throwable cause) {
        super(message, cause);
    }
}

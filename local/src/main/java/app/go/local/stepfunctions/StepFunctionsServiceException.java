package app.go.local.stepfunctions;

/**
 * An API error named as AWS names it ({@code ExecutionAlreadyExists}, {@code StateMachineDoesNotExist},
 * {@code ExecutionDoesNotExist}, {@code InvalidArn}, {@code InvalidName}, {@code InvalidExecutionInput}, ...).
 */
public class StepFunctionsServiceException extends RuntimeException {
    private final String errorType;

    public StepFunctionsServiceException(String errorType, String message) {
        super(message);
        this.errorType = errorType;
    }

    public String errorType() {
        return errorType;
    }
}

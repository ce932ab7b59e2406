package app.go.local.stepfunctions;

/** The execution ran past the definition's top-level TimeoutSeconds; it ends TIMED_OUT, uncaught. */
final class ExecutionTimeoutFailure extends StatesFailure {

    ExecutionTimeoutFailure(long timeoutSeconds) {
        super(TIMEOUT, "The execution did not finish within its TimeoutSeconds of " + timeoutSeconds);
    }

    @Override
    boolean isTerminal() {
        return true;
    }
}

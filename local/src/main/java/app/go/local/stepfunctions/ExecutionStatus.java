package app.go.local.stepfunctions;

/** The status names AWS Step Functions reports. */
public enum ExecutionStatus {
    RUNNING, SUCCEEDED, FAILED, TIMED_OUT, ABORTED
}

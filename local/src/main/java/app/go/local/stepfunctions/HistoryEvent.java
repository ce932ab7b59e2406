package app.go.local.stepfunctions;

import java.time.Instant;

/**
 * One entry of an execution's history: {@code type} is one of ExecutionStarted, StateEntered,
 * StateExited, TaskFailed, RetryScheduled, ErrorCaught, ExecutionSucceeded, ExecutionFailed,
 * ExecutionTimedOut, ExecutionAborted; {@code stateName} is null for execution events.
 */
public record HistoryEvent(long id, Instant timestamp, String type, String stateName, String detail) {
}

package app.go.local.stepfunctions;

import java.time.Instant;

/**
 * A snapshot of an execution, as DescribeExecution reports it. {@code output} is set only when
 * SUCCEEDED, {@code error}/{@code cause} when it failed, timed out or was aborted with them, and
 * {@code stopDate} once it is no longer RUNNING.
 */
public record ExecutionDescription(
        String executionArn,
        String stateMachineArn,
        String name,
        ExecutionStatus status,
        String input,
        String output,
        String error,
        String cause,
        Instant startDate,
        Instant stopDate) {
}

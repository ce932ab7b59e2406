package app.go.local.stepfunctions;

import java.time.Instant;

/** What StartExecution returns. */
public record StartedExecution(String executionArn, Instant startDate) {
}

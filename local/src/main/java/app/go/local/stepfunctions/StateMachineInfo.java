package app.go.local.stepfunctions;

import java.time.Instant;

/** A registered state machine. */
public record StateMachineInfo(String stateMachineArn, String name, Instant creationDate,
        StateMachineDefinition definition) {
}

package app.go.adapter.aws.sfn;

import app.go.support.json.Json;
import app.go.domain.port.WorkflowStarter;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ExecutionAlreadyExistsException;

/** Starts executions of one state machine; execution names are the idempotency key. */
public final class SfnWorkflowStarter implements WorkflowStarter {
    private final SfnClient sfn;
    private final String stateMachineArn;

    public SfnWorkflowStarter(SfnClient sfn, String stateMachineArn) {
        this.sfn = sfn;
        this.stateMachineArn = stateMachineArn;
    }

    @Override
    public String start(String executionName, Object input) {
        String name = sanitize(executionName);
        try {
            return sfn.startExecution(b -> b.stateMachineArn(stateMachineArn).name(name).input(Json.write(input)))
                    .executionArn();
        } catch (ExecutionAlreadyExistsException e) {
            // same name, different input: the first start wins; a retry must not start a second run
            return stateMachineArn.replace(":stateMachine:", ":execution:") + ":" + name;
        }
    }

    /** Execution names allow 80 characters of letters, digits, '-' and '_'. */
    static String sanitize(String name) {
        String cleaned = name.replaceAll("[^A-Za-z0-9_-]", "-");
        return cleaned.length() <= 80 ? cleaned : cleaned.substring(cleaned.length() - 80);
    }
}

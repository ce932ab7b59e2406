package app.go.local.stepfunctions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/**
 * What the {@code $$} context object is built from: the execution, and inside a Map iteration the
 * current item. {@code deadline} is the execution's TimeoutSeconds, or null when it has none.
 */
record ExecutionContext(
        String executionArn,
        String executionName,
        JsonNode input,
        Instant startTime,
        String stateMachineArn,
        String stateMachineName,
        Instant deadline,
        Integer mapItemIndex,
        JsonNode mapItemValue) {

    static ExecutionContext of(String executionArn, String executionName, JsonNode input, Instant startTime,
            String stateMachineArn, String stateMachineName, Instant deadline) {
        return new ExecutionContext(executionArn, executionName, input, startTime, stateMachineArn, stateMachineName,
                deadline, null, null);
    }

    ExecutionContext withMapItem(int index, JsonNode value) {
        return new ExecutionContext(executionArn, executionName, input, startTime, stateMachineArn, stateMachineName,
                deadline, index, value);
    }

    JsonNode toJson(String stateName, Instant enteredTime, int retryCount) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        ObjectNode execution = root.putObject("Execution");
        execution.put("Id", executionArn);
        execution.put("Name", executionName);
        execution.set("Input", input);
        execution.put("StartTime", startTime.toString());
        execution.put("RoleArn", "arn:aws:iam::000000000000:role/local-step-functions");
        ObjectNode stateMachine = root.putObject("StateMachine");
        stateMachine.put("Id", stateMachineArn);
        stateMachine.put("Name", stateMachineName);
        ObjectNode state = root.putObject("State");
        state.put("Name", stateName);
        state.put("EnteredTime", enteredTime.toString());
        state.put("RetryCount", retryCount);
        if (mapItemIndex != null) {
            ObjectNode item = root.putObject("Map").putObject("Item");
            item.put("Index", mapItemIndex);
            item.set("Value", mapItemValue);
        }
        return root;
    }
}

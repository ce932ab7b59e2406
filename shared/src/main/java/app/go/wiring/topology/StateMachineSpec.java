package app.go.wiring.topology;

import java.util.Map;

/**
 * A state machine defined by {@code statemachines/<file>}; every {@code ${Key}} placeholder in the
 * file is replaced by the ARN of the function mapped to that key.
 */
public record StateMachineSpec(String id, String envVar, String file, Map<String, FunctionSpec> functionArns) {

    public String localName() {
        return "go-" + id;
    }
}

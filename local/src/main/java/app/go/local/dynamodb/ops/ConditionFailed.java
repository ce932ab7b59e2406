package app.go.local.dynamodb.ops;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** A condition that did not hold, with the item it was evaluated on (null when absent). */
final class ConditionFailed extends RuntimeException {
    private final transient ObjectNode item;

    ConditionFailed(ObjectNode item) {
        super("The conditional request failed", null, false, false);
        this.item = item;
    }

    ObjectNode item() {
        return item;
    }
}

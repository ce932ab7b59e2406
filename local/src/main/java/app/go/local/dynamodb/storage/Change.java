package app.go.local.dynamodb.storage;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One item written or removed: the table, the item before and after (null when absent). A TTL
 * deletion is marked so its stream record names the service as the actor.
 */
public record Change(String table, ObjectNode oldItem, ObjectNode newItem, boolean byTimeToLive) {
    public static Change write(String table, ObjectNode oldItem, ObjectNode newItem) {
        return new Change(table, oldItem, newItem, false);
    }
}

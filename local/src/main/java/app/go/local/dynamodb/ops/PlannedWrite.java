package app.go.local.dynamodb.ops;

import app.go.local.dynamodb.expr.Path;
import app.go.local.dynamodb.storage.Change;
import app.go.local.dynamodb.table.Table;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * A write whose condition held, computed but not yet committed: the item before and after (null
 * when absent) and, for UpdateItem, the paths it touched (for UPDATED_OLD / UPDATED_NEW).
 */
record PlannedWrite(Table table, ObjectNode oldItem, ObjectNode newItem, List<Path> updatedPaths) {
    Change change() {
        return Change.write(table.schema().name(), oldItem, newItem);
    }

    boolean changesAnything() {
        return oldItem != null || newItem != null;
    }
}

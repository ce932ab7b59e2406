package app.go.local.dynamodb.expr;

import app.go.local.dynamodb.DynamoException;
import app.go.local.dynamodb.value.Values;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/** Reading and writing document paths in an item (an object of attribute name to wire value). */
public final class Documents {
    private Documents() {}

    /** The value at the path, or null when any step is missing or of another type. */
    public static JsonNode get(JsonNode item, Path path) {
        if (item == null) {
            return null;
        }
        JsonNode current = item.get(path.topLevel());
        for (Object element : path.elements().subList(1, path.elements().size())) {
            if (current == null) {
                return null;
            }
            if (element instanceof Integer index) {
                JsonNode list = current.get("L");
                current = list == null || index >= list.size() ? null : list.get(index);
            } else {
                JsonNode map = current.get("M");
                current = map == null ? null : map.get((String) element);
            }
        }
        return current;
    }

    /** Sets the path in a mutable copy of an item; the parent of the last step must exist. */
    public static void set(ObjectNode item, Path path, JsonNode value) {
        List<Object> elements = path.elements();
        if (elements.size() == 1) {
            item.set(path.topLevel(), value);
            return;
        }
        JsonNode parent = get(item, new Path(elements.subList(0, elements.size() - 1)));
        Object last = elements.get(elements.size() - 1);
        if (last instanceof Integer index) {
            JsonNode list = parent == null ? null : parent.get("L");
            if (!(list instanceof ArrayNode array)) {
                throw invalidPath();
            }
            if (index >= array.size()) {
                array.add(value);
            } else {
                array.set(index, value);
            }
        } else {
            JsonNode map = parent == null ? null : parent.get("M");
            if (!(map instanceof ObjectNode object)) {
                throw invalidPath();
            }
            object.set((String) last, value);
        }
    }

    /** Removes the path from a mutable copy of an item; a missing path is left alone. */
    public static void remove(ObjectNode item, Path path) {
        List<Object> elements = path.elements();
        if (elements.size() == 1) {
            item.remove(path.topLevel());
            return;
        }
        JsonNode parent = get(item, new Path(elements.subList(0, elements.size() - 1)));
        if (parent == null) {
            return;
        }
        Object last = elements.get(elements.size() - 1);
        if (last instanceof Integer index) {
            if (parent.get("L") instanceof ArrayNode array && index < array.size()) {
                array.remove((int) index);
            }
        } else if (parent.get("M") instanceof ObjectNode object) {
            object.remove((String) last);
        }
    }

    /**
     * A projection: only the given paths, nested paths keeping their enclosing maps and lists
     * (list elements compacted in index order, as DynamoDB returns them).
     */
    public static ObjectNode project(JsonNode item, List<Path> paths) {
        ObjectNode result = Values.JSON.objectNode();
        for (Path path : paths) {
            JsonNode value = get(item, path);
            if (value != null) {
                merge(result, item, path, value);
            }
        }
        return result;
    }

    private static void merge(ObjectNode result, JsonNode item, Path path, JsonNode value) {
        List<Object> elements = path.elements();
        if (elements.size() == 1) {
            result.set(path.topLevel(), value.deepCopy());
            return;
        }
        JsonNode source = item.get(path.topLevel());
        JsonNode target = result.get(path.topLevel());
        if (target == null) {
            target = emptyLike(source);
            result.set(path.topLevel(), target);
        }
        for (int i = 1; i < elements.size(); i++) {
            Object element = elements.get(i);
            boolean last = i == elements.size() - 1;
            if (element instanceof Integer index) {
                JsonNode sourceChild = source.get("L").get(index);
                ArrayNode targetList = (ArrayNode) target.get("L");
                JsonNode next = last ? sourceChild.deepCopy() : findOrAddListSlot(targetList, sourceChild);
                if (last) {
                    targetList.add(next);
                }
                source = sourceChild;
                target = next;
            } else {
                String key = (String) element;
                JsonNode sourceChild = source.get("M").get(key);
                ObjectNode targetMap = (ObjectNode) target.get("M");
                JsonNode next = last ? sourceChild.deepCopy() : targetMap.get(key);
                if (next == null) {
                    next = emptyLike(sourceChild);
                }
                targetMap.set(key, next);
                source = sourceChild;
                target = next;
            }
        }
    }

    private static JsonNode findOrAddListSlot(ArrayNode targetList, JsonNode sourceChild) {
        JsonNode slot = emptyLike(sourceChild);
        targetList.add(slot);
        return slot;
    }

    private static JsonNode emptyLike(JsonNode container) {
        ObjectNode node = container.deepCopy();
        if (container.has("M")) {
            node.putObject("M");
        } else {
            node.putArray("L");
        }
        return node;
    }

    private static DynamoException invalidPath() {
        return DynamoException.validation("The document path provided in the update expression is invalid for update");
    }
}

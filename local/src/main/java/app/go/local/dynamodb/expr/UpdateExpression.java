package app.go.local.dynamodb.expr;

import app.go.local.dynamodb.DynamoException;
import app.go.local.dynamodb.value.Values;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** A parsed UpdateExpression; every operand reads the item as it was before the update. */
public record UpdateExpression(List<UpdateAction> actions) {

    public List<Path> paths() {
        return actions.stream().map(UpdateAction::path).toList();
    }

    /** The updated item, a new node; {@code before} may be an empty item for an upsert. */
    public ObjectNode apply(ObjectNode before) {
        ObjectNode after = before.deepCopy();
        List<UpdateAction.Remove> listRemovals = new ArrayList<>();
        for (UpdateAction action : actions) {
            if (action instanceof UpdateAction.Set set) {
                Documents.set(after, set.path(), set.value().value(before));
            } else if (action instanceof UpdateAction.Remove remove) {
                if (remove.path().elements().get(remove.path().elements().size() - 1) instanceof Integer) {
                    listRemovals.add(remove);
                } else {
                    Documents.remove(after, remove.path());
                }
            } else if (action instanceof UpdateAction.Add add) {
                add(after, before, add);
            } else if (action instanceof UpdateAction.Delete delete) {
                delete(after, before, delete);
            }
        }
        // removing list elements by index refers to the original positions: remove from the back
        listRemovals.sort(Comparator.comparing((UpdateAction.Remove r) -> (Integer) r.path().elements().get(r.path().elements().size() - 1)).reversed());
        listRemovals.forEach(r -> Documents.remove(after, r.path()));
        return after;
    }

    private static void add(ObjectNode after, ObjectNode before, UpdateAction.Add add) {
        JsonNode operand = add.value().value(before);
        JsonNode existing = Documents.get(before, add.path());
        String type = Values.type(operand);
        if (type.equals("N")) {
            if (existing != null && !existing.has("N")) {
                throw incorrectOperand("ADD", Values.type(existing));
            }
            Documents.set(after, add.path(), existing == null ? operand : Values.n(Values.number(existing).add(Values.number(operand))));
        } else if (type.equals("SS") || type.equals("NS") || type.equals("BS")) {
            if (existing == null) {
                Documents.set(after, add.path(), operand);
                return;
            }
            if (!existing.has(type)) {
                throw incorrectOperand("ADD", Values.type(existing));
            }
            ArrayNode union = existing.get(type).deepCopy();
            for (JsonNode element : operand.get(type)) {
                if (!setContains(union, element, type)) {
                    union.add(element);
                }
            }
            ObjectNode result = Values.JSON.objectNode();
            result.set(type, union);
            Documents.set(after, add.path(), result);
        } else {
            throw incorrectOperand("ADD", type);
        }
    }

    private static void delete(ObjectNode after, ObjectNode before, UpdateAction.Delete delete) {
        JsonNode operand = delete.value().value(before);
        String type = Values.type(operand);
        if (!(type.equals("SS") || type.equals("NS") || type.equals("BS"))) {
            throw incorrectOperand("DELETE", type);
        }
        JsonNode existing = Documents.get(before, delete.path());
        if (existing == null) {
            return;
        }
        if (!existing.has(type)) {
            throw incorrectOperand("DELETE", Values.type(existing));
        }
        ArrayNode remaining = Values.JSON.arrayNode();
        for (JsonNode element : existing.get(type)) {
            if (!setContains((ArrayNode) operand.get(type), element, type)) {
                remaining.add(element);
            }
        }
        if (remaining.isEmpty()) {
            Documents.remove(after, delete.path());
        } else {
            ObjectNode result = Values.JSON.objectNode();
            result.set(type, remaining);
            Documents.set(after, delete.path(), result);
        }
    }

    private static boolean setContains(ArrayNode set, JsonNode element, String setType) {
        String elementType = setType.substring(0, 1);
        JsonNode wrapped = Values.JSON.objectNode().set(elementType, element);
        for (JsonNode member : set) {
            if (Values.equal(Values.JSON.objectNode().set(elementType, member), wrapped)) {
                return true;
            }
        }
        return false;
    }

    private static DynamoException incorrectOperand(String operator, String type) {
        return DynamoException.validation("Invalid UpdateExpression: Incorrect operand type for operator or function; operator: "
                + operator + ", operand type: " + typeName(type));
    }

    private static String typeName(String type) {
        return switch (type) {
            case "S" -> "STRING";
            case "N" -> "NUMBER";
            case "B" -> "BINARY";
            case "BOOL" -> "BOOLEAN";
            case "NULL" -> "NULL";
            case "L" -> "LIST";
            case "M" -> "MAP";
            case "SS" -> "STRING SET";
            case "NS" -> "NUMBER SET";
            default -> "BINARY SET";
        };
    }
}

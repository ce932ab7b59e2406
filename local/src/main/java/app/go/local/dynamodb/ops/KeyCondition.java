package app.go.local.dynamodb.ops;

import app.go.local.dynamodb.DynamoException;
import app.go.local.dynamodb.expr.Condition;
import app.go.local.dynamodb.expr.Operand;
import app.go.local.dynamodb.value.Values;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * A KeyConditionExpression taken apart: equality on the partition key, and optionally one
 * condition (=, <, <=, >, >=, BETWEEN, begins_with) on the sort key. Anything else is rejected as
 * DynamoDB rejects it.
 */
record KeyCondition(JsonNode partitionValue, Condition sortCondition) {

    static KeyCondition of(Condition condition, String hashKey, String rangeKey, String hashType, String rangeType) {
        JsonNode partition = null;
        Condition sort = null;
        for (Condition part : parts(condition)) {
            String attribute = keyAttribute(part);
            if (attribute.equals(hashKey) && partition == null && part instanceof Condition.Comparison c && c.operator().equals("=")) {
                partition = literal(c.right());
                checkType(partition, hashType);
            } else if (attribute.equals(rangeKey) && sort == null && !attribute.equals(hashKey)) {
                sort = part;
                checkSortCondition(part, rangeType);
            } else if (!attribute.equals(hashKey) && !attribute.equals(rangeKey)) {
                throw DynamoException.validation("Query condition missed key schema element: " + (partition == null ? hashKey : rangeKey));
            } else {
                throw DynamoException.validation("Query key condition not supported");
            }
        }
        if (partition == null) {
            throw DynamoException.validation("Query condition missed key schema element: " + hashKey);
        }
        return new KeyCondition(partition, sort);
    }

    private static java.util.List<Condition> parts(Condition condition) {
        if (condition instanceof Condition.And and) {
            if (and.left() instanceof Condition.And || and.right() instanceof Condition.And) {
                throw DynamoException.validation("Invalid KeyConditionExpression: The expression has redundant parentheses or too many conditions;");
            }
            return java.util.List.of(and.left(), and.right());
        }
        return java.util.List.of(condition);
    }

    private static String keyAttribute(Condition part) {
        Operand left;
        Operand[] rest;
        if (part instanceof Condition.Comparison c) {
            left = c.left();
            rest = new Operand[] {c.right()};
            if (c.operator().equals("<>")) {
                throw DynamoException.validation("Unsupported operator on KeyConditionExpression: operator: <>");
            }
        } else if (part instanceof Condition.Between b) {
            left = b.value();
            rest = new Operand[] {b.low(), b.high()};
        } else if (part instanceof Condition.BeginsWith bw) {
            left = bw.value();
            rest = new Operand[] {bw.prefix()};
        } else {
            String name = part.getClass().getSimpleName();
            throw DynamoException.validation("Invalid operator used in KeyConditionExpression: " + switch (name) {
                case "Or" -> "OR";
                case "Not" -> "NOT";
                case "In" -> "IN";
                case "AttributeExists" -> "attribute_exists";
                case "Contains" -> "contains";
                default -> name;
            });
        }
        if (!(left instanceof Operand.PathOperand path) || !path.path().isTopLevel()) {
            throw DynamoException.validation("Invalid condition in KeyConditionExpression: Only the key attributes can be used on the left side of a condition");
        }
        for (Operand operand : rest) {
            if (!(operand instanceof Operand.Literal)) {
                throw DynamoException.validation("Invalid condition in KeyConditionExpression: Only values can be used on the right side of a condition");
            }
        }
        return path.path().topLevel();
    }

    private static void checkSortCondition(Condition part, String rangeType) {
        if (part instanceof Condition.Comparison c) {
            checkType(literal(c.right()), rangeType);
        } else if (part instanceof Condition.Between b) {
            checkType(literal(b.low()), rangeType);
            checkType(literal(b.high()), rangeType);
            if (Values.compare(literal(b.low()), literal(b.high())) > 0) {
                throw DynamoException.validation("Invalid KeyConditionExpression: The BETWEEN operator requires upper bound to be greater than or equal to lower bound; "
                        + "lower bound operand: AttributeValue: " + literal(b.low()) + ", upper bound operand: AttributeValue: " + literal(b.high()));
            }
        } else if (part instanceof Condition.BeginsWith bw) {
            if (rangeType.equals("N")) {
                throw DynamoException.validation("Invalid KeyConditionExpression: Incorrect operand type for operator or function; operator or function: begins_with, operand type: N");
            }
            checkType(literal(bw.prefix()), rangeType);
        }
    }

    private static JsonNode literal(Operand operand) {
        return ((Operand.Literal) operand).literal();
    }

    private static void checkType(JsonNode value, String type) {
        if (!value.has(type)) {
            throw DynamoException.validation("One or more parameter values were invalid: Condition parameter type does not match schema type");
        }
    }
}

package app.go.local.dynamodb;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A DynamoDB error as the wire protocol reports it: the {@code __type} (namespace#name), the message,
 * the HTTP status, and any extra members of the error body (e.g. {@code CancellationReasons}, {@code Item}).
 */
public class DynamoException extends RuntimeException {
    private static final String DYNAMODB = "com.amazonaws.dynamodb.v20120810#";
    private final String type;
    private final int status;
    private final transient ObjectNode extra;

    public DynamoException(String type, String message, int status, ObjectNode extra) {
        super(message, null, false, false);
        this.type = type;
        this.status = status;
        this.extra = extra;
    }

    public static DynamoException validation(String message) {
        return new DynamoException("com.amazon.coral.validate#ValidationException", message, 400, null);
    }

    public static DynamoException resourceNotFound(String message) {
        return dynamo("ResourceNotFoundException", message);
    }

    public static DynamoException conditionalCheckFailed(ObjectNode itemOrNull) {
        ObjectNode extra = null;
        if (itemOrNull != null) {
            extra = itemOrNull.objectNode();
            extra.set("Item", itemOrNull);
        }
        return new DynamoException(DYNAMODB + "ConditionalCheckFailedException", "The conditional request failed", 400, extra);
    }

    public static DynamoException dynamo(String name, String message) {
        return new DynamoException(DYNAMODB + name, message, 400, null);
    }

    /** The full {@code __type}, e.g. {@code com.amazonaws.dynamodb.v20120810#ResourceNotFoundException}. */
    public String type() {
        return type;
    }

    /** The part after '#', e.g. {@code ResourceNotFoundException}. */
    public String shortType() {
        return type.substring(type.indexOf('#') + 1);
    }

    public int status() {
        return status;
    }

    /** Extra members of the error body, or null. */
    public ObjectNode extra() {
        return extra;
    }
}

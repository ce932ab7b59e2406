package app.go.local.dynamodb.faults;

import java.util.HashMap;
import java.util.Map;

/** The operations the engine serves, by their wire names ({@code X-Amz-Target} suffix). */
public enum Operation {
    CREATE_TABLE("CreateTable"), DESCRIBE_TABLE("DescribeTable"), DELETE_TABLE("DeleteTable"), LIST_TABLES("ListTables"),
    UPDATE_TIME_TO_LIVE("UpdateTimeToLive"), DESCRIBE_TIME_TO_LIVE("DescribeTimeToLive"),
    GET_ITEM("GetItem"), PUT_ITEM("PutItem"), UPDATE_ITEM("UpdateItem"), DELETE_ITEM("DeleteItem"),
    QUERY("Query"), SCAN("Scan"), BATCH_GET_ITEM("BatchGetItem"), BATCH_WRITE_ITEM("BatchWriteItem"),
    TRANSACT_WRITE_ITEMS("TransactWriteItems"), TRANSACT_GET_ITEMS("TransactGetItems"),
    LIST_STREAMS("ListStreams"), DESCRIBE_STREAM("DescribeStream"), GET_SHARD_ITERATOR("GetShardIterator"), GET_RECORDS("GetRecords");

    private static final Map<String, Operation> BY_WIRE_NAME = new HashMap<>();

    static {
        for (Operation operation : values()) {
            BY_WIRE_NAME.put(operation.wireName, operation);
        }
    }

    private final String wireName;

    Operation(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** The operation of a wire name such as {@code PutItem}, or null. */
    public static Operation ofWireName(String name) {
        return BY_WIRE_NAME.get(name);
    }
}

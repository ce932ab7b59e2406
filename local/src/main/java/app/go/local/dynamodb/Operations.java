package app.go.local.dynamodb;

import app.go.local.dynamodb.faults.Fault;
import app.go.local.dynamodb.faults.Faults;
import app.go.local.dynamodb.faults.Operation;
import app.go.local.dynamodb.ops.BatchOperations;
import app.go.local.dynamodb.ops.ItemOperations;
import app.go.local.dynamodb.ops.QueryOperations;
import app.go.local.dynamodb.ops.TableOperations;
import app.go.local.dynamodb.ops.TransactionOperations;
import app.go.local.dynamodb.storage.Database;
import app.go.local.dynamodb.streams.StreamOperations;
import app.go.local.dynamodb.streams.StreamRecords;
import app.go.local.dynamodb.value.Values;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.HashSet;
import java.util.Set;

/** Routes one call by operation name, after any fault armed for it. */
final class Operations {
    private final Faults faults;
    private final ItemOperations items;
    private final QueryOperations queries;
    private final BatchOperations batches;
    private final TransactionOperations transactions;
    private final TableOperations tables;
    private final StreamOperations streams;

    Operations(Database db, StreamRecords streamRecords, Faults faults) {
        this.faults = faults;
        this.items = new ItemOperations(db);
        this.queries = new QueryOperations(db);
        this.batches = new BatchOperations(db);
        this.transactions = new TransactionOperations(db, items);
        this.tables = new TableOperations(db);
        this.streams = new StreamOperations(streamRecords);
    }

    ObjectNode call(String operationName, JsonNode request) {
        Operation operation = Operation.ofWireName(operationName);
        if (operation == null) {
            throw new DynamoException("com.amazon.coral.service#UnknownOperationException",
                    "Operation " + operationName + " is not supported by the local DynamoDB engine", 400, null);
        }
        Fault fault = faults.take(operation, tablesOf(request));
        if (fault != null) {
            inject(fault, request);
        }
        return switch (operation) {
            case CREATE_TABLE -> tables.createTable(request);
            case DESCRIBE_TABLE -> tables.describeTable(request);
            case DELETE_TABLE -> tables.deleteTable(request);
            case LIST_TABLES -> tables.listTables(request);
            case UPDATE_TIME_TO_LIVE -> tables.updateTimeToLive(request);
            case DESCRIBE_TIME_TO_LIVE -> tables.describeTimeToLive(request);
            case GET_ITEM -> items.getItem(request);
            case PUT_ITEM -> items.putItem(request);
            case UPDATE_ITEM -> items.updateItem(request);
            case DELETE_ITEM -> items.deleteItem(request);
            case QUERY -> queries.query(request);
            case SCAN -> queries.scan(request);
            case BATCH_GET_ITEM -> batches.batchGetItem(request);
            case BATCH_WRITE_ITEM -> batches.batchWriteItem(request);
            case TRANSACT_WRITE_ITEMS -> transactions.transactWriteItems(request);
            case TRANSACT_GET_ITEMS -> transactions.transactGetItems(request);
            case LIST_STREAMS -> streams.listStreams(request);
            case DESCRIBE_STREAM -> streams.describeStream(request);
            case GET_SHARD_ITERATOR -> streams.getShardIterator(request);
            case GET_RECORDS -> streams.getRecords(request);
        };
    }

    private static void inject(Fault fault, JsonNode request) {
        switch (fault.kind()) {
            case THROTTLE -> throw DynamoException.dynamo("ProvisionedThroughputExceededException",
                    "The level of configured provisioned throughput for the table was exceeded. "
                            + "Consider increasing your provisioning level with the UpdateTable API.");
            case THROTTLING -> throw new DynamoException("com.amazon.coral.availability#ThrottlingException",
                    "Rate of requests exceeds the allowed throughput.", 400, null);
            case INTERNAL_ERROR -> throw new DynamoException("com.amazonaws.dynamodb.v20120810#InternalServerError",
                    "Internal server error", 500, null);
            case TRANSACTION_CONFLICT -> {
                ArrayNode reasons = Values.JSON.arrayNode();
                int count = Math.max(1, request.path("TransactItems").size());
                for (int i = 0; i < count; i++) {
                    reasons.addObject().put("Code", "TransactionConflict").put("Message", "Transaction is ongoing for the item");
                }
                throw TransactionOperations.cancelled(reasons);
            }
            case DELAY -> {
                try {
                    Thread.sleep(fault.delay().toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    /** The tables a call names: TableName, the keys of RequestItems, the tables of TransactItems, a stream's table. */
    static Set<String> tablesOf(JsonNode request) {
        Set<String> names = new HashSet<>();
        if (request.hasNonNull("TableName")) {
            names.add(request.get("TableName").asText());
        }
        request.path("RequestItems").fieldNames().forEachRemaining(names::add);
        for (JsonNode transactItem : request.path("TransactItems")) {
            transactItem.fields().forEachRemaining(f -> {
                if (f.getValue().hasNonNull("TableName")) {
                    names.add(f.getValue().get("TableName").asText());
                }
            });
        }
        String streamArn = request.path("StreamArn").asText(null);
        if (streamArn != null && streamArn.contains(":table/")) {
            String rest = streamArn.substring(streamArn.indexOf(":table/") + 7);
            names.add(rest.contains("/") ? rest.substring(0, rest.indexOf('/')) : rest);
        }
        return names;
    }
}

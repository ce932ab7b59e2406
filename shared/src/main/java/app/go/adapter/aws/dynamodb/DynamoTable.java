package app.go.adapter.aws.dynamodb;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static app.go.adapter.aws.dynamodb.Items.key;
import static app.go.adapter.aws.dynamodb.Items.s;

/** One table with {@code pk}/{@code sk} keys, and the reads and writes the stores share. */
public final class DynamoTable {
    private final DynamoDbClient dynamo;
    private final String name;

    public DynamoTable(DynamoDbClient dynamo, String name) {
        this.dynamo = dynamo;
        this.name = name;
    }

    /** For what this class does not cover (updates, transactions, indexes). */
    public DynamoDbClient client() {
        return dynamo;
    }

    public String name() {
        return name;
    }

    /** A consistent read of one item. */
    public Optional<Map<String, AttributeValue>> get(String pk, String sk) {
        return get(pk, sk, true);
    }

    public Optional<Map<String, AttributeValue>> get(String pk, String sk, boolean consistent) {
        Map<String, AttributeValue> found = dynamo.getItem(b -> b.tableName(name).key(key(pk, sk)).consistentRead(consistent)).item();
        return found == null || found.isEmpty() ? Optional.empty() : Optional.of(found);
    }

    public void put(Map<String, AttributeValue> item) {
        dynamo.putItem(b -> b.tableName(name).item(item));
    }

    public void delete(String pk, String sk) {
        dynamo.deleteItem(b -> b.tableName(name).key(key(pk, sk)));
    }

    /** Puts the item unless one with its key exists; false when one did. */
    public boolean putNew(Map<String, AttributeValue> item) {
        return putIf(item, b -> b.conditionExpression("attribute_not_exists(pk)"));
    }

    /** Puts the item if the condition that {@code condition} adds to the request holds; false when it did not. */
    public boolean putIf(Map<String, AttributeValue> item, Consumer<PutItemRequest.Builder> condition) {
        return conditionally(() -> dynamo.putItem(b -> condition.accept(b.tableName(name).item(item))));
    }

    /** Updates the item if the request's condition holds; false when it did not. */
    public boolean updateIf(String pk, String sk, Consumer<UpdateItemRequest.Builder> update) {
        return conditionally(() -> dynamo.updateItem(b -> update.accept(b.tableName(name).key(key(pk, sk)))));
    }

    /** Deletes the item if the request's condition holds; false when it did not. */
    public boolean deleteIf(String pk, String sk, Consumer<DeleteItemRequest.Builder> delete) {
        return conditionally(() -> dynamo.deleteItem(b -> delete.accept(b.tableName(name).key(key(pk, sk)))));
    }

    /**
     * Writes all or nothing; false when a condition refused the transaction. Any other cancellation
     * (a conflicting transaction, throttling) is thrown for the caller's retry.
     */
    public boolean transactIf(TransactWriteItem... writes) {
        try {
            dynamo.transactWriteItems(b -> b.transactItems(writes));
            return true;
        } catch (TransactionCanceledException e) {
            if (conditionFailed(e)) {
                return false;
            }
            throw e;
        }
    }

    /** Runs one conditional write; false when its condition did not hold. */
    public static boolean conditionally(Runnable write) {
        try {
            write.run();
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    /** The items of the partition whose sort key starts with the prefix, in sort-key order (eventually consistent). */
    public Stream<Map<String, AttributeValue>> queryPrefix(String pk, String prefix) {
        return queryPrefix(pk, prefix, true);
    }

    /** @param ascending false for the highest sort keys first */
    public Stream<Map<String, AttributeValue>> queryPrefix(String pk, String prefix, boolean ascending) {
        return dynamo.queryPaginator(b -> {
            b.tableName(name).keyConditionExpression("pk = :pk AND begins_with(sk, :prefix)")
                    .expressionAttributeValues(Map.of(":pk", s(pk), ":prefix", s(prefix)));
            if (!ascending) {
                b.scanIndexForward(false);
            }
        }).items().stream();
    }

    /** Whether the transaction's write at this index was refused by its condition. */
    public static boolean conditionFailed(TransactionCanceledException e, int index) {
        List<CancellationReason> reasons = e.cancellationReasons();
        return reasons != null && reasons.size() > index && "ConditionalCheckFailed".equals(reasons.get(index).code());
    }

    /** Whether any of the transaction's writes was refused by its condition. */
    public static boolean conditionFailed(TransactionCanceledException e) {
        return e.hasCancellationReasons() && e.cancellationReasons().stream().anyMatch(r -> "ConditionalCheckFailed".equals(r.code()));
    }
}

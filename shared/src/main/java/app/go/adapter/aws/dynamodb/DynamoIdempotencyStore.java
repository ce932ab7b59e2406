package app.go.adapter.aws.dynamodb;

import app.go.domain.port.IdempotencyStore;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import static app.go.adapter.aws.dynamodb.Items.n;
import static app.go.adapter.aws.dynamodb.Items.s;

/**
 * Idempotency records in their own table: a conditional put claims a key if nobody holds it or the
 * holder's claim expired ({@code attribute_not_exists(pk) OR expiresAt < :now}). {@code expiresAt}
 * is also the table's TTL attribute, so finished records clean themselves up.
 */
public final class DynamoIdempotencyStore implements IdempotencyStore {
    private static final String IN_PROGRESS = "IN_PROGRESS";
    private static final String COMPLETED = "COMPLETED";

    private final DynamoDbClient dynamo;
    private final String table;
    private final Clock clock;

    public DynamoIdempotencyStore(DynamoDbClient dynamo, String table, Clock clock) {
        this.dynamo = dynamo;
        this.table = table;
        this.clock = clock;
    }

    @Override
    public Claim claim(String key, Duration inProgressFor) {
        long now = clock.instant().getEpochSecond();
        try {
            dynamo.putItem(b -> b.tableName(table)
                    .item(Map.of("pk", s(key), "status", s(IN_PROGRESS), "expiresAt", n(now + inProgressFor.toSeconds())))
                    .conditionExpression("attribute_not_exists(pk) OR expiresAt < :now")
                    .expressionAttributeValues(Map.of(":now", n(now)))
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD));
            return new Claim.Acquired();
        } catch (ConditionalCheckFailedException e) {
            Map<String, AttributeValue> existing = e.hasItem() ? e.item()
                    : dynamo.getItem(b -> b.tableName(table).key(Map.of("pk", s(key))).consistentRead(true)).item();
            if (COMPLETED.equals(Items.str(existing, "status"))) {
                return new Claim.AlreadyDone(Items.str(existing, "result"));
            }
            return new Claim.InProgress();
        }
    }

    @Override
    public void complete(String key, String result, Duration keepFor) {
        long expiresAt = clock.instant().plus(keepFor).getEpochSecond();
        dynamo.putItem(b -> b.tableName(table).item(Map.of("pk", s(key), "status", s(COMPLETED),
                "result", s(result), "expiresAt", n(expiresAt))));
    }

    @Override
    public void release(String key) {
        DynamoTable.conditionally(() -> dynamo.deleteItem(b -> b.tableName(table).key(Map.of("pk", s(key)))
                .conditionExpression("#s = :inProgress")
                .expressionAttributeNames(Map.of("#s", "status"))
                .expressionAttributeValues(Map.of(":inProgress", s(IN_PROGRESS))))); // false: nothing to give up
    }
}

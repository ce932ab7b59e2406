package app.go.local.dynamodb.conformance;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** BatchGetItem, BatchWriteItem, TransactWriteItems, TransactGetItems, ConsumedCapacity, size limits, table operations. */
abstract class TransactionBatchConformance extends ConformanceBase {
    private String table;

    @BeforeAll
    void createTable() {
        table = table("pk", null);
    }

    private static Map<String, AttributeValue> key(String pk) {
        return item("pk", s(pk));
    }

    @Test
    @DisplayName("BatchWriteItem puts and deletes; UnprocessedItems is empty")
    void batchWrite() {
        put(table, item("pk", s("bw-gone")));
        BatchWriteItemResponse response = client.batchWriteItem(b -> b.requestItems(Map.of(table, List.of(
                WriteRequest.builder().putRequest(p -> p.item(item("pk", s("bw-1")))).build(),
                WriteRequest.builder().putRequest(p -> p.item(item("pk", s("bw-2")))).build(),
                WriteRequest.builder().deleteRequest(d -> d.key(key("bw-gone"))).build()))));
        assertTrue(response.unprocessedItems().isEmpty());
        assertTrue(get(table, key("bw-1")) != null && get(table, key("bw-2")) != null);
        assertNull(get(table, key("bw-gone")));
    }

    @Test
    @DisplayName("BatchWriteItem: more than 25 writes is a ValidationException")
    void batchWriteTooMany() {
        List<WriteRequest> writes = new ArrayList<>();
        for (int i = 0; i < 26; i++) {
            int n = i;
            writes.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item("pk", s("many" + n))).build()).build());
        }
        assertValidation("", () -> client.batchWriteItem(b -> b.requestItems(Map.of(table, writes))));
    }

    @Test
    @DisplayName("BatchWriteItem: the same key twice is a ValidationException")
    void batchWriteDuplicates() {
        assertValidation("duplicates", () -> client.batchWriteItem(b -> b.requestItems(Map.of(table, List.of(
                WriteRequest.builder().putRequest(p -> p.item(item("pk", s("dup")))).build(),
                WriteRequest.builder().putRequest(p -> p.item(item("pk", s("dup")))).build())))));
    }

    @Test
    @DisplayName("BatchGetItem returns the existing items; UnprocessedKeys is empty")
    void batchGet() {
        put(table, item("pk", s("bg-1"), "v", n("1")));
        put(table, item("pk", s("bg-2"), "v", n("2")));
        BatchGetItemResponse response = client.batchGetItem(b -> b.requestItems(Map.of(table,
                KeysAndAttributes.builder().keys(key("bg-1"), key("bg-2"), key("bg-missing")).build())));
        assertEquals(2, response.responses().get(table).size());
        assertTrue(response.unprocessedKeys().isEmpty());
    }

    @Test
    @DisplayName("BatchGetItem: ProjectionExpression applies to every item")
    void batchGetProjection() {
        put(table, item("pk", s("bgp"), "a", s("A"), "b", s("B")));
        BatchGetItemResponse response = client.batchGetItem(b -> b.requestItems(Map.of(table,
                KeysAndAttributes.builder().keys(key("bgp")).projectionExpression("a").build())));
        assertEquals(item("a", s("A")), response.responses().get(table).get(0));
    }

    @Test
    @DisplayName("BatchGetItem: the same key twice is a ValidationException")
    void batchGetDuplicates() {
        assertValidation("duplicates", () -> client.batchGetItem(b -> b.requestItems(Map.of(table,
                KeysAndAttributes.builder().keys(key("d"), key("d")).build()))));
    }

    @Test
    @DisplayName("TransactWriteItems commits every write")
    void transactCommits() {
        client.transactWriteItems(b -> b.transactItems(
                t -> t.put(p -> p.tableName(table).item(item("pk", s("tx-1")))),
                t -> t.update(u -> u.tableName(table).key(key("tx-2")).updateExpression("SET v = :v").expressionAttributeValues(values(":v", n("1"))))));
        assertTrue(get(table, key("tx-1")) != null);
        assertEquals(n("1"), get(table, key("tx-2")).get("v"));
    }

    @Test
    @DisplayName("TransactWriteItems: one failed condition cancels all, with a reason per item in order")
    void transactAllOrNothing() {
        put(table, item("pk", s("tx-taken")));
        TransactionCanceledException e = assertThrows(TransactionCanceledException.class, () -> client.transactWriteItems(b -> b.transactItems(
                t -> t.put(p -> p.tableName(table).item(item("pk", s("tx-new")))),
                t -> t.put(p -> p.tableName(table).item(item("pk", s("tx-taken"))).conditionExpression("attribute_not_exists(pk)")))));
        assertEquals(List.of("None", "ConditionalCheckFailed"), e.cancellationReasons().stream().map(r -> r.code()).toList());
        assertNull(get(table, key("tx-new")));
        assertTrue(e.getMessage().contains("Transaction cancelled"));
    }

    @Test
    @DisplayName("TransactWriteItems: ReturnValuesOnConditionCheckFailure=ALL_OLD puts the item into its reason")
    void transactReasonItem() {
        put(table, item("pk", s("tx-old"), "v", s("x")));
        TransactionCanceledException e = assertThrows(TransactionCanceledException.class, () -> client.transactWriteItems(b -> b.transactItems(
                t -> t.put(p -> p.tableName(table).item(item("pk", s("tx-old"))).conditionExpression("attribute_not_exists(pk)")
                        .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)))));
        assertEquals(s("x"), e.cancellationReasons().get(0).item().get("v"));
    }

    @Test
    @DisplayName("TransactWriteItems: ConditionCheck guards without writing")
    void transactConditionCheck() {
        put(table, item("pk", s("guard"), "open", bool(true)));
        client.transactWriteItems(b -> b.transactItems(
                t -> t.conditionCheck(c -> c.tableName(table).key(key("guard")).conditionExpression("#o = :t")
                        .expressionAttributeNames(names("#o", "open")).expressionAttributeValues(values(":t", bool(true)))),
                t -> t.put(p -> p.tableName(table).item(item("pk", s("guarded"))))));
        assertTrue(get(table, key("guarded")) != null);
        assertEquals(item("pk", s("guard"), "open", bool(true)), get(table, key("guard")));
    }

    @Test
    @DisplayName("TransactWriteItems: two operations on one item is a ValidationException")
    void transactSameItemTwice() {
        assertValidation("multiple operations on one item", () -> client.transactWriteItems(b -> b.transactItems(
                t -> t.put(p -> p.tableName(table).item(item("pk", s("twice")))),
                t -> t.delete(d -> d.tableName(table).key(key("twice"))))));
    }

    @Test
    @DisplayName("TransactWriteItems: the same ClientRequestToken does not apply the writes twice")
    void transactIdempotentToken() {
        String token = UUID.randomUUID().toString();
        put(table, item("pk", s("tok"), "c", n("0")));
        for (int i = 0; i < 2; i++) {
            client.transactWriteItems(b -> b.clientRequestToken(token).transactItems(
                    t -> t.update(u -> u.tableName(table).key(key("tok")).updateExpression("ADD c :one").expressionAttributeValues(values(":one", n("1"))))));
        }
        assertEquals(n("1"), get(table, key("tok")).get("c"));
    }

    @Test
    @DisplayName("TransactWriteItems: the same token with another request is IdempotentParameterMismatchException")
    void transactTokenMismatch() {
        String token = UUID.randomUUID().toString();
        client.transactWriteItems(b -> b.clientRequestToken(token).transactItems(t -> t.put(p -> p.tableName(table).item(item("pk", s("m1"))))));
        assertError("IdempotentParameterMismatchException", "", () -> client.transactWriteItems(b -> b.clientRequestToken(token)
                .transactItems(t -> t.put(p -> p.tableName(table).item(item("pk", s("m2")))))));
    }

    @Test
    @DisplayName("TransactGetItems returns items in request order, an empty entry for a missing one")
    void transactGet() {
        put(table, item("pk", s("tg-1"), "v", n("1")));
        var response = client.transactGetItems(b -> b.transactItems(
                t -> t.get(g -> g.tableName(table).key(key("tg-1"))),
                t -> t.get(g -> g.tableName(table).key(key("tg-missing")))));
        assertEquals(n("1"), response.responses().get(0).item().get("v"));
        assertTrue(!response.responses().get(1).hasItem() || response.responses().get(1).item().isEmpty());
    }

    @Test
    @DisplayName("ConsumedCapacity: PutItem of a small item is 1 WCU")
    void capacityPut() {
        var response = client.putItem(b -> b.tableName(table).item(item("pk", s("cap"))).returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
        assertEquals(1.0, response.consumedCapacity().capacityUnits());
        assertEquals(table, response.consumedCapacity().tableName());
    }

    @Test
    @DisplayName("ConsumedCapacity: a 2.5 KB item costs 3 WCU (1 KB rounding)")
    void capacityRoundsWrites() {
        var response = client.putItem(b -> b.tableName(table).item(item("pk", s("cap2"), "x", s("x".repeat(2500))))
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
        assertEquals(3.0, response.consumedCapacity().capacityUnits());
    }

    @Test
    @DisplayName("ConsumedCapacity: an eventually consistent GetItem of a small item is 0.5 RCU, strongly consistent 1")
    void capacityGet() {
        put(table, item("pk", s("cap3")));
        assertEquals(0.5, client.getItem(b -> b.tableName(table).key(key("cap3")).returnConsumedCapacity(ReturnConsumedCapacity.TOTAL))
                .consumedCapacity().capacityUnits());
        assertEquals(1.0, client.getItem(b -> b.tableName(table).key(key("cap3")).consistentRead(true)
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)).consumedCapacity().capacityUnits());
    }

    @Test
    @DisplayName("ConsumedCapacity: a transactional write costs twice a plain one")
    void capacityTransaction() {
        var response = client.transactWriteItems(b -> b.returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)
                .transactItems(t -> t.put(p -> p.tableName(table).item(item("pk", s("cap4"))))));
        assertEquals(2.0, response.consumedCapacity().get(0).capacityUnits());
    }

    @Test
    @DisplayName("ConsumedCapacity: INDEXES reports the table's share")
    void capacityIndexes() {
        var response = client.putItem(b -> b.tableName(table).item(item("pk", s("cap5"))).returnConsumedCapacity(ReturnConsumedCapacity.INDEXES));
        assertEquals(1.0, response.consumedCapacity().table().capacityUnits());
    }

    @Test
    @DisplayName("ConsumedCapacity: absent unless asked for")
    void capacityAbsent() {
        assertNull(client.putItem(b -> b.tableName(table).item(item("pk", s("cap6")))).consumedCapacity());
    }

    @Test
    @DisplayName("Limits: an item over 400 KB is a ValidationException")
    void itemTooLarge() {
        assertValidation("Item size has exceeded the maximum allowed size", () -> put(table, item("pk", s("big"), "x", s("x".repeat(410_000)))));
    }

    @Test
    @DisplayName("Limits: an item just under 400 KB is accepted")
    void itemJustUnderLimit() {
        put(table, item("pk", s("almost"), "x", s("x".repeat(400 * 1024 - 20))));
    }

    @Test
    @DisplayName("Limits: an UpdateItem growing an item over 400 KB is a ValidationException")
    void updateTooLarge() {
        put(table, item("pk", s("grow"), "a", s("x".repeat(300_000))));
        assertValidation("Item size to update has exceeded the maximum allowed size", () -> client.updateItem(b -> b.tableName(table)
                .key(key("grow")).updateExpression("SET b = :b").expressionAttributeValues(values(":b", s("y".repeat(200_000))))));
    }

    @Test
    @DisplayName("Limits: a hash key over 2048 bytes is a ValidationException")
    void hashKeyTooLarge() {
        assertValidation("Size of hashkey has exceeded the maximum size limit of", () -> put(table, item("pk", s("k".repeat(2049)))));
    }

    @Test
    @DisplayName("Limits: a hash key of 2048 bytes is accepted")
    void hashKeyAtLimit() {
        put(table, item("pk", s("k".repeat(2048))));
    }

    @Test
    @DisplayName("Limits: a range key over 1024 bytes is a ValidationException")
    void rangeKeyTooLarge() {
        String ranged = table("pk", "sk");
        assertValidation("range keys has exceeded the size limit of 1024 bytes", () -> put(ranged, item("pk", s("a"), "sk", s("r".repeat(1025)))));
    }

    @Test
    @DisplayName("Numbers: more than 38 significant digits is a ValidationException")
    void tooManyDigits() {
        assertValidation("38 significant digits", () -> put(table, item("pk", s("digits"), "n", n("123456789012345678901234567890123456789"))));
    }

    @Test
    @DisplayName("Numbers: 38 significant digits are kept exactly")
    void thirtyEightDigits() {
        put(table, item("pk", s("exact"), "n", n("1234567890123456789012345678901234.5678")));
        assertEquals(n("1234567890123456789012345678901234.5678"), get(table, key("exact")).get("n"));
    }

    @Test
    @DisplayName("Numbers: a value that is not a number is a ValidationException")
    void notANumber() {
        assertValidation("", () -> put(table, item("pk", s("nan"), "n", n("abc"))));
    }

    @Test
    @DisplayName("Sets: an empty string set is a ValidationException")
    void emptySet() {
        assertValidation("", () -> put(table, item("pk", s("es"), "ss", AttributeValue.fromSs(List.of()))));
    }

    @Test
    @DisplayName("Sets: duplicates in a set are a ValidationException")
    void duplicateSetMembers() {
        assertValidation("", () -> put(table, item("pk", s("dupset"), "ss", ss("a", "a"))));
    }

    @Test
    @DisplayName("DescribeTable names the key schema and reports ACTIVE")
    void describeTable() {
        var description = client.describeTable(b -> b.tableName(table)).table();
        assertEquals("ACTIVE", description.tableStatusAsString());
        assertEquals("pk", description.keySchema().get(0).attributeName());
    }

    @Test
    @DisplayName("DescribeTable of a missing table is ResourceNotFoundException")
    void describeMissingTable() {
        assertError("ResourceNotFoundException", "", () -> client.describeTable(b -> b.tableName("conf-not-there")));
    }

    @Test
    @DisplayName("CreateTable of an existing name is ResourceInUseException")
    void createExisting() {
        assertError("ResourceInUseException", "", () -> client.createTable(b -> b.tableName(table).billingMode("PAY_PER_REQUEST")
                .attributeDefinitions(a -> a.attributeName("pk").attributeType("S")).keySchema(k -> k.attributeName("pk").keyType("HASH"))));
    }

    @Test
    @DisplayName("ListTables includes created tables; DeleteTable removes them")
    void listAndDelete() {
        String doomed = table("pk", null);
        assertTrue(client.listTables().tableNames().contains(doomed));
        client.deleteTable(b -> b.tableName(doomed));
        assertTrue(!client.listTables().tableNames().contains(doomed));
    }

    @Test
    @DisplayName("UpdateTimeToLive enables TTL; DescribeTimeToLive reports it")
    void timeToLive() {
        String ttl = table("pk", null);
        assertEquals("DISABLED", client.describeTimeToLive(b -> b.tableName(ttl)).timeToLiveDescription().timeToLiveStatusAsString());
        client.updateTimeToLive(b -> b.tableName(ttl).timeToLiveSpecification(t -> t.attributeName("expiresAt").enabled(true)));
        var description = client.describeTimeToLive(b -> b.tableName(ttl)).timeToLiveDescription();
        assertEquals("ENABLED", description.timeToLiveStatusAsString());
        assertEquals("expiresAt", description.attributeName());
    }
}

package app.go.local.dynamodb.conformance;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** GetItem, PutItem, UpdateItem and DeleteItem with conditions and return values. */
abstract class ItemConformance extends ConformanceBase {
    private String table;
    private String hashOnly;

    @BeforeAll
    void tables() {
        table = table("pk", "sk");
        hashOnly = table("id", null);
    }

    private Map<String, AttributeValue> key(String pk, String sk) {
        return item("pk", s(pk), "sk", s(sk));
    }

    @Test
    @DisplayName("PutItem then GetItem returns the item with every attribute")
    void putThenGet() {
        put(table, item("pk", s("a"), "sk", s("1"), "x", s("y"), "n", n("5")));
        assertEquals(item("pk", s("a"), "sk", s("1"), "x", s("y"), "n", n("5")), get(table, key("a", "1")));
    }

    @Test
    @DisplayName("GetItem: a missing item gives a response without Item")
    void getMissing() {
        assertFalse(client.getItem(b -> b.tableName(table).key(key("none", "1"))).hasItem());
    }

    @Test
    @DisplayName("GetItem: a key of the wrong shape is a ValidationException")
    void getWrongKey() {
        assertValidation("The provided key element does not match the schema",
                () -> client.getItem(b -> b.tableName(table).key(item("pk", s("a")))));
    }

    @Test
    @DisplayName("GetItem: a key with an extra attribute is a ValidationException")
    void getExtraKeyAttribute() {
        assertValidation("The provided key element does not match the schema",
                () -> client.getItem(b -> b.tableName(table).key(item("pk", s("a"), "sk", s("1"), "x", s("y")))));
    }

    @Test
    @DisplayName("GetItem: a key of the wrong type is a ValidationException")
    void getWrongKeyType() {
        assertValidation("The provided key element does not match the schema",
                () -> client.getItem(b -> b.tableName(table).key(item("pk", n("1"), "sk", s("1")))));
    }

    @Test
    @DisplayName("GetItem on a table that does not exist is ResourceNotFoundException")
    void getUnknownTable() {
        assertThrows(ResourceNotFoundException.class, () -> client.getItem(b -> b.tableName("conf-missing-table").key(key("a", "1"))));
    }

    @Test
    @DisplayName("GetItem: ProjectionExpression returns only the named attributes")
    void getProjection() {
        put(table, item("pk", s("proj"), "sk", s("1"), "a", s("A"), "b", s("B"), "c", s("C")));
        var item = client.getItem(b -> b.tableName(table).key(key("proj", "1")).projectionExpression("a, #c")
                .expressionAttributeNames(names("#c", "c"))).item();
        assertEquals(item("a", s("A"), "c", s("C")), item);
    }

    @Test
    @DisplayName("PutItem replaces the whole item")
    void putReplaces() {
        put(table, item("pk", s("rep"), "sk", s("1"), "old", s("x")));
        put(table, item("pk", s("rep"), "sk", s("1"), "new", s("y")));
        assertEquals(item("pk", s("rep"), "sk", s("1"), "new", s("y")), get(table, key("rep", "1")));
    }

    @Test
    @DisplayName("PutItem: ReturnValues=ALL_OLD returns the replaced item")
    void putReturnsOld() {
        put(table, item("pk", s("old"), "sk", s("1"), "v", n("1")));
        var response = client.putItem(b -> b.tableName(table).item(item("pk", s("old"), "sk", s("1"), "v", n("2")))
                .returnValues(ReturnValue.ALL_OLD));
        assertEquals(item("pk", s("old"), "sk", s("1"), "v", n("1")), response.attributes());
    }

    @Test
    @DisplayName("PutItem: ReturnValues=ALL_OLD on a new item returns no attributes")
    void putReturnsNothingForNewItem() {
        var response = client.putItem(b -> b.tableName(table).item(item("pk", s("fresh"), "sk", s("1")))
                .returnValues(ReturnValue.ALL_OLD));
        assertFalse(response.hasAttributes() && !response.attributes().isEmpty());
    }

    @Test
    @DisplayName("PutItem: ReturnValues=ALL_NEW is a ValidationException")
    void putRejectsAllNew() {
        assertValidation("ReturnValues", () -> client.putItem(b -> b.tableName(table).item(item("pk", s("x"), "sk", s("1")))
                .returnValues(ReturnValue.ALL_NEW)));
    }

    @Test
    @DisplayName("PutItem: an item without its range key is a ValidationException naming the key")
    void putMissingKey() {
        assertValidation("Missing the key sk in the item", () -> put(table, item("pk", s("x"))));
    }

    @Test
    @DisplayName("PutItem: a key attribute of the wrong type is a ValidationException")
    void putKeyTypeMismatch() {
        assertValidation("Type mismatch for key", () -> put(table, item("pk", s("x"), "sk", n("1"))));
    }

    @Test
    @DisplayName("PutItem: an empty string key is a ValidationException")
    void putEmptyStringKey() {
        assertValidation("empty string value", () -> put(table, item("pk", s(""), "sk", s("1"))));
    }

    @Test
    @DisplayName("PutItem: an empty string in a non-key attribute is accepted")
    void putEmptyStringNonKey() {
        put(table, item("pk", s("empty"), "sk", s("1"), "e", s("")));
        assertEquals(s(""), get(table, key("empty", "1")).get("e"));
    }

    @Test
    @DisplayName("PutItem: attribute_not_exists(pk) lets the first write in and rejects the second")
    void putIfAbsent() {
        client.putItem(b -> b.tableName(table).item(item("pk", s("once"), "sk", s("1"))).conditionExpression("attribute_not_exists(pk)"));
        assertThrows(ConditionalCheckFailedException.class, () -> client.putItem(b -> b.tableName(table)
                .item(item("pk", s("once"), "sk", s("1"))).conditionExpression("attribute_not_exists(pk)")));
    }

    @Test
    @DisplayName("PutItem: a failed condition changes nothing")
    void failedConditionChangesNothing() {
        put(table, item("pk", s("keep"), "sk", s("1"), "v", n("1")));
        assertThrows(ConditionalCheckFailedException.class, () -> client.putItem(b -> b.tableName(table)
                .item(item("pk", s("keep"), "sk", s("1"), "v", n("2"))).conditionExpression("v = :two")
                .expressionAttributeValues(values(":two", n("2")))));
        assertEquals(n("1"), get(table, key("keep", "1")).get("v"));
    }

    @Test
    @DisplayName("PutItem: ReturnValuesOnConditionCheckFailure=ALL_OLD puts the item into the exception")
    void conditionFailureReturnsItem() {
        put(table, item("pk", s("rv"), "sk", s("1"), "v", n("1")));
        ConditionalCheckFailedException e = assertThrows(ConditionalCheckFailedException.class, () -> client.putItem(b -> b.tableName(table)
                .item(item("pk", s("rv"), "sk", s("1"))).conditionExpression("attribute_not_exists(pk)")
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)));
        assertEquals(item("pk", s("rv"), "sk", s("1"), "v", n("1")), e.item());
    }

    @Test
    @DisplayName("PutItem: without ReturnValuesOnConditionCheckFailure the exception carries no item")
    void conditionFailureWithoutItem() {
        put(table, item("pk", s("rv2"), "sk", s("1")));
        ConditionalCheckFailedException e = assertThrows(ConditionalCheckFailedException.class, () -> client.putItem(b -> b.tableName(table)
                .item(item("pk", s("rv2"), "sk", s("1"))).conditionExpression("attribute_not_exists(pk)")));
        assertFalse(e.hasItem());
    }

    @Test
    @DisplayName("ConditionalCheckFailedException's message is \"The conditional request failed\"")
    void conditionFailureMessage() {
        put(table, item("pk", s("msg"), "sk", s("1")));
        assertError("ConditionalCheckFailedException", "The conditional request failed", () -> client.putItem(b -> b.tableName(table)
                .item(item("pk", s("msg"), "sk", s("1"))).conditionExpression("attribute_not_exists(pk)")));
    }

    @Test
    @DisplayName("PutItem: the idempotency condition attribute_not_exists(pk) OR expiresAt < :now admits an expired record")
    void idempotencyConditionAdmitsExpired() {
        put(table, item("pk", s("idem"), "sk", s("1"), "expiresAt", n("100")));
        client.putItem(b -> b.tableName(table).item(item("pk", s("idem"), "sk", s("1"), "expiresAt", n("300")))
                .conditionExpression("attribute_not_exists(pk) OR expiresAt < :now").expressionAttributeValues(values(":now", n("200"))));
        assertThrows(ConditionalCheckFailedException.class, () -> client.putItem(b -> b.tableName(table)
                .item(item("pk", s("idem"), "sk", s("1"), "expiresAt", n("400")))
                .conditionExpression("attribute_not_exists(pk) OR expiresAt < :now").expressionAttributeValues(values(":now", n("200")))));
    }

    @Test
    @DisplayName("UpdateItem on a missing item creates it with the key and the SET attributes")
    void updateUpserts() {
        client.updateItem(b -> b.tableName(table).key(key("up", "1")).updateExpression("SET a = :a").expressionAttributeValues(values(":a", s("x"))));
        assertEquals(item("pk", s("up"), "sk", s("1"), "a", s("x")), get(table, key("up", "1")));
    }

    @Test
    @DisplayName("UpdateItem: attribute_exists(pk) fails on a missing item and creates nothing")
    void updateRequiresExisting() {
        assertThrows(ConditionalCheckFailedException.class, () -> client.updateItem(b -> b.tableName(table).key(key("nope", "1"))
                .updateExpression("SET a = :a").conditionExpression("attribute_exists(pk)").expressionAttributeValues(values(":a", s("x")))));
        assertNull(get(table, key("nope", "1")));
    }

    @Test
    @DisplayName("UpdateItem: ReturnValues=ALL_NEW returns the whole updated item")
    void updateAllNew() {
        put(table, item("pk", s("rn"), "sk", s("1"), "a", n("1"), "b", s("keep")));
        var response = client.updateItem(b -> b.tableName(table).key(key("rn", "1")).updateExpression("SET a = a + :one")
                .expressionAttributeValues(values(":one", n("1"))).returnValues(ReturnValue.ALL_NEW));
        assertEquals(item("pk", s("rn"), "sk", s("1"), "a", n("2"), "b", s("keep")), response.attributes());
    }

    @Test
    @DisplayName("UpdateItem: ReturnValues=ALL_OLD returns the item as it was")
    void updateAllOld() {
        put(table, item("pk", s("ro"), "sk", s("1"), "a", n("1")));
        var response = client.updateItem(b -> b.tableName(table).key(key("ro", "1")).updateExpression("SET a = :two")
                .expressionAttributeValues(values(":two", n("2"))).returnValues(ReturnValue.ALL_OLD));
        assertEquals(item("pk", s("ro"), "sk", s("1"), "a", n("1")), response.attributes());
    }

    @Test
    @DisplayName("UpdateItem: ReturnValues=UPDATED_NEW returns only the updated attributes, new values")
    void updateUpdatedNew() {
        put(table, item("pk", s("un"), "sk", s("1"), "a", n("1"), "b", s("keep")));
        var response = client.updateItem(b -> b.tableName(table).key(key("un", "1")).updateExpression("SET a = :two")
                .expressionAttributeValues(values(":two", n("2"))).returnValues(ReturnValue.UPDATED_NEW));
        assertEquals(item("a", n("2")), response.attributes());
    }

    @Test
    @DisplayName("UpdateItem: ReturnValues=UPDATED_OLD returns only the updated attributes, old values")
    void updateUpdatedOld() {
        put(table, item("pk", s("uo"), "sk", s("1"), "a", n("1"), "b", s("keep")));
        var response = client.updateItem(b -> b.tableName(table).key(key("uo", "1")).updateExpression("SET a = :two")
                .expressionAttributeValues(values(":two", n("2"))).returnValues(ReturnValue.UPDATED_OLD));
        assertEquals(item("a", n("1")), response.attributes());
    }

    @Test
    @DisplayName("UpdateItem: updating a key attribute is a ValidationException")
    void updateKeyAttribute() {
        assertValidation("This attribute is part of the key", () -> client.updateItem(b -> b.tableName(table).key(key("k", "1"))
                .updateExpression("SET sk = :v").expressionAttributeValues(values(":v", s("2")))));
    }

    @Test
    @DisplayName("UpdateItem: ReturnValuesOnConditionCheckFailure=ALL_OLD returns the item in the exception")
    void updateConditionFailureItem() {
        put(table, item("pk", s("ucf"), "sk", s("1"), "st", s("DONE")));
        ConditionalCheckFailedException e = assertThrows(ConditionalCheckFailedException.class, () -> client.updateItem(b -> b.tableName(table)
                .key(key("ucf", "1")).updateExpression("SET st = :n").conditionExpression("st = :o")
                .expressionAttributeValues(values(":n", s("NEW"), ":o", s("OPEN")))
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)));
        assertEquals(s("DONE"), e.item().get("st"));
    }

    @Test
    @DisplayName("DeleteItem removes the item")
    void deleteRemoves() {
        put(table, item("pk", s("del"), "sk", s("1")));
        client.deleteItem(b -> b.tableName(table).key(key("del", "1")));
        assertNull(get(table, key("del", "1")));
    }

    @Test
    @DisplayName("DeleteItem of a missing item succeeds")
    void deleteMissing() {
        client.deleteItem(b -> b.tableName(table).key(key("never", "1")));
    }

    @Test
    @DisplayName("DeleteItem: ReturnValues=ALL_OLD returns the deleted item")
    void deleteReturnsOld() {
        put(table, item("pk", s("dro"), "sk", s("1"), "v", s("x")));
        var response = client.deleteItem(b -> b.tableName(table).key(key("dro", "1")).returnValues(ReturnValue.ALL_OLD));
        assertEquals(item("pk", s("dro"), "sk", s("1"), "v", s("x")), response.attributes());
    }

    @Test
    @DisplayName("DeleteItem: a failed condition keeps the item")
    void deleteConditionKeeps() {
        put(table, item("pk", s("dc"), "sk", s("1"), "v", n("1")));
        assertThrows(ConditionalCheckFailedException.class, () -> client.deleteItem(b -> b.tableName(table).key(key("dc", "1"))
                .conditionExpression("v = :two").expressionAttributeValues(values(":two", n("2")))));
        assertTrue(get(table, key("dc", "1")) != null);
    }

    @Test
    @DisplayName("Hash-only table: PutItem and GetItem by the hash key alone")
    void hashOnlyTable() {
        put(hashOnly, item("id", s("h1"), "v", n("1")));
        assertEquals(item("id", s("h1"), "v", n("1")), get(hashOnly, item("id", s("h1"))));
    }

    @Test
    @DisplayName("Hash-only table: a key with a range attribute is a ValidationException")
    void hashOnlyRejectsRange() {
        assertValidation("The provided key element does not match the schema",
                () -> client.getItem(b -> b.tableName(hashOnly).key(item("id", s("h1"), "sk", s("1")))));
    }

    @Test
    @DisplayName("Items that differ only in range key are distinct")
    void rangeKeysDistinct() {
        put(table, item("pk", s("multi"), "sk", s("1"), "v", n("1")));
        put(table, item("pk", s("multi"), "sk", s("2"), "v", n("2")));
        assertEquals(n("1"), get(table, key("multi", "1")).get("v"));
        assertEquals(n("2"), get(table, key("multi", "2")).get("v"));
    }

    @Test
    @DisplayName("Every attribute type survives a round trip")
    void everyTypeRoundTrips() {
        Map<String, AttributeValue> item = item("pk", s("types"), "sk", s("1"), "s", s("text"), "n", n("-12.5"), "b", b(1, 2, 255),
                "ss", ss("a", "b"), "ns", ns("1", "2"), "bool", bool(true), "null", nul(),
                "l", l(s("x"), n("1"), l(bool(false))), "m", m("inner", m("deep", s("v")), "list", l(n("3"))));
        put(table, item);
        Map<String, AttributeValue> read = get(table, key("types", "1"));
        assertEquals(item.keySet(), read.keySet());
        for (String name : List.of("pk", "sk", "s", "n", "b", "bool", "null", "l", "m")) {
            assertEquals(item.get(name), read.get(name), name);
        }
        assertEquals(new java.util.HashSet<>(item.get("ss").ss()), new java.util.HashSet<>(read.get("ss").ss()));
        assertEquals(new java.util.HashSet<>(item.get("ns").ns()), new java.util.HashSet<>(read.get("ns").ns()));
    }
}

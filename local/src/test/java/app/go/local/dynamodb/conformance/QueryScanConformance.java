package app.go.local.dynamodb.conformance;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.Select;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Query and Scan: key conditions, order, filters, Limit, pagination, 1 MB pages, COUNT, GSIs. */
abstract class QueryScanConformance extends ConformanceBase {
    private String table;
    private String numeric;
    private String indexed;

    @BeforeAll
    void fixtures() {
        table = table("pk", "sk");
        for (int i = 0; i < 10; i++) {
            put(table, item("pk", s("p"), "sk", s("item#" + i), "i", n(Integer.toString(i)), "odd", bool(i % 2 == 1)));
        }
        put(table, item("pk", s("p"), "sk", s("other"), "i", n("100")));
        put(table, item("pk", s("q"), "sk", s("item#0"), "i", n("0")));
        numeric = table("pk", ScalarAttributeType.S, "n", ScalarAttributeType.N);
        for (String value : List.of("-5", "2", "10", "1.5", "100")) {
            put(numeric, item("pk", s("p"), "n", n(value)));
        }
        indexed = tableWithIndexes(List.of("gpk", "gsk"),
                GlobalSecondaryIndex.builder().indexName("all").projection(p -> p.projectionType(ProjectionType.ALL))
                        .keySchema(k -> k.attributeName("gpk").keyType(KeyType.HASH), k -> k.attributeName("gsk").keyType(KeyType.RANGE)).build(),
                GlobalSecondaryIndex.builder().indexName("keys").projection(p -> p.projectionType(ProjectionType.KEYS_ONLY))
                        .keySchema(k -> k.attributeName("gpk").keyType(KeyType.HASH)).build(),
                GlobalSecondaryIndex.builder().indexName("include").projection(p -> p.projectionType(ProjectionType.INCLUDE).nonKeyAttributes("x"))
                        .keySchema(k -> k.attributeName("gpk").keyType(KeyType.HASH)).build());
        put(indexed, item("pk", s("a"), "sk", s("1"), "gpk", s("g"), "gsk", s("2"), "x", s("X"), "y", s("Y")));
        put(indexed, item("pk", s("b"), "sk", s("1"), "gpk", s("g"), "gsk", s("1"), "x", s("X"), "y", s("Y")));
        put(indexed, item("pk", s("c"), "sk", s("1"), "x", s("not indexed")));
    }

    private QueryResponse query(String keyCondition, Object... valuesAndMore) {
        return client.query(b -> b.tableName(table).keyConditionExpression(keyCondition).expressionAttributeValues(values(valuesAndMore)));
    }

    private static List<String> sortKeys(List<Map<String, AttributeValue>> items, String attribute) {
        List<String> keys = new ArrayList<>();
        items.forEach(item -> keys.add(item.get(attribute).s() != null ? item.get(attribute).s() : item.get(attribute).n()));
        return keys;
    }

    @Test
    @DisplayName("Query: pk = :p returns the partition's items in range key order")
    void partitionInOrder() {
        QueryResponse response = query("pk = :p", ":p", s("p"));
        assertEquals(11, response.count());
        assertEquals("item#0", response.items().get(0).get("sk").s());
        assertEquals("other", response.items().get(10).get("sk").s());
    }

    @Test
    @DisplayName("Query: ScanIndexForward=false returns range keys descending")
    void descending() {
        QueryResponse response = client.query(b -> b.tableName(table).keyConditionExpression("pk = :p").scanIndexForward(false)
                .expressionAttributeValues(values(":p", s("p"))));
        assertEquals("other", response.items().get(0).get("sk").s());
        assertEquals("item#0", response.items().get(10).get("sk").s());
    }

    @Test
    @DisplayName("Query: begins_with on the range key")
    void beginsWith() {
        assertEquals(10, query("pk = :p AND begins_with(sk, :f)", ":p", s("p"), ":f", s("item#")).count());
    }

    @Test
    @DisplayName("Query: BETWEEN on the range key includes both bounds")
    void between() {
        assertEquals(List.of("item#2", "item#3", "item#4"),
                sortKeys(query("pk = :p AND sk BETWEEN :a AND :b", ":p", s("p"), ":a", s("item#2"), ":b", s("item#4")).items(), "sk"));
    }

    @Test
    @DisplayName("Query: sk = :v selects one item")
    void rangeEquals() {
        assertEquals(1, query("pk = :p AND sk = :s", ":p", s("p"), ":s", s("item#3")).count());
    }

    @Test
    @DisplayName("Query: sk < :v")
    void rangeLess() {
        assertEquals(List.of("item#0", "item#1"), sortKeys(query("pk = :p AND sk < :s", ":p", s("p"), ":s", s("item#2")).items(), "sk"));
    }

    @Test
    @DisplayName("Query: sk <= :v")
    void rangeLessOrEqual() {
        assertEquals(3, query("pk = :p AND sk <= :s", ":p", s("p"), ":s", s("item#2")).count());
    }

    @Test
    @DisplayName("Query: sk > :v")
    void rangeGreater() {
        assertEquals(List.of("item#9", "other"), sortKeys(query("pk = :p AND sk > :s", ":p", s("p"), ":s", s("item#8")).items(), "sk"));
    }

    @Test
    @DisplayName("Query: sk >= :v")
    void rangeGreaterOrEqual() {
        assertEquals(3, query("pk = :p AND sk >= :s", ":p", s("p"), ":s", s("item#8")).count());
    }

    @Test
    @DisplayName("Query: a numeric range key sorts by value, not text")
    void numericOrder() {
        QueryResponse response = client.query(b -> b.tableName(numeric).keyConditionExpression("pk = :p").expressionAttributeValues(values(":p", s("p"))));
        assertEquals(List.of("-5", "1.5", "2", "10", "100"), sortKeys(response.items(), "n"));
    }

    @Test
    @DisplayName("Query: a numeric range condition compares values")
    void numericCondition() {
        QueryResponse response = client.query(b -> b.tableName(numeric).keyConditionExpression("pk = :p AND n > :v")
                .expressionAttributeValues(values(":p", s("p"), ":v", n("9"))));
        assertEquals(List.of("10", "100"), sortKeys(response.items(), "n"));
    }

    @Test
    @DisplayName("Query: the key names may be placeholders")
    void keyPlaceholders() {
        QueryResponse response = client.query(b -> b.tableName(table).keyConditionExpression("#k = :p AND #s = :s")
                .expressionAttributeNames(names("#k", "pk", "#s", "sk")).expressionAttributeValues(values(":p", s("p"), ":s", s("other"))));
        assertEquals(1, response.count());
    }

    @Test
    @DisplayName("Query: an empty partition returns Count 0 and no LastEvaluatedKey")
    void emptyPartition() {
        QueryResponse response = query("pk = :p", ":p", s("none"));
        assertEquals(0, response.count());
        assertFalse(response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty());
    }

    @Test
    @DisplayName("Query: FilterExpression drops items after Limit counted them")
    void filterAfterLimit() {
        QueryResponse response = client.query(b -> b.tableName(table).keyConditionExpression("pk = :p").filterExpression("odd = :t")
                .limit(4).expressionAttributeValues(values(":p", s("p"), ":t", bool(true))));
        assertEquals(4, response.scannedCount());
        assertEquals(2, response.count());
        assertTrue(response.hasLastEvaluatedKey());
    }

    @Test
    @DisplayName("Query: FilterExpression with Count and ScannedCount")
    void filterCounts() {
        QueryResponse response = client.query(b -> b.tableName(table).keyConditionExpression("pk = :p").filterExpression("i >= :five")
                .expressionAttributeValues(values(":p", s("p"), ":five", n("5"))));
        assertEquals(11, response.scannedCount());
        assertEquals(6, response.count());
    }

    @Test
    @DisplayName("Query: Limit and ExclusiveStartKey page through every item exactly once")
    void pagination() {
        List<String> seen = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        int pages = 0;
        do {
            Map<String, AttributeValue> from = start;
            QueryResponse page = client.query(b -> b.tableName(table).keyConditionExpression("pk = :p").limit(3)
                    .expressionAttributeValues(values(":p", s("p"))).exclusiveStartKey(from));
            seen.addAll(sortKeys(page.items(), "sk"));
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
            pages++;
        } while (start != null);
        assertEquals(11, seen.size());
        assertEquals(11, new HashSet<>(seen).size());
        assertEquals(4, pages);
    }

    @Test
    @DisplayName("Query: LastEvaluatedKey holds the table's key attributes")
    void lastEvaluatedKeyShape() {
        QueryResponse response = client.query(b -> b.tableName(table).keyConditionExpression("pk = :p").limit(1)
                .expressionAttributeValues(values(":p", s("p"))));
        assertEquals(item("pk", s("p"), "sk", s("item#0")), response.lastEvaluatedKey());
    }

    @Test
    @DisplayName("Query: pagination runs backwards with ScanIndexForward=false")
    void paginationBackwards() {
        QueryResponse first = client.query(b -> b.tableName(table).keyConditionExpression("pk = :p").limit(2).scanIndexForward(false)
                .expressionAttributeValues(values(":p", s("p"))));
        QueryResponse second = client.query(b -> b.tableName(table).keyConditionExpression("pk = :p").limit(2).scanIndexForward(false)
                .expressionAttributeValues(values(":p", s("p"))).exclusiveStartKey(first.lastEvaluatedKey()));
        assertEquals(List.of("item#8", "item#7"), sortKeys(second.items(), "sk"));
    }

    @Test
    @DisplayName("Query: Select=COUNT returns counts without items")
    void selectCount() {
        QueryResponse response = client.query(b -> b.tableName(table).keyConditionExpression("pk = :p").select(Select.COUNT)
                .expressionAttributeValues(values(":p", s("p"))));
        assertEquals(11, response.count());
        assertFalse(response.hasItems() && !response.items().isEmpty());
    }

    @Test
    @DisplayName("Query: ProjectionExpression returns only the named attributes")
    void projection() {
        QueryResponse response = client.query(b -> b.tableName(table).keyConditionExpression("pk = :p AND sk = :s").projectionExpression("i")
                .expressionAttributeValues(values(":p", s("p"), ":s", s("item#1"))));
        assertEquals(item("i", n("1")), response.items().get(0));
    }

    @Test
    @DisplayName("Query: a condition on a non-key attribute is a ValidationException")
    void nonKeyCondition() {
        assertValidation("Query condition missed key schema element", () -> query("i = :v", ":v", n("1")));
    }

    @Test
    @DisplayName("Query: a range condition without the partition key is a ValidationException")
    void missingPartition() {
        assertValidation("Query condition missed key schema element", () -> query("sk = :v", ":v", s("1")));
    }

    @Test
    @DisplayName("Query: OR in a key condition is a ValidationException")
    void orInKeyCondition() {
        assertValidation("KeyConditionExpression", () -> query("pk = :p OR sk = :s", ":p", s("p"), ":s", s("1")));
    }

    @Test
    @DisplayName("Query: a partition key condition other than = is a ValidationException")
    void partitionNotEquals() {
        assertValidation("", () -> query("pk > :p", ":p", s("p")));
    }

    @Test
    @DisplayName("Query: a key value of the wrong type is a ValidationException")
    void wrongKeyType() {
        assertValidation("", () -> query("pk = :p", ":p", n("1")));
    }

    @Test
    @DisplayName("Query: without a key condition is a ValidationException")
    void noKeyCondition() {
        assertValidation("", () -> client.query(QueryRequest.builder().tableName(table).build()));
    }

    @Test
    @DisplayName("Query: Limit 0 is a ValidationException")
    void limitZero() {
        assertValidation("", () -> client.query(b -> b.tableName(table).keyConditionExpression("pk = :p").limit(0)
                .expressionAttributeValues(values(":p", s("p")))));
    }

    @Test
    @DisplayName("Query: a result over 1 MB is cut into pages with LastEvaluatedKey")
    void oneMegabytePages() {
        String big = table("pk", "sk");
        String payload = "x".repeat(100_000);
        for (int i = 0; i < 15; i++) {
            put(big, item("pk", s("p"), "sk", s(String.format("%02d", i)), "payload", s(payload)));
        }
        QueryResponse first = client.query(b -> b.tableName(big).keyConditionExpression("pk = :p").expressionAttributeValues(values(":p", s("p"))));
        assertTrue(first.count() < 15, "first page " + first.count());
        assertTrue(first.hasLastEvaluatedKey() && !first.lastEvaluatedKey().isEmpty());
        QueryResponse second = client.query(b -> b.tableName(big).keyConditionExpression("pk = :p").expressionAttributeValues(values(":p", s("p")))
                .exclusiveStartKey(first.lastEvaluatedKey()));
        assertEquals(15, first.count() + second.count());
    }

    @Test
    @DisplayName("Scan returns every item of the table")
    void scanAll() {
        ScanResponse response = client.scan(b -> b.tableName(table));
        assertEquals(12, response.count());
    }

    @Test
    @DisplayName("Scan: FilterExpression")
    void scanFilter() {
        ScanResponse response = client.scan(b -> b.tableName(table).filterExpression("i = :zero").expressionAttributeValues(values(":zero", n("0"))));
        assertEquals(2, response.count());
        assertEquals(12, response.scannedCount());
    }

    @Test
    @DisplayName("Scan: Limit and ExclusiveStartKey page through every item exactly once")
    void scanPagination() {
        Set<String> seen = new HashSet<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            ScanResponse page = client.scan(b -> b.tableName(table).limit(5).exclusiveStartKey(from));
            page.items().forEach(item -> assertTrue(seen.add(item.get("pk").s() + "/" + item.get("sk").s())));
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        assertEquals(12, seen.size());
    }

    @Test
    @DisplayName("Scan: Select=COUNT")
    void scanCount() {
        assertEquals(12, client.scan(b -> b.tableName(table).select(Select.COUNT)).count());
    }

    @Test
    @DisplayName("Scan: parallel segments together cover the table once")
    void scanSegments() {
        int total = 0;
        for (int segment = 0; segment < 3; segment++) {
            int current = segment;
            total += client.scan(b -> b.tableName(table).segment(current).totalSegments(3)).count();
        }
        assertEquals(12, total);
    }

    @Test
    @DisplayName("GSI: Query by the index keys in index range order")
    void gsiQuery() {
        QueryResponse response = client.query(b -> b.tableName(indexed).indexName("all").keyConditionExpression("gpk = :g")
                .expressionAttributeValues(values(":g", s("g"))));
        assertEquals(List.of("b", "a"), sortKeys(response.items(), "pk"));
        assertEquals(s("Y"), response.items().get(0).get("y"));
    }

    @Test
    @DisplayName("GSI: an item without the index key is not in the index (sparse)")
    void gsiSparse() {
        assertEquals(2, client.scan(b -> b.tableName(indexed).indexName("all")).count());
    }

    @Test
    @DisplayName("GSI: KEYS_ONLY projects the table and index keys only")
    void gsiKeysOnly() {
        QueryResponse response = client.query(b -> b.tableName(indexed).indexName("keys").keyConditionExpression("gpk = :g")
                .expressionAttributeValues(values(":g", s("g"))));
        assertEquals(Set.of("pk", "sk", "gpk"), response.items().get(0).keySet());
    }

    @Test
    @DisplayName("GSI: INCLUDE projects the keys and the included attributes")
    void gsiInclude() {
        QueryResponse response = client.query(b -> b.tableName(indexed).indexName("include").keyConditionExpression("gpk = :g")
                .expressionAttributeValues(values(":g", s("g"))));
        assertEquals(Set.of("pk", "sk", "gpk", "x"), response.items().get(0).keySet());
    }

    @Test
    @DisplayName("GSI: the index follows updates and deletes of the table")
    void gsiFollowsWrites() {
        put(indexed, item("pk", s("moving"), "sk", s("1"), "gpk", s("h"), "gsk", s("1")));
        client.updateItem(b -> b.tableName(indexed).key(item("pk", s("moving"), "sk", s("1"))).updateExpression("SET gpk = :i")
                .expressionAttributeValues(values(":i", s("i"))));
        assertEquals(0, client.query(b -> b.tableName(indexed).indexName("all").keyConditionExpression("gpk = :g")
                .expressionAttributeValues(values(":g", s("h")))).count());
        assertEquals(1, client.query(b -> b.tableName(indexed).indexName("all").keyConditionExpression("gpk = :g")
                .expressionAttributeValues(values(":g", s("i")))).count());
        client.deleteItem(b -> b.tableName(indexed).key(item("pk", s("moving"), "sk", s("1"))));
        assertEquals(0, client.query(b -> b.tableName(indexed).indexName("all").keyConditionExpression("gpk = :g")
                .expressionAttributeValues(values(":g", s("i")))).count());
    }

    @Test
    @DisplayName("GSI: LastEvaluatedKey holds the table's and the index's keys, and pages on")
    void gsiPagination() {
        QueryResponse first = client.query(b -> b.tableName(indexed).indexName("all").keyConditionExpression("gpk = :g").limit(1)
                .expressionAttributeValues(values(":g", s("g"))));
        assertEquals(Set.of("pk", "sk", "gpk", "gsk"), first.lastEvaluatedKey().keySet());
        QueryResponse second = client.query(b -> b.tableName(indexed).indexName("all").keyConditionExpression("gpk = :g").limit(1)
                .expressionAttributeValues(values(":g", s("g"))).exclusiveStartKey(first.lastEvaluatedKey()));
        assertEquals("a", second.items().get(0).get("pk").s());
    }

    @Test
    @DisplayName("GSI: a range condition on the index range key (the renewal query)")
    void gsiRangeCondition() {
        QueryResponse response = client.query(b -> b.tableName(indexed).indexName("all").keyConditionExpression("gpk = :g AND gsk <= :at")
                .expressionAttributeValues(values(":g", s("g"), ":at", s("1"))));
        assertEquals(List.of("b"), sortKeys(response.items(), "pk"));
    }

    @Test
    @DisplayName("GSI: ConsistentRead=true is a ValidationException")
    void gsiConsistentRead() {
        assertValidation("Consistent reads are not supported on global secondary indexes", () -> client.query(b -> b.tableName(indexed)
                .indexName("all").consistentRead(true).keyConditionExpression("gpk = :g").expressionAttributeValues(values(":g", s("g")))));
    }

    @Test
    @DisplayName("GSI: an unknown index is a ValidationException")
    void unknownIndex() {
        assertValidation("", () -> client.query(b -> b.tableName(indexed).indexName("nope").keyConditionExpression("gpk = :g")
                .expressionAttributeValues(values(":g", s("g")))));
    }

    @Test
    @DisplayName("GSI: an index key of the wrong type in an item is a ValidationException")
    void gsiKeyTypeMismatch() {
        assertValidation("", () -> put(indexed, item("pk", s("bad"), "sk", s("1"), "gpk", n("1"))));
    }

    @Test
    @DisplayName("Query: a missing table is ResourceNotFoundException")
    void missingTable() {
        assertError("ResourceNotFoundException", "", () -> client.query(b -> b.tableName("conf-no-such-table").keyConditionExpression("pk = :p")
                .expressionAttributeValues(values(":p", s("p")))));
        assertNull(null);
    }
}

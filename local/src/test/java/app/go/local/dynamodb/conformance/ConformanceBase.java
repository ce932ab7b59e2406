package app.go.local.dynamodb.conformance;

import app.go.local.aws.LocalAws;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.function.Executable;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What every conformance class shares: a client on the target's endpoint, tables with unique names
 * (so classes can share one LocalStack), and short ways to write values and expect errors. The
 * cases hold DynamoDB's documented behaviour; a subclass per target runs them: {@code *EngineTest}
 * against the project's engine in {@code mvn verify}, {@code *LocalStackIT} against LocalStack
 * under {@code -Plocalstack}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ConformanceBase {
    protected DynamoDbClient client;
    private ConformanceTarget target;

    /** Where the cases run. */
    protected abstract ConformanceTarget target();

    @BeforeAll
    void connect() {
        target = target();
        client = LocalAws.dynamoDbClient(target.endpoint());
    }

    @AfterAll
    void disconnect() {
        client.close();
        target.close();
    }

    /** A new PAY_PER_REQUEST table with string keys ({@code range} may be null). */
    protected String table(String hash, String range) {
        return table(hash, ScalarAttributeType.S, range, ScalarAttributeType.S);
    }

    protected String table(String hash, ScalarAttributeType hashType, String range, ScalarAttributeType rangeType) {
        String name = "conf-" + UUID.randomUUID().toString().substring(0, 8);
        List<AttributeDefinition> definitions = new ArrayList<>();
        definitions.add(AttributeDefinition.builder().attributeName(hash).attributeType(hashType).build());
        List<KeySchemaElement> keys = new ArrayList<>();
        keys.add(KeySchemaElement.builder().attributeName(hash).keyType(KeyType.HASH).build());
        if (range != null) {
            definitions.add(AttributeDefinition.builder().attributeName(range).attributeType(rangeType).build());
            keys.add(KeySchemaElement.builder().attributeName(range).keyType(KeyType.RANGE).build());
        }
        client.createTable(CreateTableRequest.builder().tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(definitions).keySchema(keys).build());
        return name;
    }

    /** A table with hash key pk (S), range key sk (S) and the given GSIs, whose key attributes are strings. */
    protected String tableWithIndexes(List<String> indexAttributes, GlobalSecondaryIndex... indexes) {
        String name = "conf-" + UUID.randomUUID().toString().substring(0, 8);
        List<AttributeDefinition> definitions = new ArrayList<>();
        for (String attribute : concat(List.of("pk", "sk"), indexAttributes)) {
            definitions.add(AttributeDefinition.builder().attributeName(attribute).attributeType(ScalarAttributeType.S).build());
        }
        client.createTable(CreateTableRequest.builder().tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(definitions)
                .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build(),
                        KeySchemaElement.builder().attributeName("sk").keyType(KeyType.RANGE).build())
                .globalSecondaryIndexes(indexes).build());
        return name;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    protected static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    protected static AttributeValue n(String value) {
        return AttributeValue.fromN(value);
    }

    protected static AttributeValue b(int... bytes) {
        byte[] raw = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            raw[i] = (byte) bytes[i];
        }
        return AttributeValue.fromB(SdkBytes.fromByteArray(raw));
    }

    protected static AttributeValue ss(String... values) {
        return AttributeValue.fromSs(List.of(values));
    }

    protected static AttributeValue ns(String... values) {
        return AttributeValue.fromNs(List.of(values));
    }

    protected static AttributeValue l(AttributeValue... values) {
        return AttributeValue.fromL(List.of(values));
    }

    protected static AttributeValue m(Object... keysAndValues) {
        return AttributeValue.fromM(map(keysAndValues));
    }

    protected static AttributeValue bool(boolean value) {
        return AttributeValue.fromBool(value);
    }

    protected static AttributeValue nul() {
        return AttributeValue.fromNul(true);
    }

    /** {@code item("pk", s("a"), "n", n("1"))}. */
    protected static Map<String, AttributeValue> item(Object... keysAndValues) {
        return map(keysAndValues);
    }

    private static Map<String, AttributeValue> map(Object... keysAndValues) {
        Map<String, AttributeValue> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], (AttributeValue) keysAndValues[i + 1]);
        }
        return map;
    }

    /** {@code values(":a", s("x"))} for ExpressionAttributeValues. */
    protected static Map<String, AttributeValue> values(Object... keysAndValues) {
        return map(keysAndValues);
    }

    protected static Map<String, String> names(String... keysAndValues) {
        Map<String, String> names = new HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            names.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return names;
    }

    protected void put(String table, Map<String, AttributeValue> item) {
        client.putItem(b -> b.tableName(table).item(item));
    }

    protected Map<String, AttributeValue> get(String table, Map<String, AttributeValue> key) {
        var response = client.getItem(b -> b.tableName(table).key(key).consistentRead(true));
        return response.hasItem() ? response.item() : null;
    }

    /** Expects a ValidationException whose message contains the fragment. */
    protected static DynamoDbException assertValidation(String messageFragment, Executable call) {
        return assertError("ValidationException", messageFragment, call);
    }

    protected static DynamoDbException assertError(String errorCode, String messageFragment, Executable call) {
        DynamoDbException e = assertThrows(DynamoDbException.class, call);
        assertTrue(errorCode.equals(e.awsErrorDetails().errorCode()), "error code " + e.awsErrorDetails().errorCode() + ": " + e.getMessage());
        assertTrue(e.awsErrorDetails().errorMessage().contains(messageFragment),
                "message \"" + e.awsErrorDetails().errorMessage() + "\" should contain \"" + messageFragment + "\"");
        return e;
    }
}

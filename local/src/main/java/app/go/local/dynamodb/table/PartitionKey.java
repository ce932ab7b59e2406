package app.go.local.dynamodb.table;

import app.go.local.dynamodb.value.Values;
import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;

/** A partition (hash) key value, ordered and hashed by DynamoDB's value semantics. */
public record PartitionKey(JsonNode value) implements Comparable<PartitionKey> {
    @Override
    public int compareTo(PartitionKey other) {
        return Values.compare(value, other.value);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PartitionKey key && Values.equal(value, key.value);
    }

    @Override
    public int hashCode() {
        return hash(value);
    }

    static int hash(JsonNode scalar) {
        if (scalar.has("N")) {
            return new BigDecimal(scalar.get("N").asText()).stripTrailingZeros().hashCode();
        }
        return scalar.hashCode();
    }
}

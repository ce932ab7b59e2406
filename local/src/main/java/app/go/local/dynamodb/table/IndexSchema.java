package app.go.local.dynamodb.table;

import java.util.List;

/** A global secondary index: its keys and what it projects (ALL, KEYS_ONLY or INCLUDE). */
public record IndexSchema(String name, String hashKey, String rangeKey, String projectionType, List<String> nonKeyAttributes) {
    public IndexSchema {
        nonKeyAttributes = nonKeyAttributes == null ? List.of() : List.copyOf(nonKeyAttributes);
    }
}

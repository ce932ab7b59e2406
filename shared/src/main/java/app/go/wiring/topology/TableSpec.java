package app.go.wiring.topology;

import java.util.List;
import java.util.Optional;

/**
 * A DynamoDB table as both CDK and the local runtime create it: string keys named {@code pk}/{@code sk}
 * unless said otherwise, on-demand billing, optional TTL attribute and global secondary indexes.
 */
public record TableSpec(String id, String envVar, String partitionKey, String sortKey,
                        List<IndexSpec> indexes, Optional<String> ttlAttribute) {

    /** A global secondary index with string keys, projecting all attributes. */
    public record IndexSpec(String name, String partitionKey, String sortKey) {}

    /** The physical table name used by the local runtime (CDK lets CloudFormation name tables). */
    public String localName() {
        return "go-" + id;
    }
}

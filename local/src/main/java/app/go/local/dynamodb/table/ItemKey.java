package app.go.local.dynamodb.table;

/** Where an item lives in a table or index: its partition and its place in the partition. */
public record ItemKey(PartitionKey partition, SortKey sort) {}

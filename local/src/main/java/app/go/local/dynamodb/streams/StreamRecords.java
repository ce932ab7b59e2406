package app.go.local.dynamodb.streams;

import app.go.local.dynamodb.storage.ChangeListener;
import app.go.local.dynamodb.storage.Change;
import app.go.local.dynamodb.storage.Database;
import app.go.local.dynamodb.table.Table;
import app.go.local.dynamodb.table.TableSchema;
import app.go.local.dynamodb.value.Values;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * DynamoDB Streams records of every table with a StreamSpecification, one shard per stream, kept in
 * memory for the engine's life. A write that changes nothing writes no record, as in DynamoDB.
 */
public final class StreamRecords implements ChangeListener {
    public static final String SHARD_ID = "shardId-00000000000000000001-00000001";

    private final Database db;
    private final Map<String, Stream> streams = new ConcurrentHashMap<>();
    private long sequence = 100_000_000_000_000_000L;

    public StreamRecords(Database db) {
        this.db = db;
    }

    /** A stream's schema at creation and its records in order. */
    public record Stream(TableSchema schema, List<ObjectNode> records) {}

    public Map<String, Stream> streams() {
        return streams;
    }

    @Override
    public void applied(List<Change> changes, long atMillis) {
        for (Change change : changes) {
            Table table = db.tableOrNull(change.table());
            if (table == null || table.schema().streamViewType() == null) {
                continue;
            }
            if (change.oldItem() != null && change.newItem() != null && Values.equal(wrap(change.oldItem()), wrap(change.newItem()))) {
                continue;
            }
            TableSchema schema = table.schema();
            Stream stream = streams.computeIfAbsent(schema.streamArn(), arn -> new Stream(schema, new CopyOnWriteArrayList<>()));
            stream.records().add(record(table, change, atMillis, Long.toString(++sequence)));
        }
    }

    private static ObjectNode wrap(ObjectNode item) {
        ObjectNode map = Values.JSON.objectNode();
        map.set("M", item);
        return map;
    }

    /** Registers the streams of tables that have had no write yet, so they are listed before their first record. */
    public void registerTables() {
        db.read(() -> {
            for (String name : db.tableNames()) {
                TableSchema schema = db.table(name).schema();
                if (schema.streamViewType() != null) {
                    streams.computeIfAbsent(schema.streamArn(), arn -> new Stream(schema, new CopyOnWriteArrayList<>()));
                }
            }
            return null;
        });
    }

    private static ObjectNode record(Table table, Change change, long atMillis, String sequenceNumber) {
        String viewType = table.schema().streamViewType();
        String eventName = change.oldItem() == null ? "INSERT" : change.newItem() == null ? "REMOVE" : "MODIFY";
        ObjectNode record = Values.JSON.objectNode()
                .put("eventID", java.util.UUID.randomUUID().toString().replace("-", ""))
                .put("eventName", eventName)
                .put("eventVersion", "1.1")
                .put("eventSource", "aws:dynamodb")
                .put("awsRegion", "us-east-1");
        ObjectNode dynamodb = record.putObject("dynamodb");
        dynamodb.put("ApproximateCreationDateTime", atMillis / 1000);
        ObjectNode anyImage = change.newItem() != null ? change.newItem() : change.oldItem();
        dynamodb.set("Keys", table.keyAttributes(anyImage));
        if (change.newItem() != null && (viewType.equals("NEW_IMAGE") || viewType.equals("NEW_AND_OLD_IMAGES"))) {
            dynamodb.set("NewImage", change.newItem());
        }
        if (change.oldItem() != null && (viewType.equals("OLD_IMAGE") || viewType.equals("NEW_AND_OLD_IMAGES"))) {
            dynamodb.set("OldImage", change.oldItem());
        }
        dynamodb.put("SequenceNumber", sequenceNumber);
        dynamodb.put("SizeBytes", Values.itemSize(anyImage));
        dynamodb.put("StreamViewType", viewType);
        if (change.byTimeToLive()) {
            record.putObject("userIdentity").put("PrincipalId", "dynamodb.amazonaws.com").put("Type", "Service");
        }
        return record;
    }

}

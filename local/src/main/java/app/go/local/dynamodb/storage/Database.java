package app.go.local.dynamodb.storage;

import app.go.local.dynamodb.DynamoException;
import app.go.local.dynamodb.table.Table;
import app.go.local.dynamodb.table.TableSchema;
import app.go.local.dynamodb.value.Values;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * All tables, behind one read-write lock. Writers (every write, transaction and TTL sweep) take it
 * exclusively: the evaluation of a condition and the write it guards are then one atomic step, so
 * conditional writes and transactions are linearizable per item and transactions isolated. The
 * in-memory work is microseconds, small against an HTTP round trip, so one lock costs little.
 * Every commit is journaled (durably, when on disk) before it becomes visible.
 */
public final class Database implements AutoCloseable {
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final Map<String, Table> tables = new TreeMap<>();
    private final Map<String, ObjectNode> definitions = new TreeMap<>();
    private final Journal journal;
    private final Clock clock;
    private final List<ChangeListener> listeners = new ArrayList<>();

    public Database(Journal journal, Clock clock) {
        this.journal = journal;
        this.clock = clock;
        journal.replay(this::replay);
        journal.compact(this::snapshot);
    }

    public Clock clock() {
        return clock;
    }

    public void addListener(ChangeListener listener) {
        listeners.add(listener);
    }

    public <T> T read(Supplier<T> work) {
        lock.readLock().lock();
        try {
            return work.get();
        } finally {
            lock.readLock().unlock();
        }
    }

    public <T> T write(Supplier<T> work) {
        lock.writeLock().lock();
        try {
            return work.get();
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** The table, or ResourceNotFoundException. Call under a lock. */
    public Table table(String name) {
        Table table = tables.get(name);
        if (table == null) {
            throw DynamoException.resourceNotFound("Requested resource not found");
        }
        return table;
    }

    public Table tableOrNull(String name) {
        return tables.get(name);
    }

    public List<String> tableNames() {
        return new ArrayList<>(tables.keySet());
    }

    // ---- commits (call under the write lock)

    public Table createTable(ObjectNode request) {
        TableSchema schema = TableSchema.fromCreateTable(request, clock.millis());
        if (tables.containsKey(schema.name())) {
            throw DynamoException.dynamo("ResourceInUseException", "Table already exists: " + schema.name());
        }
        ObjectNode record = Values.JSON.objectNode().put("op", "createTable").put("createdAt", schema.createdAtMillis());
        record.set("request", request);
        journal.append(record);
        return install(request, schema);
    }

    public Table deleteTable(String name) {
        Table table = table(name);
        journal.append(Values.JSON.objectNode().put("op", "deleteTable").put("table", name));
        tables.remove(name);
        definitions.remove(name);
        return table;
    }

    public void timeToLive(String name, String attributeOrNull) {
        Table table = table(name);
        journal.append(Values.JSON.objectNode().put("op", "ttl").put("table", name).put("attribute", attributeOrNull));
        table.ttlAttribute(attributeOrNull);
    }

    /** Journals, then applies, a group of item changes as one atomic commit. */
    public void commit(List<Change> changes) {
        if (changes.isEmpty()) {
            return;
        }
        ObjectNode record = Values.JSON.objectNode().put("op", "write");
        ArrayNode entries = record.putArray("changes");
        for (Change change : changes) {
            Table table = table(change.table());
            ObjectNode entry = entries.addObject().put("table", change.table());
            if (change.newItem() != null) {
                entry.set("item", change.newItem());
            } else {
                entry.set("key", table.keyAttributes(change.oldItem()));
            }
        }
        journal.append(record);
        for (Change change : changes) {
            Table table = tables.get(change.table());
            if (change.newItem() != null) {
                table.put(change.newItem());
            } else {
                table.remove(table.keyOfItem(change.oldItem()));
            }
        }
        long now = clock.millis();
        for (ChangeListener listener : listeners) {
            listener.applied(changes, now);
        }
    }

    private Table install(ObjectNode request, TableSchema schema) {
        Table table = new Table(schema);
        tables.put(schema.name(), table);
        definitions.put(schema.name(), request);
        return table;
    }

    // ---- recovery

    private void replay(ObjectNode record) {
        switch (record.path("op").asText()) {
            case "createTable" -> {
                ObjectNode request = (ObjectNode) record.get("request");
                install(request, TableSchema.fromCreateTable(request, record.get("createdAt").asLong()));
            }
            case "deleteTable" -> {
                tables.remove(record.get("table").asText());
                definitions.remove(record.get("table").asText());
            }
            case "ttl" -> tables.get(record.get("table").asText()).ttlAttribute(record.get("attribute").isNull() ? null : record.get("attribute").asText());
            case "write" -> {
                for (JsonNode entry : record.get("changes")) {
                    Table table = tables.get(entry.get("table").asText());
                    if (entry.has("item")) {
                        table.put((ObjectNode) entry.get("item"));
                    } else {
                        table.remove(table.keyOfItem(entry.get("key")));
                    }
                }
            }
            default -> throw new IllegalStateException("unknown journal record " + record.path("op").asText());
        }
    }

    private void snapshot(java.util.function.Consumer<ObjectNode> out) {
        for (Map.Entry<String, Table> entry : tables.entrySet()) {
            Table table = entry.getValue();
            ObjectNode create = Values.JSON.objectNode().put("op", "createTable").put("createdAt", table.schema().createdAtMillis());
            create.set("request", definitions.get(entry.getKey()));
            out.accept(create);
            if (table.ttlAttribute() != null) {
                out.accept(Values.JSON.objectNode().put("op", "ttl").put("table", entry.getKey()).put("attribute", table.ttlAttribute()));
            }
            ObjectNode batch = null;
            for (ObjectNode item : table.items().all(null, null)) {
                if (batch == null) {
                    batch = Values.JSON.objectNode().put("op", "write");
                    batch.putArray("changes");
                }
                ((ArrayNode) batch.get("changes")).addObject().put("table", entry.getKey()).set("item", item);
                if (batch.get("changes").size() == 500) {
                    out.accept(batch);
                    batch = null;
                }
            }
            if (batch != null) {
                out.accept(batch);
            }
        }
    }

    @Override
    public void close() {
        write(() -> {
            journal.compact(this::snapshot);
            journal.close();
            return null;
        });
    }
}

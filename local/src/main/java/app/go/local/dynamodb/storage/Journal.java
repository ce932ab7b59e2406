package app.go.local.dynamodb.storage;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.function.Consumer;

/**
 * Where the database records what it commits so a restart can rebuild it: nothing in memory, or a
 * snapshot plus an append-only log on disk ({@link FileJournal}). {@link #append} returns only once
 * the record is durable.
 */
public interface Journal extends AutoCloseable {
    Journal NONE = new Journal() {
        @Override
        public void replay(Consumer<ObjectNode> records) {}

        @Override
        public void append(ObjectNode record) {}

        @Override
        public void compact(SnapshotWriter snapshot) {}

        @Override
        public void close() {}
    };

    /** Feeds every record of the snapshot and then the log, in order, to the consumer. */
    void replay(Consumer<ObjectNode> records);

    void append(ObjectNode record);

    /** Replaces snapshot and log with a fresh snapshot of the current state. */
    void compact(SnapshotWriter snapshot);

    @Override
    void close();

    /** Writes the current state as a sequence of records. */
    interface SnapshotWriter {
        void writeTo(Consumer<ObjectNode> records);
    }
}

package app.go.local.dynamodb.ttl;

import app.go.local.dynamodb.storage.Change;
import app.go.local.dynamodb.storage.Database;
import app.go.local.dynamodb.table.Table;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Deletes items whose TTL attribute (a Number, epoch seconds) lies before the database's clock, as
 * DynamoDB's background process does; items whose TTL is more than five years in the past are left
 * alone, as there. Runs every {@code interval} of real time, and on demand ({@link #sweep}). Like
 * DynamoDB, reads may still return an expired item the sweep has not reached yet.
 */
public final class TimeToLiveSweeper implements AutoCloseable {
    private static final long FIVE_YEARS_SECONDS = Duration.ofDays(5 * 365).toSeconds();

    private final Database db;
    private final ScheduledExecutorService timer;

    public TimeToLiveSweeper(Database db, Duration interval) {
        this.db = db;
        if (interval.isZero()) {
            timer = null;
            return;
        }
        timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "dynamodb-ttl-sweeper");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleWithFixedDelay(this::sweepQuietly, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Deletes every expired item now; returns how many. */
    public int sweep() {
        return db.write(() -> {
            BigDecimal now = BigDecimal.valueOf(db.clock().millis()).movePointLeft(3);
            BigDecimal oldest = now.subtract(BigDecimal.valueOf(FIVE_YEARS_SECONDS));
            List<Change> expired = new ArrayList<>();
            for (String name : db.tableNames()) {
                Table table = db.table(name);
                String attribute = table.ttlAttribute();
                if (attribute == null) {
                    continue;
                }
                for (ObjectNode item : table.items().all(null, null)) {
                    JsonNode value = item.get(attribute);
                    if (value != null && value.has("N")) {
                        BigDecimal expiresAt = new BigDecimal(value.get("N").asText());
                        if (expiresAt.compareTo(now) < 0 && expiresAt.compareTo(oldest) >= 0) {
                            expired.add(new Change(name, item, null, true));
                        }
                    }
                }
            }
            db.commit(expired);
            return expired.size();
        });
    }

    private void sweepQuietly() {
        try {
            sweep();
        } catch (RuntimeException e) {
            // a sweep that fails (e.g. a table deleted meanwhile) is retried on the next tick
        }
    }

    @Override
    public void close() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }
}

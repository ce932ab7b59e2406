package app.go.local.dynamodb.faults;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Faults armed for coming calls, for tests of retries, throttling and failure handling.
 *
 * <pre>{@code
 * engine.faults().next(Operation.PUT_ITEM, "go-idempotency", 2, Fault.THROTTLE);   // the next 2 PutItems on that table
 * engine.faults().next(Operation.TRANSACT_WRITE_ITEMS, null, 1, Fault.TRANSACTION_CONFLICT); // on any table
 * engine.faults().next(Operation.QUERY, "t", 3, Fault.delay(Duration.ofMillis(200)));
 * engine.faults().clear();
 * }</pre>
 *
 * A call matches an armed fault when its operation is the fault's and, unless the fault's table is
 * null (any table), the call names that table (for batch and transaction calls: any of the tables
 * they touch). Each matching HTTP call uses up one of the fault's count, oldest armed fault first;
 * note the SDK retries throttling and 5xx answers on its own, each retry being another call. A
 * faulted call (other than a delay) changes nothing. Thread-safe.
 */
public final class Faults {
    private final List<Armed> armed = new ArrayList<>();

    private static final class Armed {
        final Operation operation;
        final String table;
        final Fault fault;
        int remaining;

        Armed(Operation operation, String table, int remaining, Fault fault) {
            this.operation = operation;
            this.table = table;
            this.remaining = remaining;
            this.fault = fault;
        }
    }

    /**
     * Arms a fault for the next {@code times} calls of {@code operation} on {@code table}.
     *
     * @param table the table name, or null for any table
     */
    public synchronized Faults next(Operation operation, String table, int times, Fault fault) {
        if (times < 1) {
            throw new IllegalArgumentException("times must be at least 1");
        }
        armed.add(new Armed(operation, table, times, fault));
        return this;
    }

    /** Disarms every fault. */
    public synchronized void clear() {
        armed.clear();
    }

    /** How many calls armed faults still apply to. */
    public synchronized int pending() {
        return armed.stream().mapToInt(a -> a.remaining).sum();
    }

    /** Takes the fault for this call, if one is armed; used by the engine on every call. */
    public synchronized Fault take(Operation operation, Set<String> tables) {
        for (Iterator<Armed> it = armed.iterator(); it.hasNext(); ) {
            Armed candidate = it.next();
            if (candidate.operation == operation && (candidate.table == null || tables.contains(candidate.table))) {
                if (--candidate.remaining == 0) {
                    it.remove();
                }
                return candidate.fault;
            }
        }
        return null;
    }
}

package app.go.testing;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Faults armed at named points of a run ({@code "queue.send.before"}, {@code "store.create.after"}),
 * each for a number of passes; counts what it injected, for the suite's report.
 */
public final class FaultPlan {
    private final Map<String, Integer> armed = new LinkedHashMap<>();
    private int injected;

    public synchronized FaultPlan arm(String point, int times) {
        armed.merge(point, times, Integer::sum);
        return this;
    }

    public synchronized FaultPlan arm(String point) {
        return arm(point, 1);
    }

    /** Throws {@link InjectedFault} when a fault is armed at this point. */
    public void at(String point) {
        synchronized (this) {
            Integer remaining = armed.get(point);
            if (remaining == null) {
                return;
            }
            if (remaining == 1) {
                armed.remove(point);
            } else {
                armed.put(point, remaining - 1);
            }
            injected++;
        }
        throw new InjectedFault(point);
    }

    public synchronized int injected() {
        return injected;
    }

    /** Armed faults no run reached (a case that arms a point its path never passes proves nothing). */
    public synchronized Map<String, Integer> unreached() {
        return Map.copyOf(armed);
    }

    /** What a fault does: an outage of the port, or the process dying at that point. */
    public static final class InjectedFault extends RuntimeException {
        public InjectedFault(String point) {
            super("injected fault at " + point);
        }
    }
}

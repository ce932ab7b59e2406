package app.go.domain.billing;

import app.go.domain.port.BillingStore;

import app.go.support.log.Log;
import app.go.domain.port.MessageQueue;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The billing schedule (BILL-9): every subscription whose period has ended gets one renewal message
 * per subscription and period. Running twice sends the message twice; {@link Renewal} charges once.
 */
public final class BillingRun {
    private static final Log LOG = Log.get(BillingRun.class);

    private final BillingStore store;
    private final MessageQueue renewals;

    public BillingRun(BillingStore store, MessageQueue renewals) {
        this.store = store;
        this.renewals = renewals;
    }

    /** The body of a renewal message. */
    public static Map<String, Object> message(Subscription subscription) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("sellerId", subscription.sellerId());
        body.put("plan", subscription.plan().name());
        body.put("periodEnd", subscription.currentPeriodEnd().toString());
        return body;
    }

    /** @return how many renewal messages were sent */
    public int runAsOf(Instant at) {
        List<Subscription> due = store.dueForRenewal(at);
        for (Subscription subscription : due) {
            renewals.send(message(subscription), subscription.sellerId(), Renewal.key(subscription.sellerId(),
                    subscription.plan(), subscription.currentPeriodEnd()));
        }
        LOG.info("billing run", "at", at.toString(), "enqueued", due.size());
        return due.size();
    }
}

package app.go.domain.billing;

import app.go.domain.billing.BillingFixture;

import app.go.domain.billing.Plan;
import app.go.domain.billing.Subscription;
import app.go.domain.billing.SubscriptionStatus;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static app.go.domain.billing.BillingFixture.CARD;
import static org.junit.jupiter.api.Assertions.assertEquals;

class BillingRunTest {

    @Test
    @DisplayName("BILL-9 the schedule enqueues one renewal per subscription whose period has ended, with its period end")
    void enqueuesDue() {
        BillingFixture f = new BillingFixture();
        Instant mar18 = Instant.parse("2026-03-18T00:00:00Z");
        f.store.put(new Subscription("due", Plan.PERSONAL_ASSISTANT, SubscriptionStatus.ACTIVE,
                Instant.parse("2026-02-18T00:00:00Z"), mar18, 18, CARD, true));
        f.store.put(new Subscription("cancelled", Plan.CREATION_MODEL, SubscriptionStatus.CANCELLED_AT_PERIOD_END,
                Instant.parse("2026-02-10T00:00:00Z"), Instant.parse("2026-03-10T00:00:00Z"), 10, CARD, true));
        f.store.put(new Subscription("later", Plan.PERSONAL_ASSISTANT, SubscriptionStatus.ACTIVE,
                Instant.parse("2026-02-19T00:00:00Z"), Instant.parse("2026-03-19T00:00:00Z"), 19, CARD, true));
        f.store.put(new Subscription("ended", Plan.PERSONAL_ASSISTANT, SubscriptionStatus.ENDED,
                Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-02-01T00:00:00Z"), 1, CARD, true));

        assertEquals(2, f.run.runAsOf(mar18));
        assertEquals(2, f.queue.sent().size());
        Map<?, ?> body = (Map<?, ?>) f.queue.sent().stream()
                .filter(s -> ((Map<?, ?>) s.body()).get("sellerId").equals("due")).findFirst().orElseThrow().body();
        assertEquals("PERSONAL_ASSISTANT", body.get("plan"));
        assertEquals("2026-03-18T00:00:00Z", body.get("periodEnd"));
        assertEquals("renewal#due#PERSONAL_ASSISTANT#2026-03-18T00:00:00Z",
                f.queue.sent().stream().filter(s -> s.groupId().equals("due")).findFirst().orElseThrow().deduplicationId());
    }

    @Test
    @DisplayName("BILL-9 run, renew, run again: the renewed subscription is not enqueued until its next anniversary")
    void runRenewRun() {
        BillingFixture f = new BillingFixture().seller("s1", 2);
        f.subscriptions.subscribe("s1", Plan.PERSONAL_ASSISTANT, CARD, true);
        Instant mar18 = Instant.parse("2026-03-18T09:00:00Z");
        assertEquals(0, f.run.runAsOf(mar18.minusSeconds(1)));
        assertEquals(1, f.run.runAsOf(mar18));
        f.clock.set(mar18);
        f.renewal.renew("s1", Plan.PERSONAL_ASSISTANT, mar18);
        assertEquals(0, f.run.runAsOf(mar18.plusSeconds(3600)));
    }
}

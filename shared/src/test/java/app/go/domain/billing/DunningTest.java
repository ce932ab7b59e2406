package app.go.domain.billing;

import app.go.domain.seller.AssistantState;
import app.go.domain.seller.Notification;
import app.go.testing.InMemoryIdempotencyStore;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static app.go.domain.billing.BillingFixture.CARD;
import static app.go.domain.billing.BillingFixture.DECLINING;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DunningTest {
    private static final Instant FEB_18 = Instant.parse("2026-02-18T09:00:00Z");
    private static final Instant MAR_18 = Instant.parse("2026-03-18T09:00:00Z");
    private static final Instant APR_18 = Instant.parse("2026-04-18T09:00:00Z");

    private static BillingFixture pastDueAssistant() {
        BillingFixture f = new BillingFixture().seller("s1", 2).assistant("s1", AssistantState.ACTIVE);
        f.store.put(new Subscription("s1", Plan.PERSONAL_ASSISTANT, SubscriptionStatus.ACTIVE, FEB_18, MAR_18, 18, DECLINING, true));
        return f;
    }

    /** What the billing schedule does at {@code at}: one message per due subscription, each handled by the renewal. */
    private static void scheduleRunsAt(BillingFixture f, Instant at) {
        f.clock.set(at);
        f.run.runAsOf(at);
        for (Object message : f.queue.drain()) {
            @SuppressWarnings("unchecked") Map<String, Object> body = (Map<String, Object>) message;
            f.renewal.renew((String) body.get("sellerId"), Plan.valueOf((String) body.get("plan")),
                    Instant.parse((String) body.get("periodEnd")));
        }
    }

    private static long paymentFailedCount(BillingFixture f) {
        return f.sellers.notifications("s1").stream().map(Notification::type).filter(Renewal.PAYMENT_FAILED::equals).count();
    }

    @Test
    @DisplayName("BILL-11 a declined renewal is retried on day 1, 3 and 7 by the billing schedule, PAYMENT_FAILED each time; after the last the plan ends and PA stops")
    void retriesThenEnds() {
        BillingFixture f = pastDueAssistant();
        scheduleRunsAt(f, MAR_18);
        assertEquals(SubscriptionStatus.PAST_DUE, f.store.subscription("s1", Plan.PERSONAL_ASSISTANT).orElseThrow().status());
        assertTrue(f.entitlements.hasAssistant("s1"), "grace period while retries remain");
        assertEquals(AssistantState.ACTIVE, f.assistantState("s1"));

        scheduleRunsAt(f, MAR_18.plus(Duration.ofHours(12))); // nothing due between the attempts
        assertEquals(1, paymentFailedCount(f));
        for (int day : new int[] {1, 3}) {
            scheduleRunsAt(f, MAR_18.plus(Duration.ofDays(day)));
            scheduleRunsAt(f, MAR_18.plus(Duration.ofDays(day)).plusSeconds(60)); // a second run the same day retries nothing
        }
        assertEquals(3, paymentFailedCount(f));
        assertEquals(SubscriptionStatus.PAST_DUE, f.store.subscription("s1", Plan.PERSONAL_ASSISTANT).orElseThrow().status());

        scheduleRunsAt(f, MAR_18.plus(Duration.ofDays(7)));
        assertEquals(4, paymentFailedCount(f));
        Subscription ended = f.store.subscription("s1", Plan.PERSONAL_ASSISTANT).orElseThrow();
        assertEquals(SubscriptionStatus.ENDED, ended.status());
        assertFalse(f.entitlements.hasAssistant("s1"));
        assertEquals(AssistantState.INACTIVE, f.assistantState("s1"));
        assertTrue(f.store.dueForRenewal(APR_18.plus(Duration.ofDays(30))).isEmpty(), "nothing is charged again");
        assertEquals(0, f.gateway.charges());
        List<String> keys = f.gateway.payments().stream().map(p -> p.idempotencyKey()).toList();
        assertEquals(List.of(1, 2, 3, 4).stream().map(a -> Renewal.key("s1", Plan.PERSONAL_ASSISTANT, MAR_18) + "#" + a).toList(), keys,
                "one charge attempt per retry, keyed subscription + period + attempt");
    }

    @Test
    @DisplayName("BILL-11 a renewal message that arrives before the retry is due changes nothing and does not use up that retry")
    void earlyMessageDoesNotUseUpTheRetry() {
        BillingFixture f = pastDueAssistant();
        scheduleRunsAt(f, MAR_18);
        f.subscriptions.replacePaymentMethod("s1", CARD);
        f.clock.set(MAR_18.plus(Duration.ofHours(2)));
        assertEquals(Renewal.Outcome.SKIPPED, f.renewal.renew("s1", Plan.PERSONAL_ASSISTANT, MAR_18), "a duplicate or early message");
        assertEquals(SubscriptionStatus.PAST_DUE, f.store.subscription("s1", Plan.PERSONAL_ASSISTANT).orElseThrow().status());

        scheduleRunsAt(f, MAR_18.plus(Duration.ofDays(1)));
        assertEquals(SubscriptionStatus.ACTIVE, f.store.subscription("s1", Plan.PERSONAL_ASSISTANT).orElseThrow().status(),
                "the day-1 retry ran and charged the replaced card");
    }

    @Test
    @DisplayName("BILL-11 a replaced payment method is used by the next retry, and the renewed period keeps the anniversary (no gap)")
    void replacedMethodResumesWithoutGap() {
        BillingFixture f = pastDueAssistant();
        f.store.setBalance("s1", 400);
        scheduleRunsAt(f, MAR_18);
        assertEquals(400L, f.store.balance("s1"), "the declined attempt gave the balance part back");
        f.subscriptions.replacePaymentMethod("s1", CARD);
        scheduleRunsAt(f, MAR_18.plus(Duration.ofDays(1)));
        Subscription renewed = f.store.subscription("s1", Plan.PERSONAL_ASSISTANT).orElseThrow();
        assertEquals(SubscriptionStatus.ACTIVE, renewed.status());
        assertEquals(MAR_18, renewed.currentPeriodStart());
        assertEquals(APR_18, renewed.currentPeriodEnd());
        assertEquals(0, renewed.failedAttempts());
        assertEquals(2_500L, f.gateway.chargedCents(), "balance first (400), the new card the rest");
        assertEquals(0L, f.store.balance("s1"));
        assertEquals(1, paymentFailedCount(f));
        assertEquals(AssistantState.ACTIVE, f.assistantState("s1"));
    }

    @Test
    @DisplayName("BILL-11 BILL-13 each retry is idempotent: duplicated messages of one attempt, even with a forgetful idempotency store, charge once")
    void retryIsIdempotent() {
        BillingFixture f = new BillingFixture(InMemoryIdempotencyStore.forgetful()).seller("s1", 2);
        f.store.put(new Subscription("s1", Plan.CREATION_MODEL, SubscriptionStatus.ACTIVE, FEB_18, MAR_18, 18, DECLINING, true));
        scheduleRunsAt(f, MAR_18);
        f.subscriptions.replacePaymentMethod("s1", CARD);
        f.clock.set(MAR_18.plus(Duration.ofDays(1)));
        assertEquals(Renewal.Outcome.RENEWED, f.renewal.renew("s1", Plan.CREATION_MODEL, MAR_18));
        assertEquals(Renewal.Outcome.SKIPPED, f.renewal.renew("s1", Plan.CREATION_MODEL, MAR_18));
        assertEquals(1, f.gateway.charges());
        assertEquals(2_500L, f.gateway.chargedCents());
    }

    @Test
    @DisplayName("BILL-11 replacing the payment method without a running subscription is a 404 NO_SUBSCRIPTION")
    void replaceWithoutSubscription() {
        BillingFixture f = new BillingFixture().seller("s1", 2);
        app.go.support.errors.DomainException e = org.junit.jupiter.api.Assertions.assertThrows(app.go.support.errors.DomainException.class,
                () -> f.subscriptions.replacePaymentMethod("s1", CARD));
        assertEquals("NO_SUBSCRIPTION", e.code());
        assertEquals(404, e.kind().httpStatus());
    }
}

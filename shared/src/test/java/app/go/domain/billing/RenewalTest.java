package app.go.domain.billing;

import app.go.domain.billing.BillingFixture;

import app.go.domain.billing.LedgerEntry;
import app.go.domain.billing.Plan;
import app.go.domain.billing.Renewal;
import app.go.domain.billing.Subscription;
import app.go.domain.billing.SubscriptionStatus;
import app.go.domain.seller.Notification;
import app.go.domain.port.IdempotencyStore;
import app.go.testing.InMemoryIdempotencyStore;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static app.go.domain.billing.BillingFixture.CARD;
import static app.go.domain.billing.BillingFixture.DECLINING;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RenewalTest {
    private static final Instant FEB_18 = Instant.parse("2026-02-18T09:00:00Z");
    private static final Instant MAR_18 = Instant.parse("2026-03-18T09:00:00Z");
    private static final Instant APR_18 = Instant.parse("2026-04-18T09:00:00Z");

    private static Subscription subscribed(BillingFixture f, Plan plan) {
        f.seller("s1", 2);
        Subscription s = f.subscriptions.subscribe("s1", plan, CARD, true).subscription();
        f.clock.set(MAR_18);
        return s;
    }

    private static long cardChargedOnRenewal(BillingFixture f, Plan plan) {
        return f.gateway.chargedCents() - plan.priceCents();
    }

    @Test
    @DisplayName("BILL-3 a renewal takes the whole fee from the balance when it is enough")
    void balanceCoversAll() {
        BillingFixture f = new BillingFixture();
        subscribed(f, Plan.PERSONAL_ASSISTANT);
        f.store.setBalance("s1", 5_000);
        assertEquals(Renewal.Outcome.RENEWED, f.renewal.renew("s1", Plan.PERSONAL_ASSISTANT, MAR_18));
        assertEquals(2_100L, f.store.balance("s1"));
        assertEquals(0L, cardChargedOnRenewal(f, Plan.PERSONAL_ASSISTANT));
        Subscription s = f.store.subscription("s1", Plan.PERSONAL_ASSISTANT).orElseThrow();
        assertEquals(MAR_18, s.currentPeriodStart());
        assertEquals(APR_18, s.currentPeriodEnd());
    }

    @Test
    @DisplayName("BILL-3 BILL-10 the balance pays first and the card pays the rest, in integer cents")
    void balanceThenCard() {
        BillingFixture f = new BillingFixture();
        subscribed(f, Plan.PERSONAL_ASSISTANT);
        f.store.setBalance("s1", 1_234);
        assertEquals(Renewal.Outcome.RENEWED, f.renewal.renew("s1", Plan.PERSONAL_ASSISTANT, MAR_18));
        assertEquals(0L, f.store.balance("s1"));
        assertEquals(1_666L, cardChargedOnRenewal(f, Plan.PERSONAL_ASSISTANT));
        List<LedgerEntry> renewalEntries = f.store.ledger("s1").stream()
                .filter(e -> e.id().startsWith("renewal#")).toList();
        assertEquals(2, renewalEntries.size());
        assertEquals(2_900L, renewalEntries.stream().mapToLong(LedgerEntry::amountCents).sum());
        assertTrue(renewalEntries.stream().anyMatch(e -> e.source() == LedgerEntry.Source.BALANCE && e.amountCents() == 1_234));
        assertTrue(renewalEntries.stream().anyMatch(e -> e.source() == LedgerEntry.Source.CARD && e.amountCents() == 1_666));
    }

    @Test
    @DisplayName("BILL-3 with an empty balance the stored payment method is charged without the seller's help")
    void emptyBalanceCharchesCard() {
        BillingFixture f = new BillingFixture();
        subscribed(f, Plan.CREATION_MODEL);
        assertEquals(Renewal.Outcome.RENEWED, f.renewal.renew("s1", Plan.CREATION_MODEL, MAR_18));
        assertEquals(2_500L, cardChargedOnRenewal(f, Plan.CREATION_MODEL));
    }

    @Test
    @DisplayName("BILL-9 a duplicated renewal message charges once")
    void duplicate() {
        BillingFixture f = new BillingFixture();
        subscribed(f, Plan.PERSONAL_ASSISTANT);
        f.store.setBalance("s1", 1_000);
        assertEquals(Renewal.Outcome.RENEWED, f.renewal.renew("s1", Plan.PERSONAL_ASSISTANT, MAR_18));
        f.store.setBalance("s1", 10_000);
        assertEquals(Renewal.Outcome.RENEWED, f.renewal.renew("s1", Plan.PERSONAL_ASSISTANT, MAR_18)); // replayed outcome
        assertEquals(10_000L, f.store.balance("s1"));
        assertEquals(1_900L, cardChargedOnRenewal(f, Plan.PERSONAL_ASSISTANT));
        assertEquals(APR_18, f.store.subscription("s1", Plan.PERSONAL_ASSISTANT).orElseThrow().currentPeriodEnd());
    }

    @Test
    @DisplayName("BILL-9 even when the idempotency record is lost, the conditional period update and ledger ids charge once")
    void duplicateWithoutIdempotencyRecord() {
        BillingFixture f = new BillingFixture(InMemoryIdempotencyStore.forgetful());
        subscribed(f, Plan.PERSONAL_ASSISTANT);
        f.store.setBalance("s1", 1_000);
        assertEquals(Renewal.Outcome.RENEWED, f.renewal.renew("s1", Plan.PERSONAL_ASSISTANT, MAR_18));
        assertEquals(Renewal.Outcome.SKIPPED, f.renewal.renew("s1", Plan.PERSONAL_ASSISTANT, MAR_18));
        assertEquals(0L, f.store.balance("s1"));
        assertEquals(1_900L, cardChargedOnRenewal(f, Plan.PERSONAL_ASSISTANT));
        assertEquals(APR_18, f.store.subscription("s1", Plan.PERSONAL_ASSISTANT).orElseThrow().currentPeriodEnd());
    }

    @RepeatedTest(25)
    @DisplayName("BILL-9 BILL-13 concurrent retries of one renewal charge once, split balance/card once, and advance the period once")
    void concurrent() throws Exception {
        for (IdempotencyStore idempotency : List.of(InMemoryIdempotencyStore.remembering(), InMemoryIdempotencyStore.forgetful())) {
            BillingFixture f = new BillingFixture(idempotency);
            subscribed(f, Plan.PERSONAL_ASSISTANT);
            f.store.setBalance("s1", 2_000);
            int attempts = 8;
            ExecutorService pool = Executors.newFixedThreadPool(attempts);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < attempts; i++) {
                Callable<String> attempt = () -> {
                    go.await();
                    try {
                        return f.renewal.renew("s1", Plan.PERSONAL_ASSISTANT, MAR_18).name();
                    } catch (IdempotencyStore.ConcurrentAttemptException e) {
                        return "RETRY_LATER";
                    }
                };
                results.add(pool.submit(attempt));
            }
            go.countDown();
            List<String> outcomes = new ArrayList<>();
            for (Future<String> r : results) {
                outcomes.add(r.get());
            }
            pool.shutdown();
            assertTrue(outcomes.contains("RENEWED"), outcomes.toString());
            assertEquals(0L, f.store.balance("s1"), outcomes.toString());
            assertEquals(900L, cardChargedOnRenewal(f, Plan.PERSONAL_ASSISTANT), outcomes.toString());
            assertEquals(APR_18, f.store.subscription("s1", Plan.PERSONAL_ASSISTANT).orElseThrow().currentPeriodEnd());
        }
    }

    @Test
    @DisplayName("BILL-9 the next period renews again on its own anniversary")
    void nextPeriod() {
        BillingFixture f = new BillingFixture();
        subscribed(f, Plan.PERSONAL_ASSISTANT);
        f.renewal.renew("s1", Plan.PERSONAL_ASSISTANT, MAR_18);
        f.clock.set(APR_18);
        assertEquals(Renewal.Outcome.RENEWED, f.renewal.renew("s1", Plan.PERSONAL_ASSISTANT, APR_18));
        assertEquals(5_800L, cardChargedOnRenewal(f, Plan.PERSONAL_ASSISTANT));
    }

    @Test
    @DisplayName("BILL-6 a subscription cancelled at period end ends instead of being charged")
    void cancelledEnds() {
        BillingFixture f = new BillingFixture();
        subscribed(f, Plan.PERSONAL_ASSISTANT);
        f.subscriptions.cancel("s1", Plan.PERSONAL_ASSISTANT);
        f.store.setBalance("s1", 5_000);
        assertEquals(Renewal.Outcome.ENDED, f.renewal.renew("s1", Plan.PERSONAL_ASSISTANT, MAR_18));
        assertEquals(SubscriptionStatus.ENDED, f.store.subscription("s1", Plan.PERSONAL_ASSISTANT).orElseThrow().status());
        assertEquals(5_000L, f.store.balance("s1"));
        assertEquals(0L, cardChargedOnRenewal(f, Plan.PERSONAL_ASSISTANT));
        assertTrue(f.store.dueForRenewal(APR_18).isEmpty());
    }

    @Test
    @DisplayName("BILL-7 Seller Plus Premium cancelled at period end ends the membership")
    void premiumEnds() {
        BillingFixture f = new BillingFixture();
        subscribed(f, Plan.SELLER_PLUS_PREMIUM);
        assertTrue(f.sellers.account("s1").orElseThrow().sellerPlusPremium());
        f.subscriptions.cancel("s1", Plan.SELLER_PLUS_PREMIUM);
        assertEquals(Renewal.Outcome.ENDED, f.renewal.renew("s1", Plan.SELLER_PLUS_PREMIUM, MAR_18));
        assertTrue(!f.sellers.account("s1").orElseThrow().sellerPlusPremium());
    }

    @Test
    @DisplayName("BILL-3 a declined renewal puts the subscription PAST_DUE, gives the balance back and notifies PAYMENT_FAILED")
    void declined() {
        BillingFixture f = new BillingFixture().seller("s1", 2);
        f.store.put(new Subscription("s1", Plan.PERSONAL_ASSISTANT, SubscriptionStatus.ACTIVE, FEB_18, MAR_18, 18, DECLINING, true));
        f.clock.set(MAR_18);
        f.store.setBalance("s1", 500);
        assertEquals(Renewal.Outcome.PAST_DUE, f.renewal.renew("s1", Plan.PERSONAL_ASSISTANT, MAR_18));
        assertEquals(SubscriptionStatus.PAST_DUE, f.store.subscription("s1", Plan.PERSONAL_ASSISTANT).orElseThrow().status());
        assertEquals(500L, f.store.balance("s1"));
        assertEquals(0, f.gateway.charges());
        List<Notification> notifications = f.sellers.notifications("s1");
        assertEquals(1, notifications.size());
        assertEquals("PAYMENT_FAILED", notifications.get(0).type());
        assertEquals(Renewal.Outcome.SKIPPED, f.renewal.renew("s1", Plan.PERSONAL_ASSISTANT, MAR_18), "the day-1 retry is not due yet");
        assertEquals(1, f.sellers.notifications("s1").size());
        assertEquals(0, f.gateway.charges());
    }

    @Test
    @DisplayName("BILL-9 a renewal message for a period already renewed or an unknown subscription is skipped")
    void stale() {
        BillingFixture f = new BillingFixture();
        assertEquals(Renewal.Outcome.SKIPPED, f.renewal.renew("nobody", Plan.CREATION_MODEL, MAR_18));
        subscribed(f, Plan.CREATION_MODEL);
        assertEquals(Renewal.Outcome.SKIPPED, f.renewal.renew("s1", Plan.CREATION_MODEL, FEB_18));
        assertEquals(0L, cardChargedOnRenewal(f, Plan.CREATION_MODEL));
    }

    @Test
    @DisplayName("BILL-6 BILL-9 a cancel landing between the renewal's read and its write wins: the subscription ends and the renewal's charge goes back to the balance once")
    void cancelDuringRenewal() {
        BillingFixture f = new BillingFixture(InMemoryIdempotencyStore.forgetful());
        subscribed(f, Plan.PERSONAL_ASSISTANT);
        f.store.setBalance("s1", 1_000);
        f.store.beforeNextReplace(() -> f.subscriptions.cancel("s1", Plan.PERSONAL_ASSISTANT));

        assertEquals(Renewal.Outcome.ENDED, f.renewal.renew("s1", Plan.PERSONAL_ASSISTANT, MAR_18));
        Subscription s = f.store.subscription("s1", Plan.PERSONAL_ASSISTANT).orElseThrow();
        assertEquals(SubscriptionStatus.ENDED, s.status());
        assertEquals(MAR_18, s.currentPeriodEnd());
        assertFalse(f.entitlements.hasAssistant("s1"));
        assertEquals(1_900L, cardChargedOnRenewal(f, Plan.PERSONAL_ASSISTANT)); // no refund call: the card part goes to the balance
        assertEquals(2_900L, f.store.balance("s1"));

        assertEquals(Renewal.Outcome.ENDED, f.renewal.renew("s1", Plan.PERSONAL_ASSISTANT, MAR_18)); // a redelivered message
        List<LedgerEntry> refunds = f.store.ledger("s1").stream().filter(e -> e.type() == LedgerEntry.Type.REFUND).toList();
        assertEquals(1, refunds.size());
        assertEquals(Renewal.key("s1", Plan.PERSONAL_ASSISTANT, MAR_18) + "#refund", refunds.get(0).id());
        assertEquals(2_900L, refunds.get(0).amountCents());
        assertEquals(2_900L, f.store.balance("s1"));
        assertEquals(1_900L, cardChargedOnRenewal(f, Plan.PERSONAL_ASSISTANT));
    }
}

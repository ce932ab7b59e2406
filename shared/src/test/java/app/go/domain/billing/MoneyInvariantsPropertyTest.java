package app.go.domain.billing;

import app.go.adapter.offline.OfflinePaymentGateway;
import app.go.domain.seller.EligibilityChange;
import app.go.domain.seller.SellerAccount;
import app.go.support.errors.DomainException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * BILL-3, BILL-6..13 as properties: over random sequences of subscribe, renewal runs, declines and
 * retries, cancel, upgrade, downgrade, eligibility changes, balance credits and clock moves, the money
 * always adds up. The sequences run through the real services over the in-memory store and the
 * offline gateway, whose test-mode log is the provider's view of what was charged.
 */
class MoneyInvariantsPropertyTest {
    private static final String SELLER = "s1";
    private static final PaymentMethod GOOD = BillingFixture.CARD;
    private static final PaymentMethod DECLINING = BillingFixture.DECLINING;

    interface Action {
        void apply(BillingFixture f);
    }

    record Subscribe(Plan plan, boolean goodCard) implements Action {
        public void apply(BillingFixture f) {
            f.subscriptions.subscribe(SELLER, plan, goodCard ? GOOD : DECLINING, true);
        }
    }

    record RunBilling() implements Action {
        public void apply(BillingFixture f) {
            runBilling(f);
        }
    }

    record ReplaceCard(boolean good) implements Action {
        public void apply(BillingFixture f) {
            f.subscriptions.replacePaymentMethod(SELLER, good ? GOOD : DECLINING);
        }
    }

    record Cancel(Plan plan) implements Action {
        public void apply(BillingFixture f) {
            f.subscriptions.cancel(SELLER, plan);
        }
    }

    record Upgrade() implements Action {
        public void apply(BillingFixture f) {
            f.upgrades.upgrade(SELLER, Plan.PERSONAL_ASSISTANT, Plan.SELLER_PLUS_PREMIUM);
        }
    }

    record Downgrade() implements Action {
        public void apply(BillingFixture f) {
            f.subscriptions.endSellerPlus(SELLER);
        }
    }

    record Credit(long cents) implements Action {
        public void apply(BillingFixture f) {
            f.subscriptions.credit(SELLER, cents);
        }
    }

    record Advance(Duration by) implements Action {
        public void apply(BillingFixture f) {
            f.clock.advance(by);
        }
    }

    record Level(int level) implements Action {
        public void apply(BillingFixture f) {
            changeLevel(f, level);
        }
    }

    @Provide
    Arbitrary<Action> action() {
        Arbitrary<Plan> plans = Arbitraries.of(Plan.class);
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, plans.flatMap(p -> Arbitraries.of(true, true, false).map(g -> new Subscribe(p, g)))),
                net.jqwik.api.Tuple.of(4, Arbitraries.just(new RunBilling())),
                net.jqwik.api.Tuple.of(2, Arbitraries.of(true, false).map(ReplaceCard::new)),
                net.jqwik.api.Tuple.of(1, plans.map(Cancel::new)),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(new Upgrade())),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(new Downgrade())),
                net.jqwik.api.Tuple.of(2, Arbitraries.longs().between(1, 6_000).map(Credit::new)),
                net.jqwik.api.Tuple.of(4, Arbitraries.of(Duration.ofHours(7), Duration.ofDays(1), Duration.ofDays(3),
                        Duration.ofDays(9), Duration.ofDays(31)).map(Advance::new)),
                net.jqwik.api.Tuple.of(1, Arbitraries.of(1, 2).map(Level::new)));
    }

    @Property(tries = 200)
    @Label("BILL-3 BILL-6 BILL-8 BILL-10 BILL-11 BILL-13 the ledger balances, no period is charged twice, no charge lacks its subscription, no refund exceeds what was paid")
    void moneyAddsUp(@ForAll @Size(min = 1, max = 40) List<@net.jqwik.api.From("action") Action> actions) {
        BillingFixture f = new BillingFixture().seller(SELLER, 2);
        for (Action action : actions) {
            apply(f, action);
            assertInvariants(f, actions);
        }
    }

    private static void apply(BillingFixture f, Action action) {
        try {
            action.apply(f);
        } catch (DomainException refused) {
            // a rule said no (already subscribed, declined, nothing to cancel...): nothing may have moved
        }
    }

    private static void runBilling(BillingFixture f) {
        Instant now = f.clock.instant();
        f.run.runAsOf(now);
        for (Object message : f.queue.drain()) {
            @SuppressWarnings("unchecked") Map<String, Object> body = (Map<String, Object>) message;
            Instant periodEnd = Instant.parse((String) body.get("periodEnd"));
            f.renewal.renew(SELLER, Plan.valueOf((String) body.get("plan")), periodEnd);
            f.renewal.renew(SELLER, Plan.valueOf((String) body.get("plan")), periodEnd); // a duplicate delivery
        }
        new ReservationSweeper(f.store, f.sellers, f.idempotency, f.gateway, f.clock, r -> { }).sweep(now);
    }

    private static void changeLevel(BillingFixture f, int level) {
        Optional<SellerAccount> before = f.sellers.account(SELLER);
        SellerAccount after = new SellerAccount(SELLER, level, false, "UTC", before.orElseThrow().sellerPlusPremium());
        f.sellers.saveAccount(after);
        new EligibilityLoss(f.store, f.sellers, f.clock).apply(SELLER, new EligibilityChange(f.sellers, f.clock).apply(before, after));
    }

    private static void assertInvariants(BillingFixture f, List<Action> actions) {
        String trace = actions.toString();
        List<LedgerEntry> ledger = f.store.ledger(SELLER);
        long balance = 0;
        for (LedgerEntry e : ledger) {
            balance += switch (e.type()) {
                case CREDIT, REVERSAL -> e.amountCents();
                case REFUND -> e.source() == LedgerEntry.Source.BALANCE ? e.amountCents() : 0;
                case CHARGE -> e.source() == LedgerEntry.Source.BALANCE ? -e.amountCents() : 0;
            };
        }
        assertEquals(balance, f.store.balance(SELLER), "the ledger balances: " + trace);
        assertTrue(balance >= 0, "the balance never goes below zero: " + trace);

        Map<String, Integer> approvedPerBusinessKey = new HashMap<>();
        for (OfflinePaymentGateway.Payment p : f.gateway.payments()) {
            if (p.kind().equals("charge") && p.outcome().equals("approved")) {
                approvedPerBusinessKey.merge(businessKey(p.idempotencyKey()), 1, Integer::sum);
            }
        }
        approvedPerBusinessKey.forEach((key, count) -> assertEquals(1, count, "charged twice for " + key + ": " + trace));

        for (PaymentReservation paid : completed(f, approvedPerBusinessKey.keySet())) {
            Plan forPlan = paid.plan();
            assertTrue(f.store.subscription(SELLER, forPlan).filter(s -> s.status() != SubscriptionStatus.PENDING).isPresent(),
                    "a charge without its subscription: " + paid + " " + trace);
        }
        Map<String, Long> paidPerKey = new HashMap<>();
        f.store.reservations().stream().filter(r -> r.status() == PaymentReservation.Status.COMPLETED)
                .forEach(r -> paidPerKey.merge(r.key(), r.amountCents(), Long::sum));
        for (LedgerEntry refund : ledger.stream().filter(e -> e.type() == LedgerEntry.Type.REFUND).toList()) {
            long cap = refund.id().startsWith("renewal#") ? paidPerKey.getOrDefault(refund.reference(), 0L) : refund.plan().priceCents();
            assertTrue(refund.amountCents() <= cap, "refund above what was paid: " + refund + " " + trace);
        }
        long refunded = ledger.stream().filter(e -> e.type() == LedgerEntry.Type.REFUND).mapToLong(LedgerEntry::amountCents).sum();
        long charged = ledger.stream().filter(e -> e.type() == LedgerEntry.Type.CHARGE).mapToLong(LedgerEntry::amountCents).sum();
        assertTrue(refunded <= charged, "more refunded than charged: " + trace);
        assertTrue(f.gateway.refundedCents() <= f.gateway.chargedCents(), trace);
    }

    private static List<PaymentReservation> completed(BillingFixture f, java.util.Set<String> keys) {
        return keys.stream().map(k -> f.store.reservation(SELLER, k)).flatMap(Optional::stream)
                .filter(r -> r.status() == PaymentReservation.Status.COMPLETED).toList();
    }

    /** The charge key is the business key and the attempt number. */
    private static String businessKey(String chargeKey) {
        return chargeKey.substring(0, chargeKey.lastIndexOf('#'));
    }
}

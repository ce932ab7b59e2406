package app.go.domain.billing;

import app.go.testing.HookedPaymentGateway;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static app.go.domain.billing.BillingFixture.CARD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReservationSweeperTest {
    private static final Instant MAR_18 = Instant.parse("2026-03-18T09:00:00Z");

    private static ReservationSweeper sweeper(BillingFixture f) {
        return new ReservationSweeper(f.store, f.sellers, f.idempotency, f.gateway, f.clock, r -> { });
    }

    private static Subscriptions crashing(BillingFixture f, boolean afterCharge) {
        HookedPaymentGateway.Hook crash = (p, m, a, k) -> {
            throw new IllegalStateException("kill -9");
        };
        return new Subscriptions(f.store, f.sellers, afterCharge ? HookedPaymentGateway.after(f.gateway, crash)
                : HookedPaymentGateway.before(f.gateway, crash), f.clock);
    }

    @Test
    @DisplayName("BILL-13 a subscribe that crashed after the charge is activated by the sweeper once the gateway confirms the charge, although the seller never retries")
    void charged() {
        BillingFixture f = new BillingFixture().seller("s1", 2);
        assertThrows(IllegalStateException.class, () -> crashing(f, true).subscribe("s1", Plan.PERSONAL_ASSISTANT, CARD, true));
        assertEquals(0, sweeper(f).sweep(f.clock.instant()), "a reservation younger than any request is left alone");
        f.clock.advance(Subscriptions.RESERVATION_ABANDONED_AFTER);
        assertEquals(1, sweeper(f).sweep(f.clock.instant()));
        assertEquals(SubscriptionStatus.ACTIVE, f.store.subscription("s1", Plan.PERSONAL_ASSISTANT).orElseThrow().status());
        assertEquals(1, f.gateway.charges());
        assertEquals(1, f.store.ledger("s1").size());
        assertEquals(0, sweeper(f).sweep(f.clock.instant()), "nothing open any more");
    }

    @Test
    @DisplayName("BILL-13 a subscribe that crashed before the charge is released by the sweeper: no charge, the seller can subscribe at once")
    void notCharged() {
        BillingFixture f = new BillingFixture().seller("s1", 2);
        assertThrows(IllegalStateException.class, () -> crashing(f, false).subscribe("s1", Plan.PERSONAL_ASSISTANT, CARD, true));
        f.clock.advance(Subscriptions.RESERVATION_ABANDONED_AFTER);
        sweeper(f).sweep(f.clock.instant());
        assertTrue(f.store.subscription("s1", Plan.PERSONAL_ASSISTANT).isEmpty());
        assertEquals(0, f.gateway.charges());
        assertEquals(SubscriptionStatus.ACTIVE, f.subscriptions.subscribe("s1", Plan.PERSONAL_ASSISTANT, CARD, true).subscription().status());
    }

    @Test
    @DisplayName("BILL-13 a renewal that crashed after taking the balance and charging the card is finished by the sweeper: renewed once, nothing taken twice")
    void renewalCrash() {
        BillingFixture f = new BillingFixture().seller("s1", 2);
        f.subscriptions.subscribe("s1", Plan.PERSONAL_ASSISTANT, CARD, true);
        f.store.setBalance("s1", 1_000);
        f.clock.set(MAR_18);
        Renewal crashing = new Renewal(f.store, f.sellers, app.go.testing.InMemoryIdempotencyStore.forgetful(),
                HookedPaymentGateway.after(f.gateway, (p, m, a, k) -> {
                    throw new IllegalStateException("kill -9");
                }), f.clock);
        assertThrows(IllegalStateException.class, () -> crashing.renew("s1", Plan.PERSONAL_ASSISTANT, MAR_18));
        f.clock.advance(Duration.ofMinutes(5));
        assertEquals(1, sweeper(f).sweep(f.clock.instant()));
        Subscription s = f.store.subscription("s1", Plan.PERSONAL_ASSISTANT).orElseThrow();
        assertEquals(SubscriptionStatus.ACTIVE, s.status());
        assertEquals(MAR_18, s.currentPeriodStart());
        assertEquals(0L, f.store.balance("s1"));
        assertEquals(2_900L + 1_900L, f.gateway.chargedCents());
    }
}

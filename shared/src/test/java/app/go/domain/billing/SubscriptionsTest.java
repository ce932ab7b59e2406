package app.go.domain.billing;

import app.go.domain.billing.BillingFixture;

import app.go.domain.billing.LedgerEntry;
import app.go.domain.port.PaymentGateway;
import app.go.domain.billing.Plan;
import app.go.domain.billing.Subscription;
import app.go.domain.billing.SubscriptionStatus;
import app.go.domain.billing.Subscriptions;
import app.go.support.errors.DomainException;
import app.go.testing.HookedPaymentGateway;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import static app.go.domain.billing.BillingFixture.CARD;
import static app.go.domain.billing.BillingFixture.DECLINING;
import static app.go.domain.billing.BillingFixture.PAYPAL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SubscriptionsTest {

    @Test
    @DisplayName("BILL-4 subscribing without the auto-renewal box ticked is refused with AUTO_RENEW_CONSENT_REQUIRED")
    void consentRequired() {
        BillingFixture f = new BillingFixture().seller("s1", 2);
        DomainException e = assertThrows(DomainException.class,
                () -> f.subscriptions.subscribe("s1", Plan.PERSONAL_ASSISTANT, CARD, false));
        assertEquals("AUTO_RENEW_CONSENT_REQUIRED", e.code());
        assertEquals(422, e.kind().httpStatus());
        assertEquals(0, f.gateway.charges());
        assertTrue(f.store.subscriptions("s1").isEmpty());
    }

    @Test
    @DisplayName("ELIG-1 BILL-12 a level 1 seller cannot subscribe to PA (NOT_ELIGIBLE); Seller Plus Premium makes them eligible and includes PA")
    void eligibility() {
        BillingFixture f = new BillingFixture().seller("s1", 1);
        DomainException e = assertThrows(DomainException.class,
                () -> f.subscriptions.subscribe("s1", Plan.PERSONAL_ASSISTANT, CARD, true));
        assertEquals("NOT_ELIGIBLE", e.code());
        assertEquals(422, e.kind().httpStatus());

        f.subscriptions.subscribe("s1", Plan.SELLER_PLUS_PREMIUM, CARD, true);
        assertTrue(f.sellers.account("s1").orElseThrow().sellerPlusPremium());
        assertTrue(f.entitlements.hasAssistant("s1"));
        assertEquals(Subscriptions.INCLUDED_IN_SELLER_PLUS, assertThrows(DomainException.class,
                () -> f.subscriptions.subscribe("s1", Plan.PERSONAL_ASSISTANT, CARD, true)).code());
    }

    @Test
    @DisplayName("ELIG-2 a level 1 seller who is not Pro is not charged for the Creation Model (NOT_ELIGIBLE); a Pro seller is")
    void creationModelEligibility() {
        BillingFixture f = new BillingFixture().seller("s1", 1);
        DomainException e = assertThrows(DomainException.class,
                () -> f.subscriptions.subscribe("s1", Plan.CREATION_MODEL, CARD, true));
        assertEquals("NOT_ELIGIBLE", e.code());
        assertEquals(422, e.kind().httpStatus());
        assertEquals(0, f.gateway.charges());
        assertTrue(f.store.subscriptions("s1").isEmpty());

        f.sellers.saveAccount(new app.go.domain.seller.SellerAccount("s1", 1, true, "UTC", false));
        assertEquals(SubscriptionStatus.ACTIVE,
                f.subscriptions.subscribe("s1", Plan.CREATION_MODEL, CARD, true).subscription().status());
    }

    @Test
    @DisplayName("BILL-3 BILL-1 the first payment of $29 is taken from the card and written to the ledger in cents")
    void firstPaymentByCard() {
        BillingFixture f = new BillingFixture().seller("s1", 2);
        f.store.setBalance("s1", 10_000); // the first payment never comes from the balance
        Subscriptions.Subscribed result = f.subscriptions.subscribe("s1", Plan.PERSONAL_ASSISTANT, CARD, true);
        assertEquals(2_900L, result.charge().amountCents());
        assertEquals(LedgerEntry.Source.CARD, result.charge().source());
        assertEquals(Instant.parse("2026-03-18T09:00:00Z"), result.subscription().currentPeriodEnd());
        assertEquals(2_900L, f.gateway.chargedCents());
        assertEquals(10_000L, f.store.balance("s1"));
        LedgerEntry entry = f.store.ledger("s1").get(0);
        assertEquals(LedgerEntry.Type.CHARGE, entry.type());
        assertEquals(2_900L, entry.amountCents());
    }

    @Test
    @DisplayName("BILL-3 BILL-2 PayPal pays the first $25 of the Creation Model")
    void firstPaymentByPaypal() {
        BillingFixture f = new BillingFixture().seller("s1", 2);
        Subscriptions.Subscribed result = f.subscriptions.subscribe("s1", Plan.CREATION_MODEL, PAYPAL, true);
        assertEquals(2_500L, result.charge().amountCents());
        assertEquals(LedgerEntry.Source.PAYPAL, result.charge().source());
    }

    @Test
    @DisplayName("BILL-3 a declined first payment creates no subscription (PAYMENT_DECLINED)")
    void declinedFirstPayment() {
        BillingFixture f = new BillingFixture().seller("s1", 2);
        DomainException e = assertThrows(DomainException.class,
                () -> f.subscriptions.subscribe("s1", Plan.PERSONAL_ASSISTANT, DECLINING, true));
        assertEquals("PAYMENT_DECLINED", e.code());
        assertTrue(f.store.subscriptions("s1").isEmpty());
        assertTrue(f.store.ledger("s1").isEmpty());
    }

    @Test
    @DisplayName("BILL-6 subscribing twice to the same plan is a conflict; cancelling keeps it until the period ends")
    void duplicateAndCancel() {
        BillingFixture f = new BillingFixture().seller("s1", 2);
        f.subscriptions.subscribe("s1", Plan.PERSONAL_ASSISTANT, CARD, true);
        assertEquals("ALREADY_SUBSCRIBED", assertThrows(DomainException.class,
                () -> f.subscriptions.subscribe("s1", Plan.PERSONAL_ASSISTANT, CARD, true)).code());
        assertEquals(SubscriptionStatus.CANCELLED_AT_PERIOD_END, f.subscriptions.cancel("s1", Plan.PERSONAL_ASSISTANT).status());
        assertEquals(1, f.gateway.charges());
    }

    @Test
    @DisplayName("BILL-10 crediting the balance adds integer cents and a ledger entry; zero or less is refused")
    void credit() {
        BillingFixture f = new BillingFixture();
        f.subscriptions.credit("s1", 1_999);
        f.subscriptions.credit("s1", 1);
        assertEquals(2_000L, f.subscriptions.balance("s1"));
        assertEquals(2, f.subscriptions.ledger("s1").size());
        assertThrows(DomainException.class, () -> f.subscriptions.credit("s1", 0));
    }

    private static String attempt(Subscriptions subscriptions) {
        try {
            subscriptions.subscribe("s1", Plan.PERSONAL_ASSISTANT, CARD, true);
            return "SUBSCRIBED";
        } catch (DomainException e) {
            return e.code();
        }
    }

    @Test
    @DisplayName("BILL-3 BILL-9 two concurrent subscribes to one plan a second apart charge once: one subscribes, the other is ALREADY_SUBSCRIBED")
    void concurrentSubscribes() {
        BillingFixture f = new BillingFixture().seller("s1", 2);
        List<String> outcomes = new ArrayList<>();
        AtomicBoolean raced = new AtomicBoolean();
        Subscriptions[] racing = new Subscriptions[1];
        PaymentGateway gateway = HookedPaymentGateway.before(f.gateway, (sellerId, method, amountCents, key) -> {
            if (raced.compareAndSet(false, true)) { // the second request arrives while the first is being charged
                f.clock.advance(Duration.ofSeconds(1));
                outcomes.add(attempt(racing[0]));
            }
        });
        racing[0] = new Subscriptions(f.store, f.sellers, gateway, f.clock);

        outcomes.add(attempt(racing[0]));
        assertEquals(List.of("ALREADY_SUBSCRIBED", "SUBSCRIBED"), outcomes.stream().sorted().toList());
        assertEquals(1, f.gateway.charges());
        assertEquals(1, f.store.ledger("s1").size());
        assertEquals(SubscriptionStatus.ACTIVE, f.store.subscription("s1", Plan.PERSONAL_ASSISTANT).orElseThrow().status());
    }

    @Test
    @DisplayName("BILL-3 after a declined first payment the seller can subscribe again with another card")
    void retryAfterDecline() {
        BillingFixture f = new BillingFixture().seller("s1", 2);
        assertEquals("PAYMENT_DECLINED", assertThrows(DomainException.class,
                () -> f.subscriptions.subscribe("s1", Plan.PERSONAL_ASSISTANT, DECLINING, true)).code());
        f.clock.advance(Duration.ofSeconds(1)); // within the same second the charge key, and so the gateway's answer, is the same
        assertEquals(SubscriptionStatus.ACTIVE,
                f.subscriptions.subscribe("s1", Plan.PERSONAL_ASSISTANT, CARD, true).subscription().status());
        assertEquals(1, f.gateway.charges());
    }

    @Test
    @DisplayName("BILL-13 a subscribe that crashed after the charge is finished by the next subscribe, without charging twice")
    void abandonedReservation() {
        BillingFixture f = new BillingFixture().seller("s1", 2);
        Subscriptions crashing = new Subscriptions(f.store, f.sellers, HookedPaymentGateway.after(f.gateway, (p, m, a, k) -> {
            throw new IllegalStateException("crash after the charge");
        }), f.clock);
        assertThrows(IllegalStateException.class, () -> crashing.subscribe("s1", Plan.PERSONAL_ASSISTANT, CARD, true));
        Subscription reserved = f.store.subscription("s1", Plan.PERSONAL_ASSISTANT).orElseThrow();
        assertEquals(SubscriptionStatus.PENDING, reserved.status());
        assertEquals("ALREADY_SUBSCRIBED", assertThrows(DomainException.class,
                () -> f.subscriptions.subscribe("s1", Plan.PERSONAL_ASSISTANT, CARD, true)).code());
        assertTrue(f.subscriptions.subscriptions("s1").isEmpty(), "a reservation is not shown as a subscription");

        f.clock.advance(Subscriptions.RESERVATION_ABANDONED_AFTER);
        Subscriptions.Subscribed resumed = f.subscriptions.subscribe("s1", Plan.PERSONAL_ASSISTANT, CARD, true);
        assertEquals(SubscriptionStatus.ACTIVE, resumed.subscription().status());
        assertEquals(reserved.currentPeriodStart(), resumed.subscription().currentPeriodStart());
        assertEquals(1, f.gateway.charges());
        assertEquals(1, f.store.ledger("s1").size());
    }

    @Test
    @DisplayName("BILL-13 a subscribe that crashed before the charge blocks nobody: after the window the next subscribe starts afresh")
    void abandonedBeforeTheCharge() {
        BillingFixture f = new BillingFixture().seller("s1", 2);
        Subscriptions crashing = new Subscriptions(f.store, f.sellers, HookedPaymentGateway.before(f.gateway, (p, m, a, k) -> {
            throw new IllegalStateException("crash before the charge");
        }), f.clock);
        assertThrows(IllegalStateException.class, () -> crashing.subscribe("s1", Plan.PERSONAL_ASSISTANT, CARD, true));
        f.clock.advance(Subscriptions.RESERVATION_ABANDONED_AFTER);
        assertEquals(SubscriptionStatus.ACTIVE, f.subscriptions.subscribe("s1", Plan.PERSONAL_ASSISTANT, CARD, true).subscription().status());
        assertEquals(1, f.gateway.charges());
    }

    @Test
    @DisplayName("BILL-12 BILL-1 a Seller Plus Premium member cannot buy the standalone assistant: 409 INCLUDED_IN_SELLER_PLUS_PREMIUM, nothing charged")
    void premiumMemberCannotBuyStandalonePa() {
        BillingFixture f = new BillingFixture().seller("s1", 2);
        f.subscriptions.subscribe("s1", Plan.SELLER_PLUS_PREMIUM, CARD, true);
        long charged = f.gateway.chargedCents();
        DomainException refused = assertThrows(DomainException.class,
                () -> f.subscriptions.subscribe("s1", Plan.PERSONAL_ASSISTANT, CARD, true));
        assertEquals(Subscriptions.INCLUDED_IN_SELLER_PLUS, refused.code());
        assertEquals(409, refused.kind().httpStatus());
        assertEquals(charged, f.gateway.chargedCents());
        assertTrue(f.store.subscription("s1", Plan.PERSONAL_ASSISTANT).isEmpty());
    }
}

package app.go.domain.billing;

import app.go.domain.billing.LedgerEntry;
import app.go.domain.billing.Plan;
import app.go.domain.billing.ProratedUpgrade;
import app.go.domain.billing.Subscription;
import app.go.domain.billing.SubscriptionStatus;
import app.go.domain.seller.AssistantState;
import app.go.support.errors.DomainException;
import app.go.testing.InMemoryIdempotencyStore;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static app.go.domain.billing.BillingFixture.CARD;
import static app.go.domain.billing.BillingFixture.DECLINING;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProratedUpgradeTest {
    private static final Instant FEB_18 = Instant.parse("2026-02-18T09:00:00Z");
    private static final Instant MAR_8 = Instant.parse("2026-03-08T09:00:00Z"); // 10 days before MAR_18
    private static final Instant MAR_18 = Instant.parse("2026-03-18T09:00:00Z");

    private static BillingFixture withPa() {
        return withPa(new BillingFixture());
    }

    private static BillingFixture withPa(BillingFixture f) {
        f.seller("s1", 2).assistant("s1", AssistantState.ACTIVE);
        f.subscriptions.subscribe("s1", Plan.PERSONAL_ASSISTANT, CARD, true);
        f.clock.set(MAR_8);
        return f;
    }

    private static List<LedgerEntry> refunds(BillingFixture f) {
        return f.store.ledger("s1").stream().filter(e -> e.type() == LedgerEntry.Type.REFUND).toList();
    }

    @Test
    @DisplayName("BILL-8 upgrading 10 days before the PA period ends refunds $9.70 to the balance and starts Seller Plus Premium now")
    void upgradeRefundsUnusedDays() {
        BillingFixture f = withPa();
        ProratedUpgrade.Upgraded upgraded = f.upgrades.upgrade("s1", Plan.PERSONAL_ASSISTANT, Plan.SELLER_PLUS_PREMIUM);

        assertEquals(970, upgraded.proration().refundCents());
        assertEquals(10, upgraded.proration().remainingDays());
        assertEquals(970, f.store.balance("s1"));
        List<LedgerEntry> refunds = refunds(f);
        assertEquals(1, refunds.size());
        assertEquals(970, refunds.get(0).amountCents());
        assertEquals(LedgerEntry.Source.BALANCE, refunds.get(0).source());

        Subscription pa = f.store.subscription("s1", Plan.PERSONAL_ASSISTANT).orElseThrow();
        assertEquals(SubscriptionStatus.ENDED, pa.status());
        assertEquals(MAR_8, pa.currentPeriodEnd());
        Subscription premium = f.store.subscription("s1", Plan.SELLER_PLUS_PREMIUM).orElseThrow();
        assertEquals(SubscriptionStatus.ACTIVE, premium.status());
        assertEquals(MAR_8, premium.currentPeriodStart());
        assertEquals(Instant.parse("2026-04-08T09:00:00Z"), premium.currentPeriodEnd());
        assertEquals(CARD, premium.paymentMethod());
        assertTrue(f.sellers.account("s1").orElseThrow().sellerPlusPremium());
        assertEquals(AssistantState.ACTIVE, f.assistantState("s1"), "PA goes on through Seller Plus Premium");
        assertTrue(f.entitlements.hasAssistant("s1"));
        assertTrue(f.store.dueForRenewal(MAR_18).isEmpty(), "the ended PA subscription is not renewed");
    }

    @Test
    @DisplayName("BILL-8 BILL-3 the new plan is paid from the balance first, then the PA subscription's card")
    void balanceFirstThenCard() {
        BillingFixture f = withPa();
        f.store.setBalance("s1", 1_000);
        ProratedUpgrade.Upgraded upgraded = f.upgrades.upgrade("s1", Plan.PERSONAL_ASSISTANT, Plan.SELLER_PLUS_PREMIUM);
        long price = Plan.SELLER_PLUS_PREMIUM.priceCents();
        assertEquals(price, upgraded.payment().amountCents());
        assertEquals(1_000, upgraded.payment().fromBalanceCents());
        assertEquals(price - 1_000, upgraded.payment().fromPaymentMethodCents());
        assertEquals(LedgerEntry.Source.CARD, upgraded.payment().source());
        assertEquals(Plan.PERSONAL_ASSISTANT.priceCents() + price - 1_000, f.gateway.chargedCents());
        assertEquals(970, f.store.balance("s1"), "the balance paid 1000 and got the 970 refund");

        BillingFixture rich = withPa();
        rich.store.setBalance("s1", 10_000);
        ProratedUpgrade.Upgraded fromBalance = rich.upgrades.upgrade("s1", Plan.PERSONAL_ASSISTANT, Plan.SELLER_PLUS_PREMIUM);
        assertEquals(LedgerEntry.Source.BALANCE, fromBalance.payment().source());
        assertEquals(10_000 - price + 970, rich.store.balance("s1"));
        assertEquals(1, rich.gateway.charges(), "only the first PA payment went to the card");
    }

    @Test
    @DisplayName("BILL-8 a repeated upgrade refunds once: the PA subscription has ended, so 409 NOTHING_TO_UPGRADE")
    void repeatRefundsOnce() {
        BillingFixture f = withPa();
        f.upgrades.upgrade("s1", Plan.PERSONAL_ASSISTANT, Plan.SELLER_PLUS_PREMIUM);
        DomainException again = assertThrows(DomainException.class,
                () -> f.upgrades.upgrade("s1", Plan.PERSONAL_ASSISTANT, Plan.SELLER_PLUS_PREMIUM));
        assertEquals(ProratedUpgrade.NOTHING_TO_UPGRADE, again.code());
        assertEquals(409, again.kind().httpStatus());
        assertEquals(1, refunds(f).size());
        assertEquals(970, f.store.balance("s1"));
        assertEquals(2, f.gateway.charges());
    }

    @Test
    @DisplayName("BILL-8 a retry of an upgrade that stopped after paying and refunding finishes it without paying or refunding again")
    void resumesAnInterruptedUpgrade() {
        BillingFixture f = withPa(new BillingFixture(InMemoryIdempotencyStore.forgetful()));
        f.upgrades.upgrade("s1", Plan.PERSONAL_ASSISTANT, Plan.SELLER_PLUS_PREMIUM);
        // as if the last step (ending PA) had not happened and the attempt's claim had expired
        Subscription pa = f.store.subscription("s1", Plan.PERSONAL_ASSISTANT).orElseThrow();
        f.store.put(new Subscription("s1", Plan.PERSONAL_ASSISTANT, SubscriptionStatus.ACTIVE, FEB_18, MAR_18, 18, CARD, true));
        f.clock.set(pa.currentPeriodEnd().plusSeconds(90_000)); // a day later: a new computation would give fewer days

        ProratedUpgrade.Upgraded retried = f.upgrades.upgrade("s1", Plan.PERSONAL_ASSISTANT, Plan.SELLER_PLUS_PREMIUM);
        assertEquals(970, retried.proration().refundCents(), "the refund already given is reported, not a second one");
        assertEquals(1, refunds(f).size());
        assertEquals(970, f.store.balance("s1"));
        assertEquals(2, f.gateway.charges());
        assertEquals(SubscriptionStatus.ENDED, f.store.subscription("s1", Plan.PERSONAL_ASSISTANT).orElseThrow().status());
    }

    @Test
    @DisplayName("BILL-8 BILL-3 a declined card leaves PA running, gives the balance part back and refunds nothing")
    void declined() {
        BillingFixture f = new BillingFixture().seller("s1", 2);
        f.store.put(new Subscription("s1", Plan.PERSONAL_ASSISTANT, SubscriptionStatus.ACTIVE, FEB_18, MAR_18, 18, DECLINING, true));
        f.clock.set(MAR_8);
        f.store.setBalance("s1", 500);
        DomainException e = assertThrows(DomainException.class,
                () -> f.upgrades.upgrade("s1", Plan.PERSONAL_ASSISTANT, Plan.SELLER_PLUS_PREMIUM));
        assertEquals("PAYMENT_DECLINED", e.code());
        assertEquals(500, f.store.balance("s1"));
        assertTrue(refunds(f).isEmpty());
        assertEquals(SubscriptionStatus.ACTIVE, f.store.subscription("s1", Plan.PERSONAL_ASSISTANT).orElseThrow().status());
        assertTrue(f.store.subscription("s1", Plan.SELLER_PLUS_PREMIUM).isEmpty());
        assertFalse(f.sellers.account("s1").orElseThrow().sellerPlusPremium());
    }

    @Test
    @DisplayName("BILL-8 only PA to Seller Plus Premium is an upgrade; without a running PA subscription there is nothing to upgrade")
    void refusals() {
        BillingFixture f = new BillingFixture().seller("s1", 2);
        assertEquals(ProratedUpgrade.NOTHING_TO_UPGRADE, assertThrows(DomainException.class,
                () -> f.upgrades.upgrade("s1", Plan.PERSONAL_ASSISTANT, Plan.SELLER_PLUS_PREMIUM)).code());
        assertEquals("UPGRADE_NOT_SUPPORTED", assertThrows(DomainException.class,
                () -> f.upgrades.upgrade("s1", Plan.CREATION_MODEL, Plan.SELLER_PLUS_PREMIUM)).code());
        f.subscriptions.subscribe("s1", Plan.PERSONAL_ASSISTANT, CARD, true);
        f.subscriptions.subscribe("s1", Plan.SELLER_PLUS_PREMIUM, CARD, true);
        assertEquals("ALREADY_SUBSCRIBED", assertThrows(DomainException.class,
                () -> f.upgrades.upgrade("s1", Plan.PERSONAL_ASSISTANT, Plan.SELLER_PLUS_PREMIUM)).code());
        assertTrue(refunds(f).isEmpty());
    }

    @Test
    @DisplayName("BILL-8 the quote (ProrateUpgradeHandler) computes the refund at a given time and changes nothing")
    void quote() {
        BillingFixture f = withPa();
        ProratedUpgrade.Quote quote = f.upgrades.quote("s1", Plan.PERSONAL_ASSISTANT, Plan.SELLER_PLUS_PREMIUM,
                Instant.parse("2026-03-08T09:00:00Z"));
        assertEquals(970, quote.proration().refundCents());
        assertEquals(0, f.upgrades.quote("s1", Plan.PERSONAL_ASSISTANT, Plan.SELLER_PLUS_PREMIUM,
                MAR_18.minusSeconds(3_600)).proration().refundCents());
        assertEquals(SubscriptionStatus.ACTIVE, f.store.subscription("s1", Plan.PERSONAL_ASSISTANT).orElseThrow().status());
        assertEquals(0, f.store.balance("s1"));
    }
}

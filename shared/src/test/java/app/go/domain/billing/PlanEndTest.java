package app.go.domain.billing;

import app.go.domain.billing.BillingFixture;

import app.go.domain.billing.Plan;
import app.go.domain.billing.Renewal;
import app.go.domain.billing.SubscriptionStatus;
import app.go.domain.seller.AssistantState;
import app.go.domain.seller.EligibilityChange;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static app.go.domain.billing.BillingFixture.CARD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PlanEndTest {
    private static final Instant MAR_18 = Instant.parse("2026-03-18T09:00:00Z");

    @Test
    @DisplayName("BILL-6 a cancelled PA subscription keeps the assistant on until the period ends, then switches it INACTIVE without a charge")
    void cancelledPaSwitchesOffAtPeriodEnd() {
        BillingFixture f = new BillingFixture().seller("s1", 2).assistant("s1", AssistantState.ACTIVE);
        f.subscriptions.subscribe("s1", Plan.PERSONAL_ASSISTANT, CARD, true);
        f.subscriptions.cancel("s1", Plan.PERSONAL_ASSISTANT);
        assertEquals(AssistantState.ACTIVE, f.assistantState("s1"));
        f.clock.set(MAR_18);
        assertEquals(Renewal.Outcome.ENDED, f.renewal.renew("s1", Plan.PERSONAL_ASSISTANT, MAR_18));
        assertEquals(AssistantState.INACTIVE, f.assistantState("s1"));
        assertEquals(EligibilityChange.SYSTEM, f.sellers.assistant("s1").updatedFrom());
        assertEquals(1, f.gateway.charges(), "only the first payment");
        assertTrue(f.sellers.notifications("s1").isEmpty(), "still eligible: nothing lost but the subscription");
    }

    @Test
    @DisplayName("BILL-7 Seller Plus Premium ending switches PA off; a level 1 seller is told ELIGIBILITY_LOST (ELIG-3)")
    void premiumEndSwitchesPaOff() {
        BillingFixture f = new BillingFixture().seller("s1", 1);
        f.subscriptions.subscribe("s1", Plan.SELLER_PLUS_PREMIUM, CARD, true);
        f.assistant("s1", AssistantState.PAUSED);
        f.subscriptions.cancel("s1", Plan.SELLER_PLUS_PREMIUM);
        f.clock.set(MAR_18);
        assertEquals(Renewal.Outcome.ENDED, f.renewal.renew("s1", Plan.SELLER_PLUS_PREMIUM, MAR_18));
        assertEquals(AssistantState.INACTIVE, f.assistantState("s1"));
        assertFalse(f.sellers.account("s1").orElseThrow().sellerPlusPremium());
        assertEquals(1, f.sellers.notifications("s1").size());
        assertEquals(EligibilityChange.ELIGIBILITY_LOST, f.sellers.notifications("s1").get(0).type());
        assertTrue(f.sellers.notifications("s1").get(0).id().startsWith("eligibility-lost#PA#"));
    }

    @Test
    @DisplayName("BILL-7 Seller Plus Premium ending keeps PA on when a standalone PA subscription still runs")
    void standalonePaKeepsAssistant() {
        BillingFixture f = new BillingFixture().seller("s1", 2);
        f.subscriptions.subscribe("s1", Plan.PERSONAL_ASSISTANT, CARD, true);
        f.subscriptions.subscribe("s1", Plan.SELLER_PLUS_PREMIUM, CARD, true);
        f.assistant("s1", AssistantState.ACTIVE);
        f.subscriptions.cancel("s1", Plan.SELLER_PLUS_PREMIUM);
        f.clock.set(MAR_18);
        f.renewal.renew("s1", Plan.SELLER_PLUS_PREMIUM, MAR_18);
        assertEquals(AssistantState.ACTIVE, f.assistantState("s1"));
        assertFalse(f.sellers.account("s1").orElseThrow().sellerPlusPremium());
    }

    @Test
    @DisplayName("BILL-7 the marketplace's downgrade to Standard ends Seller Plus Premium now, switches PA off and tells the seller once; repeating changes nothing")
    void platformDowngrade() {
        BillingFixture f = new BillingFixture().seller("s1", 2);
        f.subscriptions.subscribe("s1", Plan.SELLER_PLUS_PREMIUM, CARD, true);
        f.assistant("s1", AssistantState.ACTIVE);
        f.clock.set(Instant.parse("2026-03-01T00:00:00Z"));
        assertEquals(SubscriptionStatus.ENDED, f.subscriptions.endSellerPlus("s1").orElseThrow().status());
        assertEquals(AssistantState.INACTIVE, f.assistantState("s1"));
        assertFalse(f.sellers.account("s1").orElseThrow().sellerPlusPremium());
        assertTrue(f.store.dueForRenewal(MAR_18).isEmpty());
        assertTrue(f.subscriptions.endSellerPlus("s1").isEmpty());
        assertEquals(1, f.gateway.charges());
        assertEquals(List.of(PlanEnd.ASSISTANT_SWITCHED_OFF), f.sellers.notifications("s1").stream().map(n -> n.type()).toList(),
                "level 2 keeps PA eligibility; the seller is told the assistant is off (BILL-7)");
    }

    @Test
    @DisplayName("BILL-6 a Creation Model subscription ending leaves the assistant alone")
    void creationModelEndLeavesAssistant() {
        BillingFixture f = new BillingFixture().seller("s1", 2).assistant("s1", AssistantState.ACTIVE);
        f.subscriptions.subscribe("s1", Plan.CREATION_MODEL, CARD, true);
        f.subscriptions.cancel("s1", Plan.CREATION_MODEL);
        f.clock.set(MAR_18);
        f.renewal.renew("s1", Plan.CREATION_MODEL, MAR_18);
        assertEquals(AssistantState.ACTIVE, f.assistantState("s1"));
        assertFalse(f.entitlements.hasCreationModel("s1"));
    }
}

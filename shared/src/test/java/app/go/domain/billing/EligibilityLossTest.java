package app.go.domain.billing;

import app.go.domain.seller.AssistantState;
import app.go.domain.seller.EligibilityChange;
import app.go.domain.seller.SellerAccount;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static app.go.domain.billing.BillingFixture.CARD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EligibilityLossTest {
    private static final Instant MAR_08 = Instant.parse("2026-03-08T15:00:00Z");
    private static final Instant MAR_18 = Instant.parse("2026-03-18T09:00:00Z");

    private static EligibilityChange.Lost dropToLevel1(BillingFixture f) {
        Optional<SellerAccount> before = f.sellers.account("s1");
        SellerAccount after = new SellerAccount("s1", 1, false, "UTC", before.orElseThrow().sellerPlusPremium());
        f.sellers.saveAccount(after);
        EligibilityChange.Lost lost = new EligibilityChange(f.sellers, f.clock).apply(before, after);
        new EligibilityLoss(f.store, f.sellers, f.clock).apply("s1", lost);
        return lost;
    }

    @Test
    @DisplayName("ELIG-3 losing eligibility notifies once, ends PA and CM at once (features stop), and nothing is renewed or charged again")
    void losingEndsTheStandalonePlans() {
        BillingFixture f = new BillingFixture().seller("s1", 2).assistant("s1", AssistantState.ACTIVE);
        f.subscriptions.subscribe("s1", Plan.PERSONAL_ASSISTANT, CARD, true);
        f.subscriptions.subscribe("s1", Plan.CREATION_MODEL, CARD, true);
        f.clock.set(MAR_08);
        dropToLevel1(f);

        assertEquals(1, f.sellers.notifications("s1").size());
        assertEquals(EligibilityChange.ELIGIBILITY_LOST, f.sellers.notifications("s1").get(0).type());
        assertFalse(f.entitlements.hasAssistant("s1"));
        assertFalse(f.entitlements.hasCreationModel("s1"));
        assertEquals(AssistantState.INACTIVE, f.assistantState("s1"));
        assertEquals(SubscriptionStatus.ENDED, f.store.subscription("s1", Plan.PERSONAL_ASSISTANT).orElseThrow().status());
        assertEquals(SubscriptionStatus.ENDED, f.store.subscription("s1", Plan.CREATION_MODEL).orElseThrow().status());

        long charged = f.gateway.chargedCents();
        f.clock.set(MAR_18);
        f.run.runAsOf(MAR_18);
        assertTrue(f.queue.drain().isEmpty(), "no renewal message for ended plans");
        assertEquals(charged, f.gateway.chargedCents());
        assertEquals(970L + 83L * 10, f.store.balance("s1"), "the unused calendar days go back (BILL-8 rule)");

        dropToLevel1(f); // the same change again
        assertEquals(1, f.sellers.notifications("s1").size());
        assertEquals(970L + 83L * 10, f.store.balance("s1"));
    }

    @Test
    @DisplayName("ELIG-3 regaining eligibility lets the seller subscribe again")
    void regaining() {
        BillingFixture f = new BillingFixture().seller("s1", 2);
        f.subscriptions.subscribe("s1", Plan.PERSONAL_ASSISTANT, CARD, true);
        f.clock.set(MAR_08);
        dropToLevel1(f);
        f.sellers.saveAccount(new SellerAccount("s1", 2, false, "UTC", false));
        assertEquals(SubscriptionStatus.ACTIVE, f.subscriptions.subscribe("s1", Plan.PERSONAL_ASSISTANT, CARD, true).subscription().status());
    }

    @Test
    @DisplayName("ELIG-1 ELIG-3 a Seller Plus Premium member who drops a level keeps PA (membership) and the membership; CM ends")
    void premiumMemberKeepsPa() {
        BillingFixture f = new BillingFixture().seller("s1", 2).assistant("s1", AssistantState.ACTIVE);
        f.subscriptions.subscribe("s1", Plan.SELLER_PLUS_PREMIUM, CARD, true);
        f.subscriptions.subscribe("s1", Plan.CREATION_MODEL, CARD, true);
        f.clock.set(MAR_08);
        EligibilityChange.Lost lost = dropToLevel1(f);
        assertEquals(List.of("CM"), lost.features());
        assertTrue(f.entitlements.hasAssistant("s1"));
        assertEquals(AssistantState.ACTIVE, f.assistantState("s1"));
        assertEquals(SubscriptionStatus.ACTIVE, f.store.subscription("s1", Plan.SELLER_PLUS_PREMIUM).orElseThrow().status());
        assertEquals(SubscriptionStatus.ENDED, f.store.subscription("s1", Plan.CREATION_MODEL).orElseThrow().status());
    }
}

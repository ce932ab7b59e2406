package app.go.domain.billing;

import app.go.domain.billing.BillingFixture;

import app.go.domain.billing.Plan;
import app.go.domain.billing.Renewal;
import app.go.domain.billing.Subscription;
import app.go.domain.billing.SubscriptionStatus;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static app.go.domain.billing.BillingFixture.CARD;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EntitlementsTest {
    private static final Instant FEB_18 = Instant.parse("2026-02-18T09:00:00Z");
    private static final Instant MAR_18 = Instant.parse("2026-03-18T09:00:00Z");

    @Test
    @DisplayName("BILL-6 a cancelled subscription keeps PA and CM until the period ends; after the end both stop")
    void cancelledKeepsFeaturesUntilPeriodEnd() {
        BillingFixture f = new BillingFixture().seller("s1", 2);
        f.subscriptions.subscribe("s1", Plan.PERSONAL_ASSISTANT, CARD, true);
        f.subscriptions.subscribe("s1", Plan.CREATION_MODEL, CARD, true);
        f.subscriptions.cancel("s1", Plan.PERSONAL_ASSISTANT);
        f.subscriptions.cancel("s1", Plan.CREATION_MODEL);
        f.clock.set(MAR_18.minusSeconds(1));
        assertTrue(f.entitlements.hasAssistant("s1"));
        assertTrue(f.entitlements.hasCreationModel("s1"));

        f.clock.set(MAR_18);
        assertFalse(f.entitlements.hasAssistant("s1"));
        assertFalse(f.entitlements.hasCreationModel("s1"));
        f.renewal.renew("s1", Plan.PERSONAL_ASSISTANT, MAR_18);
        f.renewal.renew("s1", Plan.CREATION_MODEL, MAR_18);
        assertFalse(f.entitlements.hasAssistant("s1"));
        assertFalse(f.entitlements.hasCreationModel("s1"));
    }

    @Test
    @DisplayName("BILL-1 PA comes with the standalone plan or with Seller Plus Premium; nothing without a subscription")
    void assistantThroughEitherPlan() {
        BillingFixture f = new BillingFixture().seller("s1", 2).seller("s2", 0);
        assertFalse(f.entitlements.hasAssistant("s1"));
        f.subscriptions.subscribe("s1", Plan.PERSONAL_ASSISTANT, CARD, true);
        assertTrue(f.entitlements.hasAssistant("s1"));
        assertFalse(f.entitlements.hasCreationModel("s1"));
        f.subscriptions.subscribe("s2", Plan.SELLER_PLUS_PREMIUM, CARD, true);
        assertTrue(f.entitlements.hasAssistant("s2"));
    }

    @Test
    @DisplayName("BILL-2 BILL-11 an ACTIVE subscription whose renewal is due still entitles; PAST_DUE too while retries remain; ENDED does not")
    void renewalDueAndPastDue() {
        BillingFixture f = new BillingFixture().seller("s1", 2);
        f.subscriptions.subscribe("s1", Plan.CREATION_MODEL, CARD, true);
        f.clock.set(MAR_18.plusSeconds(3_600));
        assertTrue(f.entitlements.hasCreationModel("s1"));
        f.store.put(new Subscription("s1", Plan.CREATION_MODEL, SubscriptionStatus.PAST_DUE, FEB_18, MAR_18, 18, CARD, true, 1));
        assertTrue(f.entitlements.hasCreationModel("s1"));
        assertTrue(Renewal.Outcome.SKIPPED == f.renewal.renew("s1", Plan.CREATION_MODEL, MAR_18), "the day-1 retry is not due yet");
        f.store.put(new Subscription("s1", Plan.CREATION_MODEL, SubscriptionStatus.ENDED, FEB_18, MAR_18, 18, CARD, true, 4));
        assertFalse(f.entitlements.hasCreationModel("s1"));
    }
}

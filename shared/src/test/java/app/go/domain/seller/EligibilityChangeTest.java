package app.go.domain.seller;

import app.go.domain.billing.BillingFixture;

import app.go.domain.seller.AssistantState;
import app.go.domain.seller.EligibilityChange;
import app.go.domain.seller.Notification;
import app.go.domain.seller.SellerAccount;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EligibilityChangeTest {

    private static SellerAccount account(int level, boolean pro, boolean plus) {
        return new SellerAccount("s1", level, pro, "UTC", plus);
    }

    @Test
    @DisplayName("ELIG-3 ELIG-1 dropping below level 2 switches an ACTIVE assistant off and notifies ELIGIBILITY_LOST once, naming both features")
    void losingLevel() {
        BillingFixture f = new BillingFixture().assistant("s1", AssistantState.ACTIVE);
        EligibilityChange change = new EligibilityChange(f.sellers, f.clock);
        EligibilityChange.Lost lost = change.apply(Optional.of(account(2, false, false)), account(1, false, false));
        assertTrue(lost.assistant());
        assertTrue(lost.creationModel());
        assertEquals(List.of("PA", "CM"), lost.features());
        assertEquals(AssistantState.INACTIVE, f.assistantState("s1"));
        List<Notification> notifications = f.sellers.notifications("s1");
        assertEquals(1, notifications.size());
        assertEquals(EligibilityChange.ELIGIBILITY_LOST, notifications.get(0).type());
        assertTrue(notifications.get(0).id().startsWith("eligibility-lost#PA+CM#"));

        // the same change again is no transition: nobody is told twice
        assertEquals(List.of(), change.apply(Optional.of(account(1, false, false)), account(1, false, false)).features());
        assertEquals(1, f.sellers.notifications("s1").size());
    }

    @Test
    @DisplayName("ELIG-2 ELIG-3 a Pro seller keeps CM, a Seller Plus Premium member keeps PA when the level drops")
    void otherRoutesToEligibilityKeepTheFeature() {
        BillingFixture f = new BillingFixture().assistant("s1", AssistantState.PAUSED);
        EligibilityChange change = new EligibilityChange(f.sellers, f.clock);
        EligibilityChange.Lost lost = change.apply(Optional.of(account(3, true, true)), account(0, true, true));
        assertFalse(lost.assistant());
        assertFalse(lost.creationModel());
        assertEquals(AssistantState.PAUSED, f.assistantState("s1"));
        assertTrue(f.sellers.notifications("s1").isEmpty());

        EligibilityChange.Lost cmOnly = change.apply(Optional.of(account(0, true, true)), account(0, false, true));
        assertEquals(List.of("CM"), cmOnly.features());
        assertEquals(AssistantState.PAUSED, f.assistantState("s1"));
        assertTrue(f.sellers.notifications("s1").get(0).id().startsWith("eligibility-lost#CM#"));
    }

    @Test
    @DisplayName("ELIG-3 a new seller or one gaining eligibility loses nothing")
    void noLoss() {
        BillingFixture f = new BillingFixture();
        EligibilityChange change = new EligibilityChange(f.sellers, f.clock);
        assertEquals(List.of(), change.apply(Optional.empty(), account(0, false, false)).features());
        assertEquals(List.of(), change.apply(Optional.of(account(1, false, false)), account(2, false, false)).features());
        assertTrue(f.sellers.notifications("s1").isEmpty());
    }
}

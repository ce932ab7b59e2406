package app.go.domain.assistant;

import app.go.domain.seller.AssistantState;
import app.go.domain.seller.SellerAccount;
import app.go.support.errors.DomainException;
import app.go.support.time.AdjustableClock;
import app.go.testing.InMemoryConversationStore;
import app.go.testing.InMemorySellerStore;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class AssistantSubscriptionTest {
    private final InMemorySellerStore sellers = new InMemorySellerStore();
    private final Set<String> subscribers = new java.util.HashSet<>();
    private final AssistantLifecycle lifecycle = new AssistantLifecycle(sellers, new InMemoryConversationStore(),
            AdjustableClock.systemUtc(), subscribers::contains);

    @Test
    @DisplayName("BILL-1 activating the assistant needs its subscription (or Seller Plus Premium): 422 SUBSCRIPTION_REQUIRED")
    void activationNeedsSubscription() {
        sellers.saveAccount(new SellerAccount("s-1", 2, false, "UTC", false));
        DomainException refused = assertThrows(DomainException.class, () -> lifecycle.activate("s-1", "mobile"));
        assertEquals("SUBSCRIPTION_REQUIRED", refused.code());
        assertEquals(AssistantState.INACTIVE, sellers.assistant("s-1").state());

        subscribers.add("s-1");
        assertEquals(AssistantState.ACTIVE, lifecycle.activate("s-1", "mobile").state());
    }

    @Test
    @DisplayName("BILL-6 a paused assistant cannot be resumed once the subscription has ended")
    void resumeNeedsSubscription() {
        sellers.saveAccount(new SellerAccount("s-2", 2, false, "UTC", false));
        subscribers.add("s-2");
        lifecycle.activate("s-2", "mobile");
        lifecycle.pause("s-2", "mobile");
        subscribers.remove("s-2");
        assertEquals("SUBSCRIPTION_REQUIRED", assertThrows(DomainException.class, () -> lifecycle.resume("s-2", "mobile")).code());
    }
}

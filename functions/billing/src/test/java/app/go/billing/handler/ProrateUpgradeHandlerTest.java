package app.go.billing.handler;

import app.go.domain.billing.PaymentMethod;
import app.go.domain.billing.Plan;
import app.go.domain.billing.ProratedUpgrade;
import app.go.domain.billing.Subscription;
import app.go.domain.billing.SubscriptionStatus;
import app.go.support.errors.DomainException;
import app.go.adapter.offline.OfflinePaymentGateway;
import app.go.testing.InMemoryBillingStore;
import app.go.testing.InMemoryIdempotencyStore;
import app.go.testing.InMemorySellerStore;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ProrateUpgradeHandlerTest {
    private final InMemoryBillingStore store = new InMemoryBillingStore();
    private final ProrateUpgradeHandler handler = new ProrateUpgradeHandler(new ProratedUpgrade(store, new InMemorySellerStore(),
            InMemoryIdempotencyStore.remembering(), new OfflinePaymentGateway(),
            Clock.fixed(Instant.parse("2026-03-13T09:00:00Z"), ZoneOffset.UTC)));

    ProrateUpgradeHandlerTest() {
        store.put(new Subscription("s1", Plan.PERSONAL_ASSISTANT, SubscriptionStatus.ACTIVE, Instant.parse("2026-02-18T09:00:00Z"),
                Instant.parse("2026-03-18T09:00:00Z"), 18, new PaymentMethod(PaymentMethod.Type.CARD, "tok_visa"), true));
    }

    @Test
    @DisplayName("BILL-8 prorateUpgrade computes $9.70 for 10 days left of $29, as of the event's time")
    void refundAt() {
        Map<String, Object> result = handler.handleRequest(Map.of("sellerId", "s1", "from", "PERSONAL_ASSISTANT",
                "to", "SELLER_PLUS_PREMIUM", "at", "2026-03-08T09:00:00Z"), null);
        assertEquals(10L, result.get("remainingDays"));
        assertEquals(97L, result.get("dailyRateCents"));
        assertEquals(Map.of("amountCents", 970L, "currency", "USD"), result.get("refund"));
        assertEquals("2026-03-18T09:00:00Z", result.get("currentPeriodEnd"));
    }

    @Test
    @DisplayName("BILL-8 prorateUpgrade without a time uses the clock (5 days left: 485 cents); bad input is refused")
    void refundNowAndBadInput() {
        Map<String, Object> result = handler.handleRequest(Map.of("sellerId", "s1", "from", "personal_assistant",
                "to", "SELLER_PLUS_PREMIUM"), null);
        assertEquals(Map.of("amountCents", 485L, "currency", "USD"), result.get("refund"));
        assertEquals("VALIDATION_FAILED", assertThrows(DomainException.class, () -> handler.handleRequest(
                Map.of("sellerId", "s1", "from", "GOLD", "to", "SELLER_PLUS_PREMIUM"), null)).code());
        assertEquals("VALIDATION_FAILED", assertThrows(DomainException.class, () -> handler.handleRequest(
                Map.of("from", "PERSONAL_ASSISTANT", "to", "SELLER_PLUS_PREMIUM"), null)).code());
        assertEquals(ProratedUpgrade.NOTHING_TO_UPGRADE, assertThrows(DomainException.class, () -> handler.handleRequest(
                Map.of("sellerId", "s2", "from", "PERSONAL_ASSISTANT", "to", "SELLER_PLUS_PREMIUM"), null)).code());
    }
}

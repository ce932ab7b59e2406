package app.go.billing.handler;

import app.go.domain.billing.BillingRun;
import app.go.domain.billing.PaymentMethod;
import app.go.domain.billing.Plan;
import app.go.domain.billing.Subscription;
import app.go.domain.billing.SubscriptionStatus;
import app.go.support.errors.DomainException;
import app.go.testing.InMemoryBillingStore;
import app.go.testing.RecordingQueue;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import app.go.adapter.offline.OfflinePaymentGateway;
import app.go.domain.billing.ReservationSweeper;
import app.go.testing.InMemoryIdempotencyStore;
import app.go.testing.InMemorySellerStore;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RunBillingHandlerTest {
    private final InMemoryBillingStore store = new InMemoryBillingStore();
    private final RecordingQueue queue = new RecordingQueue();
    private final Clock clock = Clock.fixed(Instant.parse("2026-03-01T00:00:00Z"), ZoneOffset.UTC);
    private final RunBillingHandler handler = new RunBillingHandler(new BillingRun(store, queue),
            new ReservationSweeper(store, new InMemorySellerStore(), InMemoryIdempotencyStore.remembering(),
                    new OfflinePaymentGateway(), clock, reservation -> { }), clock);

    RunBillingHandlerTest() {
        store.put(new Subscription("s1", Plan.PERSONAL_ASSISTANT, SubscriptionStatus.ACTIVE, Instant.parse("2026-02-18T00:00:00Z"),
                Instant.parse("2026-03-18T00:00:00Z"), 18, new PaymentMethod(PaymentMethod.Type.CARD, "tok_visa"), true));
    }

    @Test
    @DisplayName("BILL-9 an EventBridge scheduled event runs billing as of its time")
    void scheduledEvent() {
        Map<String, Object> event = new HashMap<>();
        event.put("version", "0");
        event.put("id", "53dc4d37-cffa-4f76-80c9-8b7d4a4d2eaa");
        event.put("detail-type", "Scheduled Event");
        event.put("source", "aws.events");
        event.put("account", "123456789012");
        event.put("time", "2026-03-18T00:00:00Z");
        event.put("region", "us-east-1");
        event.put("resources", List.of("arn:aws:events:us-east-1:123456789012:rule/BillingSchedule"));
        event.put("detail", Map.of());

        Map<String, Object> result = handler.handleRequest(event, null);
        assertEquals("2026-03-18T00:00:00Z", result.get("at"));
        assertEquals(1, result.get("enqueued"));
        assertEquals(1, queue.sent().size());
    }

    @Test
    @DisplayName("BILL-9 {\"at\"} runs as of that time; without a time the clock's now is used")
    void explicitAtAndClock() {
        assertEquals(0, handler.handleRequest(Map.of("at", "2026-03-17T23:59:59Z"), null).get("enqueued"));
        Map<String, Object> now = handler.handleRequest(Map.of(), null);
        assertEquals("2026-03-01T00:00:00Z", now.get("at"));
        assertEquals(0, now.get("enqueued"));
        assertEquals(0, handler.handleRequest(null, null).get("enqueued"));
        assertThrows(DomainException.class, () -> handler.handleRequest(Map.of("at", "yesterday"), null));
    }
}

package app.go.billing.handler;

import app.go.domain.billing.PaymentMethod;
import app.go.domain.billing.Plan;
import app.go.domain.billing.Renewal;
import app.go.domain.billing.Subscription;
import app.go.domain.billing.SubscriptionStatus;
import app.go.adapter.offline.OfflinePaymentGateway;
import app.go.testing.InMemoryBillingStore;
import app.go.testing.InMemoryIdempotencyStore;
import app.go.testing.InMemorySellerStore;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RenewSubscriptionHandlerTest {
    private static final Instant MAR_18 = Instant.parse("2026-03-18T00:00:00Z");

    private final InMemoryBillingStore store = new InMemoryBillingStore();
    private final OfflinePaymentGateway gateway = new OfflinePaymentGateway();
    private final app.go.testing.RecordingDeadLetters deadLetters = new app.go.testing.RecordingDeadLetters();
    private final RenewSubscriptionHandler handler = new RenewSubscriptionHandler(new Renewal(store, new InMemorySellerStore(),
            InMemoryIdempotencyStore.remembering(), gateway, Clock.fixed(MAR_18, ZoneOffset.UTC)), deadLetters);

    private static SQSEvent.SQSMessage record(String id, String body) {
        SQSEvent.SQSMessage message = new SQSEvent.SQSMessage();
        message.setMessageId(id);
        message.setBody(body);
        message.setAttributes(Map.of("ApproximateReceiveCount", "1"));
        return message;
    }

    @Test
    @DisplayName("BILL-9 a batch with the same renewal twice and a malformed record charges once; the malformed record goes to the dead-letter queue at once with its reason")
    void batch() {
        store.put(new Subscription("s1", Plan.PERSONAL_ASSISTANT, SubscriptionStatus.ACTIVE, Instant.parse("2026-02-18T00:00:00Z"),
                MAR_18, 18, new PaymentMethod(PaymentMethod.Type.CARD, "tok_visa"), true));
        store.setBalance("s1", 900);
        String body = "{\"sellerId\":\"s1\",\"plan\":\"PERSONAL_ASSISTANT\",\"periodEnd\":\"2026-03-18T00:00:00Z\"}";
        SQSEvent event = new SQSEvent();
        event.setRecords(List.of(record("m1", body), record("m2", body), record("m3", "{\"sellerId\":\"s1\"}")));

        SQSBatchResponse response = handler.handleRequest(event, null);

        assertEquals(List.of(), response.getBatchItemFailures().stream()
                .map(SQSBatchResponse.BatchItemFailure::getItemIdentifier).toList());
        assertEquals(List.of("m3"), deadLetters.parked().stream().map(app.go.testing.RecordingDeadLetters.Parked::messageId).toList());
        assertEquals("missing required field plan", deadLetters.parked().get(0).reason());
        assertEquals(2_000L, gateway.chargedCents());
        assertEquals(1, gateway.charges());
        assertEquals(0L, store.balance("s1"));
        assertEquals(Instant.parse("2026-04-18T00:00:00Z"),
                store.subscription("s1", Plan.PERSONAL_ASSISTANT).orElseThrow().currentPeriodEnd());
    }
}

package app.go.assistant.handler;

import app.go.testing.HandoffFixture;
import app.go.domain.assistant.AssistantResponder;
import app.go.domain.conversation.Author;
import app.go.domain.seller.AssistantSettings;
import app.go.domain.seller.AssistantState;
import app.go.domain.seller.SellerAccount;
import app.go.adapter.offline.OfflineLanguageModel;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.tests.annotations.Event;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class OnMessageHandlerTest {

    @ParameterizedTest
    @Event(value = "events/sqs-inbound-message.json", type = SQSEvent.class)
    @DisplayName("PA-BEH-1 a real SQS FIFO event: the good record is answered, a poison record and the rest of its conversation's group are reported as failures")
    void answersAndReportsFailuresPerGroup(SQSEvent event) {
        HandoffFixture fixture = new HandoffFixture("Hello, I need a logo");
        fixture.sellers.saveAccount(new SellerAccount(HandoffFixture.SELLER, 2, false, "UTC", false));
        fixture.sellers.saveAssistant(HandoffFixture.SELLER,
                AssistantSettings.initial().withState(AssistantState.ACTIVE, fixture.clock.instant(), "mobile"));
        Map<String, Object> started = new LinkedHashMap<>();
        OnMessageHandler handler = new OnMessageHandler(new AssistantResponder(fixture.conversations, fixture.sellers,
                new OfflineLanguageModel(), fixture.idempotency, (name, input) -> {
                    started.put(name, input);
                    return name;
                }, fixture.clock));

        SQSBatchResponse response = handler.handleRequest(event, null);

        List<String> failed = response.getBatchItemFailures().stream().map(SQSBatchResponse.BatchItemFailure::getItemIdentifier).toList();
        // record 2 is poison; record 3 shares its message group, so it must wait: order within a conversation holds
        assertEquals(List.of("059f36b4-87a3-44ab-83d2-661975830a7d", "a8f3c2a1-0d8e-4a0e-9a0b-0c0d0e0f1a2b"), failed);
        assertEquals(1, fixture.conversations.messages(fixture.conversation()).stream()
                .filter(m -> m.author() == Author.ASSISTANT).count());
        assertEquals(0, started.size());
    }

    @ParameterizedTest
    @Event(value = "events/sqs-inbound-message.json", type = SQSEvent.class)
    @DisplayName("The same SQS event delivered twice produces one reply (idempotency on the business key, not the SQS id)")
    void redeliveryRepliesOnce(SQSEvent event) {
        HandoffFixture fixture = new HandoffFixture("Hello, I need a logo");
        fixture.sellers.saveAccount(new SellerAccount(HandoffFixture.SELLER, 2, false, "UTC", false));
        fixture.sellers.saveAssistant(HandoffFixture.SELLER,
                AssistantSettings.initial().withState(AssistantState.ACTIVE, fixture.clock.instant(), "mobile"));
        OnMessageHandler handler = new OnMessageHandler(new AssistantResponder(fixture.conversations, fixture.sellers,
                new OfflineLanguageModel(), fixture.idempotency, (name, input) -> name, fixture.clock));
        handler.handleRequest(event, null);
        event.getRecords().get(0).setMessageId("new-id-after-redrive");
        handler.handleRequest(event, null);
        assertEquals(1, fixture.conversations.messages(fixture.conversation()).stream()
                .filter(m -> m.author() == Author.ASSISTANT).count());
    }
}

package app.go.assistant.handler;

import app.go.testing.HandoffFixture;
import app.go.testing.RecordingDeadLetters;
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
import static org.junit.jupiter.api.Assertions.assertTrue;

class OnMessageHandlerTest {

    @ParameterizedTest
    @Event(value = "events/sqs-inbound-message.json", type = SQSEvent.class)
    @DisplayName("PA-BEH-1 a real SQS FIFO event: the good record is answered; a poison record goes to the dead-letter queue at once with its reason and does not block its conversation's group")
    void answersAndParksPoisonAtOnce(SQSEvent event) {
        HandoffFixture fixture = new HandoffFixture("Hello, I need a logo");
        fixture.sellers.saveAccount(new SellerAccount(HandoffFixture.SELLER, 2, false, "UTC", false));
        fixture.sellers.saveAssistant(HandoffFixture.SELLER,
                AssistantSettings.initial().withState(AssistantState.ACTIVE, fixture.clock.instant(), "mobile"));
        Map<String, Object> started = new LinkedHashMap<>();
        RecordingDeadLetters deadLetters = new RecordingDeadLetters();
        OnMessageHandler handler = new OnMessageHandler(new AssistantResponder(fixture.conversations, fixture.sellers,
                new OfflineLanguageModel(), fixture.idempotency, (name, input) -> {
                    started.put(name, input);
                    return name;
                }, fixture.clock), fixture.conversations, deadLetters);

        SQSBatchResponse response = handler.handleRequest(event, null);

        List<String> failed = response.getBatchItemFailures().stream().map(SQSBatchResponse.BatchItemFailure::getItemIdentifier).toList();
        // record 2 is poison (parked on its first receive, not after 5); record 3 shares its group and is not held back
        assertEquals(List.of(), failed);
        assertEquals(1, deadLetters.parked().size());
        RecordingDeadLetters.Parked parked = deadLetters.parked().get(0);
        assertEquals("not json at all", parked.body());
        assertEquals("c-2", parked.groupId());
        assertTrue(parked.reason().startsWith("unparseable JSON"), parked.reason());
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
                new OfflineLanguageModel(), fixture.idempotency, (name, input) -> name, fixture.clock),
                fixture.conversations, new RecordingDeadLetters());
        handler.handleRequest(event, null);
        event.getRecords().get(0).setMessageId("new-id-after-redrive");
        handler.handleRequest(event, null);
        assertEquals(1, fixture.conversations.messages(fixture.conversation()).stream()
                .filter(m -> m.author() == Author.ASSISTANT).count());
    }
}

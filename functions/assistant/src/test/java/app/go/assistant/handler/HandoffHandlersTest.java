package app.go.assistant.handler;

import app.go.testing.HandoffFixture;
import app.go.domain.conversation.Author;
import app.go.domain.conversation.HandledBy;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static app.go.testing.HandoffFixture.CONVERSATION;
import static app.go.testing.HandoffFixture.MESSAGE;
import static app.go.testing.HandoffFixture.SELLER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The three handoff steps driven as Step Functions drives them: the state's JSON input as a Map. */
class HandoffHandlersTest {

    /** The execution input AssistantResponder starts the workflow with. */
    private static Map<String, Object> executionInput(String... reasons) {
        Map<String, Object> input = new HashMap<>();
        input.put("sellerId", SELLER);
        input.put("conversationId", CONVERSATION);
        input.put("messageId", MESSAGE);
        input.put("reasons", List.of(reasons));
        return input;
    }

    @Test
    @DisplayName("PA-BEH-3 DecideHandoffHandler returns {handoff, followUpAfterSeconds, reasons} for the Choice and Wait states")
    void decideHandler() {
        HandoffFixture f = new HandoffFixture("Can I talk to the seller?");

        Map<String, Object> result = new DecideHandoffHandler(f.handoff()).handleRequest(executionInput("ASKED_FOR_SELLER"), null);

        assertEquals(Map.of("handoff", true, "followUpAfterSeconds", 3_600L, "reasons", List.of("ASKED_FOR_SELLER")), result);
    }

    @Test
    @DisplayName("PA-BEH-4 PA-BEH-5 SummarizeHandler writes the summary, hands over and notifies, returning {summaryWritten, notificationId}")
    void summarizeHandler() {
        HandoffFixture f = new HandoffFixture("I need a custom offer");
        Map<String, Object> input = executionInput("CUSTOM_OFFER");
        input.put("decision", Map.of("handoff", true, "followUpAfterSeconds", 3_600, "reasons", List.of("CUSTOM_OFFER")));

        Map<String, Object> result = new SummarizeHandler(f.handoff()).handleRequest(input, null);

        assertEquals(true, result.get("summaryWritten"));
        assertEquals(f.sellers.notifications(SELLER).get(0).id(), result.get("notificationId"));
        assertEquals(HandledBy.SELLER, f.conversation().handledBy());
    }

    @Test
    @DisplayName("PA-BEH-6 SendFollowUpHandler sends the follow-up once and reports {sent, reason}")
    void followUpHandler() {
        HandoffFixture f = new HandoffFixture("Bonjour, je voudrais une offre personnalisée");
        SendFollowUpHandler handler = new SendFollowUpHandler(f.handoff());
        Map<String, Object> input = executionInput("CUSTOM_OFFER");
        input.put("decision", Map.of("handoff", true, "followUpAfterSeconds", 3_600, "reasons", List.of("CUSTOM_OFFER")));
        input.put("summary", Map.of("summaryWritten", true, "notificationId", "n-1"));

        Map<String, Object> result = handler.handleRequest(input, null);
        Map<String, Object> retry = handler.handleRequest(input, null);

        assertEquals(Map.of("sent", true, "reason", "SELLER_NOT_JOINED"), result);
        assertEquals(Map.of("sent", false, "reason", "ALREADY_SENT"), retry);
        assertEquals(1, f.conversations.messages(f.conversation()).stream().filter(m -> m.author() == Author.ASSISTANT).count());
    }

    @Test
    @DisplayName("PA-BEH-6 SendFollowUpHandler reports SELLER_JOINED when the seller wrote")
    void followUpHandlerSellerJoined() {
        HandoffFixture f = new HandoffFixture("Can I talk to the seller?");
        f.write(Author.SELLER, "Hi!");

        Map<String, Object> result = new SendFollowUpHandler(f.handoff()).handleRequest(executionInput("ASKED_FOR_SELLER"), null);

        assertEquals(Map.of("sent", false, "reason", "SELLER_JOINED"), result);
    }

    @Test
    @DisplayName("PA-BEH-3 a handoff step input without its ids fails the step (Step Functions retries, then fails the run)")
    void missingIdsFail() {
        HandoffFixture f = new HandoffFixture("hello");

        assertThrows(IllegalArgumentException.class,
                () -> new DecideHandoffHandler(f.handoff()).handleRequest(Map.of("sellerId", SELLER), null));
    }
}
